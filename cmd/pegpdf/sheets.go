package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/produce"
)

func asOfFlag() cli.Flag {
	return &cli.StringFlag{Name: "as-of", Aliases: []string{"al"}, Usage: "data di riferimento del monitoraggio, gg/mm/aaaa: una linea nel GANTT"}
}

// documentFlags are the flags of every command that reads workbooks and
// writes PDFs.
func documentFlags() []cli.Flag {
	return []cli.Flag{pdfaFlag(), themeFlag(), dateFlag(), jobsFlag(), reportFlag(), passwordFlag(), mappingFlag()}
}

func pdfaFlag() cli.Flag {
	return &cli.BoolFlag{Name: "pdfa", Usage: "scrive i PDF nel formato PDF/A, per allegarli agli atti e conservarli"}
}

func dateFlag() cli.Flag {
	return &cli.StringFlag{Name: "date", Aliases: []string{"data"},
		Usage: "la data di creazione scritta nelle proprietà del PDF, gg/mm/aaaa (predefinita: adesso)"}
}

func sheetsCommand() *cli.Command {
	return &cli.Command{
		Name:      "sheets",
		Aliases:   []string{"schede"},
		Usage:     "una scheda PDF per ogni obiettivo",
		ArgsUsage: "FILE.xlsx|CARTELLA...",
		Description: "Legge i file .xlsx e .ods e scrive CARTELLA/<Codice>.pdf per ogni obiettivo (la cartella,\n" +
			"se manca, viene creata). Un file con errori non dà PDF: i suoi problemi sono elencati con la\n" +
			"cella; gli altri file sono convertiti comunque.\n\n" + foldersHelp + "\n\n" +
			"Esempi:\n" +
			"   pegpdf schede --out schede samples/2019_ZN10.xlsx\n" +
			"   pegpdf schede --out schede --al 31/07/2019 direzioni/",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: ".", DefaultText: "la cartella corrente", Usage: "la cartella in cui scrivere i PDF"},
			asOfFlag(),
		}, documentFlags()...),
		Action: sheets,
	}
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
		d, err := flagDate("date", flag)
		if err != nil {
			return time.Time{}, err
		}
		return d.Time(), nil
	}
	return time.Now(), nil
}

func sheets(c *cli.Context) error {
	if err := needInputs(c); err != nil {
		return err
	}
	inputs, err := expand(c.Args().Slice(), c.App.ErrWriter)
	if err != nil {
		return err
	}
	outs, err := checkOutputs(c, pathsOf(inputs))
	if err != nil {
		return err
	}
	req, err := newRequest(c, inputs)
	if err != nil {
		return err
	}
	outDir, force := c.String("out"), c.Bool("overwrite")
	stderr := c.App.ErrWriter
	req.Progress = progress(stderr, len(inputs))
	req.Checked = func(inputs []*produce.Input) error {
		produce.PrintProblems(stderr, inputs)
		if err := checkSheets(outDir, inputs, force); err != nil {
			return err
		}
		return writeReport(stderr, outs, inputs)
	}
	// The folder is made when the first sheet comes, not for a run that
	// writes nothing.
	makeDir := sync.OnceValue(func() error {
		if err := os.MkdirAll(outDir, 0o777); err != nil {
			return dirError(outDir, err)
		}
		cleanTemps(outDir)
		return nil
	})
	files := newFileWriter(syncWorkers) // the fsyncs overlap
	res, err := produce.Sheets(c.Context, req, func(name string, write func(io.Writer) error) error {
		if err := makeDir(); err != nil {
			return err
		}
		return files.writeFunc(sheetTarget(outDir, name, force), write)
	})
	if werr := files.wait(); err == nil || errors.Is(err, produce.ErrInputs) && werr != nil {
		err = werr
	}
	if err != nil && !errors.Is(err, produce.ErrInputs) {
		return err
	}
	where := "in " + outDir
	if filepath.Clean(outDir) == "." {
		where = "nella cartella corrente"
	}
	fmt.Fprintf(stderr, "%s; %s %s\n", produce.Summary(res.Inputs), produce.Plural(res.Objectives, "scheda scritta", "schede scritte"), where)
	if err != nil {
		return errInputs
	}
	return nil
}

// checkSheets checks, once the objectives are known and before any sheet
// is drawn, that no sheet replaces a file pegpdf would not replace in the
// folder dir: a run that would stop at one sheet stops before the first.
func checkSheets(dir string, inputs []*produce.Input, force bool) error {
	for _, in := range inputs {
		if in.Failed() {
			continue
		}
		for _, o := range in.Plan.Objectives {
			if _, err := sheetTarget(dir, produce.SafeName(o.Code)+".pdf", force).check(); err != nil {
				return err
			}
		}
	}
	return nil
}
