package workbook

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pegpdf/pegpdf/model"
)

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

func (c *cell) raw(f model.Field) value {
	i := c.t.cols[f]
	if i == 0 || i > len(c.r.cells) {
		return value{}
	}
	return c.r.cells[i-1]
}

// value is the cell of field f, or false when it holds no usable value
// (an Excel error, a formula never calculated, a broken number), which is
// recorded as an error at the cell.
func (c *cell) value(f model.Field) (value, bool) {
	v := c.raw(f)
	switch {
	case v.k == errorValue || excelErrors[strings.TrimSpace(v.s)]:
		c.fail(f, fmt.Errorf("%s: %w", strings.TrimSpace(v.s), ErrExcelError))
	case v.k == uncached:
		c.fail(f, ErrUncached)
	case v.k == badNumber:
		c.fail(f, fmt.Errorf("%q: %w", clip(v.s, 20), ErrBadNumber))
	default:
		return v, true
	}
	return value{}, false
}

func (c *cell) text(f model.Field) string {
	v, ok := c.value(f)
	if !ok {
		return ""
	}
	if v.k == boolValue {
		if v.s == "1" || strings.EqualFold(v.s, "true") {
			return "VERO"
		}
		return "FALSO"
	}
	s := strings.TrimSpace(strings.ReplaceAll(v.s, "\r\n", "\n"))
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
			return c.rd.m.header(c.t.schema.Name, col)
		}
	}
	return string(f)
}

// scalar is a number or date cell's value; booleans are refused.
func (c *cell) scalar(f model.Field) (value, bool) {
	v, ok := c.value(f)
	if ok && v.k == boolValue {
		c.fail(f, ErrBoolean)
		return value{}, false
	}
	return v, ok && strings.TrimSpace(v.s) != ""
}

func (c *cell) date(f model.Field) model.Date {
	v, ok := c.scalar(f)
	if !ok {
		return model.Date{}
	}
	s := c.text(f)
	if d, err := model.ParseDate(s); err == nil && v.k == textValue {
		return d
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil && !math.IsNaN(n) && !math.IsInf(n, 0) {
		if d, err := model.DateFromSerial(n, c.rd.date1904); err == nil {
			return d
		}
	}
	c.fail(f, fmt.Errorf("%q %w", clip(s, 40), model.ErrDate))
	return model.Date{}
}

// number reads a number cell, or text with a decimal comma; "80%" is 80,
// and a cell formatted as a percentage (holding 0.8) is 80 too. Where the
// mapping says progress is typed as a fraction, 0,8 is 80.
func (c *cell) number(f model.Field) model.Num { return c.numberOr(f, model.ErrNumber) }

// numberOr is number, with bad as the reason of a cell that is no number.
func (c *cell) numberOr(f model.Field, bad error) model.Num {
	v, ok := c.scalar(f)
	if !ok {
		return model.Num{}
	}
	s := c.text(f)
	n, pct, err := 0.0, v.f == percentCell, error(nil)
	if v.k == numberValue {
		n, err = strconv.ParseFloat(s, 64)
		if err == nil && (math.IsNaN(n) || math.IsInf(n, 0) || math.Abs(n) >= 1e15) {
			err = model.ErrNumber
		}
		if pct {
			n *= 100
		}
	} else {
		var t string
		t, pct = strings.CutSuffix(s, "%")
		n, err = model.ParseNumber(t)
	}
	if err != nil {
		c.fail(f, fmt.Errorf("%q %w", clip(s, 40), bad))
		return model.Num{}
	}
	if !pct && c.rd.m.fraction(f) && n >= 0 && n <= 1 {
		n *= 100
	}
	return model.Some(n)
}

func (c *cell) year(f model.Field) int {
	n := c.numberOr(f, model.ErrYear)
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

// written reads a value as written: a date cell becomes dd/mm/yyyy, a
// percentage cell 87,5%, a number cell its number with a decimal comma and
// no thousands dots (12,125: never 12.125, which reads as twelve thousand),
// any other cell its text.
func (c *cell) written(f model.Field) string {
	v, ok := c.value(f)
	if !ok {
		return ""
	}
	s := c.text(f)
	if v.k != numberValue {
		return s
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return s
	}
	switch v.f {
	case dateCell:
		if d, err := model.DateFromSerial(n, c.rd.date1904); err == nil {
			return d.String()
		}
	case percentCell:
		return model.FormatDecimal(100*n, 2) + "%"
	}
	if r, err := strconv.ParseFloat(strconv.FormatFloat(n, 'g', 15, 64), 64); err == nil {
		n = r // as Excel shows it: 15 significant digits
	}
	return strings.Replace(strconv.FormatFloat(n, 'f', -1, 64), ".", ",", 1)
}
