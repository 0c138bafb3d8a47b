package workbook

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/pegpdf/pegpdf/model"
)

// eachRow streams the sheet's rows. Each row's cells run from column A to
// its last non-empty cell.
func (x *xlsxSource) eachRow(ctx context.Context, sheet string, fn func(n int, cells []value) bool) error {
	name := x.paths[sheet]
	if _, ok := x.files[name]; !ok {
		return ErrTruncated
	}
	s := &sheetReader{x: x, sheet: sheet, ctx: ctx, fn: fn, start: x.b.unpacked}
	err := x.decode(name, s.token)
	if errors.Is(err, errStop) {
		return nil
	}
	return err
}

var errStop = errors.New("stop")

// sheetReader is the state of one sheet's stream.
type sheetReader struct {
	x     *xlsxSource
	sheet string
	ctx   context.Context
	fn    func(int, []value) bool
	chars int

	row, col  int
	cells     []value
	c         value
	cellType  string
	inValue   bool // <v>
	inText    int  // <is><t> depth
	skip      int  // <rPh> depth
	hasF      bool
	hasV      bool
	text      strings.Builder
	rowsRead  int
	cellsRead int
	filled    int   // non-empty cells
	text64    int64 // the bytes of their text
	start     int64 // the budget's unpacked bytes when the sheet began
}

func (s *sheetReader) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		switch t.Name.Local {
		case "row":
			n, err := strconv.Atoi(attrOf(t, "r"))
			if err != nil || n <= s.row || n > maxRows {
				n = s.row + 1
			}
			s.row, s.col, s.cells = n, 0, s.cells[:0]
			if s.rowsRead++; s.rowsRead%256 == 0 {
				if err := s.ctx.Err(); err != nil {
					return err
				}
			}
		case "c":
			if s.cellsRead++; s.cellsRead%4096 == 0 { // a row of a million empty cells
				if err := s.ctx.Err(); err != nil {
					return err
				}
				if err := s.x.b.sparse(s.start, s.filled, s.text64); err != nil {
					return model.Problem{Severity: model.Error, Sheet: s.sheet, Row: s.row, Err: err}
				}
			}
			if c, _, ok := cellRef(attrOf(t, "r")); ok {
				s.col = c // by its address, even out of order
			} else {
				s.col++
			}
			s.cellType = attrOf(t, "t")
			st, _ := strconv.Atoi(attrOf(t, "s"))
			s.c = value{}
			if st >= 0 && st < len(s.x.formats) {
				s.c.f = s.x.formats[st]
			}
			s.hasF, s.hasV = false, false
			s.text.Reset()
		case "f":
			s.hasF = true
		case "v":
			s.inValue, s.hasV = true, true
		case "t":
			s.inText++
		case "is":
			s.hasV = true
		case "rPh":
			s.skip++
		}
	case xml.EndElement:
		switch t.Name.Local {
		case "v":
			s.inValue = false
		case "t":
			s.inText--
		case "rPh":
			s.skip--
		case "c":
			return s.endCell()
		case "row":
			if len(s.cells) > 0 && !s.fn(s.row, s.cells) {
				return errStop
			}
		}
	case xml.CharData:
		if s.inValue || s.inText > 0 && s.skip == 0 {
			if s.text.Len()+len(t) > 4*s.x.b.lim.CellChars {
				return s.problem(fmt.Errorf("%w: più di %d caratteri", model.ErrTooLong, s.x.b.lim.CellChars))
			}
			s.text.Write(t)
		}
	}
	return nil
}

func (s *sheetReader) problem(err error) error {
	return model.Problem{Severity: model.Error, Sheet: s.sheet, Row: s.row, Col: s.col, Err: err}
}

func (s *sheetReader) endCell() error {
	if s.col < 1 || s.row < 1 { // a </c> with no <c>, or a cell outside a row
		return ErrTruncated
	}
	v := s.text.String()
	switch s.cellType {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(s.x.shared) {
			return s.problem(ErrTruncated)
		}
		s.c.s, s.c.k = s.x.shared[i], textValue
	case "b":
		s.c.s, s.c.k = strings.TrimSpace(v), boolValue
	case "e":
		s.c.s, s.c.k = strings.TrimSpace(v), errorValue
	case "str", "inlineStr":
		s.c.s, s.c.k = v, textValue
	case "d":
		d, _, _ := strings.Cut(strings.TrimSpace(v), "T")
		if date, err := model.ParseDate(d); err == nil {
			d = date.String() // as an Italian reads it
		}
		s.c.s, s.c.k = d, textValue
	default:
		s.c.s, s.c.k = strings.TrimSpace(v), numberValue
		if f, err := strconv.ParseFloat(s.c.s, 64); s.c.s != "" && (err != nil || math.IsNaN(f) || math.IsInf(f, 0)) {
			s.c.k = badNumber
		}
	}
	if s.hasF && !s.hasV {
		s.c.k = uncached
	}
	if s.c.s == "" && s.c.k != uncached {
		return nil
	}
	if s.col > s.x.b.lim.Columns {
		return s.problem(fmt.Errorf("%w (l'ultima ammessa è %s)", ErrFarColumn, model.ColumnName(s.x.b.lim.Columns)))
	}
	s.filled++
	s.text64 += int64(len(s.c.s))
	if err := s.x.b.cell(s.c.s, &s.chars); err != nil {
		return s.problem(err)
	}
	for len(s.cells) < s.col-1 {
		s.cells = append(s.cells, value{})
	}
	if len(s.cells) >= s.col { // a cell named twice or out of order: the last one wins
		s.cells[s.col-1] = s.c
	} else {
		s.cells = append(s.cells, s.c)
	}
	return nil
}

const maxRows = 1 << 20 // Excel's last row

// cellRef splits "XFD7" into column 16384 and row 7.
func cellRef(ref string) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && i < 4 && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	if i == 0 {
		return 0, 0, false
	}
	row, err := strconv.Atoi(ref[i:])
	return col, row, err == nil
}
