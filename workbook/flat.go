package workbook

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// ErrRowKind is a flat sheet's row whose kind is none of the mapping's.
var ErrRowKind = errors.New("tipo di riga sconosciuto, riga ignorata")

// ErrOrphan is a phase or indicator above every objective of a flat sheet.
var ErrOrphan = errors.New("la riga viene prima di ogni obiettivo: spostarla sotto il suo obiettivo")

// flat reads the mapping's single sheet. With a kind column, objectives
// each followed by their phases and indicators; without one, one row per
// objective, whose indicator columns (if any) hold its indicators.
func (rd *reader) flat(found map[string]string) *model.Plan {
	f := rd.m.Flat
	plan := &model.Plan{}
	name, ok := found[model.Key(f.Sheet)]
	if !ok {
		rd.add(model.Problem{Severity: model.Error, Sheet: f.Sheet,
			Err: fmt.Errorf("%w %q (indicato nel file di mappatura)", model.ErrMissingSheet, f.Sheet)})
		return plan
	}
	rd.order = []string{name}
	tables := make([]*table, len(templates.Schema()))
	for i, s := range templates.Schema() {
		tables[i] = &table{schema: s, name: name, cols: map[model.Field]int{}, keys: rd.m.keys(s)}
	}
	header, kindCol, rows := rd.flatRows(name, tables)
	switch {
	case header == 0 && f.KindColumn != "":
		rd.add(model.Problem{Severity: model.Error, Sheet: name, Row: 1,
			Err: fmt.Errorf("%w %q (colonna_tipo del file di mappatura): aggiungerla nella riga di intestazione", model.ErrMissingColumn, f.KindColumn)})
		return plan
	case header == 0:
		header = 1
	}
	for _, c := range []model.Field{model.FieldTitle, model.FieldDirection} {
		if tables[0].cols[c] == 0 {
			col := columnOfField(templates.Schema()[0], c)
			rd.add(model.Problem{Severity: model.Error, Sheet: name, Row: header,
				Err: fmt.Errorf("%w %q: aggiungerla o indicarla in [colonne.obiettivi] del file di mappatura", model.ErrMissingColumn, rd.m.header(templates.SheetObjectives, col))})
			return plan
		}
	}
	var last *model.Objective
	for _, r := range rows {
		kind := ""
		if kindCol > 0 && kindCol <= len(r.cells) {
			kind = strings.TrimSpace(r.cells[kindCol-1].s)
		}
		switch {
		case kindCol == 0 || in(f.Objective, kind):
			c := &cell{rd: rd, t: tables[0], r: r}
			auto := fmt.Sprintf("%s%02d", f.CodePrefix, len(plan.Objectives)+1)
			if f.CodePrefix == "" {
				auto = fmt.Sprintf("OB%02d", len(plan.Objectives)+1)
			}
			if o := rd.objectiveOf(c, auto); o != nil {
				plan.Objectives = append(plan.Objectives, o)
				last = o
				if kindCol == 0 && tables[2].cols[model.FieldDescription] != 0 {
					if ci := (&cell{rd: rd, t: tables[2], r: r}); ci.text(model.FieldDescription) != "" {
						o.Indicators = append(o.Indicators, ci.indicators()...)
					}
				}
			}
		case in(f.Phase, kind) || in(f.Indicator, kind):
			t := tables[1]
			if in(f.Indicator, kind) {
				t = tables[2]
			}
			c := &cell{rd: rd, t: t, r: r}
			switch {
			case last == nil:
				rd.add(model.Problem{Severity: model.Error, Sheet: name, Row: r.n, Col: kindCol, Err: ErrOrphan})
			case t == tables[1]:
				last.Phases = append(last.Phases, c.phase())
			default:
				last.Indicators = append(last.Indicators, c.indicators()...)
			}
		default:
			known := strings.Join(append(append(append([]string(nil), f.Objective...), f.Phase...), f.Indicator...), ", ")
			rd.add(model.Problem{Severity: model.Warning, Sheet: name, Row: r.n, Col: kindCol,
				Err: fmt.Errorf("%q: %w (i tipi sono: %s)", clip(kind, 30), ErrRowKind, known)})
		}
	}
	return plan
}

// flatRows reads the flat sheet: its header row (the one with the kind
// column; without one, the first naming an objective's required column and
// another known one, under any title rows) and the rows below it.
func (rd *reader) flatRows(name string, tables []*table) (header, kindCol int, rows []row) {
	kindKey := model.Key(rd.m.Flat.KindColumn)
	scanned := 0
	err := rd.b.eachRow(rd.ctx, name, func(n int, cells []value) bool {
		if blank(cells) {
			return true
		}
		if header == 0 {
			for i, c := range cells {
				if kindKey != "" && model.Key(c.s) == kindKey {
					header, kindCol = n, i+1
				}
			}
			if kindKey == "" && tables[0].isHeader(cells) {
				header = n
			}
			if header != 0 {
				rd.flatHeader(tables, n, cells, kindCol)
			}
			scanned++
			return header != 0 || scanned < headerScan || kindKey != ""
		}
		if len(rows) >= rd.lim.RowsPerSheet {
			rd.add(model.Problem{Severity: model.Error, Sheet: name, Row: n,
				Err: fmt.Errorf("%w: più di %d righe compilate; dividere il file", model.ErrTooMany, rd.lim.RowsPerSheet)})
			return false
		}
		rows = append(rows, row{n: n, cells: append([]value(nil), cells...)})
		return true
	})
	if err != nil {
		rd.fail(name, err)
	}
	return header, kindCol, rows
}

// flatHeader finds each contract sheet's columns in the flat sheet's
// header row; a header none of them knows is reported once. A contract
// header or a mapped name wins over a synonym (Tipologia is an objective's
// column before it is a synonym of an indicator's Tipo). Without a kind
// column, the objective's columns are its own: a phase or an indicator
// takes one of them only where the mapping says so.
func (rd *reader) flatHeader(tables []*table, n int, cells []value, kindCol int) {
	known, used := map[int]bool{}, map[int]bool{}
	claim := func(t *table, pass int) {
		primary := rd.m.primary(t.schema)
		for i, c := range cells {
			k := model.Key(c.s)
			f, ok := t.keys[k]
			if !ok || k == "" || i+1 == kindCol || pass == 0 && !primary[k] {
				continue
			}
			if kindCol == 0 && t != tables[0] && used[i] && model.Key(rd.m.columns(t.schema.Name)[columnOfField(t.schema, f).Header]) != k {
				continue
			}
			known[i] = true
			if t.cols[f] == 0 {
				t.cols[f] = i + 1
				used[i] = used[i] || t == tables[0]
			}
		}
	}
	if kindCol == 0 {
		claim(tables[0], 0)
		claim(tables[0], 1)
	}
	for pass := range 2 {
		for _, t := range tables {
			if kindCol != 0 || t != tables[0] {
				claim(t, pass)
			}
		}
	}
	for i, c := range cells {
		if h := strings.TrimSpace(c.s); h != "" && i+1 != kindCol && !known[i] {
			rd.add(model.Problem{Severity: model.Warning, Sheet: tables[0].name, Row: n, Col: i + 1,
				Err: fmt.Errorf("%q: %w", clip(h, 60), model.ErrUnknownColumn)})
		}
	}
}

func in(list []string, s string) bool {
	for _, v := range list {
		if model.Key(v) == model.Key(s) && s != "" {
			return true
		}
	}
	return false
}

func columnOfField(s templates.Sheet, f model.Field) templates.Column {
	for _, c := range s.Columns {
		if c.Field == f {
			return c
		}
	}
	return templates.Column{Header: string(f)}
}
