package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/workbook"
)

func templateCommand() *cli.Command {
	return &cli.Command{
		Name:    "template",
		Aliases: []string{"modello"},
		Usage:   "scrive il file Excel vuoto da compilare, con istruzioni e un esempio",
		Description: "Il modello ha i fogli Obiettivi, Fasi e Indicatori con le intestazioni, gli elenchi\n" +
			"a discesa, i controlli su date e percentuali, il foglio Istruzioni e l'obiettivo\n" +
			"2019_ZN10 come esempio.\n\n" +
			"Esempio:\n" +
			"   pegpdf modello --out peg-2027.xlsx",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "peg-modello.xlsx", DefaultText: "peg-modello.xlsx", Usage: "il file da scrivere (mai uno esistente, senza --sovrascrivi)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("«modello» non legge file: per dire dove scriverlo usare --out, ad esempio --out %s", c.Args().First())
			}
			outs, err := checkOutputs(c, nil)
			if err != nil {
				return err
			}
			out := outs["out"].path
			if err := writeAtomic(outs["out"], workbook.Template); err != nil {
				return err
			}
			fmt.Fprintf(c.App.ErrWriter, "scritto %s\n", out)
			return nil
		},
	}
}
