package render

import (
	"fmt"
	"strings"
	"time"

	"github.com/pegpdf/pegpdf/model"
)

// The charts of a document are Figures: a screen reader reads their
// alternative text, written here in Italian from the same data the chart
// is drawn from.

// ganttFigure lays out the Gantt: its title as an H2, the chart as a
// Figure whose bars, labels and reference line are its content, and its
// grid, header cells and row tints as artifacts.
func (f *flow) ganttFigure(o *model.Objective, opt Options) {
	th := f.th
	h2 := f.heading(2)
	f.node = nil
	startPage, startItem := len(f.pages)-1, len(f.cur().items)
	fig := f.figure(func() string { return ganttAlt(th, o, opt) }, func() { f.gantt(o, opt) })
	content := func(c Color) bool { return c == th.Bar || c == th.BarDone || c == th.BarActual || c == th.Today }
	titled := false
	for pi := startPage; pi < len(f.pages); pi++ {
		items := f.pages[pi].items
		from := 0
		if pi == startPage {
			from = startItem
		}
		for i := from; i < len(items); i++ {
			it := &items[i]
			if it.node != fig {
				continue // the band and the running header
			}
			switch it.kind {
			case textItem:
				if !titled && it.text == th.Labels.Gantt {
					it.node, titled = h2, true
				}
			case rectItem:
				if it.fill == nil || !content(*it.fill) {
					it.node, it.art = nil, layoutArtifact
				}
			case lineItem:
				if !content(it.color) {
					it.node, it.art = nil, layoutArtifact
				}
			}
		}
	}
}

// ganttAlt is the Gantt's alternative text: the year or the span of the
// axis, then each phase with its number, description and dates, and its
// progress when there is monitoring data.
func ganttAlt(th *Theme, o *model.Objective, opt Options) string {
	a := ganttAxis(o, &th.Labels, opt.AsOf.Year)
	w := &th.Labels.Alt
	var b strings.Builder
	first, last := model.DateOf(dayTime(a.from)), model.DateOf(dayTime(a.to-1))
	if first.Year == last.Year {
		fmt.Fprintf(&b, w.GanttYear, first.Year)
	} else {
		fmt.Fprintf(&b, w.GanttSpan, first.Year, last.Year)
	}
	switch len(o.Phases) {
	case 0:
		b.WriteString(w.NoPhases)
	case 1:
		b.WriteString(w.OnePhase)
	default:
		fmt.Fprintf(&b, w.Phases, len(o.Phases))
	}
	for i, p := range o.Phases {
		fmt.Fprintf(&b, w.Phase, i+1)
		if d := strings.Join(strings.Fields(clean(p.Description)), " "); d != "" {
			b.WriteString(", " + strings.TrimRight(d, "."))
		}
		switch {
		case p.HasDates():
			fmt.Fprintf(&b, w.FromTo, p.Start, p.End)
		case !p.Start.IsZero():
			fmt.Fprintf(&b, w.From, p.Start)
		case !p.End.IsZero():
			fmt.Fprintf(&b, w.Until, p.End)
		default:
			b.WriteString(w.NoDates)
		}
		if !p.ActualStart.IsZero() {
			fmt.Fprintf(&b, w.DoneFrom, p.ActualStart)
			if !p.ActualEnd.IsZero() {
				fmt.Fprintf(&b, w.DoneTo, p.ActualEnd)
			} else {
				b.WriteString(w.Ongoing)
			}
		}
		if p.Progress.Set {
			fmt.Fprintf(&b, w.Progress, percent(p.Progress))
		}
		b.WriteString(".")
	}
	if !opt.AsOf.IsZero() {
		fmt.Fprintf(&b, w.AsOf, opt.AsOf)
	}
	return b.String()
}

// chartAlt is the alternative text of the report's chart: per Direzione,
// its objectives and how many have each Esito.
func chartAlt(l *Labels, gs []group) string {
	var b strings.Builder
	b.WriteString(l.Alt.Chart)
	for _, g := range gs {
		t := model.TallyOf(g.evals)
		name := strings.Join(strings.Fields(clean(g.name)), " ")
		if name == "" {
			name = l.Alt.NoDirection
		}
		fmt.Fprintf(&b, " %s, %s", name, l.objectives(t.Objectives))
		sep := ": "
		for _, o := range model.OutcomeOrder {
			if c := t.Outcome[o]; c > 0 {
				fmt.Fprintf(&b, "%s%s %d", sep, strings.ToLower(string(o)), c)
				sep = ", "
			}
		}
		b.WriteString(".")
	}
	return b.String()
}

// chartFigure lays out the report's chart as a Figure.
func (f *flow) chartFigure(gs []group) {
	f.figure(func() string { return chartAlt(&f.th.Labels, gs) }, func() { f.chart(gs) })
}

// dayTime is the time of a day counted since 1970.
func dayTime(days int) time.Time { return time.Unix(int64(days)*86400, 0).UTC() }
