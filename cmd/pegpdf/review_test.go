package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestEditedListIsKept: a problem list or an evaluation a person changed
// after pegpdf wrote it (a line added, a value, a field in the JSON, a
// re-saving that changes line ends) is kept without --sovrascrivi, even
// when its first line is still pegpdf's.
func TestEditedListIsKept(t *testing.T) {
	dir := t.TempDir()
	const book = "../../samples/peg-2019.xlsx"
	eval := filepath.Join(dir, "v.csv")
	report := []string{"rapporto", "--al", "31/07/2019", "--valutazione", eval, "--out", filepath.Join(dir, "r.pdf"), book}
	mustRun(t, report...)
	mustRun(t, report...) // its own: replaced
	own, _ := os.ReadFile(eval)
	for _, edit := range []string{
		string(own) + "NOTE;mia nota importante\n",
		strings.Replace(string(own), ";IN LINEA;", ";IN LINEA (verificato);", 1),
		strings.ReplaceAll(string(own), "\n", "\r\n"),
		string(own) + "2019_XX1;D;S;Titolo;10,0;IN LINEA;NEI TEMPI;1;1;5;commento\n",
	} {
		os.WriteFile(eval, []byte(edit), 0o644)
		mustKeep(t, eval, edit, report...)
	}

	for _, name := range []string{"problemi.csv", "problemi.json"} {
		path := filepath.Join(dir, name)
		check := []string{"verifica", "--elenco-problemi", path, book}
		mustRun(t, check...)
		mustRun(t, check...)
		own, _ := os.ReadFile(path)
		edit := string(own) + "peg.xlsx;ok;3;;;;visto dal dirigente\n"
		if name == "problemi.json" {
			edit = strings.Replace(string(own), `"status": "avvisi",`, `"status": "avvisi", "nota": "visto",`, 1)
		}
		if edit == string(own) {
			t.Fatalf("%s: the edit changed nothing: %s", name, own)
		}
		os.WriteFile(path, []byte(edit), 0o644)
		mustKeep(t, path, edit, check...)
	}
}

// TestListingReadsOnlyTheHead: listing a folder tells pegpdf's own lists by
// their first bytes: a large file there is not read whole.
func TestListingReadsOnlyTheHead(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, sample, filepath.Join(dir, "peg.xlsx"))
	big := filepath.Join(dir, "scansione.pdf.bak")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("%PDF-1.4\n")
	if err := f.Truncate(256 << 20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	inputs, err := expand([]string{dir}, io.Discard)
	runtime.ReadMemStats(&after)
	if err != nil || len(inputs) != 1 {
		t.Fatalf("%v, %v", inputs, err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Errorf("listing the folder allocated %d MB", n>>20)
	}
}

// TestSheetsKeepAnotherPDF: in the sheets' folder only the sheet of the
// same Codice is replaced; another PDF of pegpdf's under that name (a
// report, another Codice's sheet) is kept.
func TestSheetsKeepAnotherPDF(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "schede")
	os.Mkdir(out, 0o777)
	at := filepath.Join(out, "2019_ZN10.pdf")

	mustRun(t, "rapporto", "--al", "31/07/2019", "--out", filepath.Join(dir, "r.pdf"), sample)
	copyFile(t, filepath.Join(dir, "r.pdf"), at)
	report, _ := os.ReadFile(at)
	mustKeep(t, at, string(report), "schede", "--out", out, sample)

	mustRun(t, "libretto", "--out", filepath.Join(dir, "l.pdf"), sample)
	copyFile(t, filepath.Join(dir, "l.pdf"), at)
	booklet, _ := os.ReadFile(at)
	mustKeep(t, at, string(booklet), "schede", "--out", out, sample)

	others := filepath.Join(dir, "altre")
	mustRun(t, "schede", "--out", others, "../../samples/peg-2019.xlsx")
	copyFile(t, filepath.Join(others, "2019_CT1.pdf"), at)
	other, _ := os.ReadFile(at)
	mustKeep(t, at, string(other), "schede", "--out", out, sample)

	os.Remove(at)
	mustRun(t, "schede", "--out", out, sample)
	mustRun(t, "schede", "--out", out, "--al", "31/07/2019", sample) // its own: replaced
}

// TestMessagesNameWhatWasTyped: an option written wrong is named in
// Italian; help on a command that does not exist says so (exit 2); a
// command typed after the file is suggested first.
func TestMessagesNameWhatWasTyped(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"schede", "--=x"}, "«--=x» non è un'opzione scritta bene"},
		{[]string{"aiuto", "nonexist"}, `il comando "nonexist" non esiste`},
		{[]string{"aiuto", "libreto"}, "forse «pegpdf aiuto libretto»?"},
		{[]string{"help", "shede"}, "forse «pegpdf aiuto schede»?"},
		{[]string{"peg.xlsx", "libretto"}, "«pegpdf libretto peg.xlsx»"},
		{[]string{"peg.xlsx", "--out", "a b.pdf", "schede"}, `«pegpdf schede peg.xlsx --out "a b.pdf"»`},
	} {
		code, stdout, stderr := pegpdf(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "bad flag") || strings.Contains(stdout, "COMANDI:") {
			t.Errorf("%v: exit %d, want %q:\n%s%s", tc.args, code, tc.want, stdout, stderr)
		}
	}
}

// TestServeInItalian: the service's help uses the Italian names and no
// HTTP codes; the limits have Italian names and keep the English ones;
// the messages name the options as typed, in Italian otherwise.
func TestServeInItalian(t *testing.T) {
	_, stdout, _ := pegpdf(t, "servizio", "--help")
	for _, s := range []string{"--indirizzo 0.0.0.0:8080 --codice", "--dimensione-massima", "--conversioni", "--attesa", "--tempo-massimo", "troppo grandi", "occupato"} {
		if !strings.Contains(stdout, s) {
			t.Errorf("the help lacks %q", s)
		}
	}
	for _, s := range []string{"413", "408", "503", "--addr 0.0.0.0", "--token \""} {
		if strings.Contains(stdout, s) {
			t.Errorf("the help says %q:\n%s", s, stdout)
		}
	}
	for _, line := range strings.Split(stdout, "\n") {
		if len([]rune(line)) > 170 {
			t.Errorf("a line of %d characters: %s", len([]rune(line)), line)
		}
	}
	for _, tc := range []struct {
		args      []string
		want, not string
	}{
		{[]string{"servizio", "--dimensione-massima", "0"}, "--dimensione-massima 0: deve essere almeno 1", "--max-size"},
		{[]string{"servizio", "--max-size", "0"}, "--max-size 0: deve essere almeno 1", "--dimensione-massima"},
		{[]string{"servizio", "--conversioni", "0"}, "--conversioni 0", "--max-concurrent"},
		{[]string{"servizio", "--max-concurrent=0"}, "--max-concurrent 0", "--conversioni"},
		{[]string{"servizio", "--attesa", "x"}, "--attesa", "--queue-wait"},
		{[]string{"servizio", "--tempo-massimo", "x"}, "--tempo-massimo", "--timeout"},
		{[]string{"servizio", "--indirizzo", "0.0.0.0:1"}, "aggiungere --rete per permetterlo (e --codice", "--token"},
		{[]string{"servizio", "--addr", "0.0.0.0:1"}, "--addr 0.0.0.0:1 apre", "--indirizzo"},
		{[]string{"servizio", "--indirizzo", "x"}, "--indirizzo x: scrivere indirizzo:porta", "--addr"},
	} {
		code, _, stderr := pegpdf(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, tc.not) {
			t.Errorf("%v: exit %d, want %q, not %q:\n%s", tc.args, code, tc.want, tc.not, stderr)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // serve returns as soon as it listens
	var out, errs bytes.Buffer
	run(ctx, []string{"pegpdf", "servizio", "--rete", "--indirizzo", "127.0.0.1:0"}, &out, &errs)
	if !strings.Contains(errs.String(), "con --indirizzo 127.0.0.1:0 la pagina si apre solo da questo computer") || strings.Contains(errs.String(), "--addr") {
		t.Errorf("the warning does not name --indirizzo as typed: %s", errs.String())
	}
}

// TestSheetOfItsCodice: a sheet is told by its Info dictionary, or by its
// XMP metadata when the Info dictionary cannot be read.
func TestSheetOfItsCodice(t *testing.T) {
	for _, tc := range []struct {
		pdf, name string
		want      bool
	}{
		{"1 0 obj\n<<\n/Title (2019/ZN10 \\226 Titolo)\n/Subject (Scheda obiettivo 2019/ZN10)\n>>\nendobj\ntrailer\n<</Info 1 0 R>>", "2019_ZN10.pdf", false}, // \226 is no dash: not ours
		{"1 0 obj\n<<\n/Title <feff00410020201300200042>\n/Subject <feff0053002000410031>\n>>\nendobj\ntrailer\n<</Info 1 0 R>>", "A.pdf", false},
		{"1 0 obj\n<<\n/Title <feff0041003100202013002000420020201300200043>\n/Subject <feff0053002000410031>\n>>\nendobj\ntrailer\n<</Info 1 0 R>>", "a1.pdf", true},
		{`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Z&amp;1 – T</rdf:li></rdf:Alt></dc:title><dc:description><rdf:Alt><rdf:li xml:lang="x-default">Scheda Z&amp;1</rdf:li></rdf:Alt></dc:description>`, "Z_1.pdf", true},
		{`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">PEG 2019 – Comune</rdf:li></rdf:Alt></dc:title><dc:description><rdf:Alt><rdf:li xml:lang="x-default">PEG 2019: 3 obiettivi</rdf:li></rdf:Alt></dc:description>`, "PEG_2019.pdf", false},
	} {
		if got := isSheetOf([]byte("\n"+tc.pdf), tc.name); got != tc.want {
			t.Errorf("%s in %q: %v, want %v", tc.name, tc.pdf, got, tc.want)
		}
	}
}

// TestProgressSaysNotRead: the progress line of a file that could not be
// opened (protected, damaged) says «non letto», not «letto, 1 errore».
func TestProgressSaysNotRead(t *testing.T) {
	dir := t.TempDir()
	for _, c := range badInputs(t) {
		if c.name == "protetto.xlsx" || c.name == "troncato.xlsx" {
			if err := os.WriteFile(filepath.Join(dir, c.name), c.data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	good := filepath.Join(dir, "buono.xlsx")
	data, err := os.ReadFile("../../samples/2019_ZN10.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(good, data, 0o644)
	_, stdout, stderr := pegpdf(t, "libretto", "--out", filepath.Join(t.TempDir(), "l.pdf"), dir)
	for _, want := range []string{"protetto.xlsx: non letto", "troncato.xlsx: non letto", "buono.xlsx: letto, 1 avviso"} {
		if !strings.Contains(stdout+stderr, want) {
			t.Errorf("progress lacks %q:\n%s", want, stderr)
		}
	}
}

// TestMappaSuggestsAToml: «pegpdf mappa rag.xlsx» suggests a .toml name to
// write the example to, never the office's workbook.
func TestMappaSuggestsAToml(t *testing.T) {
	code, _, stderr := pegpdf(t, "mappa", "rag.xlsx")
	if code != 2 || !strings.Contains(stderr, "--out rag.toml") || strings.Contains(stderr, "--out rag.xlsx") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}
