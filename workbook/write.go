package workbook

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// Template writes the blank workbook offices fill in: the three sheets of
// the schema with their headers, widths, frozen header row, drop-downs and
// validations, an Istruzioni sheet, and 2019_ZN10 as the example rows
// (templates.TemplateExample: it verifies clean).
func Template(w io.Writer) error {
	return Write(w, templates.TemplateExample())
}

// Write writes plan in the format Read reads, with the template's
// formatting. Dates are written as real date cells, weights as numbers.
func Write(w io.Writer, plan *model.Plan) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
	})
	if err != nil {
		return err
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14, CustomNumFmt: strPtr("dd/mm/yyyy")})
	if err != nil {
		return err
	}
	for i, s := range templates.Schema() {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			return err
		}
		if err := layoutSheet(f, s, bold, dateStyle); err != nil {
			return err
		}
		if err := fill(f, s, plan); err != nil {
			return err
		}
	}
	if err := instructions(f, bold); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

func strPtr(s string) *string { return &s }

func layoutSheet(f *excelize.File, s templates.Sheet, bold, dateStyle int) error {
	last := model.ColumnName(len(s.Columns))
	for i, c := range s.Columns {
		col := model.ColumnName(i + 1)
		if err := f.SetCellStr(s.Name, col+"1", c.Header); err != nil {
			return err
		}
		if err := f.SetColWidth(s.Name, col, col, c.Width); err != nil {
			return err
		}
		if err := validation(f, s.Name, col, c, dateStyle); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(s.Name, "A1", last+"1", bold); err != nil {
		return err
	}
	return f.SetPanes(s.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

const maxRow = 5000 // rows the template's validations cover

func validation(f *excelize.File, sheet, col string, c templates.Column, dateStyle int) error {
	sqref := fmt.Sprintf("%s2:%s%d", col, col, maxRow)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	switch c.Kind {
	case templates.Choice:
		if err := dv.SetDropList(c.Choices); err != nil {
			return err
		}
		// Suggestions, not a closed list: other wordings stay allowed.
		dv.SetError(excelize.DataValidationErrorStyleInformation, "Valore non in elenco", "Il valore non è tra quelli suggeriti.")
	case templates.Percent:
		if err := dv.SetRange(0, 100, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Valore non valido", "Scrivere un numero da 0 a 100.")
	case templates.Date:
		if err := dv.SetRange(1, 2958465, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Data non valida", "Scrivere una data gg/mm/aaaa.")
		if err := f.SetColStyle(sheet, col, dateStyle); err != nil {
			return err
		}
	case templates.Year:
		if err := dv.SetRange(1900, 2200, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Anno non valido", "Scrivere un anno di quattro cifre.")
	default:
		return nil
	}
	return f.AddDataValidation(sheet, dv)
}

// fill writes the plan's rows into sheet s.
func fill(f *excelize.File, s templates.Sheet, plan *model.Plan) error {
	n := 2
	put := func(values map[model.Field]any) error {
		row := make([]any, len(s.Columns))
		for i, c := range s.Columns {
			row[i] = values[c.Field]
		}
		err := f.SetSheetRow(s.Name, fmt.Sprintf("A%d", n), &row)
		n++
		return err
	}
	for _, o := range plan.Objectives {
		var err error
		switch s.Name {
		case templates.SheetObjectives:
			err = put(objectiveRow(o))
		case templates.SheetPhases:
			for _, p := range o.Phases {
				if err = put(phaseRow(o.Code, p)); err != nil {
					break
				}
			}
		case templates.SheetIndicators:
			for _, in := range o.Indicators {
				if err = put(indicatorRow(o.Code, in)); err != nil {
					break
				}
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func objectiveRow(o *model.Objective) map[model.Field]any {
	m := map[model.Field]any{
		model.FieldCode: o.Code, model.FieldTitle: o.Title, model.FieldDirection: o.Direction,
		model.FieldDirector: o.Director, model.FieldService: o.Service, model.FieldManager: o.Manager,
		model.FieldClassification: o.Classification, model.FieldType: o.Type, model.FieldLinkedTo: o.LinkedTo,
		model.FieldStrategicLine: o.StrategicLine, model.FieldStrategicGoal: o.StrategicGoal,
		model.FieldDescription: o.Description,
		model.FieldMission:     o.Mission, model.FieldProgramme: o.Programme, model.FieldMandateLine: o.MandateLine,
		model.FieldCouncillor: o.Councillor, model.FieldStakeholders: o.Stakeholders, model.FieldContributors: o.Contributors,
		model.FieldPublicValue: o.PublicValue, model.FieldHumanResources: o.HumanResources, model.FieldFinancialResources: o.FinancialResources,
	}
	if o.Year != 0 {
		m[model.FieldYear] = o.Year
	}
	num(m, model.FieldWeight, o.Weight)
	if o.Prerequisite {
		m[model.FieldWeight] = "X"
	}
	date(m, model.FieldDeadline, o.Deadline)
	return m
}

func phaseRow(code string, p model.Phase) map[model.Field]any {
	m := map[model.Field]any{
		model.FieldObjCode: code, model.FieldDescription: p.Description,
		model.FieldOwner: p.Owner, model.FieldCentre: p.Centre, model.FieldNotes: p.Notes,
		model.FieldProgressNotes: p.ProgressNotes,
	}
	num(m, model.FieldWeight, p.Weight)
	num(m, model.FieldProgress, p.Progress)
	date(m, model.FieldStart, p.Start)
	date(m, model.FieldEnd, p.End)
	date(m, model.FieldActualStart, p.ActualStart)
	date(m, model.FieldActualEnd, p.ActualEnd)
	return m
}

func indicatorRow(code string, in model.Indicator) map[model.Field]any {
	m := map[model.Field]any{
		model.FieldObjCode: code, model.FieldDescription: in.Description, model.FieldKind: in.Kind,
		model.FieldTarget: in.Target.Text, model.FieldMeasured: in.Measured, model.FieldComment: in.Comment,
		model.FieldUnit: in.Unit, model.FieldFormula: in.Formula, model.FieldSource: in.Source,
		model.FieldBaseline: in.Baseline, model.FieldTargetNext1: in.NextTargets[0].Text, model.FieldTargetNext2: in.NextTargets[1].Text,
	}
	if in.BaselineYear != 0 {
		m[model.FieldBaselineYear] = in.BaselineYear
	}
	num(m, model.FieldWeight, in.Weight)
	return m
}

func num(m map[model.Field]any, f model.Field, n model.Num) {
	if n.Set {
		m[f] = n.Value
	}
}

func date(m map[model.Field]any, f model.Field, d model.Date) {
	if !d.IsZero() {
		m[f] = d.Time()
	}
}

// instructions writes the Istruzioni sheet from the schema's help texts.
func instructions(f *excelize.File, bold int) error {
	name := templates.SheetHelp
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	lines := [][2]string{{"Come compilare questo file", ""}, {"", templates.Intro}}
	for _, s := range templates.Schema() {
		req := "facoltativo"
		if s.Required {
			req = "obbligatorio"
		}
		lines = append(lines, [2]string{"", ""}, [2]string{"Foglio " + s.Name + " (" + req + ")", s.Help})
		for _, c := range s.Columns {
			h := c.Help
			if c.Required {
				h = strings.TrimSpace("obbligatoria. " + h)
			}
			if c.Optional {
				h = strings.TrimSpace("facoltativa, stampata solo se compilata. " + h)
			}
			if len(c.Choices) > 0 {
				h = sentence(h) + " Valori suggeriti: " + strings.Join(c.Choices, ", ") + "."
			}
			if len(c.Aliases) > 0 {
				h = sentence(h) + " Altri nomi accettati: " + sentence(strings.Join(c.Aliases, " · "))
			}
			lines = append(lines, [2]string{c.Header, h})
		}
	}
	for i, l := range lines {
		row := []any{l[0], l[1]}
		if err := f.SetSheetRow(name, fmt.Sprintf("A%d", i+1), &row); err != nil {
			return err
		}
		if l[1] == "" || strings.HasPrefix(l[0], "Foglio ") {
			if err := f.SetCellStyle(name, fmt.Sprintf("A%d", i+1), fmt.Sprintf("A%d", i+1), bold); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(name, "A", "A", 30); err != nil {
		return err
	}
	return f.SetColWidth(name, "B", "B", 100)
}

// sentence ends a help text with a full stop, before another is added.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}
