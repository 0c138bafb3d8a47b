package main

import (
	"io"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/produce"
)

func reportFlag() cli.Flag {
	return &cli.StringFlag{Name: "report", Aliases: []string{"rapporto"},
		Usage: "scrive l'esito di ogni file con tutti i problemi: CSV (per Excel) o JSON se il nome finisce in .json"}
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
