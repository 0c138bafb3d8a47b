package produce_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/produce"
	"github.com/pegpdf/pegpdf/workbook"
)

// A front end gives the pipeline its inputs as named readers and prints
// what came of them: here a workbook of two objectives and a name that
// was mistyped.
func ExampleCheck() {
	var wb bytes.Buffer
	workbook.Write(&wb, &model.Plan{Objectives: []*model.Objective{
		{Code: "2027_A1", Title: "Sportello unico", Year: 2027, Direction: "Affari generali"},
		{Code: "2027_A2", Title: "Archivio digitale", Year: 2027, Direction: "Affari generali"},
	}})
	req := produce.Request{Inputs: []produce.Source{
		{Name: "peg.xlsx", Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(wb.Bytes())), nil }},
		{Name: "peg-sbagliato.xlsx", Open: func() (io.ReadCloser, error) { return nil, fs.ErrNotExist }},
	}}
	res, err := produce.Check(context.Background(), req)
	produce.PrintProblems(os.Stdout, res.Inputs)
	fmt.Println(produce.Summary(res.Inputs))
	fmt.Println(err)
	// Output:
	// peg-sbagliato.xlsx: il file non esiste: controllare il nome
	// 2 file, 2 obiettivi, 1 errore, 1 file con errori
	// alcuni file hanno errori
}
