package produce

import (
	"context"
	"errors"
	"io"
	"runtime"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/render"
	"github.com/pegpdf/pegpdf/workbook"
)

// Request is what every document is made from.
type Request struct {
	Inputs  []Source
	Options Options
	Theme   *render.Theme // nil: render.DefaultTheme()

	// Created is the creation date written in the PDFs; Today is the
	// report's date when Options.AsOf is not set. Zero means now.
	Created time.Time
	Today   model.Date

	Limits      workbook.Limits // of each workbook
	ReadTimeout time.Duration   // of each workbook, then abandoned; 0: none, every reader is waited for
	Jobs        int             // workbooks read and sheets drawn at once; 0: the cores

	// Progress, if set, is called as each workbook is read, possibly from
	// several goroutines at once.
	Progress func(*Input)
	// Checked, if set, is called once every input is read and checked,
	// before anything is drawn, even when some input has errors: the place
	// to print the problems or write the problem report. Its error stops the
	// run and is returned.
	Checked func([]*Input) error
}

func (r *Request) jobs() int {
	if r.Jobs > 0 {
		return r.Jobs
	}
	return runtime.GOMAXPROCS(0)
}

func (r *Request) theme() *render.Theme {
	if r.Theme != nil {
		return r.Theme
	}
	th := render.DefaultTheme()
	return &th
}

func (r *Request) created() time.Time {
	if r.Created.IsZero() {
		return time.Now()
	}
	return r.Created
}

// entity is the name of the municipality: the option's, else the theme's.
func (r *Request) entity(th *render.Theme) string {
	if r.Options.Entity != "" {
		return r.Options.Entity
	}
	return th.Entity
}

// A Sink stores one output: it calls write with where the bytes go and
// returns write's error, or its own. name is the document's file name
// ("2019_ZN10.pdf", "libretto.pdf", "rapporto.pdf", "esiti.csv"). For the
// sheets a Sink is called from several goroutines at once.
type Sink func(name string, write func(io.Writer) error) error

// Result says what a run read and made, for the front end's summary.
type Result struct {
	Inputs     []*Input
	Objectives int         // in the document, or sheets made
	Files      []string    // the sheets' file names, in the inputs' order
	AsOf       model.Date  // the report's date
	Tally      model.Tally // the report's counts
}

// Failed counts the inputs that give no PDF.
func (r *Result) Failed() int { return CountFailed(r.Inputs) }

// ErrInputs is the error of a run where some input has errors: already
// reported through Result.Inputs (and Checked). Sheets still makes the
// sheets of the other inputs; a booklet or a report is not made at all.
var ErrInputs = errors.New("alcuni file hanno errori")

// ErrNoObjectives is the error of a booklet or a report without objectives.
var ErrNoObjectives = errors.New("nessun obiettivo nei file")

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
	opt := render.Options{AsOf: req.Options.AsOf, PDFA: req.Options.PDFA}
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
	info := render.BookletInfo{Entity: req.entity(th), Title: o.Title, Subtitle: o.Subtitle, Year: o.Year, Duplex: o.Duplex}
	if info.Year == 0 {
		info.Year = commonYear(objs)
	}
	if info.Subtitle == "" {
		info.Subtitle = th.ActsLine
	}
	meta := render.Meta{Author: info.Entity, Created: req.created()}
	opt := render.Options{AsOf: o.AsOf, PDFA: o.PDFA}
	return res, out("libretto.pdf", func(w io.Writer) error {
		return render.Booklet(w, th, objs, info, opt, meta)
	})
}

// evaluate reads the inputs of a report and judges the objectives at
// Options.AsOf (default: Request.Today, else today).
func evaluate(ctx context.Context, req *Request) (*Result, []*model.Objective, []model.Evaluation, error) {
	res, objs, err := document(ctx, req)
	if err != nil {
		return res, nil, nil, err
	}
	if req.Options.AsOf.IsZero() {
		req.Options.AsOf = req.Today
	}
	if req.Options.AsOf.IsZero() {
		req.Options.AsOf = model.DateOf(time.Now())
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
	info := render.ReportInfo{Entity: req.entity(th), Title: o.Title, Subtitle: o.Subtitle, Year: o.Year, WithSheets: o.WithSheets}
	if info.Year == 0 {
		info.Year = commonYear(objs)
	}
	if info.Subtitle == "" {
		info.Subtitle = th.ActsLine
	}
	meta := render.Meta{Author: info.Entity, Created: req.created()}
	opt := render.Options{AsOf: o.AsOf, PDFA: o.PDFA}
	return res, out("rapporto.pdf", func(w io.Writer) error {
		return render.Report(w, th, evals, info, opt, meta)
	})
}

// Template writes the blank workbook to fill in, "peg-modello.xlsx".
func Template(out Sink) error {
	return out("peg-modello.xlsx", workbook.Template)
}

// sinksPerBatch bounds the sheets of one batch given to the sink at once.
const sinksPerBatch = 8

// renderSheets draws the sheet of every objective on jobs goroutines, in
// fixed batches of render.SheetsPerDocument (the font is parsed once per
// batch): the batches depend only on objs, so jobs never changes the
// bytes. emit receives each sheet, possibly from several goroutines at
// once; its first error, or the end of ctx, stops the batches not started.
func renderSheets(ctx context.Context, th *render.Theme, objs []*model.Objective, opt render.Options, meta render.Meta, jobs int,
	emit func(i int, pdf []byte) error) error {
	per := render.SheetsPerDocument
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(jobs)
	for from := 0; from < len(objs); from += per {
		if gctx.Err() != nil {
			break
		}
		to := min(len(objs), from+per)
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			metas := make([]render.Meta, to-from)
			for i := range metas {
				metas[i] = meta
			}
			pdfs, err := render.Sheets(th, objs[from:to], opt, metas)
			if err != nil {
				return err
			}
			// The sink may wait on the disk (a file's fsync): the sheets
			// of a batch go to it at once, so that the waits overlap.
			out, octx := errgroup.WithContext(gctx)
			out.SetLimit(sinksPerBatch)
			for i, pdf := range pdfs {
				out.Go(func() error {
					if err := octx.Err(); err != nil {
						return err
					}
					return emit(from+i, pdf)
				})
			}
			return out.Wait()
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return ctx.Err()
}
