package main

import (
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/produce"
	"github.com/pegpdf/pegpdf/verify"
)

func verifyCommand() *cli.Command {
	return &cli.Command{
		Name:      "verify",
		Aliases:   []string{"controlla-pdf"},
		Usage:     "controlla che i PDF rispettino le regole PDF/A-2b su cui pegpdf si basa",
		ArgsUsage: "FILE.pdf...",
		Description: "Per ogni file stampa ogni regola con OK o ERRORE. Non è una validazione PDF/A completa:\n" +
			"controlla le regole elencate nel README (intestazione, cifratura, /ID, metadati XMP e\n" +
			"coerenza con Info, OutputIntent sRGB, font incorporati, trasparenza, annotazioni,\n" +
			"file incorporati, JavaScript, lingua). Esce con 1 se una regola non è rispettata.\n\n" +
			"Esempio:\n" +
			"   pegpdf schede --pdfa --out atti peg.xlsx && pegpdf verify atti/*.pdf",
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("indicare almeno un file PDF")
			}
			out := c.App.Writer
			failed := 0
			for _, path := range c.Args().Slice() {
				data, err := os.ReadFile(path)
				if err != nil {
					fmt.Fprintf(out, "%s: %s\n", path, produce.IOMessage(err))
					failed++
					continue
				}
				results, err := verify.Check(data)
				if err != nil {
					fmt.Fprintf(out, "%s: %v\n", path, err)
					failed++
					continue
				}
				bad := 0
				for _, r := range results {
					state := "OK     "
					if !r.Pass {
						state = "ERRORE "
						bad++
					}
					line := fmt.Sprintf("%s: %s %s", path, state, r.Rule)
					if r.Detail != "" {
						line += ": " + r.Detail
					}
					fmt.Fprintln(out, line)
				}
				if bad > 0 {
					failed++
				}
			}
			if failed > 0 {
				fmt.Fprintf(c.App.ErrWriter, "%s su %d non rispettano le regole PDF/A-2b controllate\n", produce.Plural(failed, "file", "file"), c.NArg())
				return errInputs
			}
			fmt.Fprintf(c.App.ErrWriter, "%s: tutte le regole PDF/A-2b controllate sono rispettate (non è una validazione completa)\n", produce.Plural(c.NArg(), "file", "file"))
			return nil
		},
	}
}
