package model

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Validate returns every problem of the plan at once: duplicate codes,
// dates out of order, weights and progress outside 0–100 (errors), and
// phases without dates or without an end, weights not adding up to 100,
// phases outside the objective's year (warnings). A phase with a Fine
// prevista and no Inizio previsto is a milestone, not a problem. Problems of reading the cells themselves are
// the reader's to report.
func (p *Plan) Validate() Problems {
	var ps Problems
	seen := make(map[string]*Objective, len(p.Objectives))
	for _, o := range p.Objectives {
		if first, dup := seen[o.Code]; dup {
			ps = append(ps, o.Loc.At(Error, FieldCode,
				fmt.Errorf("%w: %q è già alla riga %d", ErrDuplicate, o.Code, first.Loc.Row)))
			continue
		}
		seen[o.Code] = o
		ps = append(ps, o.validate()...)
	}
	if ph := p.fractions(); ph != nil {
		ps = append(ps, ph.Loc.At(Warning, FieldProgress,
			fmt.Errorf("Avanzamento %s: %w", FormatDecimal(ph.Progress.Value, 2), ErrFraction)))
	}
	return ps
}

// fractions is the first phase whose Avanzamento looks like a fraction
// when every Avanzamento of the plan is between 0 and 1 and one is not a
// whole number (0,8 meant as 80%); nil otherwise.
func (p *Plan) fractions() *Phase {
	var first *Phase
	for _, o := range p.Objectives {
		for i := range o.Phases {
			ph := &o.Phases[i]
			switch v := ph.Progress.Value; {
			case !ph.Progress.Set:
			case v > 1:
				return nil
			case first == nil && v > 0 && v < 1:
				first = ph
			}
		}
	}
	return first
}

func (o *Objective) validate() Problems {
	var ps Problems
	year := o.EffectiveYear()
	ref, farAnno := o.referenceYear()
	if farAnno {
		ps = append(ps, o.Loc.At(Error, FieldYear, fmt.Errorf("Anno %d %w (%d): forse un errore di battitura", o.Year, ErrFarYearOfDates, ref)))
		year = ref
	}
	sum, weighted := 0.0, 0
	for _, ph := range o.Phases {
		if !ph.Start.IsZero() && !ph.End.IsZero() && ph.End.Before(ph.Start) {
			ps = append(ps, ph.Loc.At(Error, FieldEnd,
				fmt.Errorf("%w (%s prima di %s)", ErrDateOrder, ph.End, ph.Start)))
		}
		if ph.Weight.Set {
			weighted++
			sum += ph.Weight.Value
			if !inPercent(ph.Weight.Value) {
				ps = append(ps, ph.Loc.At(Error, FieldWeight,
					fmt.Errorf("Peso %s: %w", FormatDecimal(ph.Weight.Value, 2), ErrRange)))
			}
		}
		if ph.Progress.Set && !inPercent(ph.Progress.Value) {
			ps = append(ps, ph.Loc.At(Error, FieldProgress,
				fmt.Errorf("Avanzamento %s: %w", FormatDecimal(ph.Progress.Value, 2), ErrRange)))
		}
		if far := ph.farDates(ref); len(far) > 0 {
			planned := false
			for _, d := range far {
				sev := Warning // an Inizio effettivo of 2015: a service running for years, maybe
				if d.f == FieldStart || d.f == FieldEnd {
					sev, planned = Error, true
				}
				ps = append(ps, ph.Loc.At(sev, d.f, fmt.Errorf("%s %s %w (%d): forse un errore di battitura nell'anno della data", d.name, d.d, ErrFarYear, ref)))
			}
			if planned {
				continue
			}
		}
		switch {
		case ph.Start.IsZero() && ph.End.IsZero():
			ps = append(ps, ph.Loc.At(Warning, FieldStart, ErrNoDates))
		case ph.End.IsZero():
			ps = append(ps, ph.Loc.At(Warning, FieldEnd, ErrNoEnd))
		case ph.IsMilestone():
			if year != 0 && ph.End.Year != year {
				ps = append(ps, ph.Loc.At(Warning, FieldEnd,
					fmt.Errorf("%w %d (%s)", ErrOutsideYear, year, ph.End)))
			}
		case year != 0 && (ph.Start.Year != year || ph.End.Year != year):
			ps = append(ps, ph.Loc.At(Warning, FieldStart,
				fmt.Errorf("%w %d (%s – %s)", ErrOutsideYear, year, ph.Start, ph.End)))
		}
	}
	for _, in := range o.Indicators {
		if in.Target.Kind == NotMeasurable && hasDigit(in.Target.Text) {
			ps = append(ps, in.Loc.At(Warning, FieldTarget, fmt.Errorf("Valore atteso %q %w", in.Target.Text, ErrUnmeasured)))
		}
		if ParseMeasure(in.Measured).Kind == NotMeasurable && hasDigit(in.Measured) {
			ps = append(ps, in.Loc.At(Warning, FieldMeasured, fmt.Errorf("Valore rilevato %q %w", in.Measured, ErrUnmeasured)))
		}
	}
	if weighted > 0 && math.Abs(sum-100) > 0.005 {
		ps = append(ps, o.Loc.At(Warning, FieldCode,
			fmt.Errorf("%w: %q somma %s", ErrWeights, o.Code, FormatDecimal(sum, 2))))
	}
	return ps
}

func inPercent(v float64) bool { return v >= 0 && v <= 100 }

// hasDigit reports whether s has a digit: a value written with a number
// that the monitoring rules cannot read is worth a warning; a value in
// words only ("Approvazione del regolamento") is simply not measurable.
func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// maxYearsAway is how far from its objective's year a phase's date may be:
// a three-year plan and its spill-over fit; 2207 for 2027 does not, and it
// would squash the Gantt to slivers.
const maxYearsAway = 5

// referenceYear is the year a phase's dates are held against to catch a
// typo (2207 for 2027): Anno, else the Codice's year, else the year most
// of the planned dates have — never the earliest date, which may be the
// typo itself; 0 when there is none or no year wins. farAnno says Anno is
// more than maxYearsAway from the year most planned dates have (2052 for
// phases of 2025): Anno is then the typo, and the dates' year the
// reference.
func (o *Objective) referenceYear() (ref int, farAnno bool) {
	dates := o.datesYear()
	if o.Year != 0 {
		if dates != 0 && (o.Year > dates+maxYearsAway || o.Year < dates-maxYearsAway) {
			return dates, true
		}
		return o.Year, false
	}
	if y := o.codeYear(); y >= 1900 && y <= 2200 {
		return y, false
	}
	return dates, false
}

// datesYear is the year most planned dates of the phases have; 0 for none
// or a tie.
func (o *Objective) datesYear() int {
	count := map[int]int{}
	for _, p := range o.Phases {
		for _, d := range []Date{p.Start, p.End} {
			if !d.IsZero() {
				count[d.Year]++
			}
		}
	}
	best, tie := 0, false
	for y, n := range count {
		switch {
		case n > count[best]:
			best, tie = y, false
		case n == count[best]:
			tie = true
		}
	}
	if tie {
		return 0
	}
	return best
}

// farDate is a date of a phase more than maxYearsAway from its objective's
// reference year, with its field and its name in the sheet.
type farDate struct {
	f    Field
	name string
	d    Date
}

// farDates are the phase's dates more than maxYearsAway from year; none
// when year is 0.
func (ph *Phase) farDates(year int) []farDate {
	if year == 0 {
		return nil
	}
	var far []farDate
	for _, d := range []farDate{
		{FieldStart, "Inizio previsto", ph.Start}, {FieldEnd, "Fine prevista", ph.End},
		{FieldActualStart, "Inizio effettivo", ph.ActualStart}, {FieldActualEnd, "Fine effettiva", ph.ActualEnd},
	} {
		if !d.d.IsZero() && (d.d.Year > year+maxYearsAway || d.d.Year < year-maxYearsAway) {
			far = append(far, d)
		}
	}
	return far
}

// Merge appends more to ps, leaving out the warnings about a phase's
// dates (no dates, no end, outside the year) on a row where ps already has
// a date that could not be read: a Fine prevista that is not a date is one
// problem, not also a phase "without dates".
func (ps Problems) Merge(more Problems) Problems {
	type row struct {
		sheet string
		row   int
	}
	badDate := map[row]bool{}
	for _, p := range ps {
		if p.Severity == Error && p.Row > 0 && errors.Is(p, ErrDate) {
			badDate[row{p.Sheet, p.Row}] = true
		}
	}
	for _, p := range more {
		dates := errors.Is(p, ErrNoDates) || errors.Is(p, ErrNoEnd) || errors.Is(p, ErrOutsideYear)
		if p.Severity == Warning && dates && badDate[row{p.Sheet, p.Row}] {
			continue
		}
		ps = append(ps, p)
	}
	return ps
}

// After warns about the monitoring dates of the plan later than asOf, the
// date of a report: an Inizio effettivo, a Fine effettiva or a Valore
// rilevato that is a date not come yet is likely a typo, or the report's
// date is wrong.
func (p *Plan) After(asOf Date) Problems {
	var ps Problems
	for _, o := range p.Objectives {
		for _, in := range o.Indicators {
			if m := ParseMeasure(in.Measured); m.Kind == Deadline && m.Date.After(asOf) {
				ps = append(ps, in.Loc.At(Warning, FieldMeasured, fmt.Errorf("Valore rilevato %s %w, %s: il rapporto lo conta come già avvenuto; controllare questa data o quella del monitoraggio", m.Date, ErrAfterAsOf, asOf)))
			}
		}
		for _, ph := range o.Phases {
			for _, d := range []struct {
				f    Field
				name string
				d    Date
			}{{FieldActualStart, "Inizio effettivo", ph.ActualStart}, {FieldActualEnd, "Fine effettiva", ph.ActualEnd}} {
				if !d.d.IsZero() && d.d.After(asOf) {
					ps = append(ps, ph.Loc.At(Warning, d.f, fmt.Errorf("%s %s %w, %s: il rapporto la conta come già avvenuta; controllare questa data o quella del monitoraggio", d.name, d.d, ErrAfterAsOf, asOf)))
				}
			}
		}
	}
	return ps
}
