package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strings"

	"github.com/urfave/cli/v2"
)

// Exit statuses.
const (
	exitOK    = 0 // all converted, warnings allowed
	exitInput = 1 // some input had errors; the others were converted
	exitUsage = 2 // wrong usage
	exitFail  = 3 // the machine failed: disk full, permission denied
)

// errInputs says that some input had errors, already reported.
var errInputs = errors.New("alcuni file hanno errori")

// usageError is a mistake in the command line. noHint leaves out the
// pointer to --help, for mistakes the message itself says how to mend.
type usageError struct {
	msg    string
	noHint bool
}

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{msg: fmt.Sprintf(format, a...)} }

func exitCode(err error) int {
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errInputs):
		return exitInput
	case errors.As(err, &ue):
		return exitUsage
	}
	return exitFail
}

// run is the whole program: the tests call it as main does.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	app := newApp(stdout, stderr)
	cl := parseCommandLine(app, args)
	app.Metadata = map[string]any{commandLineKey: cl}
	var err error
	if cl.noValue != "" {
		err = usagef("%s: manca il valore dopo l'opzione", cl.noValue)
	} else {
		err = app.RunContext(ctx, cl.args)
	}
	if err != nil && requiredFlags.MatchString(err.Error()) {
		err = usageError{msg: italian(err.Error())}
	}
	var ue usageError
	switch {
	case err == nil:
	case errors.Is(err, errInputs):
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "pegpdf: %s\n", cl.asTyped(err.Error()))
		if !ue.noHint {
			fmt.Fprintf(stderr, "Usare «%s --help» per l'aiuto, con gli esempi.\n", helpTopic(app, cl))
		}
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "pegpdf: interrotto: i file già scritti sono completi, gli altri non sono stati scritti")
	default:
		fmt.Fprintf(stderr, "pegpdf: %s\n", cl.asTyped(err.Error()))
	}
	return err
}

func newApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:  "pegpdf",
		Usage: "schede obiettivo del PEG in PDF, dai fogli Excel degli uffici",
		Description: "pegpdf legge gli obiettivi del Piano Esecutivo di Gestione da file Excel (.xlsx) o LibreOffice (.ods)\n" +
			"e produce le schede obiettivo in PDF: una per obiettivo, o il libretto completo.\n\n" +
			"Esempi:\n" +
			"   pegpdf modello --out peg-vuoto.xlsx       il file da compilare\n" +
			"   pegpdf verifica peg.xlsx                  controlla il file ed elenca i problemi\n" +
			"   pegpdf schede --out schede peg.xlsx       una scheda PDF per obiettivo\n" +
			"   pegpdf libretto --out peg.pdf cartella/   il libretto del PEG",
		Version:              versionLine(),
		HideVersion:          true, // --version is ours, in Italian
		Flags:                []cli.Flag{versionFlag()},
		EnableBashCompletion: true,
		Writer:               stdout,
		ErrWriter:            stderr,
		HideHelpCommand:      true,
		ExitErrHandler:       func(*cli.Context, error) {}, // run maps errors to exit codes
		OnUsageError:         onUsageError,
		Action: func(c *cli.Context) error {
			if c.Bool("version") {
				fmt.Fprintln(c.App.Writer, "pegpdf "+versionLine())
				return nil
			}
			switch c.Args().First() {
			case "", "aiuto", "help":
				// «pegpdf aiuto schede» is «pegpdf schede --help».
				if name := c.Args().Get(1); name != "" {
					for _, cmd := range c.App.Commands {
						if cmd.HasName(name) {
							return run(c.Context, []string{"pegpdf", name, "--help"}, c.App.Writer, c.App.ErrWriter)
						}
					}
					return unknownHelp(c.App, name)
				}
				return cli.ShowAppHelp(c)
			}
			return unknownCommand(c.App, c.Args().Slice())
		},
		Commands: []*cli.Command{
			sheetsCommand(),
			bookletCommand(),
			reportCommand(),
			checkCommand(),
			templateCommand(),
			verifyCommand(),
			themeCommand(),
			mappingCommand(),
			serveCommand(),
			versionCommand(),
			completionCommand(),
			manCommand(),
		},
	}
	guardOutputs(app.Commands)
	for _, cmd := range app.Commands {
		cmd.OnUsageError = commandUsageError(cmd, app.Commands)
	}
	italianHelp(app)
	return app
}

// helpTopic is what to ask --help about after a mistake: the command as
// typed, or pegpdf itself.
func helpTopic(app *cli.App, cl commandLine) string {
	for _, a := range cl.args[1:] {
		if strings.HasPrefix(a, "-") {
			continue
		}
		for _, c := range app.Commands {
			if c.HasName(a) {
				return "pegpdf " + a
			}
		}
		break
	}
	return "pegpdf"
}

// jobsFlag is the --jobs flag shared by the batch commands.
func jobsFlag() cli.Flag {
	return &cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(), DefaultText: "quanti ne regge il computer",
		Usage: "su quanti file lavorare contemporaneamente; di solito non serve indicarlo"}
}

func needInputs(c *cli.Context) error {
	if c.NArg() == 0 {
		return usagef("indicare almeno un file .xlsx o .ods, o una cartella")
	}
	if c.Int("jobs") < 1 {
		return usagef("--jobs deve essere almeno 1")
	}
	return nil
}

func onUsageError(_ *cli.Context, err error, _ bool) error {
	return usageError{msg: italian(err.Error())}
}

var (
	undefinedFlag = regexp.MustCompile(`^flag provided but not defined: -+(.*)$`)
	invalidValue  = regexp.MustCompile(`^invalid value "(.*)" for flag -+([^:]*):.*$`)
	requiredFlags = regexp.MustCompile(`^Required flags? "(.*)" (?:is |are )?not set$`)
	needsValue    = regexp.MustCompile(`^flag needs an argument: -+(.*)$`)
	invalidBool   = regexp.MustCompile(`^invalid boolean value "(.*)" for -+([^:]*):.*$`)
	badSyntax     = regexp.MustCompile(`^bad flag syntax: (.*)$`)
	invalidFlag   = regexp.MustCompile(`^could not parse "(.*)" as .* for flag (\S+):.*$`)
)

// italian translates the command-line library's messages.
func italian(msg string) string {
	if m := undefinedFlag.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("opzione sconosciuta %s", dashed(m[1]))
	}
	if m := invalidValue.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("--%s: valore non valido %q", m[2], m[1])
	}
	if m := invalidFlag.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("--%s: valore non valido %q", strings.TrimLeft(m[2], "-"), m[1])
	}
	if m := needsValue.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s: manca il valore dopo l'opzione", dashed(m[1]))
	}
	if m := invalidBool.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("--%s: valore non valido %q: scrivere --%s da solo (sì), oppure --%s=false", m[2], m[1], m[2], m[2])
	}
	if m := badSyntax.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("«%s» non è un'opzione scritta bene: correggerla o toglierla; "+
			"un'opzione si scrive --nome, o --nome=valore (ad esempio --al=31/07/2019)", m[1])
	}
	if m := requiredFlags.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("manca l'opzione obbligatoria --%s", strings.ReplaceAll(m[1], ", ", ", --"))
	}
	return msg
}

// dashed is an option's name as people type it: -o, --out. The flag
// package's messages give one dash to every name.
func dashed(name string) string {
	if len([]rune(name)) == 1 {
		return "-" + name
	}
	return "--" + name
}
