package workbook

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// Read reads a workbook into a plan. The problems are the workbook's own,
// errors and warnings, every one at its Sheet!Cell, in reading order; a
// workbook that cannot be read at all gives a single problem without a
// sheet. The error is for failing to read r itself.
func Read(r io.Reader, limits Limits) (*model.Plan, model.Problems, error) {
	return ReadContext(context.Background(), r, limits)
}

// ReadContext is Read with a context: when ctx is done the reading stops,
// between rows and between sheets, and ctx's error is returned.
func ReadContext(ctx context.Context, r io.Reader, limits Limits) (*model.Plan, model.Problems, error) {
	lim := limits.orDefault()
	data, err := readAll(r, lim.FileBytes+1)
	if err != nil {
		return nil, nil, err
	}
	if int64(len(data)) > lim.FileBytes {
		return nil, fileProblem(fmt.Errorf("%w (oltre %d MB)", ErrTooBig, lim.FileBytes>>20)), nil
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	b, err := open(ctx, data, &budget{lim: lim})
	if err != nil {
		if cancelled(err) {
			return nil, nil, err
		}
		return nil, fileProblem(err), nil
	}
	rd := &reader{ctx: ctx, b: b, lim: lim, m: lim.Mapping}
	plan := rd.read()
	if rd.err != nil {
		return nil, nil, rd.err
	}
	ps := rd.problems
	if !rd.cut { // the sums of a sheet read in part would only add noise
		ps = ps.Merge(plan.Validate())
		rd.repeated(plan, ps)
	}
	sortProblems(ps, rd.order)
	return plan, ps, nil
}

// readAll reads at most max bytes of r, in one allocation when r says its
// size (a file, a bytes.Reader).
func readAll(r io.Reader, max int64) ([]byte, error) {
	size := int64(-1)
	switch v := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	case interface{ Len() int }:
		size = int64(v.Len())
	}
	if size < 0 || size >= max {
		return io.ReadAll(io.LimitReader(r, max))
	}
	buf := make([]byte, size)
	n, err := io.ReadFull(r, buf)
	switch {
	case err == io.ErrUnexpectedEOF || err == io.EOF: // it shrank meanwhile
		return buf[:n], nil
	case err != nil:
		return nil, err
	}
	rest, err := io.ReadAll(io.LimitReader(r, max-size)) // or grew
	if len(rest) > 0 {
		buf = append(buf, rest...)
	}
	return buf, err
}

func cancelled(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// open recognises the format and opens the workbook.
func open(ctx context.Context, data []byte, b *budget) (source, error) {
	switch err := sniff(data); {
	case errors.Is(err, errODS):
		return openODS(ctx, data, b)
	case errors.Is(err, ErrEncrypted) && b.lim.Password != "":
		plain, err := decrypt(data, b.lim.Password)
		if err != nil || sniff(plain) != nil {
			return nil, ErrPassword
		}
		return openXLSX(plain, b)
	case err != nil:
		return nil, err
	}
	return openXLSX(data, b)
}

// decrypt opens a password-protected .xlsx; a malformed one is a wrong
// password, never a panic.
func decrypt(data []byte, password string) (plain []byte, err error) {
	defer func() {
		if recover() != nil {
			plain, err = nil, ErrPassword
		}
	}()
	return excelize.Decrypt(data, &excelize.Options{Password: password})
}

func fileProblem(err error) model.Problems {
	var p model.Problem
	if errors.As(err, &p) {
		return model.Problems{p}
	}
	return model.Problems{{Severity: model.Error, Err: err}}
}

type reader struct {
	ctx      context.Context
	b        source
	lim      Limits
	m        *Mapping
	date1904 bool
	problems model.Problems
	order    []string // the sheets read, in the contract's order
	err      error    // the context's, when it ends the reading
	cut      bool     // a sheet could not be read to its end
	visible  []string // the visible sheets' names, in the workbook's order
}

func (rd *reader) add(p model.Problem) { rd.problems = append(rd.problems, p) }

// table is one sheet of the contract as found in the workbook.
type table struct {
	schema templates.Sheet
	name   string // as spelled in the workbook
	cols   map[model.Field]int
	keys   map[string]model.Field // header key -> field
	absent map[model.Field]bool   // mapped columns not in the header row, reported
}

type row struct {
	n     int // 1-based row number
	cells []value
}

func (rd *reader) read() *model.Plan {
	rd.date1904 = rd.b.date1904()
	found := rd.sheetNames()
	plan := &model.Plan{}
	if rd.m != nil && rd.m.Flat.Sheet != "" {
		return rd.flat(found)
	}
	// The sheets are read in the contract's order, each row turned into
	// the plan as it comes: the objectives are known before their phases.
	byCode := map[string]*model.Objective{}
	objectives := false // sheet Obiettivi was read with its required columns
	each := []func(*table, row){
		func(t *table, r row) {
			if o := rd.objective(t, r); o != nil {
				plan.Objectives = append(plan.Objectives, o)
				if byCode[o.Code] == nil {
					byCode[o.Code] = o
				}
			}
		},
		func(t *table, r row) {
			if o, ph, ok := rd.phase(t, r, byCode); ok {
				o.Phases = append(o.Phases, ph)
			}
		},
		func(t *table, r row) {
			if o, in, ok := rd.indicator(t, r, byCode); ok {
				o.Indicators = append(o.Indicators, in...)
			}
		},
	}
	for i, s := range templates.Schema() {
		want := rd.m.sheetName(s.Name)
		name, ok := found[model.Key(want)]
		if !ok {
			rd.missing(s, want, len(plan.Objectives) > 0)
			continue
		}
		rd.order = append(rd.order, name)
		if rd.err = rd.ctx.Err(); rd.err != nil {
			return plan
		}
		fn := each[i]
		if i > 0 && !objectives {
			fn = nil // without objectives, only the sheet's own header is checked
		}
		t := rd.table(s, name, fn)
		if rd.err != nil {
			return plan
		}
		if i == 0 {
			objectives = t.complete()
		}
	}
	rd.example(plan)
	return plan
}

// sheetNames maps each visible sheet's key to its name. A hidden sheet
// never stands for a contract sheet: it is reported and ignored.
func (rd *reader) sheetNames() map[string]string {
	found := map[string]string{}
	wanted := rd.wanted()
	sheets := rd.b.sheets()
	for _, s := range sheets {
		k := model.Key(s.name)
		switch {
		case s.hidden:
		case found[k] == "":
			found[k] = s.name
			rd.visible = append(rd.visible, s.name)
		case wanted[k]:
			rd.add(model.Problem{Severity: model.Warning, Sheet: s.name, Err: fmt.Errorf("%w «%s»", ErrSameName, found[k])})
		}
	}
	for _, s := range sheets {
		if k := model.Key(s.name); s.hidden && wanted[k] {
			err := ErrHidden
			if other := found[k]; other != "" {
				err = fmt.Errorf("%w; si legge il foglio visibile «%s»", ErrHidden, other)
			}
			rd.add(model.Problem{Severity: model.Warning, Sheet: s.name, Err: err})
		}
	}
	return found
}

// wanted is the keys of the sheets the contract (or the mapping) reads.
func (rd *reader) wanted() map[string]bool {
	wanted := map[string]bool{}
	for _, s := range templates.Schema() {
		wanted[model.Key(rd.m.sheetName(s.Name))] = true
	}
	if rd.m != nil && rd.m.Flat.Sheet != "" {
		wanted[model.Key(rd.m.Flat.Sheet)] = true
	}
	return wanted
}

// missing reports a sheet of the contract that the workbook lacks. A
// required one is an error; an optional one (Fasi, Indicatori) is an error
// when another sheet's name begins with its own («Fasi 2027»), and otherwise a
// warning: every objective would go without its phases or indicators.
// Both name the sheets the workbook has. The warning needs objectives read
// and no mapping: a mapping describes the office's layout on purpose; a
// sheet the mapping names is an error, with the name probably meant.
func (rd *reader) missing(s templates.Sheet, want string, objectives bool) {
	wanted := rd.wanted()
	wanted[model.Key(templates.SheetHelp)] = true
	var others []string
	for _, name := range rd.visible {
		// «Fasi 2027», «Indicatori di risultato»: the name and more; not
		// «Indice» or «Indirizzi strategici».
		if k := model.Key(name); !wanted[k] && strings.HasPrefix(k, model.Key(want)+" ") {
			rd.add(model.Problem{Severity: model.Error, Sheet: name,
				Err: fmt.Errorf("%w «%s»: rinominarlo «%s», oppure indicarlo nel file di mappatura (vedere «pegpdf mappa»)", ErrLikeSheet, want, want)})
			return
		}
	}
	for _, name := range rd.visible {
		others = append(others, "«"+name+"»")
	}
	has := "il file non ha fogli visibili"
	if len(others) > 0 {
		has = "il file ha " + strings.Join(others, ", ")
	}
	if rd.m.named(s.Name) { // the mapping says the sheet is there
		rd.add(model.Problem{Severity: model.Error, Sheet: want,
			Err: fmt.Errorf("%w %q, indicato in [fogli] del file di mappatura (%s): correggere il nome nel file di mappatura%s", model.ErrMissingSheet, want, has, maybe(want, rd.visible))})
		return
	}
	if s.Required {
		rd.add(model.Problem{Severity: model.Error, Sheet: want,
			Err: fmt.Errorf("%w %q (%s): aggiungerlo o rinominare quello che contiene i dati (vedere «pegpdf modello»)", model.ErrMissingSheet, want, has)})
		return
	}
	if !objectives || rd.m != nil || rd.cut {
		return
	}
	rd.add(model.Problem{Severity: model.Warning, Sheet: want,
		Err: fmt.Errorf("%w %q (%s): nessun obiettivo avrà %s; se sono in un altro foglio, rinominarlo «%s» o indicarlo con --mappa", ErrNoSheet, want, has, strings.ToLower(want), want)})
}

// example warns about the template's example objective left among an
// office's own.
func (rd *reader) example(plan *model.Plan) {
	if len(plan.Objectives) < 2 {
		return
	}
	ex := templates.Example().Objectives[0]
	for _, o := range plan.Objectives {
		if o.Code == ex.Code && o.Title == ex.Title {
			rd.add(o.Loc.At(model.Warning, model.FieldCode, fmt.Errorf("%q %w", o.Code, ErrExample)))
		}
	}
}

// clip shortens s for a message.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// sortProblems puts problems in reading order: file-level first, then by
// sheet in the order read, row and column.
func sortProblems(ps model.Problems, sheets []string) {
	order := map[string]int{}
	for i, s := range templates.Schema() {
		order[model.Key(s.Name)] = i + 1
	}
	for i, s := range sheets {
		order[model.Key(s)] = i + 1
	}
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if oa, ob := order[model.Key(a.Sheet)], order[model.Key(b.Sheet)]; oa != ob {
			return oa < ob
		}
		if a.Row != b.Row {
			return a.Row < b.Row
		}
		return a.Col < b.Col
	})
}

// blank reports whether a row holds nothing but spaces.
func blank(cells []value) bool {
	for _, c := range cells {
		if c.k != textValue || strings.TrimSpace(c.s) != "" {
			return false
		}
	}
	return true
}
