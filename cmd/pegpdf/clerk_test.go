package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The mistakes a new user made on the first day, each as the clerk typed it.

// TestFolderNamesEveryFileNotRead: in a folder, a spreadsheet pegpdf does not
// read (a CSV, an .xlsb, a Numbers file) is an error of that file, named with
// what to do, and the booklet is not written without it; another file (a
// Word document) is named as ignored; only hidden files, Office lock files,
// PDFs and pegpdf's own lists pass in silence.
func TestFolderNamesEveryFileNotRead(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "dir2")
	os.Mkdir(in, 0o755)
	copyFile(t, sample, filepath.Join(in, "a.xlsx"))
	os.WriteFile(filepath.Join(in, "e.csv"), []byte("Codice;Titolo\n2019_X;T\n"), 0o644)
	os.WriteFile(filepath.Join(in, "f.xlsb"), []byte("PK\x03\x04binary"), 0o644)
	os.WriteFile(filepath.Join(in, "h.numbers"), []byte("PK\x03\x04numbers"), 0o644)
	os.WriteFile(filepath.Join(in, "nota.docx"), []byte("PK\x03\x04word"), 0o644)
	os.WriteFile(filepath.Join(in, "~$a.xlsx"), []byte("lock"), 0o644)
	os.WriteFile(filepath.Join(in, ".nascosto.xlsx"), []byte("hidden"), 0o644)
	os.WriteFile(filepath.Join(in, "vecchio.pdf"), []byte("%PDF-1.7"), 0o644)
	if code, _, stderr := pegpdf(t, "verifica", "--elenco-problemi", filepath.Join(in, "esito.csv"), sample); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// The list of an older pegpdf, written under an .xlsx name.
	data, _ := os.ReadFile(filepath.Join(in, "esito.csv"))
	os.WriteFile(filepath.Join(in, "esito-vecchio.xlsx"), data, 0o644)

	out := filepath.Join(dir, "dir2.pdf")
	code, _, stderr := pegpdf(t, "libretto", "--out", out, in)
	if code != exitInput {
		t.Errorf("exit %d, want %d:\n%s", code, exitInput, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the booklet was written without e.csv, f.xlsb, h.numbers")
	}
	for _, want := range []string{
		filepath.Join(in, "e.csv") + ": il file non si può leggere: è un file CSV: aprirlo in Excel o LibreOffice e salvarlo come .xlsx",
		filepath.Join(in, "f.xlsb") + ": il file non si può leggere: è un file Excel binario (.xlsb)",
		filepath.Join(in, "h.numbers") + ": il file non si può leggere: è un file di Numbers",
		filepath.Join(in, "nota.docx") + ": ignorato",
		filepath.Join(in, "esito-vecchio.xlsx") + ": ignorato",
		"4 file, 1 obiettivo",
		"3 file con errori",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	for _, line := range strings.Split(stderr, "\n") {
		if strings.Contains(line, "salvarlo come .xlsx") && !strings.Contains(line, "toglierlo dalla cartella") {
			t.Errorf("a file found in a folder: the advice lacks «toglierlo dalla cartella»: %s", line)
		}
	}
	for _, quiet := range []string{"~$a.xlsx", ".nascosto.xlsx", "vecchio.pdf", "esito.csv"} {
		if strings.Contains(stderr, quiet) {
			t.Errorf("%s is named:\n%s", quiet, stderr)
		}
	}
}

// TestFolderWithOnlyOtherFiles: a folder with no workbook names what it
// holds instead of saying only that there is nothing.
func TestFolderWithOnlyOtherFiles(t *testing.T) {
	in := t.TempDir()
	os.WriteFile(filepath.Join(in, "nota.docx"), []byte("word"), 0o644)
	code, _, stderr := pegpdf(t, "verifica", in)
	if code != exitUsage || !strings.Contains(stderr, "nota.docx: ignorato") || !strings.Contains(stderr, "nessun file .xlsx o .ods") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// TestInputNamedByKind: a file given by name is told what it is by its
// name: a CSV is a CSV, not "un CSV rinominato"; an Excel lock file is one.
func TestInputNamedByKind(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "peg.csv")
	os.WriteFile(csv, []byte("Codice;Titolo\n2019_X;T\n"), 0o644)
	lock := filepath.Join(dir, "~$peg.xlsx")
	os.WriteFile(lock, []byte("\x0bpersona   "), 0o644)
	pdf := filepath.Join(dir, "schede.pdf")
	os.WriteFile(pdf, []byte("%PDF-1.7\n"), 0o644)
	theme := filepath.Join(dir, "tema.toml")
	os.WriteFile(theme, []byte("[ente]\nnome = \"Comune\"\n"), 0o644)
	for _, tc := range []struct{ path, want string }{
		{csv, "peg.csv: il file non si può leggere: è un file CSV: aprirlo in Excel o LibreOffice e salvarlo come .xlsx\n"},
		{lock, "~$peg.xlsx: il file non si può leggere: è il file di blocco che Excel crea mentre il file è aperto: indicare il file senza ~$ (e chiuderlo in Excel)\n"},
		{filepath.Join(dir, "manca.csv"), "manca.csv: il file non esiste: controllare il nome\n"},
		{pdf, "schede.pdf: il file non si può leggere: è un PDF: pegpdf legge il file .xlsx o .ods da cui si fanno i PDF"},
		{theme, "tema.toml: il file non si può leggere: è un tema o una mappatura, non un foglio: indicarlo con --tema o --mappa"},
	} {
		code, stdout, stderr := pegpdf(t, "verifica", tc.path)
		if code != exitInput || !strings.Contains(stdout, tc.want) || strings.Contains(stdout, "rinominato") {
			t.Errorf("%s: exit %d: %s%s", tc.path, code, stdout, stderr)
		}
	}
	// A real workbook under a lock file's name is not read either.
	copyFile(t, sample, lock)
	if code, stdout, _ := pegpdf(t, "verifica", lock); code != exitInput || !strings.Contains(stdout, "file di blocco") {
		t.Errorf("a workbook named ~$: exit %d: %s", code, stdout)
	}
}

// TestMappingFileProblems: a --mappa that cannot be used is a mistake of
// the command line (exit 2), in Italian, naming the file.
func TestMappingFileProblems(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "rotta.toml")
	os.WriteFile(broken, []byte("[fogli]\nobiettivi = \n"), 0o644)
	unknown := filepath.Join(dir, "sbagliata.toml")
	os.WriteFile(unknown, []byte("[colonne.obiettivi]\n\"Titol\" = \"Obiettivo\"\n"), 0o644)
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"verifica", "--mappa", filepath.Join(dir, "nonce.toml"), sample}, []string{"--mappa " + filepath.Join(dir, "nonce.toml") + ": il file non esiste"}},
		{[]string{"schede", "--mapping", filepath.Join(dir, "nonce.toml"), "--out", dir, sample}, []string{"--mapping " + filepath.Join(dir, "nonce.toml") + ": il file non esiste"}},
		{[]string{"verifica", "--mappa", dir, sample}, []string{"--mappa " + dir + " è una cartella"}},
		{[]string{"verifica", "--mappa", broken, sample}, []string{broken + ": file di mappatura non valido: riga 2", "manca il valore dopo ="}},
		{[]string{"verifica", "--mappa", unknown, sample}, []string{unknown + ": ", `"Titol" non è una colonna`}},
	} {
		code, stdout, stderr := pegpdf(t, tc.args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d: %s", tc.args, code, exitUsage, stderr)
		}
		if m := english.FindString(stderr + stdout); m != "" {
			t.Errorf("%v: English %q in %q", tc.args, m, stderr)
		}
		for _, w := range tc.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%v: %q lacks %q", tc.args, stderr, w)
			}
		}
	}
}

// TestOutputExtension: an output whose name says another kind of file is
// refused before any work; a name without an extension gets its own.
func TestOutputExtension(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"rapporto", "--out", at("r.csv"), sample}, "--out " + at("r.csv") + ": il rapporto è un PDF: il nome deve finire in .pdf (ad esempio " + at("r.pdf") + ")"},
		{[]string{"libretto", "-o", at("l.xlsx"), sample}, "-o " + at("l.xlsx") + ": il libretto è un PDF: il nome deve finire in .pdf"},
		{[]string{"verifica", "--elenco-problemi", at("esito.xlsx"), sample}, "--elenco-problemi " + at("esito.xlsx") + ": l'elenco dei problemi è un CSV (o un JSON): il nome deve finire in .csv o .json (ad esempio " + at("esito.csv") + ")"},
		{[]string{"rapporto", "--out", at("r.pdf"), "--valutazione", at("v.xlsx"), sample}, "--valutazione " + at("v.xlsx") + ": la valutazione è un CSV: il nome deve finire in .csv"},
		{[]string{"modello", "--out", at("m.pdf")}, "--out " + at("m.pdf") + ": il modello è un file Excel: il nome deve finire in .xlsx"},
		{[]string{"tema", "--out", at("t.yaml")}, "--out " + at("t.yaml") + ": il tema scritto da pegpdf è TOML: il nome deve finire in .toml"},
		{[]string{"mappa", "--out", at("m.xlsx")}, "--out " + at("m.xlsx") + ": la mappatura è TOML: il nome deve finire in .toml"},
		{[]string{"schede", "--out", at("schede.pdf"), sample}, "--out " + at("schede.pdf") + ": «schede» scrive un PDF per obiettivo in una cartella"},
	} {
		code, _, stderr := pegpdf(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, want %d and %q:\n%s", tc.args, code, exitUsage, tc.want, stderr)
		}
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("written: %v", left)
	}
	// Without an extension, the one of what is written; digits after a dot
	// are part of the name.
	for _, tc := range []struct {
		args []string
		file string
	}{
		{[]string{"libretto", "--out", at("peg-2027"), sample}, "peg-2027.pdf"},
		{[]string{"libretto", "--out", at("peg.2027"), sample}, "peg.2027.pdf"},
		{[]string{"libretto", "--out", at("peg."), sample}, "peg.pdf"},
		{[]string{"verifica", "--elenco-problemi", at("esito"), sample}, "esito.csv"},
		{[]string{"modello", "--out", at("peg-vuoto")}, "peg-vuoto.xlsx"},
		{[]string{"tema", "--out", at("mio")}, "mio.toml"},
		{[]string{"mappa", "--out", at("ufficio")}, "ufficio.toml"},
		{[]string{"rapporto", "--out", at("R.PDF"), sample}, "R.PDF"},
	} {
		code, _, stderr := pegpdf(t, tc.args...)
		if _, err := os.Stat(at(tc.file)); code != 0 || err != nil || !strings.Contains(stderr, at(tc.file)) {
			t.Errorf("%v: exit %d, %v: %s", tc.args, code, err, stderr)
		}
	}
}

// TestMissingOutputFolder: every output whose folder does not exist gets
// it, as «schede» makes its folder; a run that writes nothing makes none.
func TestMissingOutputFolder(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		file string
	}{
		{[]string{"libretto", "--out", filepath.Join(dir, "a", "b", "x.pdf"), sample}, filepath.Join(dir, "a", "b", "x.pdf")},
		{[]string{"rapporto", "--out", filepath.Join(dir, "r", "r.pdf"), "--valutazione", filepath.Join(dir, "v", "v.csv"), sample}, filepath.Join(dir, "v", "v.csv")},
		{[]string{"verifica", "--elenco-problemi", filepath.Join(dir, "e", "e.csv"), sample}, filepath.Join(dir, "e", "e.csv")},
		{[]string{"modello", "--out", filepath.Join(dir, "m", "m.xlsx")}, filepath.Join(dir, "m", "m.xlsx")},
		{[]string{"tema", "--out", filepath.Join(dir, "t", "t.toml")}, filepath.Join(dir, "t", "t.toml")},
		{[]string{"mappa", "--out", filepath.Join(dir, "p", "p.toml")}, filepath.Join(dir, "p", "p.toml")},
	} {
		code, _, stderr := pegpdf(t, tc.args...)
		if _, err := os.Stat(tc.file); code != 0 || err != nil {
			t.Errorf("%v: exit %d, %v: %s", tc.args, code, err, stderr)
		}
	}
	bad := filepath.Join(dir, "errori.xlsx")
	writeBadWorkbook(t, bad)
	if code, _, _ := pegpdf(t, "libretto", "--out", filepath.Join(dir, "mai", "x.pdf"), bad); code != exitInput {
		t.Errorf("exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "mai")); err == nil {
		t.Error("a booklet not written made its folder")
	}
}

// TestProgressSaysOnlyWhatIsKnown: the line of each file as it is read
// never says «ok» of a file that has warnings, nor before a Codice repeated
// in another file is known; it counts the warnings.
func TestProgressSaysOnlyWhatIsKnown(t *testing.T) {
	in := t.TempDir()
	copyFile(t, sample, filepath.Join(in, "a.xlsx"))
	copyFile(t, sample, filepath.Join(in, "b.xlsx")) // the same Codice
	code, _, stderr := pegpdf(t, "libretto", "--out", filepath.Join(t.TempDir(), "l.pdf"), in)
	if code != exitInput || !strings.Contains(stderr, "Codice \"2019_ZN10\" già presente") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := regexp.MustCompile(`(?m)^\[\d/2\] .*$`).FindAllString(stderr, -1)
	if len(lines) != 2 {
		t.Fatalf("progress lines: %q", lines)
	}
	for _, l := range lines {
		if strings.HasSuffix(l, ": ok") || !strings.HasSuffix(l, ": letto, 1 avviso") {
			t.Errorf("progress line %q, want «letto, 1 avviso»", l)
		}
	}
}

// TestMistypedCommand: a command or an option typed almost right is
// named as it should be.
func TestMistypedCommand(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"servi"}, `comando sconosciuto "servi": forse «servizio»?`},
		{[]string{"libreto", "--out", "x.pdf", "peg.xlsx"}, `comando sconosciuto "libreto": forse «libretto»?`},
		{[]string{"verfica", "peg.xlsx"}, `forse «verifica»?`},
		{[]string{"schede", "--sovrascrivere", "peg.xlsx"}, "opzione sconosciuta --sovrascrivere: forse --sovrascrivi?"},
		{[]string{"libretto", "--ouput", "x.pdf", "peg.xlsx"}, "opzione sconosciuta --ouput: forse --out?"},
		{[]string{"peg.xlsx"}, `comando sconosciuto "peg.xlsx": il comando va prima del file, ad esempio «pegpdf verifica peg.xlsx»`},
		{[]string{"verifica", "peg.xlsx", "--tema", "t.toml"}, "opzione sconosciuta --tema: «verifica» non la usa (vale per schede, libretto, rapporto, servizio)"},
		{[]string{"schede", "--ente", "Comune di Esempio", "peg.xlsx"}, "opzione sconosciuta --ente: «schede» non la usa (vale per libretto, rapporto)"},
	} {
		code, _, stderr := pegpdf(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, want %q:\n%s", tc.args, code, tc.want, stderr)
		}
	}
	if _, _, stderr := pegpdf(t, "frobnicate"); strings.Contains(stderr, "forse") {
		t.Errorf("a suggestion for nothing like a command: %s", stderr)
	}
}

// TestHelpInPlainWords: the options are explained without the words of
// programmers, each in a line a terminal shows whole.
func TestHelpInPlainWords(t *testing.T) {
	for _, cmd := range []string{"schede", "libretto", "rapporto", "verifica", "modello", "tema", "mappa"} {
		_, stdout, _ := pegpdf(t, cmd, "--help")
		for _, jargon := range []string{"SOURCE_DATE_EPOCH", "Producer", "TOML o YAML", "processori", "in parallelo"} {
			if strings.Contains(stdout, jargon) {
				t.Errorf("%s --help says %q", cmd, jargon)
			}
		}
		for _, line := range strings.Split(stdout, "\n") {
			if strings.HasPrefix(line, "   --") && len([]rune(line)) > 170 {
				t.Errorf("%s --help: a line of %d characters: %s", cmd, len([]rune(line)), line)
			}
		}
	}
}

// TestPatternAsTyped: a pattern the shell did not expand (the Windows
// Prompt never does) reads the files it matches, as a folder's: not the
// Office lock file beside them.
func TestPatternAsTyped(t *testing.T) {
	in := t.TempDir()
	copyFile(t, sample, filepath.Join(in, "a.xlsx"))
	os.WriteFile(filepath.Join(in, "~$a.xlsx"), []byte("lock"), 0o644)
	os.WriteFile(filepath.Join(in, "b.xlsx.bak"), []byte("old"), 0o644)
	code, stdout, stderr := pegpdf(t, "verifica", filepath.Join(in, "*.xlsx"))
	if code != 0 || !strings.Contains(stderr, "1 file, 1 obiettivo") || strings.Contains(stdout+stderr, "~$") {
		t.Errorf("exit %d: %s%s", code, stdout, stderr)
	}
	code, stdout, _ = pegpdf(t, "verifica", filepath.Join(in, "*.xlss"))
	if code != exitInput || !strings.Contains(stdout, "*.xlss: il file non esiste") {
		t.Errorf("a pattern matching nothing: exit %d: %s", code, stdout)
	}
}

// TestHelpOfACommand: «pegpdf aiuto libretto» is the booklet's help, not
// the list of commands.
func TestHelpOfACommand(t *testing.T) {
	for _, args := range [][]string{{"aiuto", "libretto"}, {"help", "booklet"}} {
		code, stdout, _ := pegpdf(t, args...)
		if code != 0 || !strings.Contains(stdout, "pegpdf "+args[1]+" - un solo PDF") {
			t.Errorf("%v: exit %d:\n%.300s", args, code, stdout)
		}
	}
}

// TestServeNetworkWithoutAddress: --rete alone leaves the page on this
// computer only, and says so instead of letting the colleagues find nothing.
func TestServeNetworkWithoutAddress(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // serve returns as soon as it listens
	var stdout, stderr bytes.Buffer
	run(ctx, []string{"pegpdf", "servizio", "--rete", "--addr", "127.0.0.1:0"}, &stdout, &stderr)
	if !strings.Contains(stderr.String(), "la pagina si apre solo da questo computer, anche con --rete") {
		t.Errorf("no warning: %s", stderr.String())
	}
}

// TestSheetsInTheCurrentFolder: the closing line names the current folder
// in words, not as «.».
func TestSheetsInTheCurrentFolder(t *testing.T) {
	abs, _ := filepath.Abs(sample)
	t.Chdir(t.TempDir())
	code, _, stderr := pegpdf(t, "schede", abs)
	if code != 0 || !strings.Contains(stderr, "1 scheda scritta nella cartella corrente\n") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}
