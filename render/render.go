// Package render draws objective sheets and booklets as PDF. It is the only
// importer of the PDF library. Each document is made in two passes: a layout
// pass that measures and wraps text, breaks pages and scales the Gantt into
// positioned items, and a draw pass that only draws them, to an io.Writer.
package render

import (
	"io"

	"github.com/pegpdf/pegpdf/model"
)

// Sheet writes the objective sheet of o as a PDF to w.
func Sheet(w io.Writer, th *Theme, o *model.Objective, opt Options, meta Meta) error {
	pages := layoutSheet(th, o, opt)
	if meta.Title == "" {
		meta.Title = o.Code + " – " + o.Title
	}
	if meta.Subject == "" {
		meta.Subject = "Scheda obiettivo " + o.Code
	}
	if meta.Keywords == "" {
		meta.Keywords = "PEG, " + o.Code + ", " + o.Direction
	}
	return draw(w, th, doc{pages: pages, meta: meta})
}
