package produce

import (
	"context"
	"fmt"
	"io"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/workbook"
)

// Source is one workbook to read: a file of the command line or of a
// folder, or an upload.
type Source struct {
	Name string                        // how the user knows it: a path, or an uploaded file's name
	Open func() (io.ReadCloser, error) // its bytes; an error (a file that does not exist) is reported as a bad input

	// InFolder says it was found inside a folder the user gave: a file
	// refused by its name (NotReadable) may be taken out of the folder.
	InFolder bool
}

// Input is one workbook once read.
type Input struct {
	Name     string // the Source's name
	Plan     *model.Plan
	Problems model.Problems
	Err      error // the workbook could not be read at all (I/O)
}

// Failed reports whether the input gives no PDF.
func (in *Input) Failed() bool { return in.Err != nil || in.Problems.HasErrors() }

// read reads one workbook. With a timeout, it gives up after it or when
// ctx ends, and the goroutine reading a hostile file is abandoned, not
// waited for (the command line moves on to the next file). Without one, it
// reads on the caller's goroutine to the end, so that no reader outlives
// the run (the server holds a slot until its work really ends).
func read(ctx context.Context, src Source, lim workbook.Limits, timeout time.Duration) *Input {
	in := &Input{Name: src.Name}
	type result struct {
		plan *model.Plan
		ps   model.Problems
		err  error
	}
	readSource := func(ctx context.Context) result {
		f, err := src.Open()
		if err != nil {
			return result{err: err}
		}
		defer f.Close()
		if err := NotReadable(src.Name, src.InFolder); err != nil {
			return result{err: err} // opened first: a name that does not exist is said as such
		}
		plan, ps, err := workbook.ReadContext(ctx, f, lim)
		return result{plan, ps, err}
	}
	if timeout <= 0 {
		r := readSource(ctx)
		in.Plan, in.Problems, in.Err = r.plan, r.ps, r.err
		return in
	}
	// The reader stops when this returns: at the time limit or when ctx ends.
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ch := make(chan result, 1)
	go func() { ch <- readSource(rctx) }()
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case r := <-ch:
		in.Plan, in.Problems, in.Err = r.plan, r.ps, r.err
	case <-t.C:
		in.Problems = model.Problems{{Severity: model.Error,
			Err: fmt.Errorf("lettura interrotta dopo %s: il file è troppo grande o anomalo", timeout)}}
	case <-ctx.Done():
		in.Err = ctx.Err()
	}
	return in
}

// readAll reads the sources on req.jobs() goroutines; the result is in the
// order of the sources whatever the scheduling. Once ctx ends no more
// workbooks are started and those not read carry its error.
func readAll(ctx context.Context, req *Request) []*Input {
	out := make([]*Input, len(req.Inputs))
	var g errgroup.Group
	g.SetLimit(req.jobs())
	for i, src := range req.Inputs {
		if ctx.Err() != nil {
			break
		}
		g.Go(func() error {
			if ctx.Err() != nil {
				return nil // ended while this one waited for a free slot
			}
			out[i] = read(ctx, src, req.Limits, req.ReadTimeout)
			if req.Progress != nil {
				req.Progress(out[i])
			}
			return nil
		})
	}
	g.Wait()
	for i, in := range out {
		if in == nil {
			out[i] = &Input{Name: req.Inputs[i].Name, Err: ctx.Err()}
		}
	}
	return out
}
