package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = "../../samples/2019_ZN10.xlsx"

// mustKeep runs pegpdf, which must refuse with exit 2 naming --sovrascrivi,
// and checks that path still holds want.
func mustKeep(t *testing.T, path, want string, args ...string) {
	t.Helper()
	code, _, stderr := pegpdf(t, args...)
	if code != exitUsage || !strings.Contains(stderr, "--sovrascrivi") || !strings.Contains(stderr, path) {
		t.Errorf("%v: exit %d, %q; want a refusal naming %s and --sovrascrivi", args, code, stderr, path)
	}
	if got, _ := os.ReadFile(path); string(got) != want {
		t.Errorf("%v: %s was replaced: %.60q", args, path, got)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), tempPrefix+"*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func mustRun(t *testing.T, args ...string) {
	t.Helper()
	if code, _, stderr := pegpdf(t, args...); code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, stderr)
	}
}

// TestNeverReplaceAPersonsFile: the template and the theme never replace a
// file; --sovrascrivi does.
func TestNeverReplaceAPersonsFile(t *testing.T) {
	dir := t.TempDir()
	filled := filepath.Join(dir, "compilato.xlsx")
	os.WriteFile(filled, []byte("a workbook a clerk filled in"), 0o644)
	mustKeep(t, filled, "a workbook a clerk filled in", "modello", "--out", filled)
	mustKeep(t, filled, "a workbook a clerk filled in", "template", "-o", filled)

	theme := filepath.Join(dir, "tema.toml")
	os.WriteFile(theme, []byte("entity = \"Comune di Valverde\"\n"), 0o644)
	mustKeep(t, theme, "entity = \"Comune di Valverde\"\n", "tema", "--out", theme)

	mapping := filepath.Join(dir, "mappa.toml")
	os.WriteFile(mapping, []byte("# la mappa del nostro ufficio\n"), 0o644)
	mustKeep(t, mapping, "# la mappa del nostro ufficio\n", "mappa", "--out", mapping)

	// The template does not replace its own earlier output either: the
	// clerk may have filled it in since.
	blank := filepath.Join(dir, "vuoto.xlsx")
	mustRun(t, "modello", "--out", blank)
	before, _ := os.ReadFile(blank)
	mustKeep(t, blank, string(before), "modello", "--out", blank)

	mustRun(t, "modello", "--out", filled, "--sovrascrivi")
	if got, _ := os.ReadFile(filled); !strings.HasPrefix(string(got), "PK") {
		t.Errorf("--sovrascrivi did not replace the file: %.20q", got)
	}
	mustRun(t, "theme", "--out", theme, "--overwrite")
	mustRun(t, "mappa", "--out", mapping, "--sovrascrivi")
}

// TestReplaceOnlyPegpdfOutputs: a PDF, CSV or JSON pegpdf wrote is
// replaced by the next run; one another program wrote or changed is not.
func TestReplaceOnlyPegpdfOutputs(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "peg.pdf")
	mustRun(t, "libretto", "--out", book, sample)
	mustRun(t, "libretto", sample, "--out", book) // its own output: replaced

	// Signed or annotated: an incremental update after pegpdf's %%EOF.
	data, _ := os.ReadFile(book)
	signed := string(data) + "\n5 0 obj\n<< /Type /Sig >>\nendobj\nxref\n0 0\ntrailer\n<< >>\nstartxref\n0\n%%EOF\n"
	os.WriteFile(book, []byte(signed), 0o644)
	mustKeep(t, book, signed, "libretto", "--out", book, sample)

	scanned := filepath.Join(dir, "delibera.pdf")
	other := "%PDF-1.4\n1 0 obj\n<< /Producer (Scanner) >>\nendobj\ntrailer\n<< >>\n%%EOF\n"
	os.WriteFile(scanned, []byte(other), 0o644)
	mustKeep(t, scanned, other, "rapporto", "--al", "31/07/2019", "--out", scanned, sample)
	mustKeep(t, filepath.Join(dir, "delibera.pdf"), other, "rapporto", "--al", "31/07/2019", "--out", filepath.Join(dir, "delibera"), sample)

	// The template never replaces a file, even one pegpdf wrote (a PDF
	// named .xlsx; a PDF's own name is refused for the template).
	mustRun(t, "libretto", "--out", book, "--sovrascrivi", sample)
	data, _ = os.ReadFile(book)
	named := filepath.Join(dir, "libretto.xlsx")
	os.WriteFile(named, data, 0o644)
	mustKeep(t, named, string(data), "modello", "--out", named)

	// Problems list and evaluation: pegpdf's own CSV and JSON are
	// replaced, a person's is not.
	for _, name := range []string{"problemi.csv", "problemi.json"} {
		path := filepath.Join(dir, name)
		mustRun(t, "verifica", "--elenco-problemi", path, sample)
		mustRun(t, "verifica", sample, "--elenco-problemi", path)
		mustRun(t, "schede", "--out", filepath.Join(dir, "schede"), "--rapporto", path, sample)
		os.WriteFile(path, []byte("Note dell'ufficio;\n"), 0o644)
		mustKeep(t, path, "Note dell'ufficio;\n", "verifica", "--report", path, sample)
	}
	eval := filepath.Join(dir, "esiti.csv")
	for range 2 {
		mustRun(t, "rapporto", "--al", "31/07/2019", "--out", filepath.Join(dir, "r.pdf"), "--valutazione", eval, sample)
	}
	os.WriteFile(eval, []byte("Codice;Mio commento\n"), 0o644)
	mustKeep(t, eval, "Codice;Mio commento\n", "rapporto", "--al", "31/07/2019", "--out", filepath.Join(dir, "r.pdf"), "--csv", eval, sample)

	// An input is never an output, even with --sovrascrivi.
	in := filepath.Join(dir, "peg.xlsx")
	copyFile(t, sample, in)
	before, _ := os.ReadFile(in)
	for _, args := range [][]string{
		{"verifica", "--sovrascrivi", "--elenco-problemi", in, in},
		{"schede", "--out", filepath.Join(dir, "s"), "--rapporto", in, "--sovrascrivi", in},
		{"rapporto", "--out", filepath.Join(dir, "r.pdf"), "--valutazione", in, "--overwrite", in},
	} {
		if code, _, stderr := pegpdf(t, args...); code != exitUsage || !strings.Contains(stderr, "è uno dei file da leggere") {
			t.Errorf("%v: exit %d, %s", args, code, stderr)
		}
	}
	if after, _ := os.ReadFile(in); string(after) != string(before) {
		t.Error("an input was overwritten")
	}

	// Two outputs into one file.
	code, _, stderr := pegpdf(t, "rapporto", "--out", filepath.Join(dir, "x.pdf"), "--elenco-problemi", filepath.Join(dir, "x.csv"), "--valutazione", filepath.Join(dir, "x.csv"), sample)
	if code != exitUsage || !strings.Contains(stderr, "lo stesso file") {
		t.Errorf("same file twice: exit %d, %s", code, stderr)
	}
}

// TestSheetsReplaceTheirCodice: in the sheets' folder, the sheet pegpdf
// wrote for the same Codice is replaced, as documented (a file it did not
// write there is kept: TestSheetsKeepAPersonsFile).
func TestSheetsReplaceTheirCodice(t *testing.T) {
	out := t.TempDir()
	old := filepath.Join(out, "2019_ZN10.pdf")
	mustRun(t, "schede", "--out", out, sample)
	before, _ := os.ReadFile(old)
	mustRun(t, "schede", "--out", out, "--al", "31/07/2019", sample)
	if got, _ := os.ReadFile(old); !strings.HasPrefix(string(got), "%PDF-") || string(got) == string(before) {
		t.Errorf("the sheet was not replaced: %.20q", got)
	}
}

func TestIsPegpdfPDF(t *testing.T) {
	for _, tc := range []struct {
		pdf  string
		want bool
	}{
		{"%PDF-1.7\n/Producer <feff007000650067007000640066>\n%%EOF\n", true},
		{"%PDF-1.7\n/Producer (pegpdf)\n%%EOF", true},
		{"%PDF-1.7\n/Producer (pegpdf 1.2.0)\n%%EOF\n", true},
		{"%PDF-1.7\n/Producer <FEFF00700065006700700064006600200031>\n%%EOF\n", true},
		{"%PDF-1.7\n/Producer (pdfTeX)\n/Creator (pegpdf)\n%%EOF\n", false},
		{"%PDF-1.7\n/Producer (pegpdf)\n%%EOF\n/Producer (Acrobat)\n%%EOF\n", false},
		{"%PDF-1.7\n/Producer (Microsoft Word)\n%%EOF\n", false},
		{"%PDF-1.7\n/Producer (pegpdf)\n", false},
	} {
		if got := isPegpdfPDF([]byte(tc.pdf)); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.pdf, got, tc.want)
		}
	}
}

// TestOutputInAnInputFolder: an output that is a workbook found inside a
// folder given as input, or the theme or the mapping read, is refused
// before anything is written, even with --sovrascrivi.
func TestOutputInAnInputFolder(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "cartella")
	os.Mkdir(in, 0o755)
	wb := filepath.Join(in, "peg.xlsx")
	copyFile(t, sample, wb)
	before, _ := os.ReadFile(wb)
	theme := filepath.Join(dir, "tema.toml")
	os.WriteFile(theme, []byte("[ente]\n"), 0o644)
	mapping := filepath.Join(dir, "mappa.toml")
	mustRun(t, "mappa", "--out", mapping)
	mapped, _ := os.ReadFile(mapping)
	out := filepath.Join(dir, "r.pdf")
	for _, tc := range []struct {
		args []string
		file string
	}{
		{[]string{"rapporto", in, "--al", "31/07/2019", "--out", out, "--elenco-problemi", wb}, wb},
		{[]string{"verifica", in + string(filepath.Separator), "--elenco-problemi", wb, "--sovrascrivi"}, wb},
		{[]string{"schede", "--out", filepath.Join(dir, "s"), "--rapporto", wb, "--sovrascrivi", in}, wb},
		{[]string{"rapporto", "--al", "31/07/2019", "--out", out, "--valutazione", wb, "--sovrascrivi", in}, wb},
		{[]string{"libretto", "-o", wb, "--sovrascrivi", in}, wb},
		{[]string{"libretto", "--out", out, "--tema", theme, "--elenco-problemi", theme, "--sovrascrivi", sample}, theme},
		{[]string{"verifica", "--mappa", mapping, "--elenco-problemi", mapping, "--sovrascrivi", sample}, mapping},
	} {
		code, _, stderr := pegpdf(t, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.file) || !strings.Contains(stderr, "è uno dei file da leggere") {
			t.Errorf("%v: exit %d, %q; want a refusal naming %s", tc.args, code, stderr, tc.file)
		}
	}
	if after, _ := os.ReadFile(wb); string(after) != string(before) {
		t.Error("a workbook inside an input folder was overwritten")
	}
	if after, _ := os.ReadFile(theme); string(after) != "[ente]\n" {
		t.Error("the theme read was overwritten")
	}
	if after, _ := os.ReadFile(mapping); string(after) != string(mapped) {
		t.Error("the mapping read was overwritten")
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused run wrote its PDF")
	}
	if _, err := os.Stat(filepath.Join(dir, "s")); err == nil {
		t.Error("a refused run made the sheets' folder")
	}
}

// TestSameNameIgnoringCase: two outputs whose names differ only in case are
// one file on Windows and macOS, two elsewhere.
func TestSameNameIgnoringCase(t *testing.T) {
	a, b := filepath.Join("esiti", "Problemi.csv"), filepath.Join("esiti", "problemi.CSV")
	for goos, want := range map[string]bool{"windows": true, "darwin": true, "linux": false} {
		if got := sameName(a, b, goos); got != want {
			t.Errorf("%s: %v, want %v", goos, got, want)
		}
	}
	if sameName(a, filepath.Join("esiti", "altro.csv"), "windows") {
		t.Error("two names taken for one")
	}
}
