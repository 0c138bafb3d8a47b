package workbook

import (
	"strings"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// The mapping is read in sorted order everywhere: a Mapping built in Go,
// unchecked by ParseMapping, still reads the same way at every run.

// sheetName is the office's name for a contract sheet.
func (m *Mapping) sheetName(contract string) string {
	if m != nil {
		for _, k := range sorted(m.Sheets) {
			if v := m.Sheets[k]; model.Key(k) == model.Key(contract) && strings.TrimSpace(v) != "" {
				return v
			}
		}
	}
	return contract
}

// named reports whether the mapping names the office's sheet for a
// contract sheet.
func (m *Mapping) named(contract string) bool {
	return m != nil && model.Key(m.sheetName(contract)) != model.Key(contract)
}

func (m *Mapping) columns(sheet string) map[string]string {
	if m == nil {
		return nil
	}
	for _, k := range sorted(m.Columns) {
		if model.Key(k) == model.Key(sheet) {
			return m.Columns[k]
		}
	}
	return nil
}

// mapped is a sheet's columns as the mapping names them, in sorted order.
type mappedColumn struct {
	key    string // the mapping's key: a contract header or synonym
	office string // the office's name for the column
	col    templates.Column
}

func (m *Mapping) mapped(s templates.Sheet) []mappedColumn {
	cols := m.columns(s.Name)
	var out []mappedColumn
	for _, h := range sorted(cols) {
		if c := columnOf(s, h); c != nil && model.Key(cols[h]) != "" {
			out = append(out, mappedColumn{key: h, office: cols[h], col: *c})
		}
	}
	return out
}

// maps reports whether the mapping gives field f of sheet s the column
// whose header has key k.
func (m *Mapping) maps(s templates.Sheet, f model.Field, k string) bool {
	for _, mc := range m.mapped(s) {
		if mc.col.Field == f && model.Key(mc.office) == k {
			return true
		}
	}
	return false
}

// keys maps every header a sheet's column may have to its field: the
// office's names first, then the contract's headers and synonyms.
func (m *Mapping) keys(s templates.Sheet) map[string]model.Field {
	keys := map[string]model.Field{}
	for _, c := range s.Columns {
		keys[model.Key(c.Header)] = c.Field
		for _, a := range c.Aliases {
			keys[model.Key(a)] = c.Field
		}
	}
	for _, mc := range m.mapped(s) {
		keys[model.Key(mc.office)] = mc.col.Field
	}
	return keys
}

// primary is the keys of a sheet's contract headers and mapped names,
// without the synonyms.
func (m *Mapping) primary(s templates.Sheet) map[string]bool {
	keys := map[string]bool{}
	for _, c := range s.Columns {
		keys[model.Key(c.Header)] = true
	}
	for _, mc := range m.mapped(s) {
		keys[model.Key(mc.office)] = true
	}
	return keys
}

// header is the name a message gives a column: the office's, if mapped.
func (m *Mapping) header(sheet string, c templates.Column) string {
	if s := schemaOf(sheet); s != nil {
		for _, mc := range m.mapped(*s) {
			if mc.col.Field == c.Field {
				return mc.office
			}
		}
	}
	return c.Header
}

// fraction reports whether field f is typed as a fraction (0,8 for 80%).
func (m *Mapping) fraction(f model.Field) bool {
	return m != nil && f == model.FieldProgress && model.Key(m.Values.Progress) == "frazione"
}

// split cuts a cell at the mapping's separators.
func (m *Mapping) split(s string) []string {
	if m == nil || len(m.Flat.Separators) == 0 || s == "" {
		return []string{s}
	}
	parts := []string{strings.ReplaceAll(s, "\r\n", "\n")}
	for _, sep := range m.Flat.Separators {
		if sep == "" {
			continue
		}
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
