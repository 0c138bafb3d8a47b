package main

import (
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/workbook"
)

// mappingFlag is --mappa: a file describing an office's own layout.
func mappingFlag() cli.Flag {
	return &cli.StringFlag{Name: "mapping", Aliases: []string{"mappa"}, TakesFile: true,
		Usage: "file .toml che descrive i fogli dell'ufficio (nomi delle colonne, foglio unico); vedere «pegpdf mappa»",
		Action: func(c *cli.Context, path string) error {
			_, err := readMapping(path)
			return err
		}}
}

// mappingOf is the --mappa file's mapping, nil without one (the flag's
// Action has already reported a file that cannot be used).
func mappingOf(c *cli.Context) *workbook.Mapping {
	m, _ := readMapping(c.String("mapping"))
	return m
}

func readMapping(path string) (*workbook.Mapping, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: il file di mappatura non si apre: %w", path, err)
	}
	defer f.Close()
	m, err := workbook.ParseMapping(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

func mappingCommand() *cli.Command {
	return &cli.Command{
		Name:    "mapping",
		Aliases: []string{"mappa"},
		Usage:   "scrive un file di mappatura commentato, per leggere i fogli dell'ufficio così come sono",
		Description: "La mappatura dice come si chiamano nel foglio dell'ufficio i fogli e le colonne del modello,\n" +
			"e descrive un foglio unico in cui obiettivi, fasi e indicatori stanno uno sotto l'altro.\n\n" +
			"Esempio:\n" +
			"   pegpdf mappa --out mappa.toml\n" +
			"   pegpdf verifica --mappa mappa.toml peg-ufficio.xlsx",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "mappa.toml", Usage: "il file da scrivere"},
		},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			outs, err := checkOutputs(c, nil)
			if err != nil {
				return err
			}
			out := outs["out"].path
			if err := writeBytes(outs["out"], []byte(workbook.MappingExample())); err != nil {
				return err
			}
			fmt.Fprintf(c.App.ErrWriter, "scritto %s\n", out)
			return nil
		},
	}
}
