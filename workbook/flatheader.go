package workbook

import (
	"fmt"
	"strings"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// flatHead is a flat sheet's header row.
type flatHead struct {
	n       int          // its row; 0 when none was found
	kindCol int          // the kind column, 0 without one
	names   []string     // its cells, for messages
	read    map[int]bool // the columns some sheet of the contract reads
}

// name is the header of column col, as the sheet writes it.
func (h flatHead) name(col int) string {
	if col < 1 || col > len(h.names) {
		return model.ColumnName(col)
	}
	return clip(h.names[col-1], 60)
}

// flatRows reads the flat sheet: its header row (the one with the kind
// column; without one, the first naming an objective's required column and
// another known one, under any title rows) and the rows below it.
func (rd *reader) flatRows(name string, tables []*table) (head flatHead, rows []row) {
	kindKey := model.Key(rd.m.Flat.KindColumn)
	scanned := 0
	err := rd.b.eachRow(rd.ctx, name, func(n int, cells []value) bool {
		if blank(cells) {
			return true
		}
		if head.n == 0 {
			for i, c := range cells {
				if kindKey != "" && model.Key(c.s) == kindKey {
					head.n, head.kindCol = n, i+1
				}
			}
			if kindKey == "" && tables[0].isHeader(cells) {
				head.n = n
			}
			if head.n != 0 {
				head.read = rd.flatHeader(tables, n, cells, head.kindCol)
				for _, c := range cells {
					head.names = append(head.names, strings.TrimSpace(c.s))
				}
			}
			scanned++
			return head.n != 0 || scanned < headerScan || kindKey != ""
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
	return head, rows
}

// flatHeader finds each contract sheet's columns in the flat sheet's
// header row, and returns the columns read. A contract header or a mapped
// name wins over a synonym (Tipologia is an objective's column before it
// is a synonym of an indicator's Tipo). Without a kind column, the
// objective's columns are its own: a phase or an indicator takes one of
// them only where the mapping says so. A header no sheet knows, a column
// repeated and a column the mapping names that is not there are reported.
func (rd *reader) flatHeader(tables []*table, n int, cells []value, kindCol int) map[int]bool {
	known, used, read := map[int]bool{}, map[int]bool{}, map[int]bool{}
	first := map[int]int{} // a repeated column: the first of its field
	claim := func(t *table, pass int) {
		primary := rd.m.primary(t.schema)
		for i, c := range cells {
			k := model.Key(c.s)
			f, ok := t.keys[k]
			if !ok || k == "" || i+1 == kindCol || pass == 0 && !primary[k] {
				continue
			}
			if kindCol == 0 && t != tables[0] && used[i] && !rd.m.maps(t.schema, f, k) {
				continue
			}
			known[i] = true
			switch at := t.cols[f]; {
			case at == 0:
				t.cols[f] = i + 1
				used[i] = used[i] || t == tables[0]
				read[i+1] = true
			case at != i+1 && first[i] == 0:
				first[i] = at
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
	suggested := map[int]bool{}
	for _, t := range tables {
		for col := range rd.mappedAbsent(t, n, cells, func(i int) bool { return !known[i] && i+1 != kindCol }) {
			suggested[col] = true
		}
	}
	for i, c := range cells {
		h := strings.TrimSpace(c.s)
		switch {
		case h == "" || i+1 == kindCol || read[i+1] || suggested[i+1]:
		case !known[i]:
			rd.add(model.Problem{Severity: model.Warning, Sheet: tables[0].name, Row: n, Col: i + 1,
				Err: fmt.Errorf("%q: %w", clip(h, 60), model.ErrUnknownColumn)})
		default:
			rd.add(model.Problem{Severity: model.Warning, Sheet: tables[0].name, Row: n, Col: i + 1,
				Err: fmt.Errorf("%q: %w (colonna ripetuta: vale la prima, %s)", clip(h, 60), model.ErrUnknownColumn, model.ColumnName(first[i]))})
		}
	}
	return read
}

func columnOfField(s templates.Sheet, f model.Field) templates.Column {
	for _, c := range s.Columns {
		if c.Field == f {
			return c
		}
	}
	return templates.Column{Header: string(f)}
}
