package produce

import (
	"context"

	"golang.org/x/sync/errgroup"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/render"
)

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
