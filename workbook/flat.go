package workbook

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// Why a row of a flat sheet cannot be placed, or a cell of it is not read.
var (
	// ErrRowKind is a row whose kind is none the mapping accepts: it
	// decides which objective the rows below belong to, so it is an error.
	ErrRowKind = errors.New("tipo di riga sconosciuto: decide a quale obiettivo vanno le righe che seguono")
	// ErrOrphan is a phase or indicator above every objective.
	ErrOrphan = errors.New("la riga viene prima di ogni obiettivo: spostarla sotto il suo obiettivo")
	// ErrOtherObjective is a phase or indicator whose own Codice obiettivo
	// is not the objective's above it.
	ErrOtherObjective = errors.New("la riga ha il Codice di un altro obiettivo, ma è sotto l'obiettivo")
	// ErrIgnored is a filled cell in a column the row's kind does not read.
	ErrIgnored = errors.New("il valore è ignorato")
)

// flatReading is the state of reading a flat sheet, row after row.
type flatReading struct {
	rd      *reader
	f       FlatSheet
	tables  []*table // Obiettivi, Fasi, Indicatori, as in templates.Schema()
	head    flatHead
	plan    *model.Plan
	last    *model.Objective // the objective the next phases and indicators belong to
	lastRow []value          // its row's cells
	lost    bool             // under a row of unknown kind: the rows have no objective
	cols    [4]map[int]bool  // the columns each kind of row reads
	withInd map[int]bool     // without a kind column, those of an objective with an indicator
}

// flat reads the mapping's single sheet. With a kind column, objectives
// each followed by their phases and indicators; without one, one row per
// objective, whose indicator columns (if any) hold its indicators.
func (rd *reader) flat(found map[string]string) *model.Plan {
	f := rd.m.Flat
	plan := &model.Plan{}
	name, ok := found[model.Key(f.Sheet)]
	if !ok {
		rd.add(model.Problem{Severity: model.Error, Sheet: f.Sheet,
			Err: fmt.Errorf("%w %q (indicato nel file di mappatura)%s", model.ErrMissingSheet, f.Sheet, maybe(f.Sheet, rd.visible))})
		return plan
	}
	rd.order = []string{name}
	tables := make([]*table, len(templates.Schema()))
	for i, s := range templates.Schema() {
		tables[i] = &table{schema: s, name: name, cols: map[model.Field]int{}, keys: rd.m.keys(s)}
	}
	head, rows := rd.flatRows(name, tables)
	switch {
	case head.n == 0 && f.KindColumn != "":
		rd.add(model.Problem{Severity: model.Error, Sheet: name, Row: 1,
			Err: fmt.Errorf("%w %q (colonna_tipo del file di mappatura): aggiungerla nella riga di intestazione", model.ErrMissingColumn, f.KindColumn)})
		return plan
	case head.n == 0:
		head.n = 1
	}
	for _, c := range []model.Field{model.FieldTitle, model.FieldDirection} {
		if tables[0].cols[c] == 0 {
			if !tables[0].absent[c] {
				col := columnOfField(templates.Schema()[0], c)
				rd.add(model.Problem{Severity: model.Error, Sheet: name, Row: head.n,
					Err: fmt.Errorf("%w %q: aggiungerla o indicarla in [colonne.obiettivi] del file di mappatura", model.ErrMissingColumn, rd.m.header(templates.SheetObjectives, col))})
			}
			return plan
		}
	}
	if head.kindCol != 0 {
		// The objective's Codice column is the phases' and indicators' own
		// Codice obiettivo too, under whatever name the mapping gives it.
		for _, t := range tables[1:] {
			if t.cols[model.FieldObjCode] == 0 {
				t.cols[model.FieldObjCode] = tables[0].cols[model.FieldCode]
			}
		}
	}
	fr := &flatReading{rd: rd, f: f, tables: tables, head: head, plan: plan,
		cols:    [4]map[int]bool{kindObjective: colSet(tables[0]), kindPhase: colSet(tables[1]), kindIndicator: colSet(tables[2])},
		withInd: union(colSet(tables[0]), colSet(tables[2]))}
	for _, r := range rows {
		fr.row(r)
	}
	return plan
}

// row reads one row of the flat sheet.
func (fr *flatReading) row(r row) {
	rd, kindCol := fr.rd, fr.head.kindCol
	kind := kindObjective
	if kindCol > 0 {
		word := ""
		if kindCol <= len(r.cells) {
			word = strings.TrimSpace(r.cells[kindCol-1].s)
		}
		if kind = fr.f.kind(word); kind == kindUnknown {
			err := fmt.Errorf("%q: %w; scrivere uno dei tipi accettati (%s), o aggiungere %q alla sua voce in [foglio_unico] del file di mappatura", clip(word, 30), ErrRowKind, fr.f.accepted(), clip(word, 30))
			if word == "" {
				err = fmt.Errorf("cella vuota: %w; scrivere uno dei tipi accettati (%s)", ErrRowKind, fr.f.accepted())
			}
			rd.add(model.Problem{Severity: model.Error, Sheet: fr.tables[0].name, Row: r.n, Col: kindCol, Err: err})
			fr.last, fr.lost = nil, true
			return
		}
	}
	switch kind {
	case kindObjective:
		fr.objective(r)
	default:
		t := fr.tables[1]
		if kind == kindIndicator {
			t = fr.tables[2]
		}
		fr.unused(r, kind, fr.cols[kind])
		c := &cell{rd: rd, t: t, r: r}
		owner := fr.last
		switch code := c.text(model.FieldObjCode); {
		case fr.lost:
			owner = nil // the row of unknown kind above has its error
		case owner == nil:
			rd.add(model.Problem{Severity: model.Error, Sheet: t.name, Row: r.n, Col: kindCol, Err: ErrOrphan})
		case code != "" && code != owner.Code:
			c.fail(model.FieldObjCode, fmt.Errorf("%q: %w %q (riga %d): spostarla sotto il suo obiettivo, o correggere il Codice", clip(code, 40), ErrOtherObjective, owner.Code, owner.Loc.Row))
			owner = nil
		}
		if kind == kindPhase {
			ph := c.phase() // read even without its objective: its cells' problems are said
			if owner != nil {
				owner.Phases = append(owner.Phases, ph)
			}
		} else if in := c.indicators(); owner != nil {
			owner.Indicators = append(owner.Indicators, in...)
		}
	}
}

// objective reads an objective row, and without a kind column the
// indicators in its own indicator columns.
func (fr *flatReading) objective(r row) {
	rd, f, tables := fr.rd, fr.f, fr.tables
	c := &cell{rd: rd, t: tables[0], r: r}
	auto := fmt.Sprintf("%s%02d", f.CodePrefix, len(fr.plan.Objectives)+1)
	if f.CodePrefix == "" {
		auto = fmt.Sprintf("OB%02d", len(fr.plan.Objectives)+1)
	}
	used := fr.cols[kindObjective]
	ci := &cell{rd: rd, t: tables[2], r: r}
	withIndicators := fr.head.kindCol == 0 && tables[2].cols[model.FieldDescription] != 0 && !blankValue(ci.raw(model.FieldDescription))
	if withIndicators {
		used = fr.withInd
	}
	fr.unused(r, kindObjective, used)
	o := rd.objectiveOf(c, auto)
	if o == nil {
		return
	}
	fr.plan.Objectives = append(fr.plan.Objectives, o)
	fr.last, fr.lastRow, fr.lost = o, r.cells, false
	if withIndicators {
		o.Indicators = append(o.Indicators, ci.indicators()...)
	}
}

// unused warns about each filled cell of the row in a column the row's
// kind does not read: a date on an objective row, a Valore atteso on a
// phase row. Columns no kind reads had their warning at the header; the
// objective's own cells repeated on its phases and indicators (the Settore
// on every row) lose nothing.
func (fr *flatReading) unused(r row, kind rowKind, used map[int]bool) {
	for i, v := range r.cells {
		col := i + 1
		if col == fr.head.kindCol || used[col] || !fr.head.read[col] || blankValue(v) {
			continue
		}
		if kind != kindObjective && fr.last != nil && i < len(fr.lastRow) && fr.cols[kindObjective][col] &&
			strings.TrimSpace(fr.lastRow[i].s) == strings.TrimSpace(v.s) {
			continue
		}
		h := fr.head.name(col)
		err := fmt.Errorf("la colonna %q non vale per una riga di tipo %s: %w", h, kind.word(), ErrIgnored)
		if fr.head.kindCol == 0 {
			err = fmt.Errorf("la colonna %q non vale per una riga di obiettivo (il foglio non ha colonna_tipo: ogni riga è un obiettivo): %w", h, ErrIgnored)
			ind, isInd := fr.tables[2], fr.cols[kindIndicator][col]
			if ind.absent[model.FieldDescription] && isInd {
				continue // the mapping's column for the indicators is not there: said at the header
			}
			if d := ind.cols[model.FieldDescription]; d != 0 && isInd {
				err = fmt.Errorf("la colonna %q è di un indicatore, e la riga non ne ha (%q è vuota): %w", h, fr.head.name(d), ErrIgnored)
			}
		}
		fr.rd.add(model.Problem{Severity: model.Warning, Sheet: fr.tables[0].name, Row: r.n, Col: col, Err: err})
	}
}

// colSet is the columns a table reads.
func colSet(t *table) map[int]bool {
	set := map[int]bool{}
	for _, c := range t.cols {
		set[c] = true
	}
	return set
}

func union(a, b map[int]bool) map[int]bool {
	out := map[int]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// blankValue reports whether a cell holds nothing but spaces.
func blankValue(v value) bool { return v.k == textValue && strings.TrimSpace(v.s) == "" }
