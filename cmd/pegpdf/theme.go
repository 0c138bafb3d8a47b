package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/produce"
	"github.com/pegpdf/pegpdf/render"
	"github.com/pegpdf/pegpdf/render/themefile"
)

func themeFlag() cli.Flag {
	return &cli.StringFlag{Name: "theme", Aliases: []string{"tema"},
		Usage: "il file del tema dell'ente (nome, stemma, colori, etichette, sezioni, orientamento), scritto con «pegpdf tema»"}
}

func themeCommand() *cli.Command {
	return &cli.Command{
		Name:    "theme",
		Aliases: []string{"tema"},
		Usage:   "scrive il tema predefinito, commentato, da modificare per il proprio ente",
		Description: "Il tema contiene il nome dell'ente, lo stemma, la riga per gli atti, i colori, ogni\n" +
			"etichetta della scheda, le sezioni da stampare e l'orientamento della pagina.\n\n" +
			"Esempio:\n" +
			"   pegpdf tema --out tema.toml\n" +
			"   pegpdf schede --tema tema.toml --out schede peg.xlsx",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "tema.toml", DefaultText: "tema.toml", Usage: "il file da scrivere (mai uno esistente, senza --sovrascrivi)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("«tema» non legge file: per dire dove scriverlo usare --out, ad esempio --out %s", c.Args().First())
			}
			outs, err := checkOutputs(c, nil)
			if err != nil {
				return err
			}
			out := outs["out"].path
			if err := writeBytes(outs["out"], themefile.Default()); err != nil {
				return err
			}
			fmt.Fprintf(c.App.ErrWriter, "scritto %s\n", out)
			return nil
		},
	}
}

// loadTheme reads the --theme file, or gives the default theme.
func loadTheme(path string) (render.Theme, error) {
	if path == "" {
		return render.DefaultTheme(), nil
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return render.Theme{}, usagef("--theme %s è una cartella: indicare il file del tema (.toml o .yaml)", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return render.Theme{}, usagef("--theme %s: %s", path, produce.IOMessage(err))
	}
	ext := strings.ToLower(filepath.Ext(path))
	dir := filepath.Dir(path)
	th, err := themefile.Parse(data, ext == ".yaml" || ext == ".yml", func(logo string) ([]byte, error) {
		path := logo
		if !filepath.IsAbs(logo) {
			path = filepath.Join(dir, logo)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			// The reader says which key; this says why, in Italian, and
			// where the file was looked for.
			msg := produce.IOMessage(err)
			if path != logo {
				msg += " (cercato in " + path + ": un nome senza cartella vale nella cartella del tema)"
			}
			return nil, errors.New(msg)
		}
		return b, nil
	})
	var te *themefile.Error
	if errors.As(err, &te) {
		return th, usagef("%s: %s", path, themeMessage(te.Error()))
	}
	return th, err
}

// themeHint is where to see how a theme is written.
const themeHint = "Il tema predefinito, commentato, si ottiene con «pegpdf tema»."

// themeMessage is a theme file's mistake as the user reads it: the
// reader's Italian words (the line, the column and what to correct), and
// for a file that is not TOML or YAML at all, where to see a good one.
func themeMessage(msg string) string {
	if strings.HasPrefix(msg, "il file non è ") {
		return msg + ". " + themeHint
	}
	return msg
}
