package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/internal/nearest"
	"github.com/pegpdf/pegpdf/produce"
)

// A command or an option typed almost right is named as it should be:
// «forse «servizio»?». The suggestions are pegpdf's own, in Italian: the
// library's (its Suggest) are in English, set through package variables,
// and always name something, however far from what was typed.

// unknownCommand is the mistake of a first argument that is no command:
// the nearest command, or, for a file name typed first, where the command
// goes: the command typed later in the line (pegpdf peg.xlsx libretto),
// or else «verifica». args are the arguments from the one typed first.
func unknownCommand(app *cli.App, args []string) error {
	typed := args[0]
	if looksLikeFile(typed) {
		for i, a := range args[1:] {
			if cmd := commandNamed(app, a); cmd != nil {
				rest := append(append([]string{a}, args[:i+1]...), args[i+2:]...)
				return usagef("comando sconosciuto %q: il comando va prima dei file, ad esempio «pegpdf %s»", typed, shellLine(rest))
			}
		}
		return usagef("comando sconosciuto %q: il comando va prima del file, ad esempio «pegpdf verifica %s»", typed, shellLine([]string{typed}))
	}
	if s := nearestCommand(app, typed); s != "" {
		return usagef("comando sconosciuto %q: forse «%s»?", typed, s)
	}
	return usagef("comando sconosciuto %q", typed)
}

// unknownHelp is the mistake of «pegpdf aiuto NOME» for a NOME that is no
// command.
func unknownHelp(app *cli.App, typed string) error {
	if s := nearestCommand(app, typed); s != "" {
		return usageError{msg: fmt.Sprintf("aiuto: il comando %q non esiste: forse «pegpdf aiuto %s»? I comandi sono elencati da «pegpdf --help»", typed, s), noHint: true}
	}
	return usageError{msg: fmt.Sprintf("aiuto: il comando %q non esiste: i comandi sono elencati da «pegpdf --help»", typed), noHint: true}
}

// commandNamed is the visible command of app named name, or nil.
func commandNamed(app *cli.App, name string) *cli.Command {
	for _, c := range app.VisibleCommands() {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}

// nearestCommand is the command name nearest to typed, Italian names
// first; "" when none is near.
func nearestCommand(app *cli.App, typed string) string {
	var names []string
	for _, c := range app.VisibleCommands() {
		names = append(names, c.Aliases...) // the Italian names first
		names = append(names, c.Name)
	}
	return nearestName(typed, names)
}

// shellLine writes args as they would be typed: a word with a space or a
// quote between double quotes.
func shellLine(args []string) string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = a
		if a == "" || strings.ContainsAny(a, " \t'\"") {
			out[i] = `"` + strings.ReplaceAll(a, `"`, `\"`) + `"`
		}
	}
	return strings.Join(out, " ")
}

// looksLikeFile reports whether a first argument is a file or a folder
// rather than a mistyped command: it exists, or has a spreadsheet's
// extension.
func looksLikeFile(arg string) bool {
	if _, err := os.Stat(arg); err == nil {
		return true
	}
	ext := strings.ToLower(filepath.Ext(arg))
	return workbookExts[ext] || produce.Spreadsheet(ext)
}

// commandUsageError is the OnUsageError of the command cmd among the
// commands all: the library's message in Italian and, for an option cmd
// does not know, the commands that have it (--tema typed to «verifica»),
// or else the nearest of its options.
func commandUsageError(cmd *cli.Command, all []*cli.Command) cli.OnUsageErrorFunc {
	return func(_ *cli.Context, err error, _ bool) error {
		msg := err.Error()
		it := italian(msg)
		m := undefinedFlag.FindStringSubmatch(msg)
		if m == nil {
			return usageError{msg: it}
		}
		var names []string
		for _, f := range append(append([]cli.Flag{}, cmd.Flags...), cli.HelpFlag) {
			ns := f.Names()
			names = append(names, ns[1:]...) // the Italian names first
			names = append(names, ns[0])
		}
		var others []string
		for _, c := range all {
			if c.Hidden {
				continue
			}
			for _, f := range c.Flags {
				for _, n := range f.Names() {
					if n == m[1] && len(n) > 1 {
						others = append(others, c.Aliases[0])
					}
				}
			}
		}
		if len(others) > 0 {
			return usageError{msg: it + fmt.Sprintf(": «%s» non la usa (vale per %s)", cmd.Aliases[0], strings.Join(others, ", "))}
		}
		if s := nearestName(m[1], names); s != "" {
			return usageError{msg: it + fmt.Sprintf(": forse %s?", dashed(s))}
		}
		return usageError{msg: it}
	}
}

// nearestName is the name among names closest to typed, if close enough to be
// what was meant: typed is the start of it (servi, servizio), or it is a
// couple of letters away (libreto, verfica, --ouput), a third of the word
// for longer words (--sovrascrivere). "" when none is.
func nearestName(typed string, names []string) string {
	typed = strings.ToLower(typed)
	best, bestDist := "", 0
	for _, n := range names {
		if len(n) < 2 {
			continue
		}
		d := nearest.Distance(typed, n)
		if len([]rune(typed)) >= 3 && strings.HasPrefix(n, typed) {
			d = 1
		}
		if limit := max(2, len([]rune(n))/3); d > limit || d >= len([]rune(n)) {
			continue
		}
		if best == "" || d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
}
