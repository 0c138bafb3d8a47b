package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pegpdf/pegpdf/model"
)

// Options are the choices of a rendering that are not in the theme.
type Options struct {
	// AsOf, when set, draws a reference line in the Gantt.
	AsOf     model.Date
	untagged bool // see counting (tag.go)

	// PDFA makes PDF/A-2a documents (also PDF/UA-1, as every document is),
	// for archiving with council acts.
	PDFA bool
}

// layoutSheet lays out one objective's sheet as pages: page 1 with the
// header grid, the D.U.P. links, the description and the Gantt; then the
// phases and indicators, with the code and title repeated on top.
func layoutSheet(th *Theme, o *model.Objective, opt Options) []*page {
	code, title := clean(o.Code), clean(o.Title)
	f := newFlow(th, code)
	f.root.sink = opt.untagged
	l := &th.Labels
	lh := func(fn font) float64 { return fn.lineHeight(th.LineGap) }

	// 1. Code and title: the sheet's heading.
	f.heading(1)
	cf := font{regular, th.CodeSize}
	f.text(th.Margin, f.y, code, cf, th.Text)
	f.y += lh(cf) + 1
	f.paragraph(title, font{regular, th.TitleSize}, th.Text)
	f.y += 3
	monitored := !opt.AsOf.IsZero() && o.HasMonitoring()
	var judged model.ObjectiveResult
	if monitored {
		judged = o.Judge(opt.AsOf)
		f.figures(judged, opt.AsOf)
	}

	// After page 1, every page starts with the code and the title in bold
	// (at most two lines of it).
	hf := font{bold, th.TextSize + 1}
	headerTitle := wrap(title, hf, th.contentWidth(), 0)
	if len(headerTitle) > 2 {
		headerTitle = []string{headerTitle[0], shorten(headerTitle[1]+" "+headerTitle[2], hf, th.contentWidth())}
	}
	f.header = func(f *flow) {
		f.text(th.Margin, f.y, code, cf, th.Text)
		f.y += lh(cf) + 1
		f.lines(th.Margin, headerTitle, hf, th.Text)
		f.y += 3
	}

	// 2. The grid, and 3. Collegato a: one table of labels (TH) and values.
	f.gridOpen = true
	f.grid([][]string{
		{l.Direction, o.Direction, l.Director, o.Director, l.Classification, o.Classification},
		{l.Service, o.Service, l.Manager, o.Manager, l.Type, o.Type},
	})
	// The budget link and the weight: a second row, only when filled.
	if o.Mission != "" || o.Programme != "" || o.Weight.Set || o.Prerequisite {
		f.gridRow(th.GridShares[:], []string{
			l.Mission, o.Mission, l.Programme, o.Programme, l.ObjectiveWeight, objectiveWeight(l, o),
		})
	}
	f.linkedTo(l.LinkedTo, o.LinkedTo)
	f.gridOpen, f.gridNode = false, nil
	f.y += 4

	// 4. The D.U.P. links, each only when filled.
	if o.StrategicLine != "" {
		f.labelled(l.StrategicLine, clean(o.StrategicLine), th.TextSize)
		f.y += 1.5
	}
	if o.StrategicGoal != "" {
		f.labelled(l.StrategicGoal, clean(o.StrategicGoal), th.TextSize)
	}
	// The PEG and PIAO links, each only when filled.
	prev := o.StrategicGoal != ""
	deadline := ""
	if !o.Deadline.IsZero() {
		deadline = o.Deadline.String()
	}
	for _, lv := range [][2]string{
		{l.MandateLine, o.MandateLine}, {l.Councillor, o.Councillor}, {l.PublicValue, o.PublicValue},
		{l.Stakeholders, o.Stakeholders}, {l.Contributors, o.Contributors}, {l.Deadline, deadline},
	} {
		if strings.TrimSpace(lv[1]) == "" {
			continue
		}
		if prev {
			f.y += 1.5
		}
		f.labelled(lv[0], clean(lv[1]), th.TextSize)
		prev = true
	}
	f.y += 4

	// 5. The description box, when there is a description.
	if th.Sections.Description && strings.TrimSpace(o.Description) != "" {
		f.descriptionBox(l.Description, clean(o.Description))
		f.y += 5
	}

	// 6. The Gantt.
	if th.Sections.Gantt {
		f.ganttFigure(o, opt)
	}

	// Page 2: the phases and the indicators; no page of empty tables (the
	// Gantt has said there are no phases). With a compact theme FASI
	// follows on page 1 when it fits there whole; without phases, so does
	// INDICATORI, rather than a page 2 of its own.
	phases := th.Sections.Phases && len(o.Phases) > 0
	indicators := th.Sections.Indicators && (len(o.Indicators) > 0 || phases)
	phaseSection := func(f *flow) {
		f.sectionTitle(l.Phases)
		f.table(phaseColumns(th), phaseRows(th, o))
		f.y += 6
	}
	indicatorSection := func(f *flow) {
		f.ensure(lh(font{bold, th.TextSize}) * 4)
		f.sectionTitle(l.Indicators)
		switch {
		case len(o.Indicators) == 0:
			small := font{regular, th.SmallSize}
			f.text(th.Margin, f.y, l.NoIndicators, small, th.Muted)
			f.y += lh(small)
		case monitored:
			f.table(monitoredIndicatorColumns(th, o), monitoredIndicatorRows(th, o, judged))
		default:
			cols, rows := indicatorTable(th, o)
			f.table(cols, rows)
		}
		f.y += 6
	}
	if phases || indicators {
		switch {
		case th.Compact && phases && f.fits(func(p *flow) { p.y += 4; phaseSection(p) }):
			f.y += 4
		case !phases && f.fits(func(p *flow) { p.y += 4; indicatorSection(p) }):
			f.y += 4
		default:
			f.headerContent = true // under the code and title again, as in the reference
			f.newPage()
		}
	}
	if phases {
		phaseSection(f)
		if monitored {
			f.ensure(lh(font{bold, th.TextSize}) * 4)
			f.sectionTitle(l.PhaseProgress)
			f.table(phaseProgressColumns(th), phaseProgressRows(th, o, judged))
			f.y += 6
		}
	}
	if indicators {
		indicatorSection(f)
	}

	// RISORSE, only when one is filled.
	if o.HumanResources != "" || o.FinancialResources != "" {
		var cells []string
		if o.HumanResources != "" {
			cells = append(cells, l.HumanResources, o.HumanResources)
		}
		if o.FinancialResources != "" {
			cells = append(cells, l.FinancialResources, o.FinancialResources)
		}
		shares := []float64{0.3, 0.7, 0.3, 0.7}[:len(cells)]
		f.ensure(lh(font{bold, th.TextSize}) * 4)
		f.sectionTitle(l.Resources)
		f.gridRow(shares, cells)
	}
	return f.pages
}

// fits reports whether lay, laid out from the flow's position, stays on
// the current page.
func (f *flow) fits(lay func(*flow)) bool {
	probe := &flow{th: f.th, pages: []*page{{}}, y: f.y, header: f.header, root: newRoot(tagSect)}
	probe.box = probe.root
	lay(probe)
	return len(probe.pages) == 1
}

func (f *flow) sectionTitle(s string) {
	fn := font{bold, f.th.TextSize + 0.5}
	f.ensure(fn.lineHeight(f.th.LineGap) * 3)
	f.heading(2)
	f.text(f.th.Margin, f.y, s, fn, f.th.Text)
	f.node = nil
	f.y += fn.lineHeight(f.th.LineGap) + 1
}

// descriptionBox lays out the bordered box with the label on the left and
// the description on the right; a long description continues on the next
// pages, the box drawn around each part.
func (f *flow) descriptionBox(label, text string) {
	th := f.th
	lab, body := font{bold, th.TextSize}, font{regular, th.TextSize}
	lh := body.lineHeight(th.LineGap)
	pad := th.CellPad
	lw := th.DescLabelWidth
	labels := wrap(label, lab, lw-2*pad, 0)
	ls := wrap(text, body, th.contentWidth()-lw-2*pad, 0)
	for len(ls) > 0 && ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	if len(ls) < len(labels) {
		ls = append(ls, make([]string, len(labels)-len(ls))...)
	}
	// Keep the label with at least its own lines of text.
	f.ensure(float64(len(labels))*lh + 2*pad)
	for from, first := 0, true; from < len(ls); first = false {
		fit := max(1, int((f.room()-2*pad)/lh))
		to := min(len(ls), from+fit)
		h := float64(to-from)*lh + 2*pad
		f.rect(th.Margin, f.y, lw, h, &th.LabelFill, true, th.Border, 0.25)
		f.rect(th.Margin+lw, f.y, th.contentWidth()-lw, h, nil, true, th.Border, 0.25)
		if first {
			f.block(tagP) // the label
			f.cellText(th.Margin, f.y+pad, lw, labels, lab, left)
			f.node = nil
		}
		// One P per paragraph of the description.
		y := f.y + pad
		for _, l := range ls[from:to] {
			if l == "" {
				f.node = nil
			} else if f.node == nil {
				f.block(tagP)
			}
			f.cellText(th.Margin+lw, y, th.contentWidth()-lw, []string{l}, body, left)
			y += lh
		}
		f.y += h
		from = to
		if from < len(ls) {
			para := f.node // a paragraph continues on the next page
			f.newPage()
			f.node = para
		}
	}
}

func phaseColumns(th *Theme) []column {
	l, s := &th.Labels, th.PhaseColumns
	return []column{
		{l.PhaseDescription, s[0], left}, {l.Weight, s[1], right}, {l.Start, s[2], center},
		{l.End, s[3], center}, {l.Owner, s[4], left}, {l.Centre, s[5], left}, {l.Notes, s[6], left},
	}
}

func phaseRows(th *Theme, o *model.Objective) []tableRow {
	rows := make([]tableRow, len(o.Phases))
	for i, p := range o.Phases {
		start := p.Start.String()
		if p.IsMilestone() {
			start = th.Labels.Milestone
		}
		rows[i] = tableRow{cells: []string{
			p.Description, p.Weight.Decimal(2), start, p.End.String(), p.Owner, p.Centre, p.Notes,
		}}
	}
	return rows
}

// objectiveWeight prints the objective's weight the Italian way (1,20 or
// 20), or the prerequisite mark.
func objectiveWeight(l *Labels, o *model.Objective) string {
	switch {
	case o.Prerequisite:
		return l.Prerequisite
	case !o.Weight.Set:
		return ""
	}
	return weightText(o.Weight)
}

// weightText prints a weight with two decimals, or none when it is whole.
func weightText(n model.Num) string {
	if !n.Set {
		return ""
	}
	if n.Value == float64(int64(n.Value)) {
		return n.Decimal(0)
	}
	return n.Decimal(2)
}

// indicatorTable is INDICATORI: the reference's three columns, plus Unità,
// Baseline, the next years' targets and Peso only when some indicator has
// them; Formula and Fonte del dato go on lines of their own under the
// indicator's description.
func indicatorTable(th *Theme, o *model.Objective) ([]column, []tableRow) {
	l, s := &th.Labels, th.IndicatorColumns
	unit, base, weight := indicatorExtras(o)
	var next1, next2, extra bool
	for _, in := range o.Indicators {
		next1 = next1 || in.NextTargets[0].Text != ""
		next2 = next2 || in.NextTargets[1].Text != ""
		extra = extra || in.Formula != "" || in.Source != ""
	}
	if !unit && !base && !next1 && !next2 && !weight && !extra {
		return indicatorColumns(th), indicatorRows(o)
	}
	year := func(k int) string {
		if y := o.EffectiveYear(); y != 0 {
			return strconv.Itoa(y + k)
		}
		return "N+" + strconv.Itoa(k)
	}
	cols := []column{{l.IndicatorDescription, s[0], left}, {l.Kind, s[1], left}}
	if unit {
		cols = append(cols, column{l.Unit, 10, left})
	}
	if base {
		cols = append(cols, column{l.Baseline, 13, left})
	}
	cols = append(cols, column{l.Target, s[2], left})
	if next1 {
		cols = append(cols, column{fmt.Sprintf(l.NextTarget, year(1)), 17, left})
	}
	if next2 {
		cols = append(cols, column{fmt.Sprintf(l.NextTarget, year(2)), 17, left})
	}
	if weight {
		cols = append(cols, column{l.IndicatorWeight, 7, right})
	}
	rows := make([]tableRow, len(o.Indicators))
	for i, in := range o.Indicators {
		cells := []string{indicatorDescription(l, in), in.Kind}
		if unit {
			cells = append(cells, in.Unit)
		}
		if base {
			cells = append(cells, baselineText(in))
		}
		cells = append(cells, in.Target.Text)
		if next1 {
			cells = append(cells, in.NextTargets[0].Text)
		}
		if next2 {
			cells = append(cells, in.NextTargets[1].Text)
		}
		if weight {
			cells = append(cells, weightText(in.Weight))
		}
		rows[i] = tableRow{cells: cells}
	}
	return cols, rows
}

// indicatorDescription is the description with Formula and Fonte del dato
// on lines of their own, when filled.
func indicatorDescription(l *Labels, in model.Indicator) string {
	s := in.Description
	if in.Formula != "" {
		s += "\n" + l.Formula + " " + in.Formula
	}
	if in.Source != "" {
		s += "\n" + l.Source + " " + in.Source
	}
	return s
}

func indicatorColumns(th *Theme) []column {
	l, s := &th.Labels, th.IndicatorColumns
	return []column{{l.IndicatorDescription, s[0], left}, {l.Kind, s[1], left}, {l.Target, s[2], left}}
}

func indicatorRows(o *model.Objective) []tableRow {
	rows := make([]tableRow, len(o.Indicators))
	for i, in := range o.Indicators {
		rows[i] = tableRow{cells: []string{in.Description, in.Kind, in.Target.Text}}
	}
	return rows
}
