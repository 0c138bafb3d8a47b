package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// Limits bound what one workbook may cost. The zero value means the defaults.
type Limits struct {
	Password     string // opens a password-protected workbook
	FileBytes    int64  // the .xlsx file itself
	UnzipBytes   int64  // all its parts unpacked
	RowsPerSheet int    // non-empty rows in one sheet
	CellChars    int    // characters in one cell
}

// DefaultLimits are generous for any real PEG and small for a zip bomb.
var DefaultLimits = Limits{
	FileBytes:    64 << 20,
	UnzipBytes:   128 << 20, // a 5,000-objective PEG unpacks to 14 MB
	RowsPerSheet: 100_000,
	CellChars:    32_767, // Excel's own maximum
}

func (l Limits) orDefault() Limits {
	d := DefaultLimits
	d.Password = l.Password
	if l.FileBytes > 0 {
		d.FileBytes = l.FileBytes
	}
	if l.UnzipBytes > 0 {
		d.UnzipBytes = l.UnzipBytes
	}
	if l.RowsPerSheet > 0 {
		d.RowsPerSheet = l.RowsPerSheet
	}
	if l.CellChars > 0 {
		d.CellChars = l.CellChars
	}
	return d
}

// Read reads a workbook into a plan. The problems are the workbook's own,
// errors and warnings, every one at its Sheet!Cell, in reading order; a
// workbook that cannot be read at all gives a single problem without a
// sheet. The error is for failing to read r itself.
func Read(r io.Reader, limits Limits) (*model.Plan, model.Problems, error) {
	lim := limits.orDefault()
	data, err := io.ReadAll(io.LimitReader(r, lim.FileBytes+1))
	if err != nil {
		return nil, nil, err
	}
	if int64(len(data)) > lim.FileBytes {
		return nil, fileProblem(fmt.Errorf("%w (oltre %d MB)", ErrTooBig, lim.FileBytes>>20)), nil
	}
	var b source
	switch err := sniff(data); {
	case errors.Is(err, ErrODS):
		ob, err := openODS(data, lim)
		if err != nil {
			return nil, fileProblem(err), nil
		}
		b = ob
	case err != nil && !(errors.Is(err, ErrEncrypted) && lim.Password != ""):
		return nil, fileProblem(err), nil
	default:
		f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
			Password:          lim.Password,
			UnzipSizeLimit:    lim.UnzipBytes,
			UnzipXMLSizeLimit: lim.UnzipBytes, // in memory: never spilled to temporary files
		})
		if err != nil {
			return nil, fileProblem(openError(err, lim)), nil
		}
		defer f.Close()
		b = xlsxSource{f}
	}
	rd := &reader{b: b, lim: lim}
	plan := rd.read()
	ps := rd.problems.Merge(plan.Validate())
	sortProblems(ps)
	return plan, ps, nil
}

func fileProblem(err error) model.Problems {
	return model.Problems{{Severity: model.Error, Err: err}}
}

func openError(err error, lim Limits) error {
	switch {
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		return ErrNotXLSX
	case strings.Contains(err.Error(), "size exceeds") || strings.Contains(err.Error(), "size limit"):
		return fmt.Errorf("%w: una volta decompresso supera %d MB (file anomalo o malevolo)", ErrTooBig, lim.UnzipBytes>>20)
	case errors.Is(err, excelize.ErrWorkbookPassword):
		return ErrPassword
	case strings.Contains(err.Error(), "password") || strings.Contains(err.Error(), "encrypt"):
		return ErrEncrypted
	}
	return ErrTruncated
}

type reader struct {
	b        source
	lim      Limits
	date1904 bool
	problems model.Problems
}

func (rd *reader) add(p model.Problem) { rd.problems = append(rd.problems, p) }

// table is one sheet of the contract as found in the workbook.
type table struct {
	schema templates.Sheet
	name   string // as spelled in the workbook
	cols   map[model.Field]int
	rows   []row
}

type row struct {
	n     int // 1-based row number
	cells []string
}

func (rd *reader) read() *model.Plan {
	rd.date1904 = rd.b.date1904()
	found := map[string]string{} // key -> the workbook's sheet name
	for _, name := range rd.b.sheets() {
		if k := model.Key(name); found[k] == "" {
			found[k] = name
		}
	}
	plan := &model.Plan{}
	tables := make([]*table, len(templates.Schema))
	for i, s := range templates.Schema {
		name, ok := found[model.Key(s.Name)]
		if !ok {
			if s.Required {
				rd.add(model.Problem{Severity: model.Error, Sheet: s.Name,
					Err: fmt.Errorf("%w %q: aggiungerlo (vedere «pegpdf modello»)", model.ErrMissingSheet, s.Name)})
			}
			continue
		}
		tables[i] = rd.table(s, name)
	}
	if tables[0] == nil || !tables[0].complete() {
		return plan
	}
	byCode := map[string]*model.Objective{}
	for _, r := range tables[0].rows {
		if o := rd.objective(tables[0], r); o != nil {
			plan.Objectives = append(plan.Objectives, o)
			if byCode[o.Code] == nil {
				byCode[o.Code] = o
			}
		}
	}
	if t := tables[1]; t != nil && t.complete() {
		for _, r := range t.rows {
			if o, ph, ok := rd.phase(t, r, byCode); ok {
				o.Phases = append(o.Phases, ph)
			}
		}
	}
	if t := tables[2]; t != nil && t.complete() {
		for _, r := range t.rows {
			if o, in, ok := rd.indicator(t, r, byCode); ok {
				o.Indicators = append(o.Indicators, in)
			}
		}
	}
	return plan
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

// table reads a sheet: its header row (the first non-empty one), the
// columns it has, and its non-empty rows.
func (rd *reader) table(s templates.Sheet, name string) *table {
	t := &table{schema: s, name: name, cols: map[model.Field]int{}}
	header := 0
	err := rd.b.eachRow(name, func(n int, cells []string) bool {
		if blank(cells) {
			return true
		}
		if header == 0 {
			header = n
			rd.header(t, n, cells)
			return true
		}
		if len(t.rows) >= rd.lim.RowsPerSheet {
			rd.add(model.Problem{Severity: model.Error, Sheet: name, Row: n,
				Err: fmt.Errorf("%w: più di %d righe compilate; dividere il file", model.ErrTooMany, rd.lim.RowsPerSheet)})
			return false
		}
		t.rows = append(t.rows, row{n: n, cells: cells})
		return true
	})
	if err != nil {
		rd.add(model.Problem{Severity: model.Error, Sheet: name, Err: ErrTruncated}) // the library's own words mean nothing to a clerk
	}
	if header == 0 {
		header = 1
	}
	for _, c := range s.Columns {
		if c.Required && t.cols[c.Field] == 0 {
			rd.add(model.Problem{Severity: model.Error, Sheet: name, Row: header,
				Err: fmt.Errorf("%w %q: aggiungerla nella riga di intestazione", model.ErrMissingColumn, c.Header)})
		}
	}
	return t
}

func (rd *reader) header(t *table, n int, cells []string) {
	keys := map[string]model.Field{}
	for _, c := range t.schema.Columns {
		keys[model.Key(c.Header)] = c.Field
		for _, a := range c.Aliases {
			keys[model.Key(a)] = c.Field
		}
	}
	for i, h := range cells {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		f, ok := keys[model.Key(h)]
		switch {
		case !ok:
			rd.add(model.Problem{Severity: model.Warning, Sheet: t.name, Row: n, Col: i + 1,
				Err: fmt.Errorf("%q: %w", clip(h, 60), model.ErrUnknownColumn)})
		case t.cols[f] != 0:
			rd.add(model.Problem{Severity: model.Warning, Sheet: t.name, Row: n, Col: i + 1,
				Err: fmt.Errorf("%q: %w (colonna ripetuta: vale la prima, %s)", clip(h, 60), model.ErrUnknownColumn, model.ColumnName(t.cols[f]))})
		default:
			t.cols[f] = i + 1
		}
	}
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// cell gives typed access to one row's cells, recording problems.
type cell struct {
	rd  *reader
	t   *table
	r   row
	bad bool // an error was recorded on this row
}

func (c *cell) loc() model.Loc { return model.Loc{Sheet: c.t.name, Row: c.r.n, Cols: c.t.cols} }

func (c *cell) fail(f model.Field, err error) {
	c.bad = true
	c.rd.add(c.loc().At(model.Error, f, err))
}

func (c *cell) raw(f model.Field) string {
	i := c.t.cols[f]
	if i == 0 || i > len(c.r.cells) {
		return ""
	}
	return c.r.cells[i-1]
}

func (c *cell) text(f model.Field) string {
	s := strings.TrimSpace(strings.ReplaceAll(c.raw(f), "\r\n", "\n"))
	if n := utf8.RuneCountInString(s); n > c.rd.lim.CellChars {
		c.fail(f, fmt.Errorf("%w: %d caratteri (al massimo %d)", model.ErrTooLong, n, c.rd.lim.CellChars))
		return ""
	}
	return s
}

func (c *cell) required(f model.Field) string {
	s := c.text(f)
	if s == "" && !c.bad {
		c.fail(f, fmt.Errorf("%w (%s)", model.ErrRequired, c.header(f)))
	}
	return s
}

func (c *cell) header(f model.Field) string {
	for _, col := range c.t.schema.Columns {
		if col.Field == f {
			return col.Header
		}
	}
	return string(f)
}

func (c *cell) date(f model.Field) model.Date {
	s := c.text(f)
	if s == "" {
		return model.Date{}
	}
	if d, err := model.ParseDate(s); err == nil {
		return d
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		if d, err := model.DateFromSerial(v, c.rd.date1904); err == nil {
			return d
		}
	}
	c.fail(f, fmt.Errorf("%q %w", clip(s, 40), model.ErrDate))
	return model.Date{}
}

func (c *cell) number(f model.Field) model.Num {
	s := c.text(f)
	if s == "" {
		return model.Num{}
	}
	if v, err := model.ParseNumber(s); err == nil {
		// A cell formatted 50% holds 0.5; only such small values need the
		// (costly) look at the cell's format.
		if v > 0 && v <= 1 && c.percentColumn(f) && c.rd.b.format(c.t.name, c.t.cols[f], c.r.n) == percentCell {
			v *= 100
		}
		return model.Some(v)
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil && !isNaNOrInf(v) { // 5E-2 from a number cell
		return model.Some(v)
	}
	c.fail(f, fmt.Errorf("%q %w", clip(s, 40), model.ErrNumber))
	return model.Num{}
}

// percentColumn reports whether the contract's column f holds 0–100.
func (c *cell) percentColumn(f model.Field) bool {
	for _, col := range c.t.schema.Columns {
		if col.Field == f {
			return col.Kind == templates.Percent
		}
	}
	return false
}

func isNaNOrInf(v float64) bool { return v != v || v > 1e308 || v < -1e308 }

func (c *cell) year(f model.Field) int {
	n := c.number(f)
	if !n.Set {
		return 0
	}
	y := int(n.Value)
	if float64(y) != n.Value || y < 1900 || y > 2200 {
		c.fail(f, fmt.Errorf("%q %w", c.text(f), model.ErrYear))
		return 0
	}
	return y
}

// measured reads Valore rilevato as written; a date cell becomes
// dd/mm/yyyy, a percentage cell 87,5%.
func (c *cell) measured(f model.Field) string {
	s := c.text(f)
	v, err := strconv.ParseFloat(s, 64)
	// Only a date's serial number (1927–2173) or a fraction a percentage
	// format shows need the (costly) look at the cell's format.
	if err != nil || s == "" || !(v > 0 && v <= 1 || v >= 10_000 && v <= 100_000) {
		return s
	}
	switch c.rd.b.format(c.t.name, c.t.cols[f], c.r.n) {
	case dateCell:
		if d, err := model.DateFromSerial(v, c.rd.date1904); err == nil {
			return d.String()
		}
	case percentCell:
		return model.FormatDecimal(100*v, 2) + "%"
	}
	return s
}

func (rd *reader) objective(t *table, r row) *model.Objective {
	c := &cell{rd: rd, t: t, r: r}
	o := &model.Objective{
		Code:           c.required(model.FieldCode),
		Title:          c.required(model.FieldTitle),
		Year:           c.year(model.FieldYear),
		Direction:      c.required(model.FieldDirection),
		Director:       c.text(model.FieldDirector),
		Service:        c.text(model.FieldService),
		Manager:        c.text(model.FieldManager),
		Classification: c.text(model.FieldClassification),
		Type:           c.text(model.FieldType),
		LinkedTo:       c.text(model.FieldLinkedTo),
		StrategicLine:  c.text(model.FieldStrategicLine),
		StrategicGoal:  c.text(model.FieldStrategicGoal),
		Description:    c.text(model.FieldDescription),
		Loc:            c.loc(),
	}
	if o.Code == "" {
		return nil
	}
	return o
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
	ph := model.Phase{
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
	return o, ph, o != nil
}

func (rd *reader) indicator(t *table, r row, byCode map[string]*model.Objective) (*model.Objective, model.Indicator, bool) {
	c := &cell{rd: rd, t: t, r: r}
	o := rd.owner(c, byCode)
	in := model.Indicator{
		Description: c.required(model.FieldDescription),
		Kind:        c.text(model.FieldKind),
		Target:      model.ParseTarget(c.text(model.FieldTarget)),
		Measured:    c.measured(model.FieldMeasured),
		Comment:     c.text(model.FieldComment),
		Loc:         c.loc(),
	}
	return o, in, o != nil
}

// clip shortens s for a message.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// sortProblems puts problems in reading order: file-level first, then by
// sheet in the contract's order, row and column.
func sortProblems(ps model.Problems) {
	order := map[string]int{}
	for i, s := range templates.Schema {
		order[model.Key(s.Name)] = i + 1
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
