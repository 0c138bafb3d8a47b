package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/produce"
)

func reportFlag() cli.Flag {
	// --report and --rapporto are the old names, hidden in the help (help.go).
	return &cli.StringFlag{Name: "report", Aliases: []string{"rapporto", "elenco-problemi", "problems"},
		Usage: "scrive l'esito di ogni file letto, con ogni errore e avviso: un .csv da aprire in Excel (o un .json)"}
}

// writeReport writes the --report file of outs, if asked: JSON when the
// name ends in .json, else CSV; and says on w where, since the name may
// have gained its extension.
func writeReport(w io.Writer, outs outputs, inputs []*produce.Input) error {
	t, ok := outs["report"]
	if !ok {
		return nil
	}
	rs := produce.Reports(inputs)
	err := writeAtomic(t, func(f io.Writer) error {
		if strings.EqualFold(filepath.Ext(t.path), ".json") {
			return produce.WriteReportJSON(f, rs)
		}
		return produce.WriteReportCSV(f, rs)
	})
	if err == nil {
		fmt.Fprintf(w, "elenco dei problemi scritto in %s\n", t.path)
	}
	return err
}
