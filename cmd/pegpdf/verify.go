package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/batch"
	"github.com/pegpdf/pegpdf/verify"
)

func verifyCommand() *cli.Command {
	return &cli.Command{
		Name:      "verify",
		Aliases:   []string{"controlla-pdf"},
		Usage:     "controlla che i PDF siano accessibili (PDF/UA-1) e, se dichiarano PDF/A, le regole PDF/A-2",
		ArgsUsage: "FILE.pdf...",
		Description: "Per ogni file dice che cosa dichiara (PDF/A-2a o 2b, PDF/UA-1, marcato o no) e stampa ogni\n" +
			"regola con OK o ERRORE. Le regole di accessibilità valgono per ogni PDF; quelle PDF/A solo per i\n" +
			"file che dichiarano PDF/A (per gli altri: «" + verify.NotPDFA + "»).\n" +
			"Non è una validazione completa: controlla la parte verificabile da un programma; il README dice\n" +
			"che cosa resta da controllare a una persona. Esce con 1 se una regola non è rispettata.\n\n" +
			"Regole:\n" + ruleList() + "\n" +
			"Esempio:\n" +
			"   pegpdf schede --pdfa --out atti peg.xlsx && pegpdf controlla-pdf --pdfa atti/*.pdf",
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "pdfa", Usage: "ogni file deve essere PDF/A: uno che non lo dichiara conta come errore"},
		},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("indicare almeno un file PDF")
			}
			failed := 0
			for _, path := range c.Args().Slice() {
				if !verifyFile(c.App.Writer, path, c.Bool("pdfa")) {
					failed++
				}
			}
			if failed > 0 {
				verb := "non rispettano"
				if failed == 1 {
					verb = "non rispetta"
				}
				fmt.Fprintf(c.App.ErrWriter, "%d file su %d %s le regole controllate: produrre di nuovo i PDF con "+
					"pegpdf (con --pdfa per gli atti); se un errore resta su un PDF di pegpdf, segnalarlo come difetto\n", failed, c.NArg(), verb)
				return errInputs
			}
			fmt.Fprintf(c.App.ErrWriter, "%s: tutte le regole controllate sono rispettate "+
				"(non è una validazione completa: il README dice che cosa controllare a mano)\n", batch.Plural(c.NArg(), "file", "file"))
			return nil
		},
	}
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

// verifyFile checks one file and prints what it claims and every result;
// it reports whether the file passes.
func verifyFile(out io.Writer, path string, needPDFA bool) bool {
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(out, "%s: %s\n", path, batch.IOMessage(err))
		return false
	}
	rep, err := verify.Inspect(data)
	if err != nil {
		fmt.Fprintf(out, "%s: %v\n", path, err)
		return false
	}
	pass := true
	if (rep.Claims != verify.Claims{}) || !rep.PDFAChecked {
		fmt.Fprintf(out, "%s: %s\n", path, rep.Claims)
	}
	if !rep.PDFAChecked {
		state := "nota  "
		if needPDFA {
			state, pass = "ERRORE", false
		}
		fmt.Fprintf(out, "%s: %-13s %s %s\n", path, verify.PDFA, state, verify.NotPDFA)
	}
	for _, r := range rep.Results {
		state := "OK    "
		if !r.Pass {
			state, pass = "ERRORE", false
		}
		line := fmt.Sprintf("%s: %-13s %s %s", path, r.Group, state, r.Rule)
		if r.Detail != "" {
			line += ": " + r.Detail
		}
		fmt.Fprintln(out, line)
	}
	return pass
}
