package render

import (
	"math"
	"strings"
	"testing"

	"github.com/pegpdf/pegpdf/internal/peggen"
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

// ganttObjective has long phase descriptions, a phase of two days and a
// milestone.
func ganttObjective(t testing.TB) *model.Objective {
	o := templates.Example().Objectives[0]
	o.Phases = nil
	for i, s := range []string{
		"Fase numero 1: attività di verifica e controllo delle pratiche edilizie presentate nel corso dell'anno",
		"Fase numero 2: attività di verifica e controllo degli accessi agli atti presentati",
		"Fase numero 3: sopralluogo",
	} {
		p := model.Phase{Description: s, Start: date(t, "01/02/2019"), End: date(t, "30/06/2019")}
		if i == 2 {
			p.Start, p.End = date(t, "10/05/2019"), date(t, "11/05/2019")
		}
		o.Phases = append(o.Phases, p)
	}
	o.Phases = append(o.Phases, model.Phase{Description: "Approvazione del regolamento", End: date(t, "30/09/2019")})
	return o
}

// TestGanttLegible: labels are whole on one or two lines (no "…" when two
// lines at the widest column suffice), in portrait and landscape; a phase
// of two days has a bar of the minimum width; a milestone is a diamond on
// its day and "Scadenza" in FASI.
func TestGanttLegible(t *testing.T) {
	portrait := DefaultTheme()
	landscape := DefaultTheme()
	landscape.PageWidth, landscape.PageHeight = landscape.PageHeight, landscape.PageWidth
	for name, th := range map[string]Theme{"portrait": portrait, "landscape": landscape} {
		t.Run(name, func(t *testing.T) {
			o := ganttObjective(t)
			pages := layoutSheet(&th, o, Options{})
			page1 := pageTexts(pages[:1])[0]
			for _, p := range o.Phases {
				for _, w := range strings.Fields(p.Description) {
					if !strings.Contains(page1, w) {
						t.Errorf("the Gantt lost %q of %q", w, p.Description)
					}
				}
			}
			if strings.Contains(page1, "…") {
				t.Errorf("a Gantt label is cut: %q", page1)
			}
			bars := itemsOf(pages[:1], func(it item) bool {
				return it.kind == rectItem && it.fill != nil && *it.fill == th.Bar && it.w < 10
			})
			if len(bars) != 1 || bars[0].w < th.GanttMinBar-0.001 {
				t.Errorf("the two-day phase: %+v", bars)
			}
			diamonds := itemsOf(pages[:1], func(it item) bool { return it.kind == lineItem && it.color == th.Milestone })
			if len(diamonds) != 1 {
				t.Fatalf("milestone diamonds: %d", len(diamonds))
			}
			// Its centre is on 30/09: about 3/4 of the way along the year.
			_, sept := ganttSpanX(t, pages[0], th)
			if cx := diamonds[0].x + diamonds[0].w/2; cx < sept-1 || cx > sept+1 {
				t.Errorf("the diamond is at %.1f mm, 30/09 at %.1f mm", cx, sept)
			}
			if !strings.Contains(strings.Join(pageTexts(pages[1:]), " "), th.Labels.Milestone+" 30/09/2019") {
				t.Errorf("FASI does not say %q for the milestone", th.Labels.Milestone)
			}
		})
	}
}

// ganttSpanX returns the x of the grid's left edge and of the end of
// 30/09 (the right edge of its day), from the grid's bordered rectangle.
func ganttSpanX(t testing.TB, p *page, th Theme) (float64, float64) {
	for _, it := range p.items {
		if it.kind == rectItem && it.fill == nil && it.stroke && it.lineWidth == 0.2 && it.x > th.Margin+1 {
			from := model.Date{Year: 2019, Month: 1, Day: 1}.Days()
			d := date(t, "30/09/2019").Days()
			return it.x, it.x + it.w*(float64(d-from)+0.5)/365
		}
	}
	t.Fatal("no grid")
	return 0, 0
}

// TestMilestoneAtTheEdge: a milestone on the axis's last day stays inside
// the chart.
func TestMilestoneAtTheEdge(t *testing.T) {
	th := DefaultTheme()
	o := templates.Example().Objectives[0]
	o.Phases = []model.Phase{{Description: "Rendiconto", End: date(t, "31/12/2019")}, {Description: "Avvio", End: date(t, "01/01/2019")}}
	pages := layoutSheet(&th, o, Options{})
	x0, _ := ganttSpanX(t, pages[0], th)
	right := th.PageWidth - th.Margin
	for _, it := range itemsOf(pages[:1], func(it item) bool { return it.kind == lineItem && it.color == th.Milestone }) {
		half := it.lineWidth / math.Sqrt2 // the diamond's half diagonal
		cx := it.x + it.w/2
		if cx-half < x0-0.01 || cx+half > right+0.01 {
			t.Errorf("a diamond from %.1f to %.1f leaves the chart [%.1f, %.1f]", cx-half, cx+half, x0, right)
		}
	}
}

// TestNoPhases: an objective without phases gets one line instead of an
// empty Gantt grid.
func TestNoPhases(t *testing.T) {
	th := DefaultTheme()
	o := templates.Example().Objectives[0]
	o.Phases = nil
	pages := layoutSheet(&th, o, Options{})
	if !strings.Contains(pageTexts(pages)[0], th.Labels.NoPhases) {
		t.Errorf("no line saying there are no phases")
	}
	if n := len(itemsOf(pages[:1], func(it item) bool { return it.kind == lineItem && it.color == th.GridLine })); n > 1 {
		t.Errorf("an empty grid of %d lines", n)
	}
}

// oneDirection is n generated objectives of one Direzione, judged at
// 31/07/2019, the first with a long code.
func oneDirection(n int) ([]*model.Objective, []model.Evaluation) {
	objs := peggen.Plan(peggen.Options{N: n, Seed: 3, Monitoring: 1}).Objectives
	for _, o := range objs {
		o.Direction = "TECNICO/PATRIMONIO/LL.PP./URBANISTICA/AMBIENTE"
	}
	objs[0].Code = "2027_URB_SUAP_EDILIZIA_PRIVATA_12"
	return objs, model.Evaluate(objs, model.Date{Year: 2019, Month: 7, Day: 31})
}

// TestContentsPages: long codes whole; a Direzione going on to a new page
// of the contents repeats its heading with "(segue)".
func TestContentsPages(t *testing.T) {
	th := DefaultTheme()
	objs, _ := oneDirection(120)
	toc := layoutContents(&th, objs, make([]int, len(objs)), 1)
	if len(toc) < 2 {
		t.Fatalf("contents on %d page", len(toc))
	}
	texts := pageTexts(toc)
	if !strings.Contains(strings.ReplaceAll(texts[0], " ", ""), objs[0].Code) || strings.Contains(texts[0], "…") && strings.Contains(texts[0], "2027_URB") && !strings.Contains(strings.ReplaceAll(texts[0], " ", ""), objs[0].Code) {
		t.Errorf("the long code is cut: %q", texts[0][:200])
	}
	for i, s := range texts[1:] {
		if !strings.Contains(s, objs[0].Direction+" "+th.Labels.Continued) {
			t.Errorf("contents page %d does not repeat the Direzione: %q", i+2, s[:80])
		}
	}
	// Every code is printed whole, on one line or wrapped without losing
	// a character.
	all := strings.Join(texts, " ")
	for _, o := range objs {
		if !strings.Contains(strings.ReplaceAll(all, " ", ""), o.Code) {
			t.Errorf("code %q missing", o.Code)
		}
	}
}

// TestReportPages: the continued table of a Direzione repeats its heading;
// the Totale row keeps each Tempi with its count, NEI TEMPI included; the
// Riepilogo names Esito and Tempi once; the cover prints no year under the
// title's date.
func TestReportPages(t *testing.T) {
	th := DefaultTheme()
	_, evals := oneDirection(60)
	info := ReportInfo{Title: "Stato di attuazione degli obiettivi al 31/07/2019", Year: 2019}
	pages := layoutReport(&th, evals, info, make([]int, len(evals)))
	texts := pageTexts(pages)
	if strings.Contains(texts[0], "2019 ") || strings.HasSuffix(texts[0], "2019") && !strings.HasSuffix(texts[0], "31/07/2019") {
		t.Errorf("the cover repeats the year: %q", texts[0])
	}
	for _, it := range pages[0].items {
		if it.kind == textItem && it.text == "2019" {
			t.Errorf("the cover prints the year under the title")
		}
	}
	dir := evals[0].Objective.Direction
	segue := 0
	for _, s := range texts[2:] {
		if strings.Contains(s, dir+" "+th.Labels.Continued) {
			segue++
		}
	}
	if segue == 0 {
		t.Errorf("no continued heading on the table's later pages")
	}
	tally := model.TallyOf(evals)
	var lines []string
	for _, o := range model.TimingOrder {
		if n := tally.Timing[o]; n > 0 {
			lines = append(lines, string(o)+" "+itoa(n))
		}
	}
	if len(lines) < 2 {
		t.Fatalf("the sample has one Tempi only: %v", lines)
	}
	for _, want := range lines {
		if len(itemsOf(pages, func(it item) bool { return it.kind == textItem && it.text == want })) == 0 {
			t.Errorf("the Totale row has no line %q", want)
		}
	}
	// The chart names the Direzione whole, on two lines.
	for _, it := range pages[1].items {
		if it.kind == textItem && strings.HasSuffix(it.text, "…") {
			t.Errorf("the chart cuts a name: %q", it.text)
		}
	}
	// The Riepilogo: "Esito" and "Tempi" once each in the first column.
	for _, label := range []string{th.Labels.Outcome, th.Labels.Timing} {
		n := 0
		for _, it := range pages[1].items {
			if it.kind == textItem && it.text == label && it.x < th.Margin+th.CellPad+0.1 {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%q %d times down the Riepilogo's first column", label, n)
		}
	}
}

// TestLinkedToLinesUp: the "Collegato a" label cell is as wide as the
// grid's first column.
func TestLinkedToLinesUp(t *testing.T) {
	th := DefaultTheme()
	pages := layoutSheet(&th, templates.Example().Objectives[0], Options{})
	// The cell of a label is the smallest box around its text (a row's
	// boxes are laid out before its texts).
	cellOf := func(t item) *item {
		var best *item
		for i, r := range pages[0].items {
			if r.kind == rectItem && r.x <= t.x && t.x < r.x+r.w && r.y <= t.y && t.y < r.y+r.h &&
				(best == nil || r.w*r.h < best.w*best.h) {
				best = &pages[0].items[i]
			}
		}
		return best
	}
	var first, linked *item
	for _, it := range pages[0].items {
		if it.kind == textItem && it.text == th.Labels.Direction {
			first = cellOf(it)
		}
		if it.kind == textItem && it.text == th.Labels.LinkedTo {
			linked = cellOf(it)
		}
	}
	if first == nil || linked == nil || first.kind != rectItem || linked.kind != rectItem {
		t.Fatal("cells not found")
	}
	if d := first.w - linked.w; d > 0.01 || d < -0.01 {
		t.Errorf("Collegato a is %.2f mm out of line with Direzione", d)
	}
}

// TestCompact: with the compact theme FASI follows the Gantt on page 1
// when it fits; by default it starts page 2, as in the reference.
func TestCompact(t *testing.T) {
	o := templates.Example().Objectives[0]
	o.Indicators = nil
	for _, compact := range []bool{false, true} {
		th := DefaultTheme()
		th.Compact = compact
		texts := pageTexts(layoutSheet(&th, o, Options{}))
		onFirst := strings.Contains(texts[0], th.Labels.Phases+" ")
		if onFirst != compact {
			t.Errorf("compact %v: FASI on page 1 %v (%d pages)", compact, onFirst, len(texts))
		}
		if all := strings.Join(texts, " "); !strings.Contains(all, th.Labels.NoIndicators) {
			t.Errorf("compact %v: no line for the missing indicators", compact)
		}
	}
	// Too many phases to fit: page 2 even when compact.
	th := DefaultTheme()
	th.Compact = true
	if texts := pageTexts(layoutSheet(&th, longObjective(200, 30), Options{})); strings.Contains(texts[0], th.Labels.Phases+" ") {
		t.Errorf("a FASI table that does not fit starts on page 1")
	}
}

// TestNoClock: render never reads the clock; without a time from the
// caller the same input gives the same bytes.
func TestNoClock(t *testing.T) {
	o := templates.Example().Objectives[0]
	o.Phases = nil // and a Gantt with no year of its own
	o.Code = "ZN10"
	th := DefaultTheme()
	var w1, w2 strings.Builder
	if err := Sheet(&w1, &th, o, Options{}, Meta{}); err != nil {
		t.Fatal(err)
	}
	if err := Sheet(&w2, &th, o, Options{}, Meta{}); err != nil {
		t.Fatal(err)
	}
	if w1.String() != w2.String() || !strings.Contains(w1.String(), "D:1970") {
		t.Error("without Meta.Created the document depends on the clock")
	}
}

// FuzzWrap: wrapping never loses or adds a character, and every line fits
// unless it is a single character wider than the column.
func FuzzWrap(f *testing.F) {
	for _, s := range []string{"TECNICO/PATRIMONIO/LL.PP./URBANISTICA/AMBIENTE", "a-b-c d.e.f", "www.esempio.it/x", "///...---", "é/è", ""} {
		f.Add(s, 20.0)
	}
	f.Fuzz(func(t *testing.T, s string, width float64) {
		if width < 1 || width > 300 || width != width {
			return
		}
		fn := font{regular, 8}
		s = clean(s)
		lines := wrap(s, fn, width, 0)
		squash := func(x string) string { return strings.Join(strings.Fields(x), "") }
		if squash(strings.Join(lines, "")) != squash(s) {
			t.Fatalf("%q at %.1f: %q", s, width, lines)
		}
		for _, l := range lines {
			if fn.width(l) > width+0.001 && len([]rune(l)) > 1 {
				t.Fatalf("%q at %.1f: line %q is %.1f mm", s, width, l, fn.width(l))
			}
		}
	})
}

// TestContentsAbsurdCode: a code of thousands of characters keeps its
// contents entry on the page.
func TestContentsAbsurdCode(t *testing.T) {
	th := DefaultTheme()
	objs, _ := oneDirection(3)
	objs[1].Code = strings.Repeat("2027_URB_", 3000)
	for n, p := range layoutContents(&th, objs, make([]int, len(objs)), 1) {
		for _, it := range p.items {
			if _, y1, _, y2 := box(it); y1 < 0 || y2 > th.bottom()+0.01 {
				t.Fatalf("page %d: %q leaves the page", n+1, clip(it.text))
			}
		}
	}
}

// TestReportOneObjective: a Direzione with one objective counts it in the
// singular, in its Totale row.
func TestReportOneObjective(t *testing.T) {
	th := DefaultTheme()
	_, evals := oneDirection(1)
	pages := layoutReport(&th, evals, ReportInfo{Year: 2019}, make([]int, len(evals)))
	all := strings.Join(pageTexts(pages), " ")
	if !strings.Contains(all, "1 obiettivo:") || strings.Contains(all, "1 obiettivi") {
		t.Errorf("one objective is not counted in the singular: %q", all)
	}
}
