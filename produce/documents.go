package produce

import (
	"context"
	"io"
	"time"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/render"
	"github.com/pegpdf/pegpdf/workbook"
)

// start reads and checks the inputs; files tells whether sheets will be
// written, each under its own name.
func start(ctx context.Context, req *Request, files bool) (res *Result, objs []*model.Objective, names []string, err error) {
	inputs := readAll(ctx, req)
	if files {
		objs, names = sheetFiles(inputs)
	} else {
		objs = collect(inputs)
	}
	res = &Result{Inputs: inputs}
	if asOf := req.Options.AsOf; !asOf.IsZero() {
		for _, in := range inputs {
			if in.Plan != nil {
				in.Problems = append(in.Problems, in.Plan.After(asOf)...)
			}
		}
	}
	if req.Checked != nil {
		if err := req.Checked(inputs); err != nil {
			return res, nil, nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return res, nil, nil, err
	}
	return res, objs, names, nil
}

// Check reads and checks the inputs, Codici repeated across files
// included, and makes nothing.
func Check(ctx context.Context, req Request) (*Result, error) {
	res, objs, _, err := start(ctx, &req, false)
	if err != nil {
		return res, err
	}
	res.Objectives = len(objs)
	if res.Failed() > 0 {
		return res, ErrInputs
	}
	return res, nil
}

// Sheets makes one PDF per objective, named SafeName(Codice).pdf, and gives
// each to out. The inputs with errors give nothing (ErrInputs); the others
// are made all the same.
func Sheets(ctx context.Context, req Request, out Sink) (*Result, error) {
	res, objs, names, err := start(ctx, &req, true)
	if err != nil {
		return res, err
	}
	th := req.theme()
	meta := render.Meta{Author: req.entity(th), Created: req.created()}
	opt := req.Options.render()
	err = renderSheets(ctx, th, objs, opt, meta, req.jobs(), func(i int, pdf []byte) error {
		return out(names[i], func(w io.Writer) error {
			_, err := w.Write(pdf)
			return err
		})
	})
	if err != nil {
		return res, err
	}
	res.Objectives, res.Files = len(objs), names
	if res.Failed() > 0 {
		return res, ErrInputs
	}
	return res, nil
}

// document reads the inputs of a booklet or a report: all of them without
// errors and at least one objective, in the booklet's order.
func document(ctx context.Context, req *Request) (*Result, []*model.Objective, error) {
	res, objs, _, err := start(ctx, req, false)
	switch {
	case err != nil:
		return res, nil, err
	case res.Failed() > 0:
		return res, nil, ErrInputs
	case len(objs) == 0:
		return res, nil, ErrNoObjectives
	}
	model.SortForBooklet(objs)
	res.Objectives = len(objs)
	return res, objs, nil
}

// Booklet makes the booklet, "libretto.pdf": cover, contents, every sheet,
// outline, page numbers. The subtitle defaults to the theme's acts line.
func Booklet(ctx context.Context, req Request, out Sink) (*Result, error) {
	res, objs, err := document(ctx, &req)
	if err != nil {
		return res, err
	}
	th, o := req.theme(), req.Options
	info := render.BookletInfo{Entity: req.entity(th), Title: o.Title, Duplex: o.Duplex}
	info.Year, info.Subtitle = cover(th, o, objs)
	meta := render.Meta{Author: info.Entity, Created: req.created()}
	opt := o.render()
	return res, out("libretto.pdf", func(w io.Writer) error {
		return render.BookletContext(ctx, w, th, objs, info, opt, meta)
	})
}

// cover gives the year and the subtitle of a booklet's or a report's
// cover: the options', else the objectives' common year and the theme's
// line for acts (the same from every front end).
func cover(th *render.Theme, o Options, objs []*model.Objective) (year int, subtitle string) {
	year, subtitle = o.Year, o.Subtitle
	if year == 0 {
		year = commonYear(objs)
	}
	if subtitle == "" {
		subtitle = th.ActsLine
	}
	return year, subtitle
}

// evaluate reads the inputs of a report and judges the objectives at
// Options.AsOf (default: Request.Today, else today).
func evaluate(ctx context.Context, req *Request) (*Result, []*model.Objective, []model.Evaluation, error) {
	if req.Options.AsOf.IsZero() {
		req.Options.AsOf = req.Today
	}
	if req.Options.AsOf.IsZero() {
		req.Options.AsOf = model.DateOf(time.Now())
	}
	res, objs, err := document(ctx, req)
	if err != nil {
		return res, nil, nil, err
	}
	evals := model.Evaluate(objs, req.Options.AsOf)
	res.AsOf, res.Tally = req.Options.AsOf, model.TallyOf(evals)
	return res, objs, evals, nil
}

// Evaluation judges the objectives as Report does and gives out only the
// evaluation as CSV, "esiti.csv" (monitoring.md).
func Evaluation(ctx context.Context, req Request, out Sink) (*Result, error) {
	res, _, evals, err := evaluate(ctx, &req)
	if err != nil {
		return res, err
	}
	return res, out("esiti.csv", func(w io.Writer) error { return WriteEvaluationCSV(w, evals) })
}

// Report judges the objectives at Options.AsOf (default: Request.Today)
// and makes the monitoring report, "rapporto.pdf"; when evaluation is not
// nil it also gets the evaluation as CSV, "esiti.csv", first.
func Report(ctx context.Context, req Request, out, evaluation Sink) (*Result, error) {
	res, objs, evals, err := evaluate(ctx, &req)
	if err != nil {
		return res, err
	}
	th, o := req.theme(), req.Options
	if evaluation != nil {
		if err := evaluation("esiti.csv", func(w io.Writer) error { return WriteEvaluationCSV(w, evals) }); err != nil {
			return res, err
		}
	}
	info := render.ReportInfo{Entity: req.entity(th), Title: o.Title, WithSheets: o.WithSheets}
	info.Year, info.Subtitle = cover(th, o, objs)
	meta := render.Meta{Author: info.Entity, Created: req.created()}
	opt := o.render()
	return res, out("rapporto.pdf", func(w io.Writer) error {
		return render.ReportContext(ctx, w, th, evals, info, opt, meta)
	})
}

// Template writes the blank workbook to fill in, "peg-modello.xlsx".
func Template(out Sink) error {
	return out("peg-modello.xlsx", workbook.Template)
}
