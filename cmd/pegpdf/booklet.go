package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/batch"
	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/render"
)

func bookletCommand() *cli.Command {
	return &cli.Command{
		Name:      "booklet",
		Aliases:   []string{"libretto"},
		Usage:     "un solo PDF con copertina, indice e tutte le schede",
		ArgsUsage: "FILE.xlsx|CARTELLA...",
		Description: "Raccoglie gli obiettivi di tutti i file e scrive il libretto del PEG: copertina, indice per\n" +
			"Direzione e Servizio con i collegamenti alle schede, le schede in quell'ordine (Codice in\n" +
			"ordine naturale), i segnalibri e i numeri di pagina su tutto il libretto. Un Codice\n" +
			"presente in due file è un errore. Se un file ha errori il libretto non viene scritto.\n\n" +
			"Esempi:\n" +
			"   pegpdf libretto --out peg-2019.pdf --ente \"Comune di Esempio\" samples/\n" +
			"   pegpdf libretto --out allegato-a.pdf --sottotitolo \"Allegato A alla deliberazione della Giunta comunale n. ___ del ___\" direzioni/",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Required: true, Usage: "il file PDF da scrivere"},
			&cli.StringFlag{Name: "title", Aliases: []string{"titolo"}, Usage: "il titolo in copertina (predefinito: Piano Esecutivo di Gestione)"},
			&cli.StringFlag{Name: "entity", Aliases: []string{"ente"}, Usage: "il nome dell'ente, ad es. \"Comune di Esempio\""},
			&cli.StringFlag{Name: "subtitle", Aliases: []string{"sottotitolo"}, Usage: "la riga sotto il titolo, ad es. l'allegato alla deliberazione"},
			&cli.IntFlag{Name: "year", Aliases: []string{"anno"}, Usage: "l'anno in copertina (predefinito: quello degli obiettivi)"},
			&cli.BoolFlag{Name: "duplex", Aliases: []string{"fronte-retro"}, Usage: "ogni scheda comincia su una pagina dispari, per la stampa fronte/retro"},
			asOfFlag(),
		}, documentFlags()...),
		OnUsageError: onUsageError,
		Action:       booklet,
	}
}

func booklet(c *cli.Context) error {
	opt, out, inputs, objs, err := readForDocument(c, "libretto")
	if err != nil {
		return err
	}
	info := render.BookletInfo{
		Entity: c.String("entity"), Title: c.String("title"), Subtitle: c.String("subtitle"),
		Year: c.Int("year"), Duplex: c.Bool("duplex"),
	}
	if info.Year == 0 {
		info.Year = batch.CommonYear(objs)
	}
	if info.Entity == "" {
		info.Entity = opt.theme.Entity
	}
	if info.Subtitle == "" {
		info.Subtitle = opt.theme.ActsLine
	}
	meta := render.Meta{Author: info.Entity, Created: opt.created}
	err = writeAtomic(out, func(w io.Writer) error {
		return render.Booklet(w, &opt.theme, objs, info, opt.render, meta)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(c.App.ErrWriter, "%s; libretto scritto in %s\n", batch.Summary(inputs), out)
	return nil
}

// checkOutFile refuses an output that is one of the inputs.
func checkOutFile(out string, inputs []string) error {
	abs, _ := filepath.Abs(out)
	for _, in := range inputs {
		if a, _ := filepath.Abs(in); a == abs {
			return usagef("--out %s è uno dei file da leggere", out)
		}
	}
	return nil
}

// readForDocument does what the booklet and the report share: options,
// the output file, the inputs read and checked, and their objectives in
// the booklet's order. what names the document in messages.
func readForDocument(c *cli.Context, what string) (opt docOptions, out string, inputs []*batch.Input, objs []*model.Objective, err error) {
	if err = needInputs(c); err != nil {
		return
	}
	if opt, err = parseDocOptions(c); err != nil {
		return
	}
	out = c.String("out")
	if filepath.Ext(out) == "" {
		out += ".pdf"
	}
	paths, err := expand(c.Args().Slice())
	if err != nil {
		return
	}
	if err = checkOutFile(out, paths); err != nil {
		return
	}
	stderr := c.App.ErrWriter
	inputs = readAll(c.Context, paths, c.Int("jobs"), limits(c), workbookTimeout, progress(stderr, len(paths)))
	objs = batch.Collect(inputs)
	batch.PrintProblems(stderr, inputs)
	if err = writeReport(c.String("report"), inputs); err != nil {
		return
	}
	switch {
	case batch.CountFailed(inputs) > 0:
		fmt.Fprintf(stderr, "%s; %s non scritto: correggere gli errori e rilanciare\n", batch.Summary(inputs), what)
		err = errInputs
	case len(objs) == 0:
		fmt.Fprintf(stderr, "%s; nessun obiettivo: %s non scritto\n", batch.Summary(inputs), what)
		err = errInputs
	}
	model.SortForBooklet(objs)
	return
}
