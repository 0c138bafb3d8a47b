package workbook

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// source is a workbook being read, whatever its format (.xlsx or .ods).
type source interface {
	sheets() []string
	// eachRow calls fn with every row of the sheet, numbered from 1, its
	// cells' raw values (numbers as numbers, date cells as serial numbers
	// or dd/mm/yyyy), until fn returns false.
	eachRow(sheet string, fn func(n int, cells []string) bool) error
	date1904() bool
	// format tells how a numeric cell is shown: as a date, a percentage,
	// or plainly.
	format(sheet string, col, row int) cellFormat
}

type cellFormat int

const (
	plainCell cellFormat = iota
	dateCell
	percentCell
)

// xlsxSource is an .xlsx read by excelize.
type xlsxSource struct{ f *excelize.File }

func (b xlsxSource) sheets() []string { return b.f.GetSheetList() }

func (b xlsxSource) date1904() bool {
	props, err := b.f.GetWorkbookProps()
	return err == nil && props.Date1904 != nil && *props.Date1904
}

func (b xlsxSource) eachRow(sheet string, fn func(int, []string) bool) error {
	rows, err := b.f.Rows(sheet)
	if err != nil {
		return err
	}
	defer rows.Close()
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		if !fn(n, cells) {
			return nil
		}
	}
	return rows.Error()
}

func (b xlsxSource) format(sheet string, col, row int) cellFormat {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return plainCell
	}
	idx, err := b.f.GetCellStyle(sheet, name)
	if err != nil || idx == 0 {
		return plainCell
	}
	st, err := b.f.GetStyle(idx)
	if err != nil {
		return plainCell
	}
	switch {
	case st.NumFmt >= 14 && st.NumFmt <= 22 || st.NumFmt >= 45 && st.NumFmt <= 47:
		return dateCell
	case st.NumFmt == 9 || st.NumFmt == 10:
		return percentCell
	case st.CustomNumFmt != nil:
		f := strings.ToLower(*st.CustomNumFmt)
		switch {
		case strings.Contains(f, "%"):
			return percentCell
		case strings.Contains(f, "yy") || strings.Contains(f, "dd") || strings.Contains(f, "aa"):
			return dateCell
		}
	}
	return plainCell
}
