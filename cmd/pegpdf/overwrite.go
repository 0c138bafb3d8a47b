package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/urfave/cli/v2"
)

// A person's file is never replaced without --sovrascrivi. What pegpdf may
// replace on its own is what it wrote itself and nobody changed since:
//   - a PDF whose Producer is pegpdf and that has a single revision (a PDF
//     signed, annotated or saved again by another program has another
//     Producer or an incremental update, and is kept);
//   - a CSV or JSON that is, row by row, what pegpdf writes (--elenco-problemi,
//     --valutazione): its header, every row with the header's fields and the
//     values pegpdf writes in Esito, Tempi, Gravità and the counts, and
//     nothing added or re-saved (a line, a column, Excel's CRLF or quotes);
//     the JSON with no field pegpdf does not write;
//   - in the folder of «schede», such a PDF that is the sheet of the same
//     Codice (its Info /Title «Codice – Titolo», its /Subject ending with
//     the Codice), not any other PDF of pegpdf's put under that name.
// Each only by a file of its kind: «modello», «tema» and «mappa» never
// replace a file, nor does anything replace a workbook, a theme or any
// other file, without --sovrascrivi. A link, a pipe or a device at the name
// is not pegpdf's file. A file read is never an output, even with
// --sovrascrivi. The decision is taken before the work starts and again
// when each output is put in place (putInPlace).

func overwriteFlag() cli.Flag {
	return &cli.BoolFlag{Name: "overwrite", Aliases: []string{"sovrascrivi"},
		Usage: "sostituisce anche un file esistente che pegpdf non ha scritto o che qualcuno ha modificato (mai un file da leggere)"}
}

// outputFlags are, for each command, its flags that name an output file,
// with the kind of file pegpdf writes there: only a file of that kind that
// pegpdf wrote may be replaced without --sovrascrivi. The sheets' --out is
// a folder, and not in the list.
var outputFlags = map[string]map[string]outputKind{
	"template": {"out": anyFile},
	"theme":    {"out": anyFile},
	"mapping":  {"out": anyFile},
	"booklet":  {"out": pdfFile, "report": tableFile},
	"report":   {"out": pdfFile, "report": tableFile, "csv": tableFile},
	"sheets":   {"report": tableFile},
	"check":    {"report": tableFile},
}

// outputKind is what pegpdf writes to an output: what it may replace there.
type outputKind int

const (
	anyFile   outputKind = iota // a workbook or a theme: never replaces a file
	pdfFile                     // replaces a PDF pegpdf wrote
	tableFile                   // replaces a CSV or JSON pegpdf wrote
)

// guardOutputs gives the commands that write files the --sovrascrivi flag.
// Their outputs are checked by checkOutputs, once the inputs are known,
// and again by putInPlace when each is written.
func guardOutputs(cmds []*cli.Command) {
	for _, cmd := range cmds {
		if outputFlags[cmd.Name] != nil {
			cmd.Flags = append(cmd.Flags, overwriteFlag())
		}
	}
}

// target is an output file and what may be replaced there: the decision is
// taken before any work (to fail fast) and again at the moment the file is
// put in place (putInPlace), for a file a person creates or changes meanwhile.
type target struct {
	path  string
	flag  string     // the option that names it: "out", "report", "csv"
	kind  outputKind // what pegpdf may replace there on its own
	force bool       // --sovrascrivi
	sheet bool       // a sheet in the folder --out names
}

// outputs are a run's output files by the option that names them.
type outputs map[string]target

// checkOutputs checks, before any work, the files the command writes: none
// is one of inputs (the workbooks, folders expanded), the theme or the
// mapping read, even with --sovrascrivi; no two are the same file; none
// replaces a file pegpdf would not replace. It also removes the temporary
// files that runs now gone left beside them.
func checkOutputs(c *cli.Context, inputs []string) (outputs, error) {
	read := append([]string{}, inputs...)
	for _, name := range []string{"theme", "mapping"} {
		if hasFlag(c, name) && c.String(name) != "" {
			read = append(read, c.String(name))
		}
	}
	kinds := outputFlags[c.Command.Name]
	outs := outputs{}
	for _, name := range []string{"out", "report", "csv"} {
		kind, ok := kinds[name]
		path := c.String(name)
		if !ok || path == "" {
			continue
		}
		// Being a file to read is said first, whatever its name says.
		if err := notAnInput(name, path, read, "indicare un altro nome"); err != nil {
			return nil, err
		}
		path, err := withExtension(c.Command.Name, name, path)
		if err != nil {
			return nil, err
		}
		if err := notAnInput(name, path, read, "indicare un altro nome"); err != nil {
			return nil, err
		}
		for other, o := range outs {
			if sameFile(o.path, path) || sameName(o.path, path, runtime.GOOS) {
				return nil, usagef("--%s e --%s indicano lo stesso file %s: indicarne due diversi", other, name, path)
			}
		}
		t := target{path: path, flag: name, kind: kind, force: c.Bool("overwrite")}
		if _, err := t.check(); err != nil {
			return nil, err
		}
		cleanTemps(filepath.Dir(path))
		outs[name] = t
	}
	if c.Command.Name == "sheets" {
		dir := c.String("out")
		if err := notAnInput("out", dir, read, "indicare una cartella"); err != nil {
			return nil, err
		}
		st, err := os.Stat(dir)
		switch {
		case err == nil && !st.IsDir():
			return nil, usagef("--out %s è un file, non una cartella", dir)
		case err != nil && knownExts[strings.ToLower(filepath.Ext(dir))]:
			return nil, usagef("--out %s: «schede» scrive un PDF per obiettivo in una cartella: indicare una cartella "+
				"(ad esempio --out schede); per un solo PDF con tutte le schede usare «pegpdf libretto»", dir)
		}
		cleanTemps(dir)
	}
	return outs, nil
}

// outputFormat is what the option flag of the command cmd writes: the
// extensions its file may have (the first is added to a name without one),
// how a refusal says what it is, and a name to give as an example.
func outputFormat(cmd, flag string) (exts []string, what, example string) {
	switch {
	case flag == "report":
		return []string{".csv", ".json"}, "l'elenco dei problemi è un CSV (o un JSON)", "esito.csv"
	case flag == "csv":
		return []string{".csv"}, "la valutazione è un CSV", "valutazione.csv"
	case cmd == "booklet":
		return []string{".pdf"}, "il libretto è un PDF", "libretto.pdf"
	case cmd == "report":
		return []string{".pdf"}, "il rapporto è un PDF", "rapporto.pdf"
	case cmd == "template":
		return []string{".xlsx"}, "il modello è un file Excel", "peg-modello.xlsx"
	case cmd == "theme":
		return []string{".toml"}, "il tema scritto da pegpdf è TOML", "tema.toml"
	case cmd == "mapping":
		return []string{".toml"}, "la mappatura è TOML", "mappa.toml"
	}
	return nil, "", ""
}

// withExtension is the name of the output the option --flag of cmd names:
// as given when its extension is one of what is written there; refused
// when it is a folder, with a name in it as an example; with that extension added when it has
// none, or one that is no kind of file (peg-2027, peg.2027, "PEG v1.2");
// refused when its extension says another kind of file (r.csv for a PDF),
// so that no file holds what its name does not say.
func withExtension(cmd, flag, path string) (string, error) {
	exts, what, example := outputFormat(cmd, flag)
	if len(exts) == 0 {
		return path, nil
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return "", usagef("--%s %s è una cartella: indicare il nome di un file, ad esempio %s", flag, path, filepath.Join(path, example))
	}
	ext := filepath.Ext(path)
	for _, e := range exts {
		if strings.EqualFold(ext, e) {
			return path, nil
		}
	}
	if !knownExts[strings.ToLower(ext)] {
		return strings.TrimSuffix(path, ".") + exts[0], nil // "peg." is peg.pdf
	}
	return "", usagef("--%s %s: %s: il nome deve finire in %s (ad esempio %s)",
		flag, path, what, strings.Join(exts, " o "), strings.TrimSuffix(path, ext)+exts[0])
}

// knownExts are the extensions that say a kind of file: an output named
// with one of them must be of that kind. Any other "extension" (the 2027
// of peg.2027) is part of the name.
var knownExts = map[string]bool{
	".pdf": true, ".csv": true, ".tsv": true, ".txt": true, ".json": true, ".xml": true,
	".xlsx": true, ".xlsm": true, ".xlsb": true, ".xls": true, ".xltx": true, ".xlt": true,
	".ods": true, ".fods": true, ".ots": true, ".numbers": true,
	".doc": true, ".docx": true, ".odt": true, ".rtf": true, ".md": true, ".html": true, ".htm": true,
	".toml": true, ".yaml": true, ".yml": true, ".ini": true,
	".zip": true, ".7z": true, ".p7m": true, ".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".tif": true, ".tiff": true, ".svg": true,
	".exe": true, ".lnk": true, ".eml": true, ".msg": true,
}

// notAnInput refuses an output, named by --flag, that is one of the files
// read: by its name, or as the same file under another (a link, or another
// case where names ignore it). what says what to give instead.
func notAnInput(flag, path string, read []string, what string) error {
	for _, in := range read {
		if sameFile(path, in) {
			return usagef("--%s %s è uno dei file da leggere: %s", flag, path, what)
		}
	}
	return nil
}

// sameFile reports whether the paths a and b name one file: the same
// absolute path, or, when both exist, the same file on disk.
func sameFile(a, b string) bool {
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	if errA == nil && errB == nil && absA == absB {
		return true
	}
	stA, errA := os.Stat(a)
	stB, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(stA, stB)
}

// sameName reports whether the paths a and b, not yet files, would be one
// file on the system goos: on Windows and macOS, whose disks ignore case
// (ZN10.pdf and zn10.pdf), the same name in another case. The tests pass
// any goos.
func sameName(a, b, goos string) bool {
	if goos != "windows" && goos != "darwin" {
		return false
	}
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	return errA == nil && errB == nil && strings.EqualFold(absA, absB)
}

// sheetTarget is the sheet file name in the folder dir: only pegpdf's own
// sheet, unchanged, is replaced there without --sovrascrivi.
func sheetTarget(dir, name string, force bool) target {
	return target{path: filepath.Join(dir, name), flag: "out", kind: pdfFile, force: force, sheet: true}
}

// check decides, now, whether t.path may be replaced: exists says that a
// file is there and may go; an error, the refusal. A name that cannot be
// looked at (a missing folder, no permission) is reported when written.
func (t target) check() (exists bool, err error) {
	if reservedOnWindows(t.path, runtime.GOOS) {
		return false, usagef("--%s %s: su Windows %s è il nome di un dispositivo, non di un file: scegliere un altro nome", t.flag, t.path, filepath.Base(t.path))
	}
	st, err := os.Lstat(t.path)
	switch {
	case err != nil:
		return false, nil
	case st.IsDir() && t.sheet:
		return false, usagef("%s è una cartella: toglierla o indicare un'altra cartella con --out", t.path)
	case st.IsDir():
		return false, usagef("--%s %s è una cartella: indicare il nome di un file", t.flag, t.path)
	case t.force:
		return true, nil
	}
	why := map[outputKind]string{
		anyFile:   "potrebbe contenere il lavoro di qualcuno",
		pdfFile:   "non è un PDF scritto da pegpdf, o è stato modificato dopo (ad esempio firmato)",
		tableFile: "non è un elenco scritto da pegpdf, o è stato modificato dopo",
	}[t.kind]
	if t.sheet {
		why = "non è la scheda di questo Codice scritta da pegpdf, o è stata modificata dopo, ad esempio firmata"
	}
	switch {
	case st.Mode()&fs.ModeSymlink != 0:
		why = "è un collegamento a un altro file; con --sovrascrivi si sostituisce il collegamento, mai il file a cui punta"
	case !st.Mode().IsRegular():
		why = "non è un file normale ma, ad esempio, una pipe o un dispositivo"
	case t.kind != anyFile:
		sheet := ""
		if t.sheet {
			sheet = filepath.Base(t.path)
		}
		if produced, _ := judgeFile(t.path, sheet); produced == t.kind {
			return true, nil
		}
	}
	if t.sheet {
		return false, usageError{msg: fmt.Sprintf("%s: il file esiste già e non viene sostituito (%s). "+
			"Indicare un'altra cartella con --out, oppure aggiungere --sovrascrivi per sostituirlo", t.path, why), noHint: true}
	}
	return false, usageError{msg: fmt.Sprintf("--%s %s: il file esiste già e non viene sostituito (%s). "+
		"Indicare un altro nome, oppure aggiungere --sovrascrivi per sostituirlo", t.flag, t.path, why), noHint: true}
}

// reservedOnWindows reports whether Windows takes the last element of path
// for a device (CON, PRN, AUX, NUL, COM1-9, LPT1-9, also with an extension
// or trailing dots and spaces): writing there would write to the device,
// and reading it to check it would wait on the console. goos is
// runtime.GOOS; the tests pass "windows" on any system.
func reservedOnWindows(path, goos string) bool {
	if goos != "windows" {
		return false
	}
	base := path
	if i := strings.LastIndexAny(base, `\/:`); i >= 0 {
		base = base[i+1:]
	}
	base, _, _ = strings.Cut(base, ".")
	base = strings.ToUpper(strings.TrimRight(base, ". "))
	switch base {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	return len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) && base[3] >= '1' && base[3] <= '9'
}
