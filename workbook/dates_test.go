package workbook

import (
	"errors"
	"testing"

	"github.com/pegpdf/pegpdf/model"
)

// TestPhaseDateProblems: one problem per mistake in a phase's dates, at its
// cell; a milestone (a Fine prevista alone) is no problem.
func TestPhaseDateProblems(t *testing.T) {
	good := []any{"2019_A", "T", "D"}
	cases := []struct {
		name  string
		phase []any
		want  []string // "place sentinel"
	}{
		{"bad end, valid start", []any{"2019_A", "fase", 100, "01/03/2019", "31/13/2019"}, []string{"Fasi!E2 " + model.ErrDate.Error()}},
		{"bad start, valid end", []any{"2019_A", "fase", 100, "32/01/2019", "31/12/2019"}, []string{"Fasi!D2 " + model.ErrDate.Error()}},
		{"milestone", []any{"2019_A", "fase", 100, "", "30/09/2019"}, nil},
		{"no end", []any{"2019_A", "fase", 100, "01/03/2019"}, []string{"Fasi!E2 " + model.ErrNoEnd.Error()}},
		{"no dates", []any{"2019_A", "fase", 100}, []string{"Fasi!D2 " + model.ErrNoDates.Error()}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, ps := read(t, book(t, objectives(good), phases(c.phase)))
			var got []string
			for _, p := range ps {
				for _, s := range []error{model.ErrDate, model.ErrNoEnd, model.ErrNoDates, model.ErrOutsideYear} {
					if errors.Is(p, s) {
						got = append(got, p.Place()+" "+s.Error())
					}
				}
			}
			if len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) {
				t.Errorf("got %q, want %q (all: %v)", got, c.want, ps)
			}
		})
	}
}
