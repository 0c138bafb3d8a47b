package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/produce"
	"github.com/pegpdf/pegpdf/workbook"
)

// expand turns the arguments into workbook paths: files as given, folders
// searched recursively for .xlsx files, skipping Office lock files (~$…)
// and hidden files. The order is the arguments', folders sorted by name. A
// name that does not exist is kept: it is reported when read.
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
		if err != nil || !st.IsDir() {
			// A file, or a name that does not exist: reading it reports
			// why, like any bad input, and the others are still converted.
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

func passwordFlag() cli.Flag {
	return &cli.StringFlag{Name: "password", Usage: "la password dei file protetti (la stessa per tutti)"}
}

// limits are the reading limits of the command line.
func limits(c *cli.Context) workbook.Limits {
	return workbook.Limits{Password: c.String("password")}
}

// workbookTimeout is the time one workbook has to be read.
const workbookTimeout = 2 * time.Minute

// sources opens the workbooks at paths when the pipeline reads them.
func sources(paths []string) []produce.Source {
	srcs := make([]produce.Source, len(paths))
	for i, p := range paths {
		srcs[i] = produce.Source{Name: p, Open: func() (io.ReadCloser, error) { return os.Open(p) }}
	}
	return srcs
}

// newRequest is the pipeline's request for the command: the inputs of its
// arguments (expanded into paths), the options of its flags through the
// pipeline's one parser, the theme, the dates and the limits.
func newRequest(c *cli.Context, paths []string) (produce.Request, error) {
	req := produce.Request{
		Inputs:      sources(paths),
		Limits:      limits(c),
		ReadTimeout: workbookTimeout,
		Jobs:        c.Int("jobs"),
		Today:       model.DateOf(time.Now()),
	}
	for _, name := range produce.OptionNames() {
		if !c.IsSet(name) {
			continue
		}
		if err := req.Options.Set(name, c.String(name)); err != nil {
			var oe *produce.OptionError
			if errors.As(err, &oe) {
				return req, usagef("--%s: %v", name, oe.Err)
			}
			return req, err
		}
	}
	if hasFlag(c, "theme") {
		th, err := loadTheme(c.String("theme"))
		if err != nil {
			return req, err
		}
		req.Theme = &th
	}
	if hasFlag(c, "date") {
		created, err := creationTime(c.String("date"))
		if err != nil {
			return req, err
		}
		req.Created = created
	}
	return req, nil
}

// hasFlag reports whether the command defines the flag.
func hasFlag(c *cli.Context, name string) bool {
	for _, f := range c.Command.Flags {
		for _, n := range f.Names() {
			if n == name {
				return true
			}
		}
	}
	return false
}
