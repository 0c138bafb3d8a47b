package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/produce"
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
			foldersHelp + "\n\n" +
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
		Action: booklet,
	}
}

func booklet(c *cli.Context) error {
	req, outs, err := documentRequest(c)
	if err != nil {
		return err
	}
	out := outs["out"].path
	res, err := produce.Booklet(c.Context, req, fileSink(outs["out"]))
	if err = documentDone(c, res, err, "libretto"); err != nil {
		return err
	}
	fmt.Fprintf(c.App.ErrWriter, "%s; libretto scritto in %s\n", produce.Summary(res.Inputs), out)
	return nil
}

// fileSink writes every output to t, whatever its name.
func fileSink(t target) produce.Sink {
	return func(_ string, write func(io.Writer) error) error { return writeAtomic(t, write) }
}

// documentRequest does what the booklet and the report share before the
// pipeline runs: the request of the flags and arguments, and the output
// files, checked (checkOutputs). The problems of the inputs are printed,
// and the --report written, as soon as they are known.
func documentRequest(c *cli.Context) (req produce.Request, outs outputs, err error) {
	if err = needInputs(c); err != nil {
		return
	}
	inputs, err := expand(c.Args().Slice(), c.App.ErrWriter)
	if err != nil {
		return
	}
	if outs, err = checkOutputs(c, pathsOf(inputs)); err != nil {
		return
	}
	if req, err = newRequest(c, inputs); err != nil {
		return
	}
	stderr := c.App.ErrWriter
	req.Progress = progress(stderr, len(inputs))
	req.Checked = func(inputs []*produce.Input) error {
		produce.PrintProblems(stderr, inputs)
		return writeReport(stderr, outs, inputs)
	}
	return req, outs, nil
}

// documentDone turns the pipeline's errors about the inputs of a booklet
// or a report into the closing line and exit status 1; what names the
// document.
func documentDone(c *cli.Context, res *produce.Result, err error, what string) error {
	stderr := c.App.ErrWriter
	switch {
	case errors.Is(err, produce.ErrInputs):
		fmt.Fprintf(stderr, "%s; %s non scritto: correggere gli errori e rilanciare\n", produce.Summary(res.Inputs), what)
		return errInputs
	case errors.Is(err, produce.ErrNoObjectives):
		fmt.Fprintf(stderr, "%s; nessun obiettivo: %s non scritto\n", produce.Summary(res.Inputs), what)
		return errInputs
	}
	return err
}
