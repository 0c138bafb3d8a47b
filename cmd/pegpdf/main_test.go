package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pegpdf/pegpdf/internal/pdfread"
	"github.com/pegpdf/pegpdf/produce"
)

// pegpdf runs the command as main does and returns its exit code and output.
func pegpdf(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), append([]string{"pegpdf"}, args...), &stdout, &stderr)
	return exitCode(err), stdout.String(), stderr.String()
}

// pdfOf runs pegpdf with args, which must succeed, and reads back the PDF
// it wrote at path.
func pdfOf(t *testing.T, path string, args ...string) *pdfread.Doc {
	t.Helper()
	if code, _, stderr := pegpdf(t, args...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pdfread.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSheetsReferenceSample(t *testing.T) {
	out := t.TempDir()
	code, _, stderr := pegpdf(t, "sheets", "--out", out, "../../samples/2019_ZN10.xlsx")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "2019_ZN10.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pdfread.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 2 || !strings.Contains(doc.Pages[0].Text, "SERVIZI SOCIALI") {
		t.Errorf("pages %d, page 1: %.200q", len(doc.Pages), doc.Pages[0].Text)
	}
	if !strings.Contains(stderr, "1 file, 1 obiettivo") {
		t.Errorf("summary: %q", stderr)
	}
	if left, _ := filepath.Glob(filepath.Join(out, ".pegpdf-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestFolderWithBadFiles: good workbooks are converted, a workbook with
// errors and a file that is not a workbook are reported with their reason,
// the lock file is ignored, and the exit status is 1.
func TestFolderWithBadFiles(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	copyFile(t, "../../samples/2019_ZN10.xlsx", filepath.Join(in, "buono.xlsx"))
	os.WriteFile(filepath.Join(in, "~$buono.xlsx"), []byte("lock"), 0o644)
	os.WriteFile(filepath.Join(in, "rinominato.xlsx"), []byte("Codice;Titolo\n1;2\n"), 0o644)
	os.WriteFile(filepath.Join(in, "note.txt"), []byte("not an input"), 0o644)
	bad := filepath.Join(in, "sub", "errori.xlsx")
	os.MkdirAll(filepath.Dir(bad), 0o755)
	writeBadWorkbook(t, bad)

	reportPath := filepath.Join(t.TempDir(), "esito.json")
	code, _, stderr := pegpdf(t, "sheets", "--out", out, "--report", reportPath, in)
	if code != 1 {
		t.Errorf("exit %d, want 1\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "2019_ZN10.pdf")); err != nil {
		t.Error("the good workbook was not converted")
	}
	for _, want := range []string{
		"rinominato.xlsx: è un file di testo",
		"errori.xlsx: Fasi!D2: \"31/13/2019\" non è una data",
		"3 file, 1 obiettivo",
		"2 file con errori",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "~$") {
		t.Error("the lock file was read")
	}
	var rep struct {
		Files []produce.FileReport `json:"files"`
	}
	data, err := os.ReadFile(reportPath)
	if err != nil || json.Unmarshal(data, &rep) != nil {
		t.Fatalf("report: %v %s", err, data)
	}
	status := map[string]string{}
	for _, f := range rep.Files {
		status[filepath.Base(f.Name)] = f.Status
		if f.Status == "errori" && len(f.Problems) == 0 {
			t.Errorf("%s: errors without problems", f.Name)
		}
	}
	if len(rep.Files) != 3 || status["buono.xlsx"] != "avvisi" || status["rinominato.xlsx"] != "errori" || status["errori.xlsx"] != "errori" {
		t.Errorf("report: %s", data)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 {
		t.Errorf("out holds %d files, want only 2019_ZN10.pdf", len(entries))
	}
}

func writeBadWorkbook(t *testing.T, path string) {
	t.Helper()
	// Built with the template's writer, then broken in the Fasi sheet.
	code, _, stderr := pegpdf(t, "template", "--out", path)
	if code != 0 {
		t.Fatal(stderr)
	}
	breakDate(t, path)
}

func TestCheck(t *testing.T) {
	code, stdout, stderr := pegpdf(t, "check", "../../samples/")
	if code != 0 {
		t.Errorf("exit %d: %s %s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "avviso") || !strings.Contains(stderr, "2 file, 21 obiettivi") {
		t.Errorf("stdout %q stderr %q", stdout, stderr)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{
		{"sheets"},
		{"sheets", "--as-of", "31/13/2019", "../../samples/2019_ZN10.xlsx"},
		{"sheets", "--nope", "x.xlsx"},
		{"frobnicate"},
		{"sheets", "--out", "../../samples/2019_ZN10.xlsx", "../../samples/2019_ZN10.xlsx"},
	} {
		code, _, stderr := pegpdf(t, args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, stderr)
		}
		if stderr == "" {
			t.Errorf("%v: no message", args)
		}
	}
}

func TestTemplateCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "modello.xlsx")
	code, _, stderr := pegpdf(t, "modello", "--out", out)
	if code != 0 {
		t.Fatal(stderr)
	}
	code, _, stderr = pegpdf(t, "verifica", out)
	if code != 0 {
		t.Errorf("the template does not pass its own check: %s", stderr)
	}
}

func TestReportCSV(t *testing.T) {
	path := filepath.Join(t.TempDir(), "esito.csv")
	pegpdf(t, "check", "--report", path, "../../samples/")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if !strings.HasPrefix(text, "\ufeffFile;Esito;Obiettivi;Gravità;Foglio;Cella;Messaggio\n") {
		t.Errorf("header: %.80q", text)
	}
	if !regexp.MustCompile(`peg-2019.xlsx;avvisi;20;avviso;Fasi;D\d+;fase senza date`).MatchString(text) {
		t.Errorf("rows: %s", text)
	}
}

func TestUsageInItalian(t *testing.T) {
	for args, want := range map[string]string{
		"booklet samples":      "manca l'opzione obbligatoria --out",
		"sheets --nope x.xlsx": "opzione sconosciuta --nope",
		"sheets --jobs abc x":  `--jobs: valore non valido "abc"`,
		"frobnicate":           `comando sconosciuto "frobnicate"`,
		"sheets --jobs 0 x":    "--jobs deve essere almeno 1",
	} {
		code, _, stderr := pegpdf(t, strings.Fields(args)...)
		if code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, %q; want %q", args, code, stderr, want)
		}
	}
}
