// Package render draws objective sheets and booklets as PDF. It is the only
// importer of the PDF library. Each document is made in passes: a layout
// pass that measures and wraps text, breaks pages and scales the Gantt into
// positioned items; a draw pass that only draws them with the PDF library;
// and an assembly pass (the package pdfasm, fed by assemble.go) that
// compresses the streams on every core and writes each finished document
// with its metadata, outline and structure tree, to an io.Writer.
package render

import (
	"io"

	"github.com/pegpdf/pegpdf/model"
)

// Sheet writes the objective sheet of o as a PDF to w.
func Sheet(w io.Writer, th *Theme, o *model.Objective, opt Options, meta Meta) error {
	pdfs, err := Sheets(th, []*model.Objective{o}, opt, []Meta{meta})
	if err != nil {
		return err
	}
	_, err = w.Write(pdfs[0])
	return err
}

// Sheets renders the sheets of objs, one PDF each, drawn together so that
// the font is parsed and embedded once for all of them. metas[i] is the
// metadata of objs[i]; empty fields are filled from the objective. The
// bytes of a sheet depend only on objs as given, so a caller that batches
// objectives the same way always gets the same bytes.
func Sheets(th *Theme, objs []*model.Objective, opt Options, metas []Meta) ([][]byte, error) {
	var pages []*page
	bounds := make([]int, 0, len(objs)+1)
	for _, o := range objs {
		bounds = append(bounds, len(pages))
		p := layoutSheet(th, o, opt)
		number(p)
		pages = append(pages, p...)
	}
	bounds = append(bounds, len(pages))
	part, err := parse(th, pages)
	if err != nil {
		return nil, err
	}
	fl := newFlattener(th)
	fl.drawn(pages)
	fl.resolve(pages)
	out := make([][]byte, len(objs))
	for i, o := range objs {
		out[i] = part.Bytes(bounds[i], bounds[i+1], doc(th, pages, bounds[i], bounds[i+1], part, sheetMeta(th, o, metas[i]), opt))
	}
	return out, nil
}

// SheetsPerDocument is how many sheets Sheets should be given at once: the
// font is parsed once per call, and a batch this size keeps memory small.
const SheetsPerDocument = 25

func sheetMeta(th *Theme, o *model.Objective, meta Meta) Meta {
	if meta.Title == "" {
		meta.Title = o.Code + " – " + o.Title
	}
	if meta.Subject == "" {
		meta.Subject = th.Labels.SheetSubject + " " + o.Code
	}
	if meta.Keywords == "" {
		meta.Keywords = "PEG, " + o.Code + ", " + o.Direction
	}
	return meta
}
