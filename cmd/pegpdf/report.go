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

// writeReport writes the --report file of outs, if asked: JSON when the
// name ends in .json, else CSV.
func writeReport(outs outputs, inputs []*produce.Input) error {
	t, ok := outs["report"]
	if !ok {
		return nil
	}
	rs := produce.Reports(inputs)
	return writeAtomic(t, func(w io.Writer) error {
		if strings.EqualFold(filepath.Ext(t.path), ".json") {
			return produce.WriteReportJSON(w, rs)
		}
		return produce.WriteReportCSV(w, rs)
	})
}
