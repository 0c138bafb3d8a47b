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

	"github.com/pegpdf/pegpdf/batch"
	"github.com/pegpdf/pegpdf/workbook"
)

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
	if len(paths) == 0 {
		return nil, usagef("nessun file .xlsx o .ods in %s", strings.Join(args, ", "))
	}
	return paths, nil
}

// isWorkbookName reports whether a file found in a folder is a workbook to
// read: .xlsx and .ods (also .xlsm and .xls, so that they are reported rather
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
func readAll(ctx context.Context, paths []string, jobs int, lim workbook.Limits, timeout time.Duration, done func(*batch.Input)) []*batch.Input {
	out := make([]*batch.Input, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, max(1, len(paths))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				path := paths[i]
				out[i] = batch.Read(ctx, path, func() (io.ReadCloser, error) { return os.Open(path) }, lim, timeout)
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
			out[i] = &batch.Input{Name: paths[i], Err: ctx.Err()}
		}
	}
	return out
}

func passwordFlag() cli.Flag {
	return &cli.StringFlag{Name: "password", Usage: "la password dei file protetti (la stessa per tutti)"}
}

// limits are the reading limits of the command line.
func limits(c *cli.Context) workbook.Limits {
	return workbook.Limits{Password: c.String("password"), Mapping: mappingOf(c)}
}
