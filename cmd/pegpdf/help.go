package main

import (
	"strings"
	"sync"

	"github.com/urfave/cli/v2"
)

var italianHelp sync.Once

// useItalianHelp makes the help that urfave/cli prints Italian, as every
// other word pegpdf says. The library keeps its templates in globals.
func useItalianHelp() {
	italianHelp.Do(func() {
		cli.AppHelpTemplate = `NOME:
   {{template "helpNameTemplate" .}}

USO:
   {{.HelpName}} COMANDO [opzioni] [argomenti...]{{if .Description}}

DESCRIZIONE:
   {{template "descriptionTemplate" .}}{{end}}{{if .VisibleCommands}}

COMANDI:{{template "visibleCommandCategoryTemplate" .}}{{end}}{{if .VisibleFlags}}

OPZIONI GENERALI:{{template "visibleFlagTemplate" .}}{{end}}

Per l'aiuto su un comando: {{.HelpName}} COMANDO --help
`
		cli.CommandHelpTemplate = `NOME:
   {{template "helpNameTemplate" .}}

USO:
   {{.HelpName}}{{if .VisibleFlags}} [opzioni]{{end}}{{if .ArgsUsage}} {{.ArgsUsage}}{{end}}{{if .Aliases}}

ALIAS:
   {{join .Aliases ", "}}{{end}}{{if .Description}}

DESCRIZIONE:
   {{template "descriptionTemplate" .}}{{end}}{{if .VisibleFlags}}

OPZIONI:{{template "visibleFlagTemplate" .}}{{end}}
`
		stringer := cli.FlagStringer
		cli.FlagStringer = func(f cli.Flag) string {
			s := stringer(f)
			s = strings.ReplaceAll(s, " value", " VALORE")
			for _, noise := range []string{" (default: false)", " (default: 0)"} {
				s = strings.Replace(s, noise, "", 1)
			}
			return strings.Replace(s, "(default: ", "(predefinito: ", 1)
		}
	})
}
