package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/batch"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Aliases:   []string{"verifica"},
		Usage:     "controlla i file senza produrre PDF ed elenca ogni errore e avviso",
		ArgsUsage: "FILE.xlsx|CARTELLA...",
		Description: "Ogni problema è su una riga: file.xlsx: Foglio!Cella: messaggio.\n" +
			"Esce con 0 se non ci sono errori (gli avvisi sono ammessi), con 1 se un file ha errori.\n\n" +
			"Esempio:\n" +
			"   pegpdf verifica peg.xlsx",
		Flags:        []cli.Flag{jobsFlag(), reportFlag(), passwordFlag(), mappingFlag()},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if err := needInputs(c); err != nil {
				return err
			}
			paths, err := expand(c.Args().Slice())
			if err != nil {
				return err
			}
			inputs := readAll(c.Context, paths, c.Int("jobs"), limits(c), workbookTimeout, nil)
			batch.PrintProblems(c.App.Writer, inputs)
			if err := writeReport(c.String("report"), inputs); err != nil {
				return err
			}
			fmt.Fprintln(c.App.ErrWriter, batch.Summary(inputs))
			for _, in := range inputs {
				if in.Failed() {
					return errInputs
				}
			}
			return nil
		},
	}
}
