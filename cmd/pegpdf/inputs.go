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

// foldersHelp says in the help of the commands that read workbooks what
// they do with the files of a folder (expand).
const foldersHelp = "In una cartella (anche nelle sottocartelle) legge i file .xlsx e .ods. Un altro foglio di\n" +
	"calcolo (.csv, .xlsb, .numbers…) è un errore: salvarlo come .xlsx o toglierlo dalla cartella.\n" +
	"Gli altri file sono nominati come ignorati; i file nascosti, i file di blocco ~$, i PDF e gli\n" +
	"elenchi scritti da pegpdf sono saltati senza dirlo.\n\n" +
	"Un file da scrivere senza estensione la riceve (peg-2027 diventa peg-2027.pdf, esito diventa\n" +
	"esito.csv); la sua cartella, se manca, viene creata."

// input is a file to read: named on the command line, or found in a
// folder named there (the advice for a file not read then says to take it
// out of the folder).
type input struct {
	path     string
	inFolder bool
}

// expand turns the arguments into the files to read: files as given,
// folders searched recursively. The order is the arguments', folders
// sorted by name. A name that does not exist is kept: it is reported when
// read. In a folder, what pegpdf reads (.xlsx, .xlsm, .ods, and .xls to
// say what to do with it) and every other spreadsheet (a CSV, an .xlsb, a
// Numbers file: refused when read, by name, with the advice) are inputs;
// hidden files and folders, Office lock files (~$…), PDFs, and the lists
// pegpdf writes (--elenco-problemi, --valutazione) are skipped in silence;
// any other file is named on w as ignored, so that nothing vanishes.
func expand(args []string, w io.Writer) ([]input, error) {
	var inputs []input
	seen := map[string]bool{}
	add := func(p string, inFolder bool) {
		if abs, err := filepath.Abs(p); err == nil && !seen[abs] {
			seen[abs] = true
			inputs = append(inputs, input{p, inFolder})
		}
	}
	for _, arg := range args {
		var f folderFiles
		st, err := os.Stat(arg)
		switch {
		case err == nil && st.IsDir():
			if err := f.walk(arg); err != nil {
				return nil, err
			}
		case err != nil && strings.ContainsAny(arg, "*?["):
			// A pattern the shell left as it is (the Windows Prompt
			// never expands them): its files, as a folder's.
			matches, _ := filepath.Glob(arg)
			if len(matches) == 0 {
				add(arg, false) // reported as a name that does not exist
				continue
			}
			for _, m := range matches {
				st, err := os.Lstat(m)
				switch {
				case err != nil:
				case st.IsDir():
					if err := f.walk(m); err != nil {
						return nil, err
					}
				default:
					f.add(m, fs.FileInfoToDirEntry(st))
				}
			}
		default:
			// A file, or a name that does not exist: reading it reports
			// why, like any bad input, and the others are still converted.
			add(arg, false)
			continue
		}
		sort.Strings(f.read)
		sort.Strings(f.ignored)
		for _, p := range f.ignored {
			fmt.Fprintf(w, "%s: %s\n", p, ignoredWhy(p))
		}
		for _, p := range f.read {
			add(p, true)
		}
	}
	if len(inputs) == 0 {
		return nil, usagef("nessun file .xlsx o .ods in %s", strings.Join(args, ", "))
	}
	return inputs, nil
}

// folderFiles are the files found in a folder or by a pattern: to read,
// and to name as ignored.
type folderFiles struct {
	read, ignored []string
}

// add puts the file p where folderEntry says.
func (f *folderFiles) add(p string, d fs.DirEntry) {
	switch folderEntry(p, d) {
	case readIt:
		f.read = append(f.read, p)
	case nameIt:
		f.ignored = append(f.ignored, p)
	}
}

// walk adds the files of the folder root and its subfolders.
func (f *folderFiles) walk(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("%s: la cartella non si può leggere: %s", p, folderMessage(err))
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && strings.HasPrefix(name, ".") {
				return filepath.SkipDir
			}
			return nil
		}
		f.add(p, d)
		return nil
	})
}

// folderMessage says in Italian why a folder could not be read.
func folderMessage(err error) string {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return "permesso negato: chiedere l'accesso o copiare i file in un'altra cartella"
	case errors.Is(err, fs.ErrNotExist):
		return "è stata spostata o cancellata durante la lettura: rilanciare"
	}
	return "errore del sistema: " + err.Error()
}

// What expand does with a file found in a folder.
const (
	skipIt = iota // in silence
	readIt        // an input (a spreadsheet pegpdf does not read is refused when read)
	nameIt        // named as ignored
)

// folderEntry decides what expand does with the file p found in a folder.
func folderEntry(p string, d fs.DirEntry) int {
	name := d.Name()
	lower := strings.ToLower(name)
	if strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") || lower == "thumbs.db" || lower == "desktop.ini" {
		return skipIt
	}
	if !d.Type().IsRegular() {
		// A link to a workbook is read like the workbook; anything else
		// (a link to a folder, a pipe) is named.
		if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
			return nameIt
		}
	}
	ext := filepath.Ext(lower)
	switch {
	case ext == ".pdf":
		return skipIt
	case ownList(p):
		// pegpdf's own --elenco-problemi or --valutazione: silent under its
		// own extension, named under another (an older pegpdf wrote a CSV
		// under whatever name it was given).
		if ext == ".csv" || ext == ".json" {
			return skipIt
		}
		return nameIt
	case workbookExts[ext] || produce.Spreadsheet(ext):
		return readIt
	}
	return nameIt
}

// ignoredWhy is why a file of a folder is not read.
func ignoredWhy(p string) string {
	if ownList(p) {
		return "ignorato: è un elenco scritto da pegpdf (CSV), non un foglio da leggere: rinominarlo .csv"
	}
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		return "ignorato: è un collegamento a una cartella: per leggerla, indicarla direttamente"
	}
	return "ignorato: non è un foglio di calcolo (pegpdf legge i file .xlsx e .ods)"
}

// ownList reports whether the file at p is a list pegpdf wrote: a problem
// list or an evaluation, by their first line (as overwrite.go knows them).
// Only its first bytes are read: a folder may hold files of gigabytes.
func ownList(p string) bool {
	f, err := os.OpenFile(p, os.O_RDONLY|openNoWait, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return false
	}
	head := make([]byte, headLen)
	n, _ := io.ReadFull(f, head)
	return listHeader(head[:n])
}

// workbookExts are the extensions pegpdf reads (.xls: to say what to do).
var workbookExts = map[string]bool{".xlsx": true, ".xlsm": true, ".xls": true, ".ods": true}

func passwordFlag() cli.Flag {
	return &cli.StringFlag{Name: "password", Usage: "la password dei file protetti (la stessa per tutti)"}
}

// limits are the reading limits of the command line.
func limits(c *cli.Context) workbook.Limits {
	return workbook.Limits{Password: c.String("password"), Mapping: mappingOf(c)}
}

// workbookTimeout is the time one workbook has to be read.
const workbookTimeout = 2 * time.Minute

// sources opens the inputs when the pipeline reads them. A file pegpdf
// does not read by its name (notReadable) is refused once it is known to
// exist: a name that does not exist is reported as such.
func sources(inputs []input) []produce.Source {
	srcs := make([]produce.Source, len(inputs))
	for i, in := range inputs {
		srcs[i] = produce.Source{Name: in.path, Open: func() (io.ReadCloser, error) {
			return os.Open(in.path)
		}, InFolder: in.inFolder}
	}
	return srcs
}

// newRequest is the pipeline's request for the command: the inputs of its
// arguments (expanded into paths), the options of its flags through the
// pipeline's one parser, the theme, the dates and the limits.
func newRequest(c *cli.Context, inputs []input) (produce.Request, error) {
	req := produce.Request{
		Inputs:      sources(inputs),
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
				if errors.Is(oe.Err, model.ErrDate) {
					_, err := flagDate(name, c.String(name)) // a date typed here is no "cella data"
					return req, err
				}
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

// pathsOf are the paths of the inputs.
func pathsOf(inputs []input) []string {
	paths := make([]string, len(inputs))
	for i, in := range inputs {
		paths[i] = in.path
	}
	return paths
}
