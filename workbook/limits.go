package workbook

// Limits bound what one workbook may cost, and say how to open it (its
// password, the office's own layout). The zero value of a field means its
// default (DefaultLimits).
type Limits struct {
	Password     string   // opens a password-protected workbook
	Mapping      *Mapping // the office's own layout; nil reads the contract's
	FileBytes    int64    // the file itself
	UnzipBytes   int64    // all its parts unpacked
	RowsPerSheet int      // non-empty rows in one sheet
	CellChars    int      // characters in one cell
	SheetChars   int      // characters in one sheet, a repeated cell counted each time
	Cells        int      // non-empty cells in the whole workbook
	Columns      int      // the last column a value may be in (the contract has about 20)
}

// DefaultLimits are generous for any real PEG and small for a hostile
// file: a 5,000-objective PEG unpacks to 14 MB and holds about 450,000
// cells.
func DefaultLimits() Limits {
	return Limits{
		FileBytes:    64 << 20,
		UnzipBytes:   128 << 20,
		RowsPerSheet: 100_000,
		CellChars:    32_767, // Excel's own maximum
		SheetChars:   32_000_000,
		Cells:        2_000_000,
		Columns:      200,
	}
}

func (l Limits) orDefault() Limits {
	d := DefaultLimits()
	d.Password, d.Mapping = l.Password, l.Mapping
	set := func(v int, d *int) {
		if v > 0 {
			*d = v
		}
	}
	if l.FileBytes > 0 {
		d.FileBytes = l.FileBytes
	}
	if l.UnzipBytes > 0 {
		d.UnzipBytes = l.UnzipBytes
	}
	set(l.RowsPerSheet, &d.RowsPerSheet)
	set(l.CellChars, &d.CellChars)
	set(l.SheetChars, &d.SheetChars)
	set(l.Cells, &d.Cells)
	set(l.Columns, &d.Columns)
	return d
}
