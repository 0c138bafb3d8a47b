package workbook

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pegpdf/pegpdf/model"
)

// odsSource is a LibreOffice/OpenOffice spreadsheet (.ods): its sheets read
// from content.xml into rows of raw values, numbers as numbers and dates
// as dd/mm/yyyy, so that the reader treats it exactly as an .xlsx. Repeated
// cells and rows are counted as expanded against the budget; padding (the
// empty cells and rows LibreOffice repeats to the sheet's edge) costs
// nothing.
type odsSource struct {
	list []sheetInfo
	rows map[string][]row
}

// ErrODSBroken is an .ods that cannot be read.
var ErrODSBroken = errors.New("il file .ods è danneggiato: riaprirlo con LibreOffice e salvarlo di nuovo, o salvarlo come .xlsx")

func openODS(ctx context.Context, data []byte, b *budget) (*odsSource, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, ErrTruncated
	}
	if err := b.declared(zr); err != nil {
		return nil, err
	}
	var content *zip.File
	for _, f := range zr.File {
		if f.Name == "content.xml" {
			content = f
		}
	}
	if content == nil {
		return nil, ErrODSBroken
	}
	rc, err := content.Open()
	if err != nil {
		return nil, ErrODSBroken
	}
	defer rc.Close()
	o := &odsSource{rows: map[string][]row{}}
	r := &countingReader{r: rc, b: b}
	if err := (&odsParser{ctx: ctx, o: o, b: b}).parse(r); err != nil {
		return nil, odsError(err)
	}
	if _, err := io.Copy(io.Discard, r); err != nil { // the CRC is checked at the end
		return nil, odsError(err)
	}
	return o, nil
}

func odsError(err error) error {
	if err = damaged(err); errors.Is(err, ErrTruncated) {
		return ErrODSBroken
	}
	return err
}

func (o *odsSource) sheets() []sheetInfo { return o.list }
func (o *odsSource) date1904() bool      { return false }

func (o *odsSource) eachRow(ctx context.Context, sheet string, fn func(int, []value) bool) error {
	for i, r := range o.rows[sheet] {
		if i%256 == 255 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if !fn(r.n, r.cells) {
			return nil
		}
	}
	return nil
}

const (
	nsTable  = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	nsOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsStyle  = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
)

func attr(e xml.StartElement, space, local string) string {
	for _, a := range e.Attr {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// repeat is a number-*-repeated attribute, at least 1.
func repeat(e xml.StartElement, local string) int {
	n, err := strconv.Atoi(attr(e, nsTable, local))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, maxRows)
}

// odsParser is the state of reading content.xml.
type odsParser struct {
	ctx context.Context
	o   *odsSource
	b   *budget

	hiddenStyles map[string]bool // table styles with table:display="false"
	style        string          // the style being read
	sheet        string
	rowN         int // the current row's number
	row          []value
	rowRepeat    int
	cellRepeat   int
	cell         value
	formula      bool
	text         strings.Builder
	chars        int // the cell's characters, spaces expanded
	sheetChars   int
	inCell       bool
	note         int // inside a cell's comment (office:annotation): not its value
	paragraphs   int
	rowsRead     int
	cellsRead    int
	filled       int   // the sheet's non-empty cells
	textBytes    int64 // the bytes of their text
	began        int64 // the budget's unpacked bytes when the sheet began
}

func (p *odsParser) problem(col int, err error) error {
	return model.Problem{Severity: model.Error, Sheet: p.sheet, Row: p.rowN, Col: col, Err: err}
}

// write adds s, n times, to the cell's text, within the per-cell limit.
func (p *odsParser) write(s string, n int) error {
	p.chars += n * utf8.RuneCountInString(s)
	if p.chars > p.b.lim.CellChars {
		return p.problem(len(p.row)+1, fmt.Errorf("%w: più di %d caratteri", model.ErrTooLong, p.b.lim.CellChars))
	}
	for range n {
		p.text.WriteString(s)
	}
	return nil
}

func (p *odsParser) parse(r io.Reader) error {
	p.hiddenStyles = map[string]bool{}
	dec := xml.NewDecoder(r)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			err = p.start(t)
		case xml.CharData:
			if p.inCell && p.paragraphs > 0 && p.note == 0 {
				err = p.write(string(t), 1)
			}
		case xml.EndElement:
			err = p.end(t)
		}
		if err != nil {
			return err
		}
	}
}

func (p *odsParser) start(t xml.StartElement) error {
	switch {
	case t.Name.Space == nsOffice && t.Name.Local == "annotation":
		p.note++
	case p.note > 0 && t.Name.Space == nsText: // the comment's own paragraphs
	case t.Name.Space == nsStyle && t.Name.Local == "style":
		p.style = attr(t, nsStyle, "name")
	case t.Name.Space == nsStyle && t.Name.Local == "table-properties":
		if attr(t, nsTable, "display") == "false" {
			p.hiddenStyles[p.style] = true
		}
	case t.Name.Space == nsTable && t.Name.Local == "table":
		p.sheet = attr(t, nsTable, "name")
		p.o.list = append(p.o.list, sheetInfo{name: p.sheet, hidden: p.hiddenStyles[attr(t, nsTable, "style-name")]})
		p.rowN, p.sheetChars, p.filled, p.textBytes, p.began = 0, 0, 0, 0, p.b.unpacked
	case t.Name.Space == nsTable && t.Name.Local == "table-row":
		p.row = nil
		p.rowRepeat = repeat(t, "number-rows-repeated")
		p.rowN++
		if p.rowsRead++; p.rowsRead > 4*maxRows {
			return ErrODSBroken
		}
		if p.rowsRead%256 == 0 {
			if err := p.ctx.Err(); err != nil {
				return err
			}
		}
	case t.Name.Space == nsTable && (t.Name.Local == "table-cell" || t.Name.Local == "covered-table-cell"):
		p.inCell = true
		p.cellRepeat = repeat(t, "number-columns-repeated")
		if p.cellsRead++; p.cellsRead%4096 == 0 {
			if err := p.ctx.Err(); err != nil {
				return err
			}
			if err := p.b.sparse(p.began, p.filled, p.textBytes); err != nil {
				return p.problem(0, err)
			}
		}
		p.cell = value{}
		p.formula = attr(t, nsTable, "formula") != ""
		switch attr(t, nsOffice, "value-type") {
		case "float", "currency":
			p.cell = value{s: attr(t, nsOffice, "value"), k: numberValue}
		case "percentage":
			p.cell = value{s: attr(t, nsOffice, "value"), k: numberValue, f: percentCell}
		case "date":
			p.cell.s = odsDate(attr(t, nsOffice, "date-value"))
		case "boolean":
			p.cell = value{s: attr(t, nsOffice, "boolean-value"), k: boolValue}
		}
		if p.cell.k == numberValue {
			if f, err := strconv.ParseFloat(p.cell.s, 64); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
				p.cell.k = badNumber
			}
		}
		if attr(t, "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0", "value-type") == "error" {
			p.cell.k = errorValue
		}
		p.text.Reset()
		p.chars, p.paragraphs = 0, 0
	case p.inCell && t.Name.Space == nsText && t.Name.Local == "p":
		if p.paragraphs > 0 {
			if err := p.write("\n", 1); err != nil {
				return err
			}
		}
		p.paragraphs++
	case p.inCell && t.Name.Space == nsText && t.Name.Local == "s":
		return p.write(" ", repeatText(t))
	case p.inCell && t.Name.Space == nsText && t.Name.Local == "tab":
		return p.write("\t", 1)
	case p.inCell && t.Name.Space == nsText && t.Name.Local == "line-break":
		return p.write("\n", 1)
	}
	return nil
}

func (p *odsParser) end(t xml.EndElement) error {
	if t.Name.Space == nsOffice && t.Name.Local == "annotation" && p.note > 0 {
		p.note--
		return nil
	}
	if t.Name.Space != nsTable {
		return nil
	}
	switch t.Name.Local {
	case "table-cell", "covered-table-cell":
		p.inCell = false
		v := p.cell
		text := p.text.String()
		switch {
		case v.k == textValue && v.s == "":
			v.s = text
		case v.k == errorValue || p.formula && (excelErrors[text] || strings.HasPrefix(text, "Err:")):
			v = value{s: text, k: errorValue}
		}
		if v.s == "" && v.k == textValue {
			if len(p.row)+p.cellRepeat < p.b.lim.Columns {
				p.row = append(p.row, make([]value, p.cellRepeat)...)
			} else {
				p.row = append(p.row, make([]value, max(0, p.b.lim.Columns-len(p.row)))...)
			}
			return nil // padding to the sheet's edge costs nothing
		}
		if len(p.row)+p.cellRepeat > p.b.lim.Columns {
			return p.problem(max(len(p.row)+1, p.b.lim.Columns+1), fmt.Errorf("%w (l'ultima ammessa è %s)", ErrFarColumn, model.ColumnName(p.b.lim.Columns)))
		}
		for range p.cellRepeat {
			p.row = append(p.row, v)
		}
	case "table-row":
		last := len(p.row)
		for last > 0 && p.row[last-1] == (value{}) {
			last--
		}
		if last == 0 {
			p.rowN += p.rowRepeat - 1 // padding rows (often a million) hold nothing
			return nil
		}
		cells := p.row[:last:last]
		for i := range p.rowRepeat {
			for _, c := range cells {
				if c != (value{}) {
					p.filled++
					p.textBytes += int64(len(c.s))
					if err := p.b.cell(c.s, &p.sheetChars); err != nil {
						return model.Problem{Severity: model.Error, Sheet: p.sheet, Row: p.rowN + i, Err: err}
					}
				}
			}
			p.o.rows[p.sheet] = append(p.o.rows[p.sheet], row{n: p.rowN + i, cells: cells})
		}
		p.rowN += p.rowRepeat - 1
	}
	return nil
}

func repeatText(e xml.StartElement) int {
	n, err := strconv.Atoi(attr(e, nsText, "c"))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, 1000)
}

// odsDate turns 2019-07-31 or 2019-07-31T10:00:00 into 31/07/2019.
func odsDate(v string) string {
	if len(v) >= 10 {
		if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
			return t.Format("02/01/2006")
		}
	}
	return v
}
