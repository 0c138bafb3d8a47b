package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"

	"github.com/urfave/cli/v2"
)

// A person's file is never replaced without --sovrascrivi. What pegpdf may
// replace on its own is what it wrote itself and nobody changed since:
//   - a PDF whose Producer is pegpdf and that has a single revision (a PDF
//     signed, annotated or saved again by another program has another
//     Producer or an incremental update, and is kept);
//   - a CSV or JSON that begins with the header pegpdf writes (--elenco-problemi,
//     --valutazione);
//   - in the folder of «schede», the PDF of the same Codice (documented).
// Each only by a file of its kind: «modello» and «tema» never replace a
// file, nor does anything replace a workbook, a theme or any other file,
// without --sovrascrivi.

func overwriteFlag() cli.Flag {
	return &cli.BoolFlag{Name: "overwrite", Aliases: []string{"sovrascrivi"},
		Usage: "sostituisce anche un file esistente che pegpdf non sostituirebbe. Senza, pegpdf sostituisce soltanto " +
			"ciò che ha scritto lui e nessuno ha cambiato: un PDF con Producer pegpdf e senza modifiche successive " +
			"(una firma, un'annotazione), un CSV o JSON con la sua intestazione, nella cartella delle schede il PDF " +
			"dello stesso Codice; mai un file Excel, un tema o altro"}
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

// guardOutputs gives the commands that write files the --sovrascrivi flag
// and a check, before any work, that their outputs replace no one's file;
// it also removes the temporary files that runs now gone left beside them.
func guardOutputs(cmds []*cli.Command) {
	for _, cmd := range cmds {
		names := outputFlags[cmd.Name]
		if names == nil {
			continue
		}
		cmd.Flags = append(cmd.Flags, overwriteFlag())
		before := cmd.Before
		pdfOut := cmd.Name == "booklet" || cmd.Name == "report"
		cmd.Before = func(c *cli.Context) error {
			if before != nil {
				if err := before(c); err != nil {
					return err
				}
			}
			seen := map[string]string{}
			for _, name := range []string{"out", "report", "csv"} {
				kind, ok := names[name]
				if !ok {
					continue
				}
				path := c.String(name)
				if path == "" {
					continue
				}
				if name == "out" && pdfOut && filepath.Ext(path) == "" {
					path += ".pdf"
				}
				abs, _ := filepath.Abs(path)
				for _, in := range c.Args().Slice() {
					if a, _ := filepath.Abs(in); a == abs {
						return usagef("--%s %s è uno dei file da leggere: indicare un altro nome", name, path)
					}
				}
				if other, dup := seen[abs]; dup {
					return usagef("--%s e --%s indicano lo stesso file %s: indicarne due diversi", other, name, path)
				}
				seen[abs] = name
				if err := checkReplace(name, path, kind, c.Bool("overwrite")); err != nil {
					return err
				}
				cleanTemps(filepath.Dir(path))
			}
			if cmd.Name == "sheets" && c.String("out") != "" {
				cleanTemps(c.String("out"))
			}
			return nil
		}
	}
}

// checkReplace refuses to replace the file at path unless force is set or
// pegpdf wrote it as a file of kind. flag is the option that named it.
func checkReplace(flag, path string, kind outputKind, force bool) error {
	if reservedOnWindows(path, runtime.GOOS) {
		return usagef("--%s %s: su Windows %s è il nome di un dispositivo, non di un file: scegliere un altro nome", flag, path, filepath.Base(path))
	}
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return nil // missing, or reported when written
	case st.IsDir():
		return usagef("--%s %s è una cartella: indicare il nome di un file", flag, path)
	case force:
		return nil
	}
	if produced, _ := producedByPegpdf(path); produced == kind && kind != anyFile {
		return nil
	}
	why := map[outputKind]string{
		anyFile:   "potrebbe contenere il lavoro di qualcuno",
		pdfFile:   "non è un PDF scritto da pegpdf, o è stato modificato dopo (ad esempio firmato)",
		tableFile: "non è un elenco scritto da pegpdf, o è stato modificato dopo",
	}[kind]
	return usageError{msg: fmt.Sprintf("--%s %s: il file esiste già e non viene sostituito (%s). "+
		"Indicare un altro nome, oppure aggiungere --sovrascrivi per sostituirlo", flag, path, why), noHint: true}
}

// pegpdfHeaders begin the CSV and JSON files pegpdf writes.
var pegpdfHeaders = []string{
	"\ufeffFile;Esito;Obiettivi;Gravità;Foglio;Cella;Messaggio\n",
	"\ufeffCodice;Direzione;Servizio;Titolo;Realizzazione %;Esito;Tempi;Indicatori raggiunti;Indicatori misurabili;Peso\n",
	"\ufeffCodice;Direzione;Servizio;Titolo;Realizzazione %;Esito;Tempi;Indicatori raggiunti;Indicatori misurabili\n", // before Peso
	"{\n  \"files\": [",
}

// maxPDFCheck bounds the PDF read to recognise pegpdf's own: a larger file
// is never replaced without --sovrascrivi.
const maxPDFCheck = 1 << 30

// producedByPegpdf tells which kind of file pegpdf wrote at path, and nobody
// changed since (see the top of this file): pdfFile, tableFile, or anyFile
// for a file pegpdf did not write.
func producedByPegpdf(path string) (outputKind, error) {
	f, err := os.Open(path)
	if err != nil {
		return anyFile, err
	}
	defer f.Close()
	head := make([]byte, 256)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	for _, h := range pegpdfHeaders {
		if bytes.HasPrefix(head, []byte(h)) {
			return tableFile, nil
		}
	}
	if !bytes.HasPrefix(head, []byte("%PDF-")) {
		return anyFile, nil
	}
	st, err := f.Stat()
	if err != nil || st.Size() > maxPDFCheck {
		return anyFile, err
	}
	data, err := os.ReadFile(path)
	if err != nil || !isPegpdfPDF(data) {
		return anyFile, err
	}
	return pdfFile, nil
}

// isPegpdfPDF: one revision (one %%EOF, at the end), and the Info
// dictionary's Producer is pegpdf, as a literal or a UTF-16 hex string.
func isPegpdfPDF(data []byte) bool {
	if bytes.Count(data, []byte("%%EOF")) != 1 || !bytes.HasSuffix(bytes.TrimRight(data, "\r\n \t"), []byte("%%EOF")) {
		return false
	}
	return pegpdfProducer.Match(data)
}

// pegpdfProducer is an Info /Producer that begins with pegpdf ("pegpdf",
// "pegpdf 1.2.0"), as a literal or a UTF-16 hex string, or the same in the
// XMP metadata (where the Info dictionary is compressed out of sight).
var pegpdfProducer = regexp.MustCompile(`/Producer\s*(?:\(pegpdf[^)]*\)|<(?i:feff007000650067007000640066)[0-9A-Fa-f\s]*>)|<pdf:Producer>pegpdf`)

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
