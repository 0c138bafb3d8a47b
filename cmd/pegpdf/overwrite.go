package main

import (
	"bytes"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/produce"
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

// pegpdfHeaders begin the CSV and JSON files pegpdf writes.
var pegpdfHeaders = []string{
	"\ufeffFile;Esito;Obiettivi;Gravità;Foglio;Cella;Messaggio\n",
	"\ufeffCodice;Direzione;Servizio;Titolo;Realizzazione %;Esito;Tempi;Indicatori raggiunti;Indicatori misurabili;Peso\n",
	"\ufeffCodice;Direzione;Servizio;Titolo;Realizzazione %;Esito;Tempi;Indicatori raggiunti;Indicatori misurabili\n", // before Peso
	jsonHeader,
}

// jsonHeader begins the JSON problem list.
const jsonHeader = "{\n  \"files\": ["

// headLen is how much of a file is read to tell it by its first line.
const headLen = 256

// maxPDFCheck bounds the PDF read to recognise pegpdf's own: a larger file
// is never replaced without --sovrascrivi.
const maxPDFCheck = 1 << 30

// maxListCheck bounds the CSV or JSON read to recognise pegpdf's own
// (the lists of a PEG of thousands of objectives are a few MB): a larger
// file is not pegpdf's.
const maxListCheck = 64 << 20

// producedByPegpdf tells which kind of file pegpdf wrote at path, and nobody
// changed since (see the top of this file): pdfFile, tableFile, or anyFile
// for a file pegpdf did not write.
func producedByPegpdf(path string) (outputKind, error) {
	return judgeFile(path, "")
}

// judgeFile is producedByPegpdf; when sheet is a sheet's file name
// (2019_ZN3.pdf), a PDF counts as pegpdf's only if it is the sheet of the
// Codice that has that name.
func judgeFile(path, sheet string) (outputKind, error) {
	// Not through a link, nor waiting on a pipe put there since the check.
	f, err := os.OpenFile(path, os.O_RDONLY|openNoWait, 0)
	if err != nil {
		return anyFile, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return anyFile, err
	}
	head := make([]byte, headLen)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	limit := int64(maxListCheck)
	switch {
	case listHeader(head):
	case bytes.HasPrefix(head, []byte("%PDF-")):
		limit = maxPDFCheck
	default:
		return anyFile, nil
	}
	// All of it as it is now, not as long as it was: an update appended
	// since the Stat is part of what is judged.
	data, err := io.ReadAll(io.NewSectionReader(f, 0, limit+1))
	switch {
	case err != nil || int64(len(data)) > limit:
		return anyFile, err
	case limit == maxListCheck && isPegpdfList(data):
		return tableFile, nil
	case limit == maxPDFCheck && isPegpdfPDF(data) && (sheet == "" || isSheetOf(data, sheet)):
		return pdfFile, nil
	}
	return anyFile, nil
}

// listHeader reports whether head begins with the first line of a list
// pegpdf writes (what a folder's listing needs: it does not replace it).
func listHeader(head []byte) bool {
	for _, h := range pegpdfHeaders {
		if bytes.HasPrefix(head, []byte(h)) {
			return true
		}
	}
	return false
}

// isPegpdfList reports whether data is, byte for byte, a problem list or
// an evaluation as pegpdf writes them: a CSV whose every row has the
// header's fields, the values pegpdf writes in the columns that have a few
// (Esito, Tempi, Gravità, the counts), and written back the same; or a
// JSON problem list with nothing pegpdf does not write. A line added, a
// column, a word in Esito, a re-saving by Excel (CRLF, quotes): not ours.
func isPegpdfList(data []byte) bool {
	if bytes.HasPrefix(data, []byte(jsonHeader)) {
		return isPegpdfJSON(data)
	}
	body, ok := bytes.CutPrefix(data, []byte("\ufeff"))
	if !ok {
		return false
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.Comma = ';'
	r.ReuseRecord = true
	check := &sameWriter{want: body}
	w := csv.NewWriter(check)
	w.Comma = ';'
	var valid func([]string) bool
	for first := true; ; first = false {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil { // a row with another number of fields, a stray quote
			return false
		}
		if first {
			header := strings.Join(rec, ";")
			if valid = listRows[header]; valid == nil {
				return false
			}
		} else if !valid(rec) {
			return false
		}
		if w.Write(rec) != nil {
			return false
		}
	}
	w.Flush()
	return w.Error() == nil && check.same()
}

// listRows check a row of each CSV pegpdf writes, by its header.
var listRows = map[string]func([]string) bool{
	"File;Esito;Obiettivi;Gravità;Foglio;Cella;Messaggio":                                                          problemRow,
	"Codice;Direzione;Servizio;Titolo;Realizzazione %;Esito;Tempi;Indicatori raggiunti;Indicatori misurabili;Peso": evaluationRow,
	"Codice;Direzione;Servizio;Titolo;Realizzazione %;Esito;Tempi;Indicatori raggiunti;Indicatori misurabili":      evaluationRow,
}

// problemRow checks a row of WriteReportCSV: a file without problems is
// «ok» on a row of its own, with nothing after the count; a problem has a
// severity and a message, an error only in a file «errori» of 0 objectives.
func problemRow(rec []string) bool {
	switch status, n, sev := rec[1], rec[2], rec[3]; {
	case !count(n):
		return false
	case sev == "":
		return status == "ok" && rec[4] == "" && rec[5] == "" && rec[6] == ""
	case sev == "errore":
		return status == "errori" && n == "0" && rec[6] != ""
	case sev == "avviso":
		return oneOf(status, "avvisi", "errori") && rec[6] != ""
	}
	return false
}

// evaluationRow checks a row of WriteEvaluationCSV.
func evaluationRow(rec []string) bool {
	esito, tempi := slices.Contains(model.OutcomeOrder, model.Outcome(rec[5])), slices.Contains(model.TimingOrder, model.Outcome(rec[6]))
	return esito && tempi && count(rec[7]) && count(rec[8])
}

func oneOf(s string, values ...string) bool { return slices.Contains(values, s) }

// count reports whether s is a count as pegpdf writes it: 0, 1, 12.
func count(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 0 && strconv.Itoa(n) == s
}

// isPegpdfJSON reports whether data is a JSON problem list as pegpdf
// writes it: no field it does not write, nothing after, the statuses and
// severities it writes, and written back the same.
func isPegpdfJSON(data []byte) bool {
	var list struct {
		Files []produce.FileReport `json:"files"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if dec.Decode(&list) != nil {
		return false
	}
	if _, err := dec.Token(); err != io.EOF {
		return false
	}
	for _, f := range list.Files {
		if !oneOf(f.Status, "ok", "avvisi", "errori") || f.Objectives < 0 {
			return false
		}
		for _, p := range f.Problems {
			if !oneOf(p.Severity, "error", "warning") {
				return false
			}
		}
	}
	check := &sameWriter{want: data}
	return produce.WriteReportJSON(check, list.Files) == nil && check.same()
}

// sameWriter compares what is written to it with want.
type sameWriter struct {
	want []byte
	off  int
	diff bool
}

func (w *sameWriter) Write(p []byte) (int, error) {
	if !w.diff && bytes.HasPrefix(w.want[w.off:], p) {
		w.off += len(p)
	} else {
		w.diff = true
	}
	return len(p), nil
}

// same reports whether all of want, and nothing else, was written.
func (w *sameWriter) same() bool { return !w.diff && w.off == len(w.want) }

// isSheetOf reports whether the pegpdf PDF data is the sheet whose file
// name is name: its Info /Title is «Codice – Titolo» and its /Subject ends
// with the Codice (a sheet's are; a booklet's or a report's are not), and
// that Codice's file name is name (compared as the sheets' names are,
// without case).
func isSheetOf(data []byte, name string) bool {
	info := infoDict(data)
	title, subject := pdfText(info, "/Title"), pdfText(info, "/Subject")
	if title == "" { // the Info dictionary out of sight: the XMP metadata says the same
		title, subject = xmpText(data, "dc:title"), xmpText(data, "dc:description")
	}
	for rest := title; ; {
		i := strings.Index(rest, " – ")
		if i < 0 {
			return false
		}
		code := title[:len(title)-len(rest)+i]
		if strings.HasSuffix(subject, " "+code) && strings.EqualFold(produce.SafeName(code)+".pdf", name) {
			return true
		}
		rest = rest[i+len(" – "):]
	}
}

// xmpText is the x-default text of the XMP property tag (dc:title,
// dc:description) in data, unescaped; "" when none.
func xmpText(data []byte, tag string) string {
	_, v, ok := bytes.Cut(data, []byte("<"+tag+"><rdf:Alt><rdf:li xml:lang=\"x-default\">"))
	if !ok {
		return ""
	}
	v, _, ok = bytes.Cut(v[:min(len(v), producerWindow)], []byte("</rdf:li>"))
	if !ok {
		return ""
	}
	return html.UnescapeString(string(v))
}

// infoRef is the trailer's reference to the Info dictionary.
var infoRef = regexp.MustCompile(`/Info\s+(\d+)\s+0\s+R`)

// infoDict is the body of the Info dictionary of the PDF data (pegpdf
// keeps it out of the object streams), or nil.
func infoDict(data []byte) []byte {
	refs := infoRef.FindAllSubmatch(data, -1)
	if len(refs) == 0 {
		return nil
	}
	obj := append(append([]byte("\n"), refs[len(refs)-1][1]...), " 0 obj"...)
	i := bytes.Index(data, obj)
	if i < 0 {
		return nil
	}
	body := data[i+len(obj):]
	if j := bytes.Index(body, []byte("endobj")); j >= 0 {
		return body[:j]
	}
	return nil
}

// pdfText is the value of the text string after key in the dictionary
// dict: UTF-16BE in hex, as pegpdf writes it, or a literal; "" when none.
func pdfText(dict []byte, key string) string {
	i := bytes.Index(dict, []byte(key))
	if i < 0 {
		return ""
	}
	v := bytes.TrimLeft(dict[i+len(key):], " \t\r\n")
	switch {
	case bytes.HasPrefix(v, []byte("<")) && !bytes.HasPrefix(v, []byte("<<")):
		end := bytes.IndexByte(v, '>')
		if end < 0 {
			return ""
		}
		b, err := hex.DecodeString(string(bytes.Join(bytes.Fields(v[1:end]), nil)))
		if err != nil {
			return ""
		}
		return textOf(b)
	case bytes.HasPrefix(v, []byte("(")):
		var b []byte
		depth := 0
		for j := 1; j < len(v); j++ {
			c := v[j]
			switch {
			case c == '\\' && j+1 < len(v):
				j++
				c = v[j]
				if e, ok := pdfEscapes[c]; ok {
					c = e
				}
			case c == '(':
				depth++
			case c == ')' && depth == 0:
				return textOf(b)
			case c == ')':
				depth--
			}
			b = append(b, c)
		}
	}
	return ""
}

// isPegpdfPDF: one revision (one %%EOF, at the end), and the Info
// dictionary's Producer is pegpdf, as a literal or a UTF-16 hex string.
func isPegpdfPDF(data []byte) bool {
	if bytes.Count(data, []byte("%%EOF")) != 1 || !bytes.HasSuffix(bytes.TrimRight(data, "\r\n \t"), []byte("%%EOF")) {
		return false
	}
	// The expression only where a Producer begins: run over a whole PDF
	// it would take milliseconds a sheet, seconds a rerun of a batch.
	for _, key := range [][]byte{[]byte("/Producer"), []byte("<pdf:Producer>")} {
		for rest := data; ; {
			i := bytes.Index(rest, key)
			if i < 0 {
				break
			}
			if pegpdfProducer.Match(rest[i:min(len(rest), i+producerWindow)]) {
				return true
			}
			rest = rest[i+len(key):]
		}
	}
	return false
}

// producerWindow is how far a Producer's value is looked for after its key.
const producerWindow = 4096

// pegpdfProducer is an Info /Producer that begins with pegpdf ("pegpdf",
// "pegpdf 1.2.0"), as a literal or a UTF-16 hex string, or the same in the
// XMP metadata (where the Info dictionary is compressed out of sight).
var pegpdfProducer = regexp.MustCompile(`^(?:/Producer\s*(?:\(pegpdf[^)]*\)|<(?i:feff007000650067007000640066)[0-9A-Fa-f\s]*>)|<pdf:Producer>pegpdf)`)

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

// pdfEscapes are the escapes of a PDF literal string (\\, \( and \) are
// the character itself).
var pdfEscapes = map[byte]byte{'n': '\n', 'r': '\r', 't': '\t', 'b': '\b', 'f': '\f'}

// textOf decodes a PDF text string: UTF-16BE after its byte-order mark,
// or else one byte a character (PDFDocEncoding, as Latin-1).
func textOf(b []byte) string {
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		units := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			units = append(units, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(units))
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}
