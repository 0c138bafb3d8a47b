package main

import (
	"io"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/produce"
)

func reportFlag() cli.Flag {
	// --report and --rapporto are the old names, hidden in the help (help.go).
	return &cli.StringFlag{Name: "report", Aliases: []string{"rapporto", "elenco-problemi", "problems"},
		Usage: "scrive l'elenco dei problemi: l'esito di ogni file con ogni errore e avviso, CSV (per Excel) o JSON se il nome finisce in .json"}
}

// writeReport writes the --report file, if asked: JSON when the name ends
// in .json, else CSV.
func writeReport(path string, inputs []*produce.Input) error {
	if path == "" {
		return nil
	}
	rs := produce.Reports(inputs)
	return writeAtomic(path, func(w io.Writer) error {
		if strings.EqualFold(filepath.Ext(path), ".json") {
			return produce.WriteReportJSON(w, rs)
		}
		return produce.WriteReportCSV(w, rs)
	})
}
