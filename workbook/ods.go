package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// odsSource is a LibreOffice/OpenOffice spreadsheet (.ods): its sheets read
// from content.xml into rows of raw values, numbers as numbers and dates
// as dd/mm/yyyy, so that the reader treats it exactly as an .xlsx.
type odsSource struct {
	names   []string
	rows    map[string][][]string
	formats map[string]map[[2]int]cellFormat // percentages, by sheet and (col, row)
}

// ErrODSBroken is an .ods that cannot be read.
var ErrODSBroken = errors.New("il file .ods è danneggiato: riaprirlo con LibreOffice e salvarlo di nuovo, o salvarlo come .xlsx")

// odsMaxColumns bounds the columns read: the contract has a dozen, and
// LibreOffice pads rows with thousands of repeated empty cells.
const odsMaxColumns = 256

func openODS(data []byte, lim Limits) (*odsSource, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, ErrTruncated
	}
	var content *zip.File
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.Name == "content.xml" {
			content = f
		}
	}
	if total > uint64(lim.UnzipBytes) {
		return nil, fmt.Errorf("%w: una volta decompresso supera %d MB (file anomalo o malevolo)", ErrTooBig, lim.UnzipBytes>>20)
	}
	if content == nil {
		return nil, ErrODSBroken
	}
	rc, err := content.Open()
	if err != nil {
		return nil, ErrODSBroken
	}
	defer rc.Close()
	b := &odsSource{rows: map[string][][]string{}, formats: map[string]map[[2]int]cellFormat{}}
	if err := b.parse(io.LimitReader(rc, lim.UnzipBytes), lim); err != nil {
		return nil, err
	}
	return b, nil
}

func (b *odsSource) sheets() []string { return b.names }
func (b *odsSource) date1904() bool   { return false }

func (b *odsSource) eachRow(sheet string, fn func(int, []string) bool) error {
	for i, cells := range b.rows[sheet] {
		if cells != nil && !fn(i+1, cells) {
			return nil
		}
	}
	return nil
}

func (b *odsSource) format(sheet string, col, row int) cellFormat {
	return b.formats[sheet][[2]int{col, row}]
}

const (
	nsTable  = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	nsOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsText   = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
)

func attr(e xml.StartElement, space, local string) string {
	for _, a := range e.Attr {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func repeat(e xml.StartElement, local string, limit int) int {
	n, err := strconv.Atoi(attr(e, nsTable, local))
	if err != nil || n < 1 {
		return 1
	}
	return min(n, limit)
}

// parse reads the tables of content.xml. Rows and cells repeated to pad a
// sheet are kept only while they hold something.
func (b *odsSource) parse(r io.Reader, lim Limits) error {
	dec := xml.NewDecoder(r)
	var (
		sheet      string
		rows       [][]string
		row        []string
		rowRepeat  int
		cellRepeat int
		cellType   string
		cellValue  string
		text       strings.Builder
		inCell     bool
		paragraphs int
		filledRows int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return ErrODSBroken
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Space == nsTable && t.Name.Local == "table":
				sheet = attr(t, nsTable, "name")
				b.names = append(b.names, sheet)
				rows = nil
				b.formats[sheet] = map[[2]int]cellFormat{}
			case t.Name.Space == nsTable && t.Name.Local == "table-row":
				row = nil
				rowRepeat = repeat(t, "number-rows-repeated", 1<<20)
			case t.Name.Space == nsTable && (t.Name.Local == "table-cell" || t.Name.Local == "covered-table-cell"):
				inCell = true
				cellRepeat = repeat(t, "number-columns-repeated", odsMaxColumns)
				cellType = attr(t, nsOffice, "value-type")
				cellValue = ""
				switch cellType {
				case "float", "percentage", "currency":
					cellValue = attr(t, nsOffice, "value")
				case "date":
					cellValue = odsDate(attr(t, nsOffice, "date-value"))
				case "boolean":
					cellValue = attr(t, nsOffice, "boolean-value")
				}
				text.Reset()
				paragraphs = 0
			case inCell && t.Name.Space == nsText && t.Name.Local == "p":
				if paragraphs > 0 {
					text.WriteByte('\n')
				}
				paragraphs++
			case inCell && t.Name.Space == nsText && t.Name.Local == "s":
				text.WriteString(strings.Repeat(" ", repeatText(t)))
			case inCell && t.Name.Space == nsText && t.Name.Local == "tab":
				text.WriteByte('\t')
			case inCell && t.Name.Space == nsText && t.Name.Local == "line-break":
				text.WriteByte('\n')
			}
		case xml.CharData:
			if inCell && paragraphs > 0 {
				if text.Len()+len(t) > 4*lim.CellChars {
					return fmt.Errorf("%w: una cella supera %d caratteri", ErrTooBig, lim.CellChars)
				}
				text.Write(t)
			}
		case xml.EndElement:
			switch {
			case t.Name.Space == nsTable && (t.Name.Local == "table-cell" || t.Name.Local == "covered-table-cell"):
				inCell = false
				v := cellValue
				if cellType == "" || cellType == "string" || v == "" {
					v = text.String()
				}
				if v == "" && len(row)+cellRepeat >= odsMaxColumns {
					continue // padding to the sheet's edge
				}
				for range cellRepeat {
					if len(row) >= odsMaxColumns {
						break
					}
					row = append(row, v)
					if cellType == "percentage" && v != "" {
						b.formats[sheet][[2]int{len(row), len(rows) + 1}] = percentCell
					}
				}
			case t.Name.Space == nsTable && t.Name.Local == "table-row":
				if blank(row) {
					// Padding rows (often a million of them) hold nothing:
					// count them without keeping them.
					if len(rows)+rowRepeat > 4*lim.RowsPerSheet {
						rowRepeat = 1
					}
					for range rowRepeat {
						rows = append(rows, nil)
					}
					continue
				}
				for range rowRepeat {
					filledRows++
					if filledRows > 3*lim.RowsPerSheet+3 {
						return fmt.Errorf("%w: più di %d righe compilate", ErrTooBig, lim.RowsPerSheet)
					}
					rows = append(rows, row)
				}
			case t.Name.Space == nsTable && t.Name.Local == "table":
				b.rows[sheet] = rows
			}
		}
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
