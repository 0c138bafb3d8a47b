package main

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// english finds the words of an English library message: urfave/cli,
// the flag package, os, net, the TOML and YAML parsers.
var english = regexp.MustCompile(`(?i)\b(flag|provided|defined|invalid|required|not set|argument|usage|no such|permission denied|address already|already in use|listen|tcp|bind|parse error|unexpected|expected|line \d|failed|cannot|could not|error|value|directory|exists|show help)\b`)

// TestEveryErrorInItalian runs every mistake of the command line that a
// test can make and fails on a message with English library text, or
// without the option as it was typed.
func TestEveryErrorInItalian(t *testing.T) {
	dir := t.TempDir()
	badTheme := filepath.Join(dir, "rotto.toml")
	os.WriteFile(badTheme, []byte("x = [\n"), 0o644)
	noValue := filepath.Join(dir, "senza-valore.toml")
	os.WriteFile(noValue, []byte("[ente]\nnome = \n"), 0o644)
	noLogo := filepath.Join(dir, "senza-stemma.toml")
	os.WriteFile(noLogo, []byte("[ente]\nlogo = \"stemma.png\"\n"), 0o644)
	badYAML := filepath.Join(dir, "rotto.yaml")
	os.WriteFile(badYAML, []byte("a: [\n"), 0o644)
	personsCSV := filepath.Join(dir, "conti.csv")
	os.WriteFile(personsCSV, []byte("Voce;Importo\n"), 0o644)
	aFile := filepath.Join(dir, "file.txt")
	os.WriteFile(aFile, []byte("x"), 0o644)
	emptyDir := filepath.Join(dir, "vuota")
	os.Mkdir(emptyDir, 0o755)
	pdfDir := filepath.Join(dir, "libro.pdf")
	os.Mkdir(pdfDir, 0o755)
	sheetsDir := filepath.Join(dir, "schede") // a person's file named as a sheet
	os.Mkdir(sheetsDir, 0o755)
	os.WriteFile(filepath.Join(sheetsDir, "2019_ZN10.pdf"), []byte("appunti"), 0o644)
	dirSheets := filepath.Join(dir, "schede2") // a folder named as a sheet
	os.MkdirAll(filepath.Join(dirSheets, "2019_ZN10.pdf"), 0o755)
	inDir := filepath.Join(dir, "cartella")
	os.Mkdir(inDir, 0o755)
	copyFile(t, sample, filepath.Join(inDir, "peg.xlsx"))
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()

	for _, tc := range []struct {
		args string
		want []string // in the message
		not  []string // never in the message
	}{
		{args: "frobnicate", want: []string{`comando sconosciuto "frobnicate"`}},
		{args: "-x", want: []string{"opzione sconosciuta -x"}, not: []string{"--x"}},
		{args: "schede -x a.xlsx", want: []string{"opzione sconosciuta -x"}, not: []string{"--x"}},
		{args: "schede", want: []string{"indicare almeno un file"}},
		{args: "schede --nope x", want: []string{"opzione sconosciuta --nope"}},
		{args: "schede x.xlsx --nope", want: []string{"opzione sconosciuta --nope"}},
		{args: "schede --jobs abc x", want: []string{`--jobs: valore non valido "abc"`}},
		{args: "schede -j abc x", want: []string{`-j: valore non valido "abc"`}},
		{args: "schede --jobs 99999999999999999999 x", want: []string{"--jobs: valore non valido"}},
		{args: "schede --jobs 0 " + sample, want: []string{"--jobs deve essere almeno 1"}},
		{args: "schede --al 31/7/27 " + sample, want: []string{`--al: "31/7/27" non è una data`, "31/07/2027"}, not: []string{"--as-of", "cella"}},
		{args: "schede " + sample + " --al 31/13/2019", want: []string{`--al: "31/13/2019"`}, not: []string{"--as-of"}},
		{args: "schede --as-of 31/13/2019 " + sample, want: []string{`--as-of: "31/13/2019"`}, not: []string{"--al:"}},
		{args: "rapporto --out r.pdf --al=2019-13-01 " + sample, want: []string{`--al: "2019-13-01"`}},
		{args: "schede --data 99/99/2019 " + sample, want: []string{`--data: "99/99/2019"`}, not: []string{"--date"}},
		{args: "schede --tema " + filepath.Join(dir, "manca.toml") + " " + sample, want: []string{"--tema ", "il file non esiste"}, not: []string{"--theme"}},
		{args: "schede --theme " + filepath.Join(dir, "manca.toml") + " " + sample, want: []string{"--theme ", "il file non esiste"}},
		{args: "schede --tema " + badTheme + " " + sample, want: []string{badTheme + ": il file non è TOML valido alla riga 1, colonna 6: manca il valore dopo =", "«pegpdf tema»"}},
		{args: "schede --tema " + noValue + " " + sample, want: []string{noValue + ": il file non è TOML valido alla riga 2, colonna 8: manca il valore dopo = (un testo va tra virgolette", "«pegpdf tema»"}},
		{args: "schede --tema " + noLogo + " " + sample, want: []string{noLogo + `: ente.logo: "stemma.png" non si può leggere: il file non esiste`, "cercato in " + filepath.Join(dir, "stemma.png")}},
		{args: "schede --tema " + badYAML + " " + sample, want: []string{badYAML + ": il file non è YAML valido alla riga 1: controllare i due punti", "«pegpdf tema»"}},
		{args: "schede --password", want: []string{"--password: manca il valore"}},
		{args: "schede -o", want: []string{"-o: manca il valore"}},
		{args: "schede --pdfa=forse " + sample, want: []string{`--pdfa: valore non valido "forse"`}},
		{args: "schede --out " + aFile + " " + sample, want: []string{"è un file, non una cartella"}},
		{args: "schede non-esiste.xlsx", want: []string{"non-esiste.xlsx"}},
		{args: "libretto " + sample, want: []string{"manca l'opzione obbligatoria --out"}},
		{args: "libretto --out " + pdfDir + " " + sample, want: []string{"--out " + pdfDir + " è una cartella: indicare il nome di un file, ad esempio " + filepath.Join(pdfDir, "libretto.pdf")}},
		{args: "libretto -o " + pdfDir + " " + sample, want: []string{"-o " + pdfDir + " è una cartella"}},
		{args: "libretto --anno x --out x.pdf " + sample, want: []string{`--anno: valore non valido "x"`}},
		{args: "rapporto --out " + sample + " " + sample, want: []string{"--out " + sample, "è uno dei file da leggere"}},
		{args: "verifica --rapporto " + sample + " " + sample, want: []string{"--rapporto " + sample, "è uno dei file da leggere"}},
		{args: "verifica --rapporto " + sample + " " + aFile, want: []string{"--rapporto " + sample, "l'elenco dei problemi è un CSV (o un JSON): il nome deve finire in .csv o .json"}},
		{args: "verifica --rapporto " + personsCSV + " " + sample, want: []string{"--rapporto " + personsCSV, "--sovrascrivi"}},
		{args: "verifica", want: []string{"indicare almeno un file"}},
		{args: "schede --out " + sheetsDir + " " + sample, want: []string{filepath.Join(sheetsDir, "2019_ZN10.pdf"), "esiste già", "un'altra cartella", "--sovrascrivi"}},
		{args: "schede -o " + dirSheets + " " + sample, want: []string{filepath.Join(dirSheets, "2019_ZN10.pdf") + " è una cartella", "un'altra cartella con -o"}},
		{args: "verifica " + inDir + " --elenco-problemi " + filepath.Join(inDir, "peg.xlsx"), want: []string{"--elenco-problemi " + filepath.Join(inDir, "peg.xlsx") + " è uno dei file da leggere"}},
		{args: "schede --tema " + badTheme + " --elenco-problemi " + badTheme + " " + sample, want: []string{"--elenco-problemi " + badTheme + " è uno dei file da leggere"}},
		{args: "schede --out " + filepath.Join(aFile, "sub") + " " + sample, want: []string{"non si può creare la cartella", "c'è un file dove dovrebbe esserci una cartella"}},
		{args: "libretto --out " + filepath.Join(aFile, "x.pdf") + " " + sample, want: []string{"c'è un file dove dovrebbe esserci una cartella"}},
		{args: "verifica --elenco-problemi " + filepath.Join(aFile, "x.csv") + " " + sample, want: []string{"c'è un file dove dovrebbe esserci una cartella"}},
		{args: "schede --tema " + dir + " " + sample, want: []string{"--tema " + dir + " è una cartella"}},
		{args: "schede " + emptyDir, want: []string{"nessun file .xlsx"}},
		{args: "modello --out " + dir, want: []string{"è una cartella", "ad esempio " + filepath.Join(dir, "peg-modello.xlsx")}},
		{args: "modello extra.xlsx", want: []string{"«modello» non legge file", "--out extra.xlsx"}},
		{args: "tema mio.toml", want: []string{"«tema» non legge file", "--out mio.toml"}},
		{args: "mappa ufficio.toml", want: []string{"«mappa» non legge file", "--out ufficio.toml"}},
		{args: "tema --out " + badTheme, want: []string{"--sovrascrivi"}},
		{args: "versione x", want: []string{"non prende argomenti"}},
		{args: "completamento", want: []string{"bash, zsh o fish"}},
		{args: "completamento powershell", want: []string{"bash, zsh o fish"}},
		{args: "servizio --addr " + busy.Addr().String(), want: []string{"--addr", "già in uso"}},
		{args: "servizio --addr 127.0.0.1:99999", want: []string{"--addr", "99999"}},
		{args: "servizio --max-size 0", want: []string{"almeno 1"}},
		{args: "servizio --timeout abc", want: []string{`--timeout: valore non valido "abc"`}},
	} {
		code, stdout, stderr := pegpdf(t, strings.Fields(tc.args)...)
		if tc.want == nil {
			continue // accepted or not, only the language is checked below
		}
		if code == 0 {
			t.Errorf("%s: exit 0", tc.args)
		}
		msg := stderr
		for _, line := range strings.Split(stderr, "\n") {
			if strings.Contains(line, ": avviso: ") { // the workbook's own warnings
				msg = strings.Replace(msg, line, "", 1)
			}
		}
		if m := english.FindString(msg + stdout); m != "" {
			t.Errorf("%s: English %q in %q", tc.args, m, msg)
		}
		for _, w := range tc.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: %q lacks %q", tc.args, msg, w)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(msg, n) {
				t.Errorf("%s: %q has %q", tc.args, msg, n)
			}
		}
	}
}

// TestHelpInItalian: every command's help, as typed, in Italian, with the
// Italian names first and no English from the library.
func TestHelpInItalian(t *testing.T) {
	for _, args := range [][]string{
		{"--help"}, {"-h"}, {}, {"aiuto"},
		{"modello", "--help"}, {"schede", "-h"}, {"libretto", "--help"}, {"rapporto", "--help"},
		{"verifica", "--help"}, {"tema", "--help"}, {"servizio", "--help"}, {"controlla-pdf", "--help"},
		{"versione", "--help"}, {"completamento", "--help"},
	} {
		code, stdout, stderr := pegpdf(t, args...)
		if code != 0 || stderr != "" {
			t.Errorf("%v: exit %d, %s", args, code, stderr)
		}
		for _, en := range []string{"NAME:", "USAGE:", "OPTIONS:", "COMMANDS:", "show help", "(default:", "[command options]", "pegpdf template", "pegpdf sheets"} {
			if strings.Contains(stdout, en) {
				t.Errorf("%v: %q in the help:\n%s", args, en, stdout)
			}
		}
		if len(args) > 1 && !strings.Contains(stdout, "pegpdf "+args[0]+" ") {
			t.Errorf("%v: the help does not name the command as typed:\n%.200s", args, stdout)
		}
	}
	_, stdout, _ := pegpdf(t, "rapporto", "--help")
	for _, want := range []string{"--al, --as-of VALORE", "--elenco-problemi, --problems VALORE", "--valutazione, --evaluation VALORE", "--sovrascrivi"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("rapporto --help lacks %q:\n%s", want, stdout)
		}
	}
	for _, hidden := range []string{"--rapporto", "--report", "--csv"} {
		if strings.Contains(stdout, hidden+" ") || strings.Contains(stdout, hidden+",") {
			t.Errorf("rapporto --help shows the old name %s", hidden)
		}
	}
	// Every example in the help uses the Italian names.
	for _, cmd := range []string{"", "schede", "libretto", "rapporto", "verifica", "modello", "tema", "servizio"} {
		args := []string{"--help"}
		if cmd != "" {
			args = []string{cmd, "--help"}
		}
		_, stdout, _ := pegpdf(t, args...)
		for _, line := range strings.Split(stdout, "\n") {
			if !strings.HasPrefix(strings.TrimSpace(line), "pegpdf ") {
				continue
			}
			for _, en := range []string{" sheets ", " booklet ", " report ", " check ", " template ", " theme ", " serve", " verify ",
				"--entity", "--subtitle", "--title", "--with-sheets", "--as-of", "--theme", "--csv", "--report", "--year", "--duplex"} {
				if strings.Contains(line+" ", en) {
					t.Errorf("%v: example with English %q: %s", args, en, line)
				}
			}
		}
	}
}

// TestSummaryCountsErrors: the closing line counts the errors, not only the
// files with errors, with Italian agreement.
func TestSummaryCountsErrors(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "errori.xlsx")
	writeBadWorkbook(t, bad)
	code, stdout, stderr := pegpdf(t, "verifica", bad)
	errs := strings.Count(stdout, ": errore") + strings.Count(stdout, "non è una data")
	if code != exitInput || errs == 0 {
		t.Fatalf("exit %d, %s %s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "1 file, 0 obiettivi, ") || !strings.Contains(stderr, ", 1 errore, 1 file con errori") {
		t.Errorf("summary: %q (problems: %s)", stderr, stdout)
	}
	_, _, stderr = pegpdf(t, "verifica", sample)
	if !strings.Contains(stderr, "1 file, 1 obiettivo, 1 avviso\n") {
		t.Errorf("summary: %q", stderr)
	}
}

// TestInterruptedInItalian: a run stopped by Ctrl+C says so in Italian.
func TestInterruptedInItalian(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	err := run(ctx, []string{"pegpdf", "libretto", "--out", filepath.Join(t.TempDir(), "x.pdf"), sample}, &stdout, &stderr)
	if err == nil || english.MatchString(stderr.String()) || !strings.Contains(stderr.String(), "interrott") {
		t.Errorf("%v: %q", err, stderr.String())
	}
}
