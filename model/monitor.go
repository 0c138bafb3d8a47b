package model

import (
	"math"
)

// The rules of ../shared/spec/monitoring.md: how an indicator, a phase and
// an objective are judged at a reference date. Every figure can be redone
// by hand from the workbook; the README explains how.

// Outcome is the Esito of an indicator or an objective, or the Tempi of a
// phase or an objective, as printed.
type Outcome string

// The outcomes.
const (
	Met          Outcome = "RAGGIUNTO"
	NotMet       Outcome = "NON RAGGIUNTO"
	Unmeasurable Outcome = "NON MISURABILE"
	OnTrack      Outcome = "IN LINEA"
	Partial      Outcome = "PARZIALE"
	OffTrack     Outcome = "NON IN LINEA"
	Early        Outcome = "IN ANTICIPO"
	OnTime       Outcome = "NEI TEMPI"
	Late         Outcome = "IN RITARDO"
	InProgress   Outcome = "IN CORSO"
)

// IndicatorResult is an indicator judged.
type IndicatorResult struct {
	Esito Outcome // Met, NotMet or Unmeasurable
	Grado Num     // 0–100, one decimal; unset when not measurable
}

// Judge holds the measured value against the target.
func (in Indicator) Judge() IndicatorResult {
	t, m := in.Target, ParseMeasure(in.Measured)
	if t.Kind == NotMeasurable || m.Kind == NotMeasurable || t.Kind != m.Kind {
		return IndicatorResult{Esito: Unmeasurable}
	}
	met := false
	grado := 0.0
	switch t.Kind {
	case YesNo:
		met = m.Yes == t.Yes
	case Deadline:
		met = !m.Date.After(t.Date)
	case Number:
		const eps = 1e-9
		M, T := m.Value, t.Value
		switch t.Cmp {
		case AtLeast:
			met = M >= T-eps
		case MoreThan:
			met = M > T+eps
		case AtMost:
			met = M <= T+eps
		case LessThan:
			met = M < T-eps
		case Exactly:
			met = math.Abs(M-T) <= eps
		}
		switch t.Cmp {
		case AtLeast, MoreThan:
			grado = 100
			if T != 0 {
				grado = 100 * M / T
			}
		case AtMost, LessThan:
			grado = 100
			if M != 0 {
				grado = 100 * T / M
			}
		}
	}
	if t.Kind != Number || t.Cmp == Exactly {
		grado = 0
		if met {
			grado = 100
		}
	}
	r := IndicatorResult{Esito: NotMet, Grado: Some(round1(math.Max(0, math.Min(100, grado))))}
	if met {
		r.Esito = Met
	}
	return r
}

// Timing is the Tempi of a phase at the reference date asOf.
func (p Phase) Timing(asOf Date) Outcome {
	switch {
	case p.End.IsZero():
		return Unmeasurable
	case !p.ActualEnd.IsZero() && p.ActualEnd.Before(p.End):
		return Early
	case !p.ActualEnd.IsZero() && p.ActualEnd == p.End:
		return OnTime
	case !p.ActualEnd.IsZero():
		return Late
	case asOf.After(p.End):
		return Late
	}
	return InProgress
}

// ObjectiveResult is an objective judged at a reference date.
type ObjectiveResult struct {
	Realizzazione Num     // one decimal; unset without phases
	Esito         Outcome // OnTrack, Partial, OffTrack or Unmeasurable
	Tempi         Outcome // Late, OnTime or Unmeasurable
	Met           int     // indicators RAGGIUNTO
	Measurable    int     // indicators measurable
	Indicators    []IndicatorResult
	Timings       []Outcome // per phase
}

// Judge judges the objective at the reference date asOf.
func (o *Objective) Judge(asOf Date) ObjectiveResult {
	var r ObjectiveResult
	// Realizzazione: the mean of Avanzamento (empty is 0), weighted by Peso
	// when every phase has one (and they do not all weigh 0).
	if len(o.Phases) > 0 {
		weighted := true
		sumW, sumWA, sumA := 0.0, 0.0, 0.0
		for _, p := range o.Phases {
			a := 0.0
			if p.Progress.Set {
				a = p.Progress.Value
			}
			sumA += a
			if !p.Weight.Set {
				weighted = false
				continue
			}
			sumW += p.Weight.Value
			sumWA += p.Weight.Value * a
		}
		if weighted && sumW > 0 {
			r.Realizzazione = Some(round1(sumWA / sumW))
		} else {
			r.Realizzazione = Some(round1(sumA / float64(len(o.Phases))))
		}
	}
	for _, in := range o.Indicators {
		ir := in.Judge()
		r.Indicators = append(r.Indicators, ir)
		if ir.Esito != Unmeasurable {
			r.Measurable++
			if ir.Esito == Met {
				r.Met++
			}
		}
	}
	switch {
	case r.Measurable == 0:
		r.Esito = Unmeasurable
	case r.Met == r.Measurable:
		r.Esito = OnTrack
	case r.Met == 0:
		r.Esito = OffTrack
	default:
		r.Esito = Partial
	}
	r.Tempi = Unmeasurable
	for _, p := range o.Phases {
		t := p.Timing(asOf)
		r.Timings = append(r.Timings, t)
		switch {
		case t == Late:
			r.Tempi = Late
		case t != Unmeasurable && r.Tempi != Late:
			r.Tempi = OnTime
		}
	}
	return r
}

// round1 rounds to one decimal, halves away from zero.
func round1(v float64) float64 { return math.Round(v*10) / 10 }
