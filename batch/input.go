package batch

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/workbook"
)

// Input is one workbook once read: from a file of the command line or a
// folder, or from an upload.
type Input struct {
	Name     string // how the user knows it: a path, or an uploaded file's name
	Plan     *model.Plan
	Problems model.Problems
	Err      error // the workbook could not be read at all (I/O)
}

// Failed reports whether the input gives no PDF.
func (in *Input) Failed() bool { return in.Err != nil || in.Problems.HasErrors() }

// Read reads one workbook from open, giving up after timeout (0: never)
// or when ctx ends; the goroutine reading a hostile file is abandoned, not
// waited for.
func Read(ctx context.Context, name string, open func() (io.ReadCloser, error), lim workbook.Limits, timeout time.Duration) *Input {
	in := &Input{Name: name}
	type result struct {
		plan *model.Plan
		ps   model.Problems
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		f, err := open()
		if err != nil {
			ch <- result{err: err}
			return
		}
		defer f.Close()
		plan, ps, err := workbook.Read(f, lim)
		ch <- result{plan, ps, err}
	}()
	var timer <-chan time.Time
	if timeout > 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		timer = t.C
	}
	select {
	case r := <-ch:
		in.Plan, in.Problems, in.Err = r.plan, r.ps, r.err
	case <-timer:
		in.Problems = model.Problems{{Severity: model.Error,
			Err: fmt.Errorf("lettura interrotta dopo %s: il file è troppo grande o anomalo", timeout)}}
	case <-ctx.Done():
		in.Err = ctx.Err()
	}
	return in
}

// PrintProblems prints every problem of the inputs, one line each:
// "file.xlsx: Fasi!E7: message".
func PrintProblems(w io.Writer, inputs []*Input) {
	for _, in := range inputs {
		if in.Err != nil {
			fmt.Fprintf(w, "%s: %s\n", in.Name, IOMessage(in.Err))
		}
		for _, p := range in.Problems {
			fmt.Fprintln(w, ProblemLine(in.Name, p))
		}
	}
}

// ProblemLine is one problem as a line: "file.xlsx: Fasi!E7: message".
func ProblemLine(path string, p model.Problem) string {
	if p.Severity == model.Warning {
		if p.Sheet == "" {
			return fmt.Sprintf("%s: avviso: %v", path, p.Err)
		}
		return fmt.Sprintf("%s: %s: avviso: %v", path, p.Place(), p.Err)
	}
	return fmt.Sprintf("%s: %s", path, p.Error())
}

// IOMessage says in Italian why a file could not be read.
func IOMessage(err error) string {
	switch {
	case os.IsNotExist(err):
		return "il file non esiste"
	case os.IsPermission(err):
		return "permesso negato: non si può leggere il file"
	case err == context.Canceled:
		return "interrotto"
	}
	return "il file non si può leggere: " + err.Error()
}
