package main

import "github.com/urfave/cli/v2"

// The help urfave/cli prints is Italian, as every other word pegpdf says.
// The templates are set on the app and on each command (never on the
// library's package variables), and the options are listed by the template
// itself, with their Italian names first, so that cli.FlagStringer and
// cli.HelpFlag keep the library's defaults. The library's own English
// usages of --help and --version are translated in the template.

// flagsTemplate lists the options: Italian names (the long aliases) first,
// then the English name, then the one-letter ones; "VALORE" after the
// options that take one, the default when it says something. Names that
// stay only for old scripts (hiddenNames) are not shown.
const flagsTemplate = `{{range .VisibleFlags}}
   {{$n := 0}}{{range $i, $e := .Names}}{{if and $i (gt (len $e) 1) (not (eq $e ` + hiddenNames + `))}}{{if $n}}, {{end}}{{$n = 1}}--{{$e}}{{end}}{{end}}` +
	`{{range $i, $e := .Names}}{{if and (not $i) (not (eq $e ` + hiddenNames + `))}}{{if $n}}, {{end}}{{$n = 1}}--{{$e}}{{end}}{{end}}` +
	`{{range $i, $e := .Names}}{{if and $i (eq (len $e) 1)}}{{if $n}}, {{end}}{{$n = 1}}-{{$e}}{{end}}{{end}}` +
	`{{if .TakesValue}} VALORE{{end}}{{"\t"}}` +
	`{{if eq .GetUsage "show help"}}mostra questo aiuto{{else if eq .GetUsage "print the version"}}mostra la versione{{else}}{{wrap .GetUsage 6}}{{end}}` +
	`{{if .TakesValue}}{{with .GetDefaultText}}{{if not (eq . "0" "\"\"")}} (predefinito: {{.}}){{end}}{{end}}{{end}}{{end}}`

// hiddenNames are old names of options, still accepted: --report and
// --rapporto (now --elenco-problemi), --csv (now --valutazione).
const hiddenNames = `"report" "rapporto" "csv"`

// commandsTemplate lists the commands, Italian name first.
const commandsTemplate = `{{range .VisibleCommands}}
   {{range .Aliases}}{{.}}, {{end}}{{.Name}}{{"\t"}}{{.Usage}}{{end}}`

const appHelpTemplate = `NOME:
   {{.Name}} - {{.Usage}}

USO:
   {{.HelpName}} COMANDO [opzioni] [argomenti...]{{if .Description}}

DESCRIZIONE:
   {{wrap .Description 3}}{{end}}{{if .VisibleCommands}}

COMANDI:` + commandsTemplate + `{{end}}{{if .VisibleFlags}}

OPZIONI GENERALI:` + flagsTemplate + `{{end}}

Per l'aiuto su un comando: {{.HelpName}} COMANDO --help
`

const commandHelpTemplate = `NOME:
   {{.HelpName}} - {{.Usage}}

USO:
   {{.HelpName}}{{if .VisibleFlags}} [opzioni]{{end}}{{if .ArgsUsage}} {{.ArgsUsage}}{{end}}{{if .Aliases}}

ALTRI NOMI:
   {{range .Aliases}}{{.}}, {{end}}{{.Name}}{{end}}{{if .Description}}

DESCRIZIONE:
   {{wrap .Description 3}}{{end}}{{if .VisibleFlags}}

OPZIONI (anche dopo i nomi dei file):` + flagsTemplate + `{{end}}
`

// italianHelp sets the Italian templates on app and its commands.
func italianHelp(app *cli.App) {
	app.CustomAppHelpTemplate = appHelpTemplate
	for _, c := range app.Commands {
		c.CustomHelpTemplate = commandHelpTemplate
		c.HideHelpCommand = true // «pegpdf schede help» would be a file name
	}
}
