package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/verify"
)

func verifyCommand() *cli.Command {
	return &cli.Command{
		Name:      "verify",
		Aliases:   []string{"controlla-pdf"},
		Usage:     "controlla che i PDF siano accessibili (PDF/UA-1) e, se dichiarano PDF/A, le regole PDF/A-2",
		ArgsUsage: "FILE.pdf o CARTELLA...",
		Description: "Una cartella vale per i PDF che contiene.\n" +
			"Per ogni file dice che cosa dichiara (PDF/A-2a o 2b, PDF/UA-1, marcato o no) e stampa ogni\n" +
			"regola con OK o ERRORE. Le regole di accessibilità valgono per ogni PDF; quelle PDF/A solo per i\n" +
			"file che dichiarano PDF/A (per gli altri: «" + verify.NotPDFA + "»).\n" +
			"Non è una validazione completa: controlla la parte verificabile da un programma; il README dice\n" +
			"che cosa resta da controllare a una persona. Esce con 1 se una regola non è rispettata.\n\n" +
			"Regole:\n" + ruleList() + "\n" +
			"Esempio:\n" +
			"   pegpdf schede --pdfa --out atti peg.xlsx && pegpdf controlla-pdf --pdfa atti",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "pdfa", Usage: "ogni file deve essere PDF/A: uno che non lo dichiara conta come errore"},
			&cli.BoolFlag{Name: "brief", Aliases: []string{"breve"}, Usage: "per ogni file solo che cosa dichiara e le regole non rispettate"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("indicare almeno un file PDF")
			}
			out := c.App.Writer
			files := pdfFiles(out, c.Args().Slice())
			unread, failed := files.missing+files.emptyDirs, 0
			for _, path := range files.paths {
				if err := c.Context.Err(); err != nil {
					return err
				}
				switch verifyFile(out, path, c.Bool("pdfa"), c.Bool("brief")) {
				case verifyUnreadable:
					unread++
				case verifyFailed:
					failed++
				}
			}
			total := len(files.paths) + files.missing + files.emptyDirs
			if failed+unread > 0 {
				verb := "non superano"
				if failed+unread == 1 {
					verb = "non supera"
				}
				msg := fmt.Sprintf("%d file su %d %s il controllo", failed+unread, total, verb)
				if failed > 0 {
					msg += ": produrre di nuovo i PDF con pegpdf (con --pdfa per gli atti); " +
						"se un errore resta su un PDF di pegpdf, segnalarlo come difetto"
				}
				fmt.Fprintln(c.App.ErrWriter, msg)
				return errInputs
			}
			fmt.Fprintf(c.App.ErrWriter, "%d file: tutte le regole controllate sono rispettate "+
				"(non è una validazione completa: il README dice che cosa controllare a mano)\n", total)
			return nil
		},
	}
}

// verifyArgs is what the command's arguments name.
type verifyArgs struct {
	paths     []string // files to check, folders expanded to their PDFs
	missing   int      // arguments that do not exist (already reported)
	emptyDirs int      // folders without PDFs (already reported)
}

// pdfFiles expands folders to the .pdf files under them (not hidden ones
// nor Office lock files), in name order,
// and reports the arguments that cannot be read.
func pdfFiles(out io.Writer, args []string) verifyArgs {
	var f verifyArgs
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			fmt.Fprintf(out, "%s: %s\n", a, readMessage(err))
			f.missing++
			continue
		}
		if !info.IsDir() {
			f.paths = append(f.paths, a)
			continue
		}
		n := len(f.paths)
		filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d == nil {
				return nil // an unreadable subfolder: its PDFs are not found
			}
			name := d.Name()
			if !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".pdf") &&
				!strings.HasPrefix(name, ".") && !strings.HasPrefix(name, "~$") { // hidden, lock files
				f.paths = append(f.paths, p)
			}
			return nil
		})
		if len(f.paths) == n {
			fmt.Fprintf(out, "%s: la cartella non contiene file PDF\n", a)
			f.emptyDirs++
		}
	}
	return f
}

// ruleList is the rules for --help, by group.
func ruleList() string {
	var b strings.Builder
	for _, g := range []verify.Group{verify.Accessibility, verify.PDFA} {
		fmt.Fprintf(&b, "   %s:\n", g)
		for _, r := range verify.Rules() {
			if r.Group == g {
				fmt.Fprintf(&b, "     - %s: %s\n", r.Name, r.Meaning)
			}
		}
	}
	return b.String()
}

type verifyOutcome int

const (
	verifyPassed verifyOutcome = iota
	verifyFailed
	verifyUnreadable
)

// verifyFile checks one file and prints what it claims and every result.
func verifyFile(out io.Writer, path string, needPDFA, brief bool) verifyOutcome {
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(out, "%s: %s\n", path, readMessage(err))
		return verifyUnreadable
	}
	rep, err := verify.Inspect(data)
	if err != nil {
		fmt.Fprintf(out, "%s: %v\n", path, err)
		return verifyUnreadable
	}
	res := verifyPassed
	if (rep.Claims != verify.Claims{}) || !rep.PDFAChecked {
		fmt.Fprintf(out, "%s: %s\n", path, rep.Claims)
	}
	if !rep.PDFAChecked && (needPDFA || !brief) {
		state := "nota  "
		if needPDFA {
			state, res = "ERRORE", verifyFailed
		}
		fmt.Fprintf(out, "%s: %-13s %s %s\n", path, verify.PDFA, state, verify.NotPDFA)
	}
	for _, r := range rep.Results {
		state := "OK    "
		if !r.Pass {
			state, res = "ERRORE", verifyFailed
		} else if brief {
			continue
		}
		line := fmt.Sprintf("%s: %-13s %s %s", path, r.Group, state, r.Rule)
		if r.Detail != "" {
			line += ": " + r.Detail
		}
		fmt.Fprintln(out, line)
	}
	return res
}

// readMessage says in Italian why a file could not be opened. (Kept here,
// not shared, so that verify's command depends on no other package's
// wording.)
func readMessage(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "il file non esiste: controllare il nome e la cartella"
	case errors.Is(err, fs.ErrPermission):
		return "permesso negato: non si può leggere il file"
	}
	return "il file non si può leggere: controllare che non sia aperto in un altro programma"
}
