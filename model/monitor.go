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
	ToStart      Outcome = "DA AVVIARE"  // not started, and not due to yet
	NotStarted   Outcome = "NON AVVIATA" // not started although it should have
)

// IndicatorResult is an indicator judged.
type IndicatorResult struct {
	Outcome Outcome // Esito: Met, NotMet or Unmeasurable
	Degree  Num     // Grado: 0–100, one decimal; unset when not measurable
}

// Judge holds the measured value against the target.
func (in Indicator) Judge() IndicatorResult {
	t, m := in.Target, ParseMeasure(in.Measured)
	if t.Kind == NotMeasurable || m.Kind == NotMeasurable || t.Kind != m.Kind {
		return IndicatorResult{Outcome: Unmeasurable}
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
	r := IndicatorResult{Outcome: NotMet, Degree: Some(round1(math.Max(0, math.Min(100, grado))))}
	if met {
		r.Outcome = Met
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
	case !p.Started():
		if p.Start.IsZero() || asOf.Before(p.Start) {
			return ToStart
		}
		return NotStarted
	}
	return InProgress
}

// Started reports whether work on the phase has begun: it has an Inizio
// effettivo or some Avanzamento.
func (p Phase) Started() bool {
	return !p.ActualStart.IsZero() || (p.Progress.Set && p.Progress.Value != 0)
}

// ObjectiveResult is an objective judged at a reference date.
type ObjectiveResult struct {
	Realization  Num     // Realizzazione %: one decimal; unset without phases
	Outcome      Outcome // Esito: OnTrack, Partial, OffTrack or Unmeasurable
	Timing       Outcome // Tempi: Late, OnTime or Unmeasurable
	Met          int     // indicators RAGGIUNTO
	Measurable   int     // indicators measurable
	Indicators   []IndicatorResult
	PhaseTimings []Outcome // the Tempi of each phase
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
			r.Realization = Some(round1(sumWA / sumW))
		} else {
			r.Realization = Some(round1(sumA / float64(len(o.Phases))))
		}
	}
	for _, in := range o.Indicators {
		ir := in.Judge()
		r.Indicators = append(r.Indicators, ir)
		if ir.Outcome != Unmeasurable {
			r.Measurable++
			if ir.Outcome == Met {
				r.Met++
			}
		}
	}
	switch {
	case r.Measurable == 0:
		r.Outcome = Unmeasurable
	case r.Met == r.Measurable:
		r.Outcome = OnTrack
	case r.Met == 0:
		r.Outcome = OffTrack
	default:
		r.Outcome = Partial
	}
	r.Timing = Unmeasurable
	for _, p := range o.Phases {
		t := p.Timing(asOf)
		r.PhaseTimings = append(r.PhaseTimings, t)
		switch {
		case t == Late || t == NotStarted:
			r.Timing = Late
		case t != Unmeasurable && r.Timing != Late:
			r.Timing = OnTime
		}
	}
	return r
}

// round1 rounds to one decimal, halves away from zero.
func round1(v float64) float64 { return math.Round(v*10) / 10 }
