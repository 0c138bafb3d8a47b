package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/pegpdf/pegpdf/model"
)

// unit is the step of a Gantt axis.
type unit int

const (
	months unit = iota
	quarters
	years
)

// tick is one labelled span of the axis, in days since 1970 [from, to).
type tick struct {
	label    string
	from, to int
}

// axis is the time scale of a Gantt: the objective's year in months, wider
// when phases leave it (months up to two years, quarters up to six, then
// years).
type axis struct {
	from, to int // days [from, to)
	unit     unit
	ticks    []tick // the unit row
	years    []tick // the year row above it (empty when the unit is years)
}

// ganttAxis chooses the axis for the objective's phases. fallback is the
// year shown when neither the objective nor its phases give one (render
// never reads the clock: the caller's reference date gives it).
func ganttAxis(o *model.Objective, l *Labels, fallback int) axis {
	year := o.EffectiveYear()
	lo, hi := model.Date{}, model.Date{}
	widen := func(d model.Date) {
		if d.IsZero() {
			return
		}
		if lo.IsZero() || d.Before(lo) {
			lo = d
		}
		if hi.IsZero() || d.After(hi) {
			hi = d
		}
	}
	for _, p := range o.Phases {
		widen(p.Start)
		widen(p.End)
		widen(p.ActualStart)
		widen(p.ActualEnd)
	}
	if year == 0 {
		year = fallback
		if !lo.IsZero() {
			year = lo.Year
		}
	}
	widen(model.Date{Year: year, Month: 1, Day: 1})
	widen(model.Date{Year: year, Month: 12, Day: 31})

	span := (hi.Year*12 + int(hi.Month)) - (lo.Year*12 + int(lo.Month)) + 1
	a := axis{unit: months}
	switch {
	case span > 72:
		a.unit = years
	case span > 24:
		a.unit = quarters
	}
	first := monthStart(lo.Year, int(lo.Month))
	switch a.unit {
	case quarters:
		first = monthStart(lo.Year, (int(lo.Month)-1)/3*3+1)
	case years:
		first = monthStart(lo.Year, 1)
	}
	step := map[unit]int{months: 1, quarters: 3, years: 12}[a.unit]
	for d := first; !d.After(hi); {
		next := addMonths(d, step)
		label := ""
		switch a.unit {
		case months:
			label = l.Months[d.Month-1]
		case quarters:
			label = fmt.Sprintf(l.Quarter, (int(d.Month)-1)/3+1)
		case years:
			label = strconv.Itoa(d.Year)
		}
		a.ticks = append(a.ticks, tick{label, d.Days(), next.Days()})
		if a.unit != years {
			if n := len(a.years); n == 0 || a.years[n-1].label != strconv.Itoa(d.Year) {
				a.years = append(a.years, tick{strconv.Itoa(d.Year), d.Days(), next.Days()})
			} else {
				a.years[n-1].to = next.Days()
			}
		}
		d = next
	}
	a.from, a.to = a.ticks[0].from, a.ticks[len(a.ticks)-1].to
	return a
}

func monthStart(y, m int) model.Date { return model.Date{Year: y, Month: time.Month(m), Day: 1} }

func addMonths(d model.Date, n int) model.Date { return model.DateOf(d.Time().AddDate(0, n, 0)) }

// ganttLabels wraps each phase's number and description to at most two
// lines in the label column, which widens from the theme's width up to
// its GanttLabelMax share of the page when a label needs it; only a label
// that needs more than two lines at that width is shortened with "…".
func (f *flow) ganttLabels(o *model.Objective) (width float64, labels [][]string) {
	th := f.th
	small, num := font{regular, th.SmallSize}, font{bold, th.SmallSize}
	most := max(th.GanttLabelWidth, th.GanttLabelMax*th.contentWidth())
	texts := make([]string, len(o.Phases))
	nws := make([]float64, len(o.Phases))
	for i, p := range o.Phases {
		texts[i] = strings.Join(strings.Fields(clean(p.Description)), " ")
		nws[i] = num.width(strconv.Itoa(i+1) + " ")
	}
	wrapOne := func(i int, w float64) []string {
		if small.width(texts[i]) <= w-nws[i]-2 {
			return []string{texts[i]} // one line: no need to wrap
		}
		return wrap(texts[i], small, w-nws[i]-2, 0)
	}
	// Widen in steps while some label needs more than two lines, trying
	// again only those labels; then wrap every label at the width found.
	width = th.GanttLabelWidth
	var long []int
	for i := range o.Phases {
		if small.width(texts[i]) > 2*(most-nws[i]-2) {
			continue // two lines will not hold it at any width: it is shortened
		}
		if len(wrapOne(i, width)) > 2 {
			long = append(long, i)
		}
	}
	for len(long) > 0 && width < most {
		width = min(most, width+2)
		still := long[:0]
		for _, i := range long {
			if len(wrapOne(i, width)) > 2 {
				still = append(still, i)
			}
		}
		long = still
	}
	labels = make([][]string, len(o.Phases))
	for i := range o.Phases {
		labels[i] = wrapOne(i, width)
		if len(labels[i]) > 2 {
			labels[i] = []string{labels[i][0], shorten(strings.Join(labels[i][1:], " "), small, width-nws[i]-2)}
		}
	}
	return width, labels
}

// gantt lays out the chart: the axis, then one row per phase numbered as in
// FASI, its label on one or two lines, breaking pages between rows with the
// axis repeated. A bar runs from Inizio to Fine prevista, never thinner
// than the theme's GanttMinBar; a milestone (a Fine prevista alone) is a
// diamond on its day. An objective without phases gets one line saying so.
func (f *flow) gantt(o *model.Objective, opt Options) {
	th, l := f.th, &f.th.Labels
	title := font{bold, th.TextSize}
	small := font{regular, th.SmallSize}
	if len(o.Phases) == 0 {
		f.ensure(title.lineHeight(th.LineGap) + 1 + small.lineHeight(th.LineGap))
		f.text(th.Margin, f.y, l.Gantt, title, th.Text)
		f.y += title.lineHeight(th.LineGap) + 1
		f.text(th.Margin, f.y, l.NoPhases, small, th.Muted)
		f.y += small.lineHeight(th.LineGap)
		return
	}
	a := ganttAxis(o, l, opt.AsOf.Year)
	labelW, labels := f.ganttLabels(o)
	x0 := th.Margin + labelW
	w := th.contentWidth() - labelW
	xOf := func(day int) float64 { return x0 + w*float64(day-a.from)/float64(a.to-a.from) }
	tiny := font{regular, th.SmallSize - 1}
	lineH := small.lineHeight(th.LineGap)
	rowHeight := func(i int) float64 {
		return max(th.GanttRow, float64(len(labels[i]))*lineH+1.2)
	}
	headRows := 2.0 // years above months or quarters
	if len(a.years) == 0 {
		headRows = 1 // the years themselves
	}
	headH := headRows * (tiny.lineHeight(th.LineGap) + 1)
	// Progress only when asked: without a reference date a sheet shows the
	// plan, even when the workbook carries monitoring data.
	monitored := !opt.AsOf.IsZero()

	rows := 0.0
	for i := range o.Phases {
		rows += rowHeight(i)
	}
	whole := title.lineHeight(th.LineGap) + 1 + headH + rows + 8
	if whole > f.room() && whole <= f.fresh() {
		f.newPage() // keep a chart that fits on one page together
	}
	f.ensure(title.lineHeight(th.LineGap) + 1 + headH + rowHeight(0))
	f.text(th.Margin, f.y, l.Gantt, title, th.Text)
	f.y += title.lineHeight(th.LineGap) + 1

	var top float64 // where the rows of this page start
	header := func() {
		y := f.y
		rh := headH / headRows
		labelRow := func(ts []tick, y float64, strong bool) {
			fn := tiny
			if strong {
				fn = font{bold, tiny.size}
			}
			// Skip labels that would not fit: every k-th one.
			wide := 0.0
			for _, t := range ts {
				wide = max(wide, fn.width(t.label))
			}
			k := 1
			for len(ts) > 0 && wide+0.8 > (xOf(ts[0].to)-xOf(ts[0].from))*float64(k) {
				k++
			}
			// One header cell, and its label, per k ticks.
			for i := 0; i < len(ts); i += k {
				x1, x2 := xOf(ts[i].from), xOf(ts[min(i+k, len(ts))-1].to)
				f.rect(x1, y, x2-x1, rh, &th.HeaderFill, true, th.Border, 0.15)
				label := shorten(ts[i].label, fn, x2-x1)
				f.text(x1+max(0, (x2-x1)-fn.width(label))/2, y+0.5, label, fn, th.Text)
			}
		}
		if len(a.years) > 0 {
			labelRow(a.years, y, true)
			labelRow(a.ticks, y+rh, false)
		} else {
			labelRow(a.ticks, y, true)
		}
		f.y += headH
		top = f.y
	}
	var diamonds [][2]float64 // the milestones of this page, drawn over the grid
	grid := func(bottom float64) {
		for _, t := range a.ticks[1:] {
			f.line(xOf(t.from), top, xOf(t.from), bottom, th.GridLine, 0.15)
		}
		for _, d := range diamonds {
			f.diamond(d[0], d[1], th.GanttBar+0.8, th.Milestone)
		}
		diamonds = diamonds[:0]
		f.rect(x0, top, w, bottom-top, nil, true, th.Border, 0.2)
		if monitored {
			if d := opt.AsOf.Days(); d >= a.from && d < a.to {
				x := (xOf(d) + xOf(d+1)) / 2
				f.line(x, top-1, x, bottom, th.Today, 0.5)
			}
		}
	}
	// span is a bar's left edge and width from day d1 to day d2 included,
	// widened about its middle to the minimum width.
	span := func(d1, d2 int) (float64, float64) {
		x1, x2 := xOf(d1), xOf(d2+1)
		if x2-x1 < th.GanttMinBar {
			mid := (x1 + x2) / 2
			x1 = min(max(mid-th.GanttMinBar/2, x0), x0+w-th.GanttMinBar)
			x2 = x1 + th.GanttMinBar
		}
		return x1, x2 - x1
	}
	header()
	for i, p := range o.Phases {
		rowH := rowHeight(i)
		if f.room() < rowH {
			grid(f.y)
			f.newPage()
			header()
		}
		y := f.y
		if i%2 == 1 {
			f.rect(th.Margin, y, th.contentWidth(), rowH, &th.LabelFill, false, th.Border, 0)
		}
		num := strconv.Itoa(i+1) + " "
		ty := y + (rowH-float64(len(labels[i]))*lineH)/2
		f.text(th.Margin+0.5, ty, num, font{bold, small.size}, th.Text)
		nw := font{bold, small.size}.width(num)
		for k, line := range labels[i] {
			f.text(th.Margin+0.5+nw, ty+float64(k)*lineH, line, small, th.Text)
		}
		barY := y + (rowH-th.GanttBar)/2
		if monitored {
			barY = y + (rowH-(th.GanttBar+0.4+1.1))/2
		}
		switch {
		case p.IsMilestone():
			d := p.End.Days()
			half := (th.GanttBar + 0.8) / 2 // kept inside the chart on the axis's first and last days
			x := min(max((xOf(d)+xOf(d+1))/2, x0+half), x0+w-half)
			diamonds = append(diamonds, [2]float64{x, barY + th.GanttBar/2})
		case p.HasDates() && !p.End.Before(p.Start):
			x1, bw := span(p.Start.Days(), p.End.Days())
			f.rect(x1, barY, bw, th.GanttBar, &th.Bar, false, th.Bar, 0)
			if monitored && p.Progress.Set && p.Progress.Value > 0 {
				done := bw * min(p.Progress.Value, 100) / 100
				f.rect(x1, barY, done, th.GanttBar, &th.BarDone, false, th.BarDone, 0)
			}
		}
		if s := p.ActualStart; monitored && !s.IsZero() {
			e := p.ActualEnd
			if e.IsZero() {
				e = opt.AsOf
			}
			if !e.IsZero() && !e.Before(s) {
				x1, bw := span(s.Days(), e.Days())
				f.rect(x1, barY+th.GanttBar+0.4, bw, 1.1, &th.BarActual, false, th.BarActual, 0)
			}
		}
		f.y += rowH
	}
	grid(f.y)
	if monitored {
		f.ganttLegend(o, opt)
	}
}

// diamond lays out a filled diamond of the given diagonal centred on (x,
// y): a square turned by 45°, drawn as one thick diagonal line with butt
// ends (a line of width d/√2 and length d/√2 is that square).
func (f *flow) diamond(x, y, diagonal float64, c Color) {
	side := diagonal / math.Sqrt2
	h := side / 2 / math.Sqrt2 // half the line's run on each axis
	f.line(x-h, y+h, x+h, y-h, c, side)
}

// ganttLegend explains the colours of a Gantt with monitoring data.
func (f *flow) ganttLegend(o *model.Objective, opt Options) {
	th, l := f.th, &f.th.Labels
	fn := font{regular, th.SmallSize - 0.5}
	lh := fn.lineHeight(th.LineGap)
	f.y += 1.5
	f.ensure(lh)
	x := th.Margin
	key := func(c Color, h float64, label string) {
		f.rect(x, f.y+(lh-h)/2, 6, h, &c, false, c, 0)
		x += 7.5
		f.text(x, f.y, label, fn, th.Text)
		x += fn.width(label) + 5
	}
	key(th.Bar, 2.6, l.Planned)
	key(th.BarDone, 2.6, l.Done)
	key(th.BarActual, 1.1, l.Actual)
	for _, p := range o.Phases {
		if p.IsMilestone() {
			f.diamond(x+1.5, f.y+lh/2, 2.8, th.Milestone)
			x += 4.5
			f.text(x, f.y, l.Milestone, fn, th.Text)
			x += fn.width(l.Milestone) + 5
			break
		}
	}
	if !opt.AsOf.IsZero() {
		f.line(x+1, f.y, x+1, f.y+lh, th.Today, 0.5)
		x += 3
		f.text(x, f.y, fmt.Sprintf(l.AsOf, opt.AsOf), fn, th.Text)
	}
	f.y += lh
}
