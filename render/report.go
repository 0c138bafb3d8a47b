package render

import (
	"fmt"
	"io"
	"strconv"

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
		sheets = layoutSheets(th, objs, opt)
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
		meta.Subject = fmt.Sprintf("%s: %d obiettivi", info.Title, len(evals))
	}
	if meta.Keywords == "" {
		meta.Keywords = "PEG, monitoraggio, stato di attuazione, " + strconv.Itoa(info.Year)
	}
	return writeDocument(w, th, pages, meta, opt)
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
	pages := []*page{layoutCover(th, BookletInfo{Entity: info.Entity, Title: info.Title, Subtitle: info.Subtitle, Year: info.Year})}
	f := newFlow(th, "")
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
		f.ensure(40)
		f.cur().marks = append(f.cur().marks, mark{title: clean(g.name), level: 0, y: f.y})
		f.sectionTitle(g.name)
		t := model.TallyOf(g.evals)
		rows := make([]tableRow, 0, len(g.evals)+1)
		for i, e := range g.evals {
			r := tableRow{
				cells: []string{e.Objective.Code, e.Objective.Title, percent(e.Realizzazione), string(e.Esito), string(e.Tempi),
					fmt.Sprintf("%d su %d", e.Met, e.Measurable)},
				fill: []*Color{3: th.statusColor(e.Esito), 4: th.statusColor(e.Tempi)},
			}
			if info.WithSheets {
				r.link = starts[g.from+i] + 1
			}
			rows = append(rows, r)
		}
		summary := ""
		for _, o := range model.EsitoOrder {
			if n := t.Esito[o]; n > 0 {
				if summary != "" {
					summary += ", "
				}
				summary += fmt.Sprintf("%s %s", o, count(t, n))
			}
		}
		late := ""
		if n := t.Tempi[model.Late]; n > 0 {
			late = fmt.Sprintf("%s %d", model.Late, n)
		}
		rows = append(rows, tableRow{
			cells: []string{l.Total, fmt.Sprintf("%d obiettivi: %s", t.Objectives, summary), percent(t.MeanRealization()), "", late,
				fmt.Sprintf("%d su %d", t.Met, t.Measurable)},
			fill: []*Color{&th.HeaderFill, &th.HeaderFill, &th.HeaderFill, &th.HeaderFill, &th.HeaderFill, &th.HeaderFill},
		})
		f.table([]column{
			{"Codice", 13, left}, {"Titolo", 45, left}, {l.Realization + " %", 12, right},
			{l.Outcome, 13, center}, {l.Timing, 12, center}, {"Indicatori raggiunti", 12, center},
		}, rows)
		f.y += 6
	}
	return append(pages, f.pages...)
}

// summaryTables lays out the counts of the whole municipality: Esito and
// Tempi, each with its share.
func (f *flow) summaryTables(t model.Tally) {
	th, l := f.th, &f.th.Labels
	var rows []tableRow
	for _, o := range model.EsitoOrder {
		rows = append(rows, tableRow{cells: []string{l.Outcome, string(o), count(t, t.Esito[o])}, fill: []*Color{1: th.statusColor(o)}})
	}
	for _, o := range model.TempiOrder {
		rows = append(rows, tableRow{cells: []string{l.Timing, string(o), count(t, t.Tempi[o])}, fill: []*Color{1: th.statusColor(o)}})
	}
	rows = append(rows,
		tableRow{cells: []string{l.Total, "Obiettivi", strconv.Itoa(t.Objectives)}},
		tableRow{cells: []string{l.Realization, "Media degli obiettivi", percent(t.MeanRealization())}},
		tableRow{cells: []string{"Indicatori", "Raggiunti su misurabili", fmt.Sprintf("%d su %d", t.Met, t.Measurable)}},
	)
	f.table([]column{{"", 25, left}, {"Esito e tempi", 45, center}, {"Obiettivi (quota)", 30, right}}, rows)
}

// chartColors are the strong colours of the chart's segments, in
// EsitoOrder (the counts are written in them too).
func (th *Theme) chartColors() []Color {
	return []Color{{102, 187, 106}, {255, 202, 40}, {239, 83, 80}, {176, 176, 176}}
}

// chart draws, per Direzione, a bar of its objectives split by Esito, with
// the counts written in the segments and a legend.
func (f *flow) chart(gs []group) {
	th := f.th
	small := font{regular, th.SmallSize}
	labelW := 60.0
	barX := th.Margin + labelW
	barW := th.contentWidth() - labelW - 12
	rowH := 6.5
	colors := th.chartColors()
	maxN := 0
	for _, g := range gs {
		maxN = max(maxN, len(g.evals))
	}
	for _, g := range gs {
		f.ensure(rowH)
		t := model.TallyOf(g.evals)
		f.text(th.Margin, f.y+(rowH-small.lineHeight(th.LineGap))/2, shorten(clean(g.name), small, labelW-2), small, th.Text)
		x := barX
		for i, o := range model.EsitoOrder {
			n := t.Esito[o]
			if n == 0 {
				continue
			}
			w := barW * float64(n) / float64(maxN)
			c := colors[i]
			f.rect(x, f.y+0.8, w, rowH-1.6, &c, true, Color{255, 255, 255}, 0.3)
			if s := strconv.Itoa(n); small.width(s)+1 < w {
				f.text(x+(w-small.width(s))/2, f.y+(rowH-small.lineHeight(th.LineGap))/2, s, small, th.Text)
			}
			x += w
		}
		f.text(x+1.5, f.y+(rowH-small.lineHeight(th.LineGap))/2, strconv.Itoa(t.Objectives), font{bold, small.size}, th.Text)
		f.y += rowH
	}
	f.y += 2
	f.ensure(small.lineHeight(th.LineGap))
	x := barX
	for i, o := range model.EsitoOrder {
		c := colors[i]
		f.rect(x, f.y+0.5, 5, small.lineHeight(th.LineGap)-1, &c, false, c, 0)
		x += 6.5
		f.text(x, f.y, string(o), small, th.Text)
		x += small.width(string(o)) + 5
	}
	f.y += small.lineHeight(th.LineGap)
}
