package main

import (
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/pegpdf/pegpdf/produce"
)

// progress returns a callback that shows the reading of n workbooks: a bar
// when w is a terminal, one plain line per workbook otherwise. A line says
// only what is known when the file has been read: «letto», with the
// errors and warnings found in it; never «ok», since a Codice repeated in
// another file, or a date after --al, is known only once all are read (and
// is printed then, with the other problems).
func progress(w io.Writer, n int) func(*produce.Input) {
	if n < 2 {
		return nil
	}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		bar := progressbar.NewOptions(n,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("lettura dei file"),
			progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(100_000_000),
		)
		return func(*produce.Input) { bar.Add(1) }
	}
	var mu sync.Mutex
	done := 0
	return func(in *produce.Input) {
		mu.Lock()
		defer mu.Unlock()
		done++
		fmt.Fprintf(w, "[%d/%d] %s: %s\n", done, n, in.Name, readState(in))
	}
}

// readState is what reading found in a file: «letto», «letto, 2 avvisi»,
// «letto, 1 errore, 2 avvisi», or «non letto» for a file that could not be
// read at all.
func readState(in *produce.Input) string {
	if in.Err != nil || in.Plan == nil { // could not be opened: protected, damaged, not a workbook
		return "non letto"
	}
	errs, warnings := in.Problems.Count()
	state := "letto"
	if errs > 0 {
		state += ", " + produce.Plural(errs, "errore", "errori")
	}
	if warnings > 0 {
		state += ", " + produce.Plural(warnings, "avviso", "avvisi")
	}
	return state
}
