package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/produce"
	"github.com/pegpdf/pegpdf/workbook"
)

// mappingFlag is --mappa: a file describing an office's own layout.
func mappingFlag() cli.Flag {
	return &cli.StringFlag{Name: "mapping", Aliases: []string{"mappa"}, TakesFile: true,
		Usage: "il file che descrive i fogli dell'ufficio (nomi delle colonne, foglio unico), scritto con «pegpdf mappa»",
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

// readMapping reads the --mappa file. A file that cannot be used is a
// mistake of the command line, said in Italian with the file's name: one
// that cannot be opened like the theme's, one with mistakes with the
// reader's words (line, column, what to correct).
func readMapping(path string) (*workbook.Mapping, error) {
	if path == "" {
		return nil, nil
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, usagef("--mapping %s è una cartella: indicare il file della mappatura (.toml), scritto con «pegpdf mappa»", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, usagef("--mapping %s: %s", path, produce.IOMessage(err))
	}
	defer f.Close()
	m, err := workbook.ParseMapping(f)
	if errors.Is(err, workbook.ErrMapping) {
		// Every mistake on its line, each with the file's name.
		lines := strings.Split(err.Error(), "\n")
		for i, l := range lines {
			lines[i] = path + ": " + l
		}
		return nil, usageError{msg: strings.Join(lines, "\n"), noHint: true}
	}
	if err != nil {
		return nil, usagef("--mapping %s: %s", path, produce.IOMessage(err))
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
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				name := c.Args().First()
				name = strings.TrimSuffix(name, filepath.Ext(name)) + ".toml"
				return usagef("«mappa» non legge file: scrive un esempio da adattare; per dire dove scriverlo usare --out, ad esempio --out %s", name)
			}
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
