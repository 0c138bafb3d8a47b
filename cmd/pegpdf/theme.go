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
)

func themeFlag() cli.Flag {
	return &cli.StringFlag{Name: "theme", Aliases: []string{"tema"},
		Usage: "il tema dell'ente (TOML o YAML): nome, stemma, colori, etichette, sezioni, orientamento; vedere «pegpdf tema»"}
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
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "tema.toml", Usage: "il file da scrivere"},
		},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			out := c.String("out")
			if err := writeBytes(out, render.DefaultThemeFile()); err != nil {
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
	data, err := os.ReadFile(path)
	if err != nil {
		return render.Theme{}, usagef("--theme %s: %s", path, produce.IOMessage(err))
	}
	ext := strings.ToLower(filepath.Ext(path))
	dir := filepath.Dir(path)
	th, err := render.ParseTheme(data, ext == ".yaml" || ext == ".yml", func(logo string) ([]byte, error) {
		if !filepath.IsAbs(logo) {
			logo = filepath.Join(dir, logo)
		}
		return os.ReadFile(logo)
	})
	var te *render.ThemeError
	if errors.As(err, &te) {
		return th, usagef("%s: %v", path, te)
	}
	return th, err
}
