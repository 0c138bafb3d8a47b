package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/workbook"
)

// input is one workbook given on the command line or found in a folder,
// once read.
type input struct {
	path     string
	plan     *model.Plan
	problems model.Problems
	err      error // the file could not be read at all (I/O)
}

func (in *input) failed() bool { return in.err != nil || in.problems.HasErrors() }

// expand turns the arguments into workbook paths: files as given, folders
// searched recursively for .xlsx files, skipping Office lock files (~$…)
// and hidden files. The order is the arguments', folders sorted by name.
func expand(args []string) ([]string, error) {
	var paths []string
	seen := map[string]bool{}
	addPath := func(p string) {
		if abs, err := filepath.Abs(p); err == nil && !seen[abs] {
			seen[abs] = true
			paths = append(paths, p)
		}
	}
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			return nil, usagef("%s: il file o la cartella non esiste", arg)
		}
		if !st.IsDir() {
			addPath(arg)
			continue
		}
		var found []string
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if d.IsDir() {
				if p != arg && strings.HasPrefix(name, ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if isWorkbookName(name) && d.Type().IsRegular() {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: cartella non leggibile: %w", arg, err)
		}
		sort.Strings(found)
		for _, p := range found {
			addPath(p)
		}
	}
	return paths, nil
}

// isWorkbookName reports whether a file found in a folder is a workbook to
// read: .xlsx (also .xlsm, .xls and .ods, so that they are reported rather
// than silently skipped), not an Office lock file nor a hidden file.
func isWorkbookName(name string) bool {
	if strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") {
		return false
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xlsx", ".xlsm", ".xls", ".ods":
		return true
	}
	return false
}

// readAll reads the workbooks on jobs goroutines; the result is in the
// order of paths whatever the scheduling. Each workbook has at most timeout
// to be read.
func readAll(ctx context.Context, paths []string, jobs int, lim workbook.Limits, timeout time.Duration, done func(*input)) []*input {
	out := make([]*input, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, max(1, len(paths))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = readOne(ctx, paths[i], lim, timeout)
				if done != nil {
					done(out[i])
				}
			}
		}()
	}
	for i := range paths {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	for i, in := range out {
		if in == nil {
			out[i] = &input{path: paths[i], err: ctx.Err()}
		}
	}
	return out
}

func readOne(ctx context.Context, path string, lim workbook.Limits, timeout time.Duration) *input {
	in := &input{path: path}
	type result struct {
		plan *model.Plan
		ps   model.Problems
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		f, err := os.Open(path)
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
		in.plan, in.problems, in.err = r.plan, r.ps, r.err
	case <-timer:
		in.problems = model.Problems{{Severity: model.Error,
			Err: fmt.Errorf("lettura interrotta dopo %s: il file è troppo grande o anomalo", timeout)}}
	case <-ctx.Done():
		in.err = ctx.Err()
	}
	return in
}

// printProblems prints every problem of the inputs, one line each:
// "file.xlsx: Fasi!E7: message".
func printProblems(w io.Writer, inputs []*input) {
	for _, in := range inputs {
		if in.err != nil {
			fmt.Fprintf(w, "%s: %s\n", in.path, ioMessage(in.err))
		}
		for _, p := range in.problems {
			fmt.Fprintln(w, problemLine(in.path, p))
		}
	}
}

func problemLine(path string, p model.Problem) string {
	if p.Severity == model.Warning {
		if p.Sheet == "" {
			return fmt.Sprintf("%s: avviso: %v", path, p.Err)
		}
		return fmt.Sprintf("%s: %s: avviso: %v", path, p.Place(), p.Err)
	}
	return fmt.Sprintf("%s: %s", path, p.Error())
}

// ioMessage says in Italian why a file could not be opened.
func ioMessage(err error) string {
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

func passwordFlag() cli.Flag {
	return &cli.StringFlag{Name: "password", Usage: "la password dei file protetti (la stessa per tutti)"}
}

// limits are the reading limits of the command line.
func limits(c *cli.Context) workbook.Limits {
	return workbook.Limits{Password: c.String("password")}
}
