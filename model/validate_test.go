package model

import (
	"errors"
	"fmt"
	"testing"
)

func TestValidate(t *testing.T) {
	cols := map[Field]int{FieldCode: 1, FieldYear: 4, FieldWeight: 3, FieldStart: 4, FieldEnd: 5, FieldActualEnd: 10, FieldProgress: 11}
	loc := func(sheet string, row int) Loc { return Loc{Sheet: sheet, Row: row, Cols: cols} }
	d := func(s string) Date {
		v, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	ph := func(row int, w Num, start, end string) Phase {
		p := Phase{Description: "fase", Weight: w, Loc: loc("Fasi", row)}
		if start != "" {
			p.Start = d(start)
		}
		if end != "" {
			p.End = d(end)
		}
		return p
	}
	cases := []struct {
		name  string
		obj   []*Objective
		place string
		sev   Severity
		err   error
	}{
		{"duplicate code", []*Objective{{Code: "A", Loc: loc("Obiettivi", 2)}, {Code: "A", Loc: loc("Obiettivi", 3)}}, "Obiettivi!A3", Error, ErrDuplicate},
		{"end before start", []*Objective{{Code: "2019_A", Phases: []Phase{ph(2, Some(100), "01/06/2019", "01/05/2019")}}}, "Fasi!E2", Error, ErrDateOrder},
		{"weight over 100", []*Objective{{Code: "2019_A", Phases: []Phase{ph(2, Some(120), "01/01/2019", "01/05/2019")}}}, "Fasi!C2", Error, ErrRange},
		{"negative weight", []*Objective{{Code: "2019_A", Phases: []Phase{ph(2, Some(-1), "01/01/2019", "01/05/2019"), ph(3, Some(101), "01/01/2019", "01/05/2019")}}}, "Fasi!C2", Error, ErrRange},
		{"progress over 100", []*Objective{{Code: "2019_A", Phases: []Phase{func() Phase { p := ph(2, Some(100), "01/01/2019", "01/05/2019"); p.Progress = Some(150); return p }()}}}, "Fasi!K2", Error, ErrRange},
		{"no dates", []*Objective{{Code: "2019_A", Phases: []Phase{ph(2, Some(100), "", "")}}}, "Fasi!D2", Warning, ErrNoDates},
		{"no end", []*Objective{{Code: "2019_A", Phases: []Phase{ph(2, Some(100), "01/03/2019", "")}}}, "Fasi!E2", Warning, ErrNoEnd},
		{"milestone outside the year", []*Objective{{Code: "2019_A", Year: 2019, Phases: []Phase{ph(2, Some(100), "", "31/01/2020")}}}, "Fasi!E2", Warning, ErrOutsideYear},
		{"weights not 100", []*Objective{{Code: "2019_A", Loc: loc("Obiettivi", 2), Phases: []Phase{ph(2, Some(50), "01/01/2019", "01/05/2019")}}}, "Obiettivi!A2", Warning, ErrWeights},
		{"outside the year", []*Objective{{Code: "2019_A", Year: 2019, Phases: []Phase{ph(2, Some(100), "01/10/2019", "31/03/2020")}}}, "Fasi!D2", Warning, ErrOutsideYear},
		{"a year typo in the end", []*Objective{{Code: "2027_A", Year: 2027, Phases: []Phase{ph(2, Some(100), "01/10/2027", "31/12/2207")}}}, "Fasi!E2", Error, ErrFarYear},
		{"a year typo in the start", []*Objective{{Code: "2027_A", Year: 2027, Phases: []Phase{ph(2, Some(100), "01/10/1927", "31/12/2027")}}}, "Fasi!D2", Error, ErrFarYear},
		{"a year typo in the actual end", []*Objective{{Code: "2027_A", Year: 2027, Phases: []Phase{func() Phase {
			p := ph(2, Some(100), "01/01/2027", "01/05/2027")
			p.ActualEnd = d("10/04/2072")
			return p
		}()}}}, "Fasi!J2", Warning, ErrFarYear},
		{"a typo in the earliest date, without Anno", []*Objective{{Code: "ZN10", Phases: []Phase{ph(2, Some(50), "01/02/2017", "30/06/2027"), ph(3, Some(50), "01/07/2027", "31/12/2027")}}}, "Fasi!D2", Error, ErrFarYear},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps := (&Plan{Objectives: c.obj}).Validate()
			for _, p := range ps {
				if p.Place() == c.place && p.Severity == c.sev && errors.Is(p, c.err) {
					return
				}
			}
			t.Errorf("want %v %v at %s; got %v", c.sev, c.err, c.place, ps)
		})
	}
	clean := &Plan{Objectives: []*Objective{{Code: "2019_A", Phases: []Phase{ph(2, Some(60), "01/01/2019", "30/06/2019"), ph(3, Some(40), "01/07/2019", "31/12/2019")}}}}
	if ps := clean.Validate(); len(ps) != 0 {
		t.Errorf("a clean plan has problems: %v", ps)
	}
	milestone := &Plan{Objectives: []*Objective{{Code: "2019_A", Phases: []Phase{ph(2, Num{}, "01/01/2019", "30/06/2019"), ph(3, Num{}, "", "30/09/2019")}}}}
	if ps := milestone.Validate(); len(ps) != 0 {
		t.Errorf("a milestone (Fine prevista only) is no problem: %v", ps)
	}
	typo := &Plan{Objectives: []*Objective{{Code: "ZN10", Phases: []Phase{ph(2, Some(50), "01/02/2017", "30/06/2027"), ph(3, Some(50), "01/07/2027", "31/12/2027")}}}}
	for _, p := range typo.Validate() {
		if errors.Is(p, ErrFarYear) && p.Place() != "Fasi!D2" {
			t.Errorf("the right dates are blamed for the typo: %v", p)
		}
	}
	anno := &Plan{Objectives: []*Objective{{Code: "A", Year: 2052, Loc: loc("Obiettivi", 2), Phases: []Phase{ph(2, Some(50), "01/02/2025", "30/06/2025"), ph(3, Some(50), "01/07/2025", "31/12/2025")}}}}
	if ps := anno.Validate(); len(ps) != 1 || ps[0].Place() != "Obiettivi!D2" || !errors.Is(ps[0], ErrFarYearOfDates) {
		t.Errorf("Anno 2052 for phases of 2025: want one error at Anno, got %v", ps)
	}
	triennial := &Plan{Objectives: []*Objective{{Code: "2026_A", Year: 2026, Phases: []Phase{ph(2, Some(100), "01/01/2026", "31/12/2028")}}}}
	if ps := triennial.Validate(); len(ps) != 1 || !errors.Is(ps[0], ErrOutsideYear) {
		t.Errorf("a three-year phase is a warning, no more: %v", ps)
	}
	noWeights := &Plan{Objectives: []*Objective{{Code: "2019_A", Phases: []Phase{ph(2, Num{}, "01/01/2019", "30/06/2019")}}}}
	if ps := noWeights.Validate(); len(ps) != 0 {
		t.Errorf("phases without weights are fine: %v", ps)
	}
}

// TestMerge: a date the reader could not read is one problem, not also a
// phase without dates; other warnings stay.
func TestMerge(t *testing.T) {
	read := Problems{{Severity: Error, Sheet: "Fasi", Row: 3, Col: 5, Err: fmt.Errorf("%q %w", "31/13/2019", ErrDate)}}
	validated := Problems{
		{Severity: Warning, Sheet: "Fasi", Row: 3, Col: 5, Err: ErrNoEnd},
		{Severity: Warning, Sheet: "Fasi", Row: 4, Col: 4, Err: ErrNoDates},
		{Severity: Warning, Sheet: "Obiettivi", Row: 2, Col: 1, Err: ErrWeights},
	}
	got := read.Merge(validated)
	if len(got) != 3 || got[1].Row != 4 || got[2].Sheet != "Obiettivi" {
		t.Errorf("Merge: %v", got)
	}
}

// TestUnmeasuredWarning: a Valore atteso or rilevato written with a number
// the monitoring rules cannot read is a warning at its cell; words alone
// and values the rules read are not.
func TestUnmeasuredWarning(t *testing.T) {
	cols := map[Field]int{FieldTarget: 4, FieldMeasured: 5}
	ind := func(target, measured string) Indicator {
		return Indicator{Description: "i", Target: ParseTarget(target), Measured: measured, Loc: Loc{Sheet: "Indicatori", Row: 2, Cols: cols}}
	}
	cases := []struct {
		in    Indicator
		place string // "" for no warning
	}{
		{ind("€ 50.000", ""), "Indicatori!D2"},
		{ind("riduzione del 10%", ""), "Indicatori!D2"},
		{ind(">= 50.000", "€ 48.000"), "Indicatori!E2"},
		{ind(">= 1.000 utenti", "1.200"), ""},
		{ind("Approvazione del regolamento", "SI"), ""},
		{ind("entro il 30/06/2027", "15/06/2027"), ""},
	}
	for _, c := range cases {
		ps := (&Plan{Objectives: []*Objective{{Code: "2027_A", Indicators: []Indicator{c.in}}}}).Validate()
		got := ""
		for _, p := range ps {
			if errors.Is(p, ErrUnmeasured) && p.Severity == Warning {
				got = p.Place()
			}
		}
		if got != c.place {
			t.Errorf("%q / %q: warning at %q, want %q (%v)", c.in.Target.Text, c.in.Measured, got, c.place, ps)
		}
	}
}

// TestFractionWarning: Avanzamento typed as fractions (0,8 for 80%) across
// a whole plan is a warning at the first; one value over 1 means percents.
func TestFractionWarning(t *testing.T) {
	cols := map[Field]int{FieldProgress: 11}
	plan := func(vs ...float64) *Plan {
		o := &Objective{Code: "2027_A"}
		for i, v := range vs {
			o.Phases = append(o.Phases, Phase{Description: "f", Progress: Some(v), Loc: Loc{Sheet: "Fasi", Row: i + 2, Cols: cols}})
		}
		return &Plan{Objectives: []*Objective{o}}
	}
	warned := func(p *Plan) string {
		for _, pr := range p.Validate() {
			if errors.Is(pr, ErrFraction) {
				return pr.Place()
			}
		}
		return ""
	}
	if got := warned(plan(0, 0.8, 0.5)); got != "Fasi!K3" {
		t.Errorf("fractions: warning at %q, want Fasi!K3", got)
	}
	for _, vs := range [][]float64{{0, 80, 0.5}, {0, 1, 0}, {}} {
		if got := warned(plan(vs...)); got != "" {
			t.Errorf("%v: warning at %q, want none", vs, got)
		}
	}
}

// TestAfter: monitoring dates later than the report's date are warnings at
// their cells; on the date itself, or before, they are not.
func TestAfter(t *testing.T) {
	cols := map[Field]int{FieldActualStart: 9, FieldActualEnd: 10}
	asOf := Date{Year: 2027, Month: 1, Day: 31}
	ph := Phase{Description: "f", ActualStart: Date{Year: 2027, Month: 1, Day: 31}, ActualEnd: Date{Year: 2027, Month: 4, Day: 10},
		Loc: Loc{Sheet: "Fasi", Row: 3, Cols: cols}}
	ps := (&Plan{Objectives: []*Objective{{Code: "2027_A", Phases: []Phase{ph}}}}).After(asOf)
	if len(ps) != 1 || ps[0].Place() != "Fasi!J3" || ps[0].Severity != Warning || !errors.Is(ps[0], ErrAfterAsOf) {
		t.Errorf("want one warning at Fasi!J3, got %v", ps)
	}
	in := func(measured string) Indicator {
		return Indicator{Description: "i", Measured: measured, Loc: Loc{Sheet: "Indicatori", Row: 4, Cols: map[Field]int{FieldMeasured: 5}}}
	}
	ps = (&Plan{Objectives: []*Objective{{Code: "2027_A", Indicators: []Indicator{in("01/02/2027"), in("31/01/2027"), in("85%")}}}}).After(asOf)
	if len(ps) != 1 || ps[0].Place() != "Indicatori!E4" || !errors.Is(ps[0], ErrAfterAsOf) {
		t.Errorf("a measured date after the report's: want one warning at Indicatori!E4, got %v", ps)
	}
}
