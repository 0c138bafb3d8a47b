package render

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pegpdf/pegpdf/model"
)

// ReportInfo is what the title page of a monitoring report says.
type ReportInfo struct {
	Entity     string
	Title      string // defaults to Labels.ReportTitle with the date
	Subtitle   string
	Year       int
	WithSheets bool // the monitoring sheets follow, linked from the tables
}

// Report writes the monitoring report of evals (in report order: see
// model.SortForBooklet) at the reference date opt.AsOf: a title page, a
// summary of the whole municipality with a chart per Direzione, a table per
// Direzione with its subtotal, and optionally the sheets.
func Report(w io.Writer, th *Theme, evals []model.Evaluation, info ReportInfo, opt Options, meta Meta) error {
	return ReportContext(context.Background(), w, th, evals, info, opt, meta)
}

// ReportContext is Report stopping, with ctx's error and nothing written,
// once ctx is done: it is checked before each sheet is laid out and each
// part of the report is drawn.
func ReportContext(ctx context.Context, w io.Writer, th *Theme, evals []model.Evaluation, info ReportInfo, opt Options, meta Meta) error {
	if info.Entity == "" {
		info.Entity = th.Entity
	}
	if info.Title == "" {
		info.Title = fmt.Sprintf(th.Labels.ReportTitle, opt.AsOf)
	}
	var sheets [][]*page
	if info.WithSheets {
		objs := make([]*model.Objective, len(evals))
		for i, e := range evals {
			objs[i] = e.Objective
		}
		var err error
		if sheets, err = layoutSheets(ctx, th, objs, opt); err != nil {
			return err
		}
	}
	// As in the booklet: lay the report out once to count its pages, then
	// again with the sheets' first pages for the links.
	starts := make([]int, len(evals))
	front := layoutReport(th, evals, info, starts)
	n := len(front)
	for i := range sheets {
		starts[i] = n
		n += len(sheets[i])
	}
	pages := layoutReport(th, evals, info, starts)
	if info.WithSheets {
		prevDir := "\x00"
		for i, s := range sheets {
			o := evals[i].Objective
			if i == 0 {
				s[0].marks = append(s[0].marks, mark{title: th.Labels.Sheets, level: 0})
			}
			if k := model.Key(o.Direction); k != prevDir {
				s[0].marks = append(s[0].marks, mark{title: clean(o.Direction), level: 1})
				prevDir = k
			}
			s[0].marks = append(s[0].marks, mark{title: clean(o.Code + " – " + o.Title), level: 2})
			pages = append(pages, s...)
		}
	}
	number(pages)
	if meta.Title == "" {
		meta.Title = info.Title
		if info.Entity != "" {
			meta.Title = info.Entity + " – " + info.Title
		}
	}
	if meta.Subject == "" {
		meta.Subject = info.Title + ": " + th.Labels.objectives(len(evals))
	}
	if meta.Keywords == "" {
		meta.Keywords = th.Labels.ReportKeywords + ", " + strconv.Itoa(info.Year)
	}
	return writeDocument(ctx, w, th, pages, meta, opt)
}

// group is the evaluations of one Direzione.
type group struct {
	name  string
	from  int // index of the first evaluation
	evals []model.Evaluation
}

func groups(evals []model.Evaluation) []group {
	var gs []group
	for i, e := range evals {
		k := model.Key(e.Objective.Direction)
		if len(gs) == 0 || model.Key(gs[len(gs)-1].name) != k {
			gs = append(gs, group{name: e.Objective.Direction, from: i})
		}
		gs[len(gs)-1].evals = append(gs[len(gs)-1].evals, e)
	}
	return gs
}

// count prints "86 (60,6%)".
func count(t model.Tally, n int) string {
	return fmt.Sprintf("%d (%s%%)", n, model.FormatDecimal(t.Share(n), 1))
}

func layoutReport(th *Theme, evals []model.Evaluation, info ReportInfo, starts []int) []*page {
	l := &th.Labels
	// The title says the date already: the cover prints no year under it.
	pages := []*page{layoutCover(th, BookletInfo{Entity: info.Entity, Title: info.Title, Subtitle: info.Subtitle})}
	f := newFlow(th, "")
	// A Direzione's table continued on a new page repeats its heading.
	continued := ""
	f.header = func(f *flow) {
		if continued != "" {
			f.sectionTitle(continued + " " + l.Continued)
		}
	}
	title := font{bold, th.TitleSize + 2}
	section := func(s string) {
		f.ensure(title.lineHeight(th.LineGap) * 4)
		f.cur().marks = append(f.cur().marks, mark{title: s, level: 0, y: f.y})
		f.heading(1)
		f.text(th.Margin, f.y, s, title, th.Text)
		f.y += title.lineHeight(th.LineGap) + 3
	}
	all := model.TallyOf(evals)
	gs := groups(evals)

	// The summary.
	section(l.Summary)
	f.summaryTables(all)
	f.y += 6
	f.sectionTitle(l.ByDirection)
	f.chartFigure(gs)
	f.y += 8

	// One table per Direzione, with its subtotal.
	for _, g := range gs {
		continued = ""
		f.ensure(40)
		f.cur().marks = append(f.cur().marks, mark{title: clean(g.name), level: 0, y: f.y})
		f.sectionTitle(g.name)
		continued = g.name
		t := model.TallyOf(g.evals)
		rows := make([]tableRow, 0, len(g.evals)+1)
		for i, e := range g.evals {
			r := tableRow{
				cells: []string{e.Objective.Code, e.Objective.Title, percent(e.Realization), string(e.Outcome), string(e.Timing),
					fmt.Sprintf(l.OutOf, e.Met, e.Measurable)},
				fill:  []*Color{3: th.statusColor(e.Outcome), 4: th.statusColor(e.Timing)},
				whole: []bool{3: true, 4: true},
			}
			if info.WithSheets {
				r.link = starts[g.from+i] + 1
			}
			rows = append(rows, r)
		}
		summary := ""
		for _, o := range model.OutcomeOrder {
			if n := t.Outcome[o]; n > 0 {
				if summary != "" {
					summary += ", "
				}
				summary += fmt.Sprintf("%s %s", o, count(t, n))
			}
		}
		// Each Tempi with its count on a line of its own, so that a
		// status and its number are never parted.
		var timing []string
		for _, o := range model.TimingOrder {
			if n := t.Timing[o]; n > 0 {
				timing = append(timing, fmt.Sprintf("%s %d", o, n))
			}
		}
		rows = append(rows, tableRow{
			cells: []string{l.Total, l.objectives(t.Objectives) + ": " + summary, percent(t.MeanRealization()), "",
				strings.Join(timing, "\n"), fmt.Sprintf(l.OutOf, t.Met, t.Measurable)},
			fill:  []*Color{&th.HeaderFill, &th.HeaderFill, &th.HeaderFill, &th.HeaderFill, &th.HeaderFill, &th.HeaderFill},
			whole: []bool{3: true, 4: true},
		})
		c := th.ReportColumns
		f.table([]column{
			{l.Code, c[0], left}, {l.Title, c[1], left}, {l.Realization + " %", c[2], right},
			{l.Outcome, c[3], center}, {l.Timing, c[4], center}, {l.IndicatorsMet, c[5], center},
		}, rows)
		f.y += 6
	}
	continued = ""
	return append(pages, f.pages...)
}

// summaryTables lays out the counts of the whole municipality: Esito and
// Tempi, each with its share.
func (f *flow) summaryTables(t model.Tally) {
	th, l := f.th, &f.th.Labels
	var rows []tableRow
	// The group's name only on its first row.
	group := func(name string, i int) string {
		if i == 0 {
			return name
		}
		return ""
	}
	for i, o := range model.OutcomeOrder {
		rows = append(rows, tableRow{cells: []string{group(l.Outcome, i), string(o), count(t, t.Outcome[o])}, fill: []*Color{1: th.statusColor(o)}})
	}
	for i, o := range model.TimingOrder {
		rows = append(rows, tableRow{cells: []string{group(l.Timing, i), string(o), count(t, t.Timing[o])}, fill: []*Color{1: th.statusColor(o)}})
	}
	rows = append(rows,
		tableRow{cells: []string{l.Total, l.Objectives, strconv.Itoa(t.Objectives)}},
		tableRow{cells: []string{l.Realization, l.MeanOfObjectives, percent(t.MeanRealization())}},
		tableRow{cells: []string{l.IndicatorsRow, l.MetOfMeasurable, fmt.Sprintf(l.OutOf, t.Met, t.Measurable)}},
	)
	f.table([]column{{"", 25, left}, {l.OutcomeAndTiming, 45, center}, {l.ObjectivesShare, 30, right}}, rows)
}

// chartColors are the strong colours of the chart's segments, in
// OutcomeOrder (the counts are written in them too).
func (th *Theme) chartColors() []Color { return th.Chart.Colors[:] }

// chart draws, per Direzione, a bar of its objectives split by Esito, with
// the counts written in the segments and a legend.
func (f *flow) chart(gs []group) {
	th := f.th
	small := font{regular, th.SmallSize}
	labelW := th.Chart.LabelWidth
	barX := th.Margin + labelW
	barW := th.contentWidth() - labelW - 12
	rowH := th.Chart.RowHeight
	colors := th.chartColors()
	maxN := 0
	for _, g := range gs {
		maxN = max(maxN, len(g.evals))
	}
	lh := small.lineHeight(th.LineGap)
	for _, g := range gs {
		// The Direzione's name on up to two lines, the row taller when
		// it needs them; the bar keeps its height, centred.
		name := wrap(clean(g.name), small, labelW-2, 0)
		if len(name) > 2 {
			name = []string{name[0], shorten(strings.Join(name[1:], " "), small, labelW-2)}
		}
		h := max(rowH, float64(len(name))*lh+1)
		f.ensure(h)
		top := f.y + (h-rowH)/2 // the bar's row
		for k, line := range name {
			f.text(th.Margin, f.y+(h-float64(len(name))*lh)/2+float64(k)*lh, line, small, th.Text)
		}
		t := model.TallyOf(g.evals)
		x := barX
		for i, o := range model.OutcomeOrder {
			n := t.Outcome[o]
			if n == 0 {
				continue
			}
			w := barW * float64(n) / float64(maxN)
			c := colors[i]
			f.rect(x, top+0.8, w, rowH-1.6, &c, true, Color{255, 255, 255}, 0.3)
			if s := strconv.Itoa(n); small.width(s)+1 < w {
				f.text(x+(w-small.width(s))/2, top+(rowH-lh)/2, s, small, th.Text)
			}
			x += w
		}
		f.text(x+1.5, top+(rowH-lh)/2, strconv.Itoa(t.Objectives), font{bold, small.size}, th.Text)
		f.y += h
	}
	f.y += 2
	f.ensure(small.lineHeight(th.LineGap))
	x := barX
	for i, o := range model.OutcomeOrder {
		c := colors[i]
		f.rect(x, f.y+0.5, 5, small.lineHeight(th.LineGap)-1, &c, false, c, 0)
		x += 6.5
		f.text(x, f.y, string(o), small, th.Text)
		x += small.width(string(o)) + 5
	}
	f.y += small.lineHeight(th.LineGap)
}
