package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/cpuguy83/go-md2man/v2/md2man"
	"github.com/urfave/cli/v2"
)

// Shell completion and the manual page are generated from the command
// definitions, so that they cannot drift from them; the release script
// ships what these commands print.

// bashCompletion and zshCompletion ask pegpdf itself for the candidates
// (urfave/cli's --generate-bash-completion); fish gets the whole list.
const bashCompletion = `# Completamento di pegpdf per bash: «source» di questo file, o copiarlo in
# /etc/bash_completion.d/pegpdf (o ~/.local/share/bash-completion/completions/pegpdf).
_pegpdf_complete() {
  local cur words
  COMPREPLY=()
  cur="${COMP_WORDS[COMP_CWORD]}"
  words=("${COMP_WORDS[@]:0:$COMP_CWORD}")
  local opts
  if [[ "$cur" == -* ]]; then
    opts=$("${words[@]}" "$cur" --generate-bash-completion 2>/dev/null)
  else
    opts=$("${words[@]}" --generate-bash-completion 2>/dev/null)
  fi
  COMPREPLY=($(compgen -W "${opts}" -- "${cur}"))
  return 0
}
complete -o bashdefault -o default -F _pegpdf_complete pegpdf
`

const zshCompletion = `#compdef pegpdf
# Completamento di pegpdf per zsh: copiarlo come _pegpdf in una cartella di $fpath.
_pegpdf() {
  local -a opts
  local cur
  cur=${words[-1]}
  if [[ "$cur" == "-"* ]]; then
    opts=("${(@f)$(${words[@]:0:#words[@]-1} ${cur} --generate-bash-completion 2>/dev/null)}")
  else
    opts=("${(@f)$(${words[@]:0:#words[@]-1} --generate-bash-completion 2>/dev/null)}")
  fi
  if [[ "${opts[1]}" != "" ]]; then
    _describe 'valori' opts
  else
    _files
  fi
}
compdef _pegpdf pegpdf
`

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Aliases:   []string{"completamento"},
		Usage:     "scrive lo script di completamento per bash, zsh o fish",
		ArgsUsage: "bash|zsh|fish",
		Hidden:    true,
		Description: "Esempi:\n" +
			"   pegpdf completamento bash > /etc/bash_completion.d/pegpdf\n" +
			"   pegpdf completamento fish > ~/.config/fish/completions/pegpdf.fish",
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("indicare la shell: bash, zsh o fish")
			}
			var script string
			switch c.Args().First() {
			case "bash":
				script = bashCompletion
			case "zsh":
				script = zshCompletion
			case "fish":
				s, err := c.App.ToFishCompletion()
				if err != nil {
					return err
				}
				script = fishLongOptions.ReplaceAllString(italianDocs(s), "-l $1")
			default:
				return usagef("shell %q non prevista: indicare bash, zsh o fish", c.Args().First())
			}
			_, err := fmt.Fprint(c.App.Writer, script)
			return err
		},
	}
}

func manCommand() *cli.Command {
	return &cli.Command{
		Name:        "man",
		Aliases:     []string{"manuale"},
		Usage:       "scrive la pagina di manuale (man 1) di pegpdf",
		Hidden:      true,
		Description: "Esempio:\n   pegpdf manuale > /usr/local/share/man/man1/pegpdf.1",
		Action: func(c *cli.Context) error {
			page, err := manPage(c.App)
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(c.App.Writer, page)
			return err
		},
	}
}

// fishLongOptions are the Italian long names that urfave/cli gives fish as
// short options (-s al): fish takes one letter there, and pegpdf reads
// them as --al.
var fishLongOptions = regexp.MustCompile(`-s ([\w-]{2,})`)

// manPage is the manual page of app, in Italian, in section 1.
func manPage(app *cli.App) (string, error) {
	md, err := app.ToMarkdown()
	if err != nil {
		return "", err
	}
	md = strings.NewReplacer(
		"# NAME", "# NOME",
		"# SYNOPSIS", "# SINTESI",
		"# DESCRIPTION", "# DESCRIZIONE",
		"**Usage**:", "**Uso**:",
		"[GLOBAL OPTIONS] command [COMMAND OPTIONS] [ARGUMENTS...]", "[OPZIONI GENERALI] COMANDO [OPZIONI] [ARGOMENTI...]",
		"# GLOBAL OPTIONS", "# OPZIONI GENERALI",
		"# COMMANDS", "# COMANDI",
	).Replace(md)
	md = "% pegpdf 1\n\n" + italianDocs(md)
	return string(md2man.Render([]byte(md))), nil
}

// italianDocs translates what urfave/cli writes in English into the
// generated documents.
func italianDocs(s string) string {
	return strings.NewReplacer(
		"show help", "mostra questo aiuto", // no apostrophe: fish quotes with '

		"(default: ", "(predefinito: ",
		"shell completion", "completamento",
	).Replace(s)
}
