package render

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pegpdf/pegpdf/model"
)

// The monitoring parts of a sheet: the objective's figures under its title,
// and the extra columns of FASI and INDICATORI.

// statusColor is the background of an outcome's cell; the outcome is
// always written in it as well.
func (th *Theme) statusColor(o model.Outcome) *Color {
	switch o {
	case model.Met, model.OnTrack, model.OnTime, model.Early:
		return &th.Good
	case model.Partial, model.InProgress:
		return &th.Warn
	case model.NotMet, model.OffTrack, model.Late, model.NotStarted:
		return &th.Bad
	}
	return &th.Neutral
}

// percent prints a one-decimal percentage: 85,0%; empty when unset.
func percent(n model.Num) string {
	if !n.Set {
		return ""
	}
	return n.Decimal(1) + "%"
}

// figures lays out the objective's Realizzazione, Esito and Tempi at the
// reference date, as a row of labelled cells.
func (f *flow) figures(r model.ObjectiveResult, asOf model.Date) {
	th, l := f.th, &f.th.Labels
	real := percent(r.Realization)
	if real == "" {
		real = "—"
	}
	asOfText := fmt.Sprintf(l.AsOf, asOf)
	f.gridRowFilled(th.FigureShares[:],
		[]string{l.Realization, real, l.Outcome, string(r.Outcome), l.Timing, string(r.Timing), asOfText},
		[]*Color{&th.LabelFill, nil, &th.LabelFill, th.statusColor(r.Outcome), &th.LabelFill, th.statusColor(r.Timing), nil})
	f.y += 3
}

// phaseProgressColumns are the columns of the table that follows FASI in
// a monitored sheet: FASI itself keeps the reference's columns, which
// leave no room on an A4 page for four more.
func phaseProgressColumns(th *Theme) []column {
	l := &th.Labels
	return []column{
		{l.Number, 5, right}, {l.PhaseDescription, 38, left}, {l.ActualStart, 12, center}, {l.ActualEnd, 12, center},
		{l.Progress, 12, right}, {l.Timing, 13, center}, {l.ProgressNotes, 28, left},
	}
}

func phaseProgressRows(th *Theme, o *model.Objective, r model.ObjectiveResult) []tableRow {
	rows := make([]tableRow, len(o.Phases))
	for i, p := range o.Phases {
		rows[i] = tableRow{
			cells: []string{
				fmt.Sprint(i + 1), p.Description, p.ActualStart.String(), p.ActualEnd.String(),
				percent(p.Progress), string(r.PhaseTimings[i]), p.ProgressNotes,
			},
			fill:  []*Color{5: th.statusColor(r.PhaseTimings[i])},
			whole: []bool{5: true},
		}
	}
	return rows
}

// monitoredIndicatorColumns are INDICATORI of a monitored sheet; Unità,
// Baseline and Peso join them only when some indicator has one (they do
// not enter the Grado; the next years' targets wait for their year).
func monitoredIndicatorColumns(th *Theme, o *model.Objective) []column {
	l := &th.Labels
	unit, base, weight := indicatorExtras(o)
	cols := []column{{l.IndicatorDescription, 40, left}, {l.Kind, 13, left}}
	if unit {
		cols = append(cols, column{l.Unit, 9, left})
	}
	if base {
		cols = append(cols, column{l.Baseline, 11, left})
	}
	cols = append(cols, column{l.Target, 14, left}, column{l.Measured, 13, left})
	if weight {
		cols = append(cols, column{l.IndicatorWeight, 7, right})
	}
	return append(cols, column{l.Degree, 8, right}, column{l.Outcome, 12, center})
}

// indicatorExtras says whether some indicator of o has a Unità, a
// Baseline, a Peso.
func indicatorExtras(o *model.Objective) (unit, base, weight bool) {
	for _, in := range o.Indicators {
		unit = unit || in.Unit != ""
		weight = weight || in.Weight.Set
	}
	return unit, hasBaseline(o), weight
}

func hasBaseline(o *model.Objective) bool {
	for _, in := range o.Indicators {
		if in.Baseline != "" || in.BaselineYear != 0 {
			return true
		}
	}
	return false
}

// baselineText is the Baseline cell: the value and, in brackets, its year.
func baselineText(in model.Indicator) string {
	if in.BaselineYear == 0 {
		return in.Baseline
	}
	return strings.TrimSpace(in.Baseline + " (" + strconv.Itoa(in.BaselineYear) + ")")
}

func monitoredIndicatorRows(th *Theme, o *model.Objective, r model.ObjectiveResult) []tableRow {
	rows := make([]tableRow, len(o.Indicators))
	unit, base, weight := indicatorExtras(o)
	for i, in := range o.Indicators {
		ir := r.Indicators[i]
		measured := in.Measured
		if in.Comment != "" {
			measured = measured + "\n" + in.Comment
		}
		cells := []string{indicatorDescription(&th.Labels, in), in.Kind}
		if unit {
			cells = append(cells, in.Unit)
		}
		if base {
			cells = append(cells, baselineText(in))
		}
		cells = append(cells, in.Target.Text, measured)
		if weight {
			cells = append(cells, weightText(in.Weight))
		}
		cells = append(cells, ir.Degree.Decimal(1), string(ir.Outcome))
		out := len(cells) - 1
		fill, whole := make([]*Color, len(cells)), make([]bool, len(cells))
		fill[out], whole[out] = th.statusColor(ir.Outcome), true
		rows[i] = tableRow{cells: cells, fill: fill, whole: whole}
	}
	return rows
}
