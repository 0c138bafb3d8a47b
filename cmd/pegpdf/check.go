package main

import (
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/produce"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Aliases:   []string{"verifica"},
		Usage:     "controlla i file senza produrre PDF ed elenca ogni errore e avviso",
		ArgsUsage: "FILE.xlsx|CARTELLA...",
		Description: "Ogni problema è su una riga: file.xlsx: Foglio!Cella: messaggio.\n" +
			"Esce con 0 se non ci sono errori (gli avvisi sono ammessi), con 1 se un file ha errori.\n\n" +
			foldersHelp + "\n\n" +
			"Esempio:\n" +
			"   pegpdf verifica peg.xlsx",
		Flags: []cli.Flag{jobsFlag(), reportFlag(), passwordFlag(), mappingFlag()},
		Action: func(c *cli.Context) error {
			if err := needInputs(c); err != nil {
				return err
			}
			inputs, err := expand(c.Args().Slice(), c.App.ErrWriter)
			if err != nil {
				return err
			}
			outs, err := checkOutputs(c, pathsOf(inputs))
			if err != nil {
				return err
			}
			req, err := newRequest(c, inputs)
			if err != nil {
				return err
			}
			req.Checked = func(inputs []*produce.Input) error {
				produce.PrintProblems(c.App.Writer, inputs)
				return writeReport(c.App.ErrWriter, outs, inputs)
			}
			res, err := produce.Check(c.Context, req)
			if err != nil && !errors.Is(err, produce.ErrInputs) {
				return err
			}
			fmt.Fprintln(c.App.ErrWriter, produce.Summary(res.Inputs))
			if err != nil {
				return errInputs
			}
			return nil
		},
	}
}
