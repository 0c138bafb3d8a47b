package workbook

import (
	"archive/zip"
	"context"
	"fmt"
	"unicode/utf8"

	"github.com/pegpdf/pegpdf/model"
)

// source is a workbook being read, whatever its format (.xlsx or .ods).
type source interface {
	sheets() []sheetInfo
	// eachRow calls fn with every non-empty row of the sheet, numbered from
	// 1, and its cells' raw values (numbers as numbers, date cells as
	// serial numbers or dd/mm/yyyy), until fn returns false. A problem at a
	// cell (too far right, too long, over budget) is a model.Problem.
	eachRow(ctx context.Context, sheet string, fn func(n int, cells []value) bool) error
	date1904() bool
}

type sheetInfo struct {
	name   string
	hidden bool
}

// value is one cell as stored: its text, what kind of value it is, and
// how its number is shown.
type value struct {
	s string
	k valueKind
	f cellFormat
}

type valueKind uint8

const (
	textValue   valueKind = iota
	numberValue           // s is the number as stored, e.g. 43466 or 0.5
	boolValue             // s is 1 or 0
	errorValue            // s is Excel's error, e.g. #REF!
	uncached              // a formula saved without its value
	badNumber             // a number cell that is no number (NaN, INF)
)

type cellFormat uint8

const (
	plainCell cellFormat = iota
	dateCell
	percentCell
)

// budget is what one workbook may still cost while it is read: its
// unpacked bytes, its non-empty cells and the characters in them, counted
// as expanded (a repeated cell counts each time).
type budget struct {
	lim      Limits
	unpacked int64
	cells    int
}

func (b *budget) tooBig() error {
	return fmt.Errorf("%w: una volta decompresso supera %d MB (file anomalo o malevolo)", ErrTooBig, b.lim.UnzipBytes>>20)
}

// declared refuses at once a zip whose parts say they unpack to more than
// the budget.
func (b *budget) declared(zr *zip.Reader) error {
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(b.lim.UnzipBytes) {
			return b.tooBig()
		}
	}
	return nil
}

// A sheet's XML may run to sparseBytes beyond bytesPerCell and the text of
// each filled cell: past that it is mostly empty formatted cells, which
// cost reading time and hold nothing (a hostile file lists millions).
const (
	sparseBytes  = 8 << 20
	bytesPerCell = 256
)

// sparse reports a sheet whose XML read since start is mostly empty cells;
// filled is its filled cells, text the bytes of their text.
func (b *budget) sparse(start int64, filled int, text int64) error {
	if b.unpacked-start <= sparseBytes+bytesPerCell*int64(filled)+text {
		return nil
	}
	return fmt.Errorf("%w: il foglio contiene soprattutto celle vuote formattate (oltre %d MB); cancellare le righe e le colonne vuote oltre i dati e salvare", ErrTooBig, sparseBytes>>20)
}

// cell charges one non-empty cell of text s to the workbook's cells and to
// the sheet's characters (a repeated cell is charged once per repetition).
func (b *budget) cell(s string, sheetChars *int) error {
	b.cells++
	if b.cells > b.lim.Cells {
		return fmt.Errorf("%w: più di %s celle compilate nel file; dividerlo in più file", ErrTooBig, model.FormatDecimal(float64(b.lim.Cells), 0))
	}
	*sheetChars += utf8.RuneCountInString(s)
	if *sheetChars > b.lim.SheetChars {
		return fmt.Errorf("%w: il foglio supera %s caratteri; dividerlo in più file", ErrTooBig, model.FormatDecimal(float64(b.lim.SheetChars), 0))
	}
	return nil
}
