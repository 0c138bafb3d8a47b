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
// when w is a terminal, one plain line per workbook otherwise.
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
		state := "ok"
		if in.Failed() {
			state = "errori"
		}
		fmt.Fprintf(w, "[%d/%d] %s: %s\n", done, n, in.Name, state)
	}
}
