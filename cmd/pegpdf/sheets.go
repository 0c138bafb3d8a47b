package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/batch"
	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/render"
)

func asOfFlag() cli.Flag {
	return &cli.StringFlag{Name: "as-of", Aliases: []string{"al"}, Usage: "data di riferimento del monitoraggio, gg/mm/aaaa: una linea nel GANTT"}
}

// documentFlags are the flags of every command that reads workbooks and
// writes PDFs.
func documentFlags() []cli.Flag {
	return []cli.Flag{pdfaFlag(), themeFlag(), dateFlag(), jobsFlag(), reportFlag(), passwordFlag()}
}

func pdfaFlag() cli.Flag {
	return &cli.BoolFlag{Name: "pdfa", Usage: "scrive PDF/A-2a (e PDF/UA-1, come sempre), per allegare le schede agli atti e conservarle"}
}

func dateFlag() cli.Flag {
	return &cli.StringFlag{Name: "date", Aliases: []string{"data"},
		Usage: "data di creazione scritta nel PDF, gg/mm/aaaa (se c'è, vale SOURCE_DATE_EPOCH; altrimenti adesso)"}
}

func sheetsCommand() *cli.Command {
	return &cli.Command{
		Name:      "sheets",
		Aliases:   []string{"schede"},
		Usage:     "una scheda PDF per ogni obiettivo",
		ArgsUsage: "FILE.xlsx|CARTELLA...",
		Description: "Legge i file .xlsx (e le cartelle, anche nelle sottocartelle, saltando i file di blocco ~$)\n" +
			"e scrive CARTELLA/<Codice>.pdf per ogni obiettivo. Un file con errori non dà PDF: i suoi\n" +
			"problemi sono elencati con la cella; gli altri file sono convertiti comunque.\n\n" +
			"Esempi:\n" +
			"   pegpdf schede --out schede samples/2019_ZN10.xlsx\n" +
			"   pegpdf schede --out schede --al 31/07/2019 direzioni/",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: ".", Usage: "cartella in cui scrivere i PDF"},
			asOfFlag(),
		}, documentFlags()...),
		OnUsageError: onUsageError,
		Action:       sheets,
	}
}

// docOptions are the options shared by the commands that render.
type docOptions struct {
	render  render.Options
	theme   render.Theme
	created time.Time
}

func parseDocOptions(c *cli.Context) (docOptions, error) {
	th, err := loadTheme(c.String("theme"))
	if err != nil {
		return docOptions{}, err
	}
	o := docOptions{theme: th}
	o.render.PDFA = c.Bool("pdfa")
	if s := c.String("as-of"); s != "" {
		d, err := model.ParseDate(s)
		if err != nil {
			return o, usagef("--as-of: %v", err)
		}
		o.render.AsOf = d
	}
	created, err := creationTime(c.String("date"))
	if err != nil {
		return o, err
	}
	o.created = created
	return o, nil
}

// creationTime is the date written inside the PDFs: SOURCE_DATE_EPOCH when
// set (reproducible builds), else --date, else now.
func creationTime(flag string) (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, usagef("SOURCE_DATE_EPOCH=%q non è un numero di secondi", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	if flag != "" {
		d, err := model.ParseDate(flag)
		if err != nil {
			return time.Time{}, usagef("--date: %v", err)
		}
		return d.Time(), nil
	}
	return time.Now(), nil
}

func sheets(c *cli.Context) error {
	if err := needInputs(c); err != nil {
		return err
	}
	opt, err := parseDocOptions(c)
	if err != nil {
		return err
	}
	paths, err := expand(c.Args().Slice())
	if err != nil {
		return err
	}
	outDir := c.String("out")
	if err := checkOutDir(outDir, paths); err != nil {
		return err
	}
	stderr := c.App.ErrWriter
	inputs := readAll(c.Context, paths, c.Int("jobs"), limits(c), workbookTimeout, progress(stderr, len(paths)))
	objs, names := batch.SheetFiles(inputs)
	batch.PrintProblems(stderr, inputs)
	if err := writeReport(c.String("report"), inputs); err != nil {
		return err
	}
	failed := batch.CountFailed(inputs)
	type job struct {
		o    *model.Objective
		path string
	}
	jobs := make([]job, len(objs))
	for i, o := range objs {
		jobs[i] = job{o, filepath.Join(outDir, names[i])}
	}
	if len(jobs) > 0 {
		if err := os.MkdirAll(outDir, 0o755); err != nil {
			return fmt.Errorf("%s: non si può creare la cartella: %w", outDir, err)
		}
		cleanTemps(outDir)
	}
	meta := render.Meta{Author: opt.theme.Entity, Created: opt.created}
	err = batch.RenderSheets(c.Context, &opt.theme, objs, opt.render, meta, c.Int("jobs"), func(i int, pdf []byte) error {
		return writeBytes(jobs[i].path, pdf)
	})
	if err != nil {
		return err
	}
	written := len(jobs)
	fmt.Fprintf(stderr, "%s; %s in %s\n", batch.Summary(inputs), batch.Plural(written, "scheda scritta", "schede scritte"), outDir)
	if failed > 0 {
		return errInputs
	}
	return nil
}

const workbookTimeout = 2 * time.Minute

// checkOutDir refuses an output folder that is one of the inputs or an
// existing file.
func checkOutDir(dir string, inputs []string) error {
	abs, _ := filepath.Abs(dir)
	for _, in := range inputs {
		if a, _ := filepath.Abs(in); a == abs {
			return usagef("--out %s è uno dei file da leggere: indicare una cartella", dir)
		}
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return usagef("--out %s è un file, non una cartella", dir)
	}
	return nil
}
