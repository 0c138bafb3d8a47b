package model

import (
	"fmt"
	"math"
)

// Validate returns every problem of the plan at once: duplicate codes,
// dates out of order, weights and progress outside 0–100 (errors), and
// phases without dates, weights not adding up to 100, phases outside the
// objective's year (warnings). Problems of reading the cells themselves are
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
	return ps
}

func (o *Objective) validate() Problems {
	var ps Problems
	year := o.EffectiveYear()
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
		if !ph.HasDates() {
			ps = append(ps, ph.Loc.At(Warning, FieldStart, ErrNoDates))
		} else if year != 0 && (ph.Start.Year != year || ph.End.Year != year) {
			ps = append(ps, ph.Loc.At(Warning, FieldStart,
				fmt.Errorf("%w %d (%s – %s)", ErrOutsideYear, year, ph.Start, ph.End)))
		}
	}
	if weighted > 0 && math.Abs(sum-100) > 0.005 {
		ps = append(ps, o.Loc.At(Warning, FieldCode,
			fmt.Errorf("%w: %q somma %s", ErrWeights, o.Code, FormatDecimal(sum, 2))))
	}
	return ps
}

func inPercent(v float64) bool { return v >= 0 && v <= 100 }
