package batch

import (
	"context"
	"sync"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/render"
)

// RenderSheets renders the sheet of every objective on jobs goroutines, in
// fixed batches of render.SheetsPerDocument (the font is parsed once per
// batch): the batches depend only on objs, so jobs never changes the
// bytes. emit receives each sheet, possibly from several goroutines at once.
func RenderSheets(ctx context.Context, th *render.Theme, objs []*model.Objective, opt render.Options, meta render.Meta, jobs int,
	emit func(i int, pdf []byte) error) error {
	per := render.SheetsPerDocument
	batches := (len(objs) + per - 1) / per
	errs := Parallel(ctx, batches, jobs, func(b int) error {
		from, to := b*per, min(len(objs), (b+1)*per)
		metas := make([]render.Meta, to-from)
		for i := range metas {
			metas[i] = meta
		}
		pdfs, err := render.Sheets(th, objs[from:to], opt, metas)
		if err != nil {
			return err
		}
		for i, pdf := range pdfs {
			if err := emit(from+i, pdf); err != nil {
				return err
			}
		}
		return nil
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Parallel runs fn(0..n-1) on jobs goroutines and returns each call's error
// in order; calls not started when ctx ends get its error.
func Parallel(ctx context.Context, n, jobs int, fn func(i int) error) []error {
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(max(1, jobs), max(1, n)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		if ctx.Err() != nil {
			errs[i] = ctx.Err()
			continue
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return errs
}
