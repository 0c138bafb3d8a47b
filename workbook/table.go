package workbook

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// headerScan is how many non-empty rows may stand above the header row (a
// title, a subtitle, a date) before the first one is taken as the header.
const headerScan = 20

// table reads a sheet: its header row, the columns it has, and its
// non-empty rows, each given to each as it comes (none is kept) once the
// header is known and has every required column. The header row is the
// first row where a required column and at least one other known column
// appear; rows above it are the sheet's title and are skipped.
func (rd *reader) table(s templates.Sheet, name string, each func(*table, row)) *table {
	t := &table{schema: s, name: name, cols: map[model.Field]int{}, keys: rd.m.keys(s)}
	var above []row // non-empty rows before the header is known
	header, rows := 0, 0
	deliver := func(r row) bool {
		if rows++; rows > rd.lim.RowsPerSheet {
			rd.add(model.Problem{Severity: model.Error, Sheet: name, Row: r.n,
				Err: fmt.Errorf("%w: più di %d righe compilate; dividere il file", model.ErrTooMany, rd.lim.RowsPerSheet)})
			return false
		}
		if each != nil && t.complete() {
			each(t, r)
		}
		return true
	}
	start := func(at int) bool {
		header = above[at].n
		rd.header(t, above[at])
		for _, r := range above[at+1:] {
			if !deliver(r) {
				return false
			}
		}
		above = nil
		return true
	}
	err := rd.b.eachRow(rd.ctx, name, func(n int, cells []value) bool {
		if blank(cells) {
			return true
		}
		if header != 0 {
			return deliver(row{n: n, cells: cells})
		}
		above = append(above, row{n: n, cells: append([]value(nil), cells...)})
		switch {
		case t.isHeader(cells):
			return start(len(above) - 1)
		case len(above) == headerScan:
			return start(0)
		}
		return true
	})
	if header == 0 && len(above) > 0 {
		start(0)
	}
	if err != nil {
		rd.fail(name, err)
	}
	if header == 0 {
		header = 1
	}
	for _, c := range s.Columns {
		if c.Required && t.cols[c.Field] == 0 && !t.absent[c.Field] {
			rd.add(model.Problem{Severity: model.Error, Sheet: name, Row: header,
				Err: fmt.Errorf("%w %q: aggiungerla nella riga di intestazione o, se c'è con un altro nome, indicarla nel file di mappatura (vedere «pegpdf mappa»)", model.ErrMissingColumn, rd.m.header(s.Name, c))})
		}
	}
	return t
}

// fail records why a sheet could not be read to its end: the context's
// end stops everything; a cell's own problem names the cell; anything else
// is a damaged file (the library's words mean nothing to a clerk).
func (rd *reader) fail(sheet string, err error) {
	rd.cut = true
	var p model.Problem
	switch {
	case cancelled(err):
		rd.err = err
	case errors.As(err, &p):
		rd.add(p)
	default:
		if !errors.Is(err, ErrTooBig) {
			err = ErrTruncated
		}
		rd.add(model.Problem{Severity: model.Error, Sheet: sheet, Err: err})
	}
}

// isHeader reports whether a row names a required column and at least one
// other known column.
func (t *table) isHeader(cells []value) bool {
	required, known := false, 0
	for _, c := range cells {
		f, ok := t.keys[model.Key(c.s)]
		if !ok || c.k != textValue {
			continue
		}
		known++
		for _, col := range t.schema.Columns {
			required = required || col.Required && col.Field == f
		}
	}
	return required && known >= 2
}

func (rd *reader) header(t *table, r row) {
	for i, c := range r.cells {
		if f, ok := t.keys[model.Key(c.s)]; ok && t.cols[f] == 0 {
			t.cols[f] = i + 1
		}
	}
	suggested := rd.mappedAbsent(t, r.n, r.cells, func(i int) bool {
		_, ok := t.keys[model.Key(r.cells[i].s)]
		return !ok
	})
	for i, c := range r.cells {
		h := strings.TrimSpace(c.s)
		if h == "" {
			continue
		}
		f, ok := t.keys[model.Key(h)]
		switch {
		case !ok && suggested[i+1]:
		case !ok:
			rd.add(model.Problem{Severity: model.Warning, Sheet: t.name, Row: r.n, Col: i + 1,
				Err: fmt.Errorf("%q: %w; se è una colonna del modello con un altro nome, indicarla nel file di mappatura (vedere «pegpdf mappa»)", clip(h, 60), model.ErrUnknownColumn)})
		case t.cols[f] != i+1:
			rd.add(model.Problem{Severity: model.Warning, Sheet: t.name, Row: r.n, Col: i + 1,
				Err: fmt.Errorf("%q: %w (colonna ripetuta: vale la prima, %s)", clip(h, 60), model.ErrUnknownColumn, model.ColumnName(t.cols[f]))})
		}
	}
}

// complete reports whether every required column was found.
func (t *table) complete() bool {
	for _, c := range t.schema.Columns {
		if c.Required && t.cols[c.Field] == 0 {
			return false
		}
	}
	return true
}
