package workbook

import (
	"fmt"
	"strings"

	"github.com/pegpdf/pegpdf/model"
)

func (rd *reader) objective(t *table, r row) *model.Objective {
	return rd.objectiveOf(&cell{rd: rd, t: t, r: r}, "")
}

// objectiveOf reads an objective row; auto, if given, is the Codice of a
// row without one.
func (rd *reader) objectiveOf(c *cell, auto string) *model.Objective {
	code := ""
	if auto == "" {
		code = c.required(model.FieldCode)
	} else if code = c.text(model.FieldCode); code == "" {
		code = auto
	}
	o := &model.Objective{
		Code:               code,
		Title:              c.required(model.FieldTitle),
		Year:               c.year(model.FieldYear),
		Direction:          c.required(model.FieldDirection),
		Director:           c.text(model.FieldDirector),
		Service:            c.text(model.FieldService),
		Manager:            c.text(model.FieldManager),
		Classification:     c.text(model.FieldClassification),
		Type:               c.text(model.FieldType),
		LinkedTo:           c.text(model.FieldLinkedTo),
		StrategicLine:      c.text(model.FieldStrategicLine),
		StrategicGoal:      c.text(model.FieldStrategicGoal),
		Description:        c.text(model.FieldDescription),
		Mission:            c.text(model.FieldMission),
		Programme:          c.text(model.FieldProgramme),
		MandateLine:        c.text(model.FieldMandateLine),
		Councillor:         c.text(model.FieldCouncillor),
		Stakeholders:       c.text(model.FieldStakeholders),
		Contributors:       c.text(model.FieldContributors),
		PublicValue:        c.text(model.FieldPublicValue),
		Deadline:           c.date(model.FieldDeadline),
		HumanResources:     c.text(model.FieldHumanResources),
		FinancialResources: c.text(model.FieldFinancialResources),
		Loc:                c.loc(),
	}
	o.Weight, o.Prerequisite = c.objectiveWeight(model.FieldWeight)
	if o.Code == "" {
		return nil
	}
	return o
}

// objectiveWeight reads an objective's weight: a number (1,2 or 20), or an
// X for a prerequisite objective, which is not weighed.
func (c *cell) objectiveWeight(f model.Field) (model.Num, bool) {
	if v := c.raw(f); v.k == textValue && strings.EqualFold(strings.TrimSpace(v.s), "x") {
		return model.Num{}, true
	}
	n := c.number(f)
	if n.Set && (n.Value < 0 || n.Value > 100) {
		c.fail(f, fmt.Errorf("Peso %s: %w (o X per un obiettivo prerequisito)", model.FormatDecimal(n.Value, 2), model.ErrRange))
		return model.Num{}, false
	}
	return n, false
}

func (rd *reader) owner(c *cell, byCode map[string]*model.Objective) *model.Objective {
	code := c.required(model.FieldObjCode)
	if code == "" {
		return nil
	}
	o := byCode[code]
	if o == nil {
		c.fail(model.FieldObjCode, fmt.Errorf("%q: %w", clip(code, 40), model.ErrUnknownObjective))
	}
	return o
}

func (rd *reader) phase(t *table, r row, byCode map[string]*model.Objective) (*model.Objective, model.Phase, bool) {
	c := &cell{rd: rd, t: t, r: r}
	o := rd.owner(c, byCode)
	return o, c.phase(), o != nil
}

func (c *cell) phase() model.Phase {
	return model.Phase{
		Description:   c.required(model.FieldDescription),
		Weight:        c.number(model.FieldWeight),
		Start:         c.date(model.FieldStart),
		End:           c.date(model.FieldEnd),
		Owner:         c.text(model.FieldOwner),
		Centre:        c.text(model.FieldCentre),
		Notes:         c.text(model.FieldNotes),
		ActualStart:   c.date(model.FieldActualStart),
		ActualEnd:     c.date(model.FieldActualEnd),
		Progress:      c.number(model.FieldProgress),
		ProgressNotes: c.text(model.FieldProgressNotes),
		Loc:           c.loc(),
	}
}

func (rd *reader) indicator(t *table, r row, byCode map[string]*model.Objective) (*model.Objective, []model.Indicator, bool) {
	c := &cell{rd: rd, t: t, r: r}
	o := rd.owner(c, byCode)
	return o, c.indicators(), o != nil
}

// indicators reads an indicator row. With a mapping that names separators,
// a cell may hold several indicators, one per part; the other cells then
// hold one value per part, or one value for all.
func (c *cell) indicators() []model.Indicator {
	in := model.Indicator{
		Description:  c.required(model.FieldDescription),
		Kind:         c.text(model.FieldKind),
		Target:       model.ParseTarget(c.written(model.FieldTarget)),
		Measured:     c.written(model.FieldMeasured),
		Comment:      c.text(model.FieldComment),
		Unit:         c.text(model.FieldUnit),
		Formula:      c.text(model.FieldFormula),
		Source:       c.text(model.FieldSource),
		Baseline:     c.written(model.FieldBaseline),
		BaselineYear: c.year(model.FieldBaselineYear),
		NextTargets:  [2]model.Target{model.ParseTarget(c.written(model.FieldTargetNext1)), model.ParseTarget(c.written(model.FieldTargetNext2))},
		Weight:       c.number(model.FieldWeight),
		Loc:          c.loc(),
	}
	parts := c.rd.m.split(in.Description)
	if len(parts) < 2 {
		c.untargeted([]model.Indicator{in})
		return []model.Indicator{in}
	}
	targets := c.rd.m.split(in.Target.Text)
	measured := c.rd.m.split(in.Measured)
	for _, p := range []struct {
		f model.Field
		n int
	}{{model.FieldTarget, len(targets)}, {model.FieldMeasured, len(measured)}} {
		if p.n > 1 && p.n != len(parts) {
			c.fail(p.f, fmt.Errorf("%w: %d indicatori nella cella %s, %d valori in questa",
				ErrParts, len(parts), model.ColumnName(c.t.cols[model.FieldDescription]), p.n))
			return nil
		}
	}
	out := make([]model.Indicator, len(parts))
	for i, d := range parts {
		out[i] = in
		out[i].Description = d
		if len(targets) > 1 {
			out[i].Target = model.ParseTarget(targets[i])
		}
		if len(measured) > 1 {
			out[i].Measured = measured[i]
		}
	}
	c.untargeted(out)
	return out
}

// untargeted warns, once for the row, about an indicator with a Valore
// rilevato and no Valore atteso: the monitoring has nothing to compare it
// with.
func (c *cell) untargeted(in []model.Indicator) {
	for _, x := range in {
		if x.Measured != "" && x.Target.Text == "" && x.Description != "" {
			c.rd.add(c.loc().At(model.Warning, model.FieldMeasured,
				fmt.Errorf("%q: %w, nella colonna %q", clip(x.Description, 40), ErrNoTarget, c.header(model.FieldTarget))))
			return
		}
	}
}
