package render

import (
	"strings"
	"testing"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// The tests of what a sheet's content shows: progress only when asked,
// the Gantt's legibility, milestones, sparse sheets.

func date(t testing.TB, s string) model.Date {
	t.Helper()
	d, err := model.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// itemsOf returns every item of pages that match.
func itemsOf(pages []*page, match func(item) bool) []item {
	var out []item
	for _, p := range pages {
		for _, it := range p.items {
			if match(it) {
				out = append(out, it)
			}
		}
	}
	return out
}

// pageTexts returns the texts of each page, joined by spaces.
func pageTexts(pages []*page) []string {
	var out []string
	for _, p := range pages {
		var b []string
		for _, it := range p.items {
			if it.kind == textItem {
				b = append(b, it.text)
			}
		}
		out = append(out, strings.Join(b, " "))
	}
	return out
}

func monitoredExample(t testing.TB) *model.Objective {
	o := templates.Example().Objectives[0]
	o.Phases[0].ActualStart = date(t, "15/01/2019")
	o.Phases[0].Progress = model.Some(60)
	return o
}

// TestProgressOnlyWhenAsked: without a reference date the Gantt shows the
// plan only, even when the workbook has monitoring data.
func TestProgressOnlyWhenAsked(t *testing.T) {
	th := DefaultTheme()
	o := monitoredExample(t)
	colored := func(c Color) func(item) bool {
		return func(it item) bool { return it.kind == rectItem && it.fill != nil && *it.fill == c }
	}
	plan := layoutSheet(&th, o, Options{})
	if n := len(itemsOf(plan, colored(th.BarDone))) + len(itemsOf(plan, colored(th.BarActual))); n != 0 {
		t.Errorf("without --al: %d progress or actual bars", n)
	}
	for _, s := range pageTexts(plan) {
		if strings.Contains(s, th.Labels.Done) || strings.Contains(s, th.Labels.Actual) {
			t.Errorf("without --al the legend is printed: %q", s)
		}
	}
	asOf := layoutSheet(&th, o, Options{AsOf: date(t, "31/07/2019")})
	if len(itemsOf(asOf, colored(th.BarDone))) == 0 || len(itemsOf(asOf, colored(th.BarActual))) == 0 {
		t.Error("with --al: no progress or actual bar")
	}
	if !strings.Contains(strings.Join(pageTexts(asOf), " "), th.Labels.Done) {
		t.Error("with --al: no legend")
	}
}

// TestWrapAtOpportunities: a word wider than the line breaks after "/",
// "-" or ".", never inside a name while such a break exists (UAX #14).
func TestWrapAtOpportunities(t *testing.T) {
	f := font{bold, 8.5}
	dir := "TECNICO/PATRIMONIO/LL.PP./URBANISTICA/AMBIENTE"
	cases := []struct {
		text  string
		width float64
	}{
		{dir, 30}, {dir, 26}, {dir, 45}, {"Direzione " + dir, 40},
		{"Servizi socio-assistenziali-educativi-culturali", 25},
		{"www.comune.esempio.it/amministrazione", 28},
	}
	for _, c := range cases {
		lines := wrap(c.text, f, c.width, 0)
		if got := strings.Join(lines, ""); strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(c.text, " ", "") {
			t.Errorf("%q: characters lost: %q", c.text, lines)
		}
		for i, l := range lines {
			if f.width(l) > c.width+0.01 {
				t.Errorf("%q: line %q too wide", c.text, l)
			}
			if i < len(lines)-1 && !strings.ContainsAny(l[len(l)-1:], "/-. ") && !strings.HasSuffix(c.text, l) {
				next := lines[i+1]
				if !strings.Contains(c.text, l+" "+next) {
					t.Errorf("%q at %.0f mm breaks inside a word: %q | %q", c.text, c.width, l, next)
				}
			}
		}
	}
	if lines := wrap(dir, f, 30, 0); strings.Join(lines, "|") == "" || strings.Contains(strings.Join(lines, "|"), "PATRIMON|IO") {
		t.Errorf("PATRIMON|IO: %q", lines)
	}
	// A word without opportunities still breaks, between characters.
	long := wrap(strings.Repeat("a", 300), f, 20, 0)
	if len(long) < 5 || strings.Join(long, "") != strings.Repeat("a", 300) {
		t.Errorf("a long word: %q", long)
	}
}
