package main

import (
	"io"
	"regexp"
	"strings"

	"github.com/urfave/cli/v2"
)

// completionFlag is the last argument of a shell's request for completions.
const completionFlag = "--generate-bash-completion"

// commandLine is the command line as pegpdf reads it.
type commandLine struct {
	args    []string          // reordered: the options before the file names
	typed   map[string]string // each name of an option typed -> as the user typed it ("as-of" -> "--al")
	noValue string            // an option that takes a value, typed last without one ("--out")
}

// parseCommandLine prepares args for app: people type options after the
// file names (`pegpdf schede --out t peg.xlsx --al 31/07/2027`), and
// urfave/cli v2 stops reading options at the first argument, so the
// options of the command are moved before its arguments, each with its
// value. Everything after `--` stays an argument. It also names the
// command in its help as it was typed (`pegpdf modello`, not `pegpdf
// template`).
func parseCommandLine(app *cli.App, args []string) commandLine {
	cl := commandLine{args: args, typed: map[string]string{}}
	if len(args) < 2 {
		return cl
	}
	complete := args[len(args)-1] == completionFlag
	if complete {
		args = args[:len(args)-1]
	}
	i := 1
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "--" {
		i++
	}
	var cmd *cli.Command
	if i < len(args) {
		for _, c := range app.Commands {
			if c.HasName(args[i]) {
				cmd = c
			}
		}
	}
	if cmd == nil {
		cl.args = append(append([]string{}, args...), completionTail(complete)...)
		return cl
	}
	if args[i] != cmd.Name {
		cmd.HelpName = args[i]
	}
	byName := map[string]cli.Flag{}
	for _, f := range append([]cli.Flag{cli.HelpFlag}, cmd.Flags...) {
		for _, n := range f.Names() {
			byName[n] = f
		}
	}
	var flags, pos []string
	dashdash := false
	rest := args[i+1:]
	for j := 0; j < len(rest); j++ {
		a := rest[j]
		if a == "--" {
			dashdash = true
			pos = append(pos, rest[j+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f, known := byName[name]
		if !known {
			continue
		}
		for _, n := range f.Names() { // a message may name it by any
			cl.typed[n] = strings.SplitN(a, "=", 2)[0]
		}
		if hasValue || !takesValue(f) {
			continue
		}
		if j+1 >= len(rest) {
			// Moved before the file names, it would take the first as
			// its value (`libretto a.xlsx b.xlsx --out` writing over
			// a.xlsx): the value is reported missing instead.
			if !complete {
				cl.noValue = a
			}
			continue
		}
		flags = append(flags, rest[j+1])
		j++
	}
	out := append(append([]string{}, args[:i+1]...), flags...)
	if dashdash {
		out = append(out, "--")
	}
	cl.args = append(append(out, pos...), completionTail(complete)...)
	return cl
}

func completionTail(complete bool) []string {
	if complete {
		return []string{completionFlag}
	}
	return nil
}

// takesValue reports whether the flag f reads the next argument as its
// value (every flag but the booleans).
func takesValue(f cli.Flag) bool {
	if d, ok := f.(cli.DocGenerationFlag); ok {
		return d.TakesValue()
	}
	return false
}

// asTyped rewrites the options named in msg as the user typed them:
// "--as-of" becomes "--al" when --al was typed, "--indirizzo" becomes
// "--addr" when --addr was. A message names an option the user did not
// type by its Italian name.
func (cl commandLine) asTyped(msg string) string {
	for name, typed := range cl.typed {
		if typed == "--"+name {
			continue
		}
		re := regexp.MustCompile(`(^|[^\w-])--` + regexp.QuoteMeta(name) + `($|[^\w-])`)
		msg = re.ReplaceAllString(msg, "${1}"+strings.ReplaceAll(typed, "$", "$$")+"${2}")
	}
	return msg
}

// commandLineKey holds the commandLine in the app's Metadata, for the
// messages a command writes itself (not returned as errors).
const commandLineKey = "commandLine"

// typedWriter writes to the command's ErrWriter with the options named as
// the user typed them (commandLine.asTyped). Each Write is a whole message.
type typedWriter struct{ c *cli.Context }

func (w typedWriter) Write(p []byte) (int, error) {
	msg := string(p)
	if cl, ok := w.c.App.Metadata[commandLineKey].(commandLine); ok {
		msg = cl.asTyped(msg)
	}
	if _, err := io.WriteString(w.c.App.ErrWriter, msg); err != nil {
		return 0, err
	}
	return len(p), nil
}
