package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/produce"
)

func reportCommand() *cli.Command {
	return &cli.Command{
		Name:      "report",
		Aliases:   []string{"rapporto"},
		Usage:     "il rapporto sullo stato di attuazione degli obiettivi (monitoraggio)",
		ArgsUsage: "FILE.xlsx|CARTELLA...",
		Description: "Valuta ogni obiettivo alla data di riferimento con le regole del monitoraggio (vedere il\n" +
			"README) e scrive il rapporto: frontespizio, riepilogo dell'ente con il grafico per Direzione,\n" +
			"una tabella per Direzione con il totale; con --con-schede seguono le schede, collegate\n" +
			"dalle tabelle. --valutazione scrive la valutazione per i fogli di calcolo dell'ufficio;\n" +
			"--elenco-problemi, l'elenco dei problemi trovati nei file.\n\n" +
			foldersHelp + "\n\n" +
			"Esempi:\n" +
			"   pegpdf rapporto --al 31/07/2019 --out stato-attuazione.pdf samples/peg-2019.xlsx\n" +
			"   pegpdf rapporto --al 31/12/2019 --titolo \"Relazione sulla performance 2019\" --con-schede --valutazione esiti.csv --out relazione.pdf direzioni/",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Required: true, Usage: "il file PDF da scrivere"},
			&cli.StringFlag{Name: "as-of", Aliases: []string{"al"}, Usage: "la data di riferimento, gg/mm/aaaa (predefinita: oggi)"},
			&cli.StringFlag{Name: "title", Aliases: []string{"titolo"}, Usage: "il titolo (predefinito: Stato di attuazione degli obiettivi al DATA)"},
			&cli.StringFlag{Name: "entity", Aliases: []string{"ente"}, Usage: "il nome dell'ente"},
			&cli.StringFlag{Name: "subtitle", Aliases: []string{"sottotitolo"}, Usage: "la riga sotto il titolo"},
			&cli.BoolFlag{Name: "with-sheets", Aliases: []string{"con-schede"}, Usage: "aggiunge le schede con il monitoraggio, collegate dalle tabelle"},
			// --csv is the old name, hidden in the help (help.go).
			&cli.StringFlag{Name: "csv", Aliases: []string{"valutazione", "evaluation"}, Usage: "scrive anche la valutazione di ogni obiettivo (realizzazione, esito, tempi) in CSV, per Excel"},
		}, documentFlags()...),
		Action: monitoringReport,
	}
}

func monitoringReport(c *cli.Context) error {
	req, outs, err := documentRequest(c)
	if err != nil {
		return err
	}
	var evaluation produce.Sink
	if t, ok := outs["csv"]; ok {
		evaluation = fileSink(t)
	}
	out := outs["out"].path
	res, err := produce.Report(c.Context, req, fileSink(outs["out"]), evaluation)
	if err = documentDone(c, res, err, "rapporto"); err != nil {
		return err
	}
	t := res.Tally
	fmt.Fprintf(c.App.ErrWriter, "%s; rapporto al %s scritto in %s: %d %s, %d %s, %d %s, %d %s\n", produce.Summary(res.Inputs), res.AsOf, out,
		t.Outcome[model.OnTrack], model.OnTrack, t.Outcome[model.Partial], model.Partial,
		t.Outcome[model.OffTrack], model.OffTrack, t.Outcome[model.Unmeasurable], model.Unmeasurable)
	if t, ok := outs["csv"]; ok {
		fmt.Fprintf(c.App.ErrWriter, "valutazione scritta in %s\n", t.path)
	}
	return nil
}
