package main

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

// breakDate writes an impossible date in Fasi!D2 of the workbook at path.
func breakDate(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.SetCellStr("Fasi", "D2", "31/13/2019"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}
