package main

// The Windows paths, tested here on any system through the functions that
// handle them, with Windows-style inputs: a binary built by Go 1.24 or later
// does not start under the wine of the CI machine.

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/render/themefile"
	"github.com/pegpdf/pegpdf/templates"
	"github.com/pegpdf/pegpdf/workbook"
)

func TestReservedOnWindows(t *testing.T) {
	for path, want := range map[string]bool{
		`CON`:     true,
		`nul.pdf`: true,
		`C:\Users\Mario Rossi\Documenti\Com1.xlsx`: true,
		`schede\2027\con.pdf`:                      true,
		`D:LPT9`:                                   true,
		`aux .pdf`:                                 true,
		`prn.`:                                     true,
		`CONSOLE.pdf`:                              false,
		`COM0.pdf`:                                 false,
		`contabilità.pdf`:                          false,
		`C:\PEG\libretto.pdf`:                      false,
	} {
		if got := reservedOnWindows(path, "windows"); got != want {
			t.Errorf("%s: %v, want %v", path, got, want)
		}
		if reservedOnWindows(path, "linux") {
			t.Errorf("%s: reserved on linux", path)
		}
	}
}

// TestFoldersWithSpacesAndAccents: inputs and outputs in folders whose
// names have spaces, accents, brackets and parentheses, as Windows users
// name them; a dead run's temporary file there is still cleaned.
func TestFoldersWithSpacesAndAccents(t *testing.T) {
	base := filepath.Join(t.TempDir(), "Documenti condivisi", "Attività è ù [bozza] (1)", "PEG 2027")
	if err := os.MkdirAll(base, 0o755); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(base, "Piano più bello 2027.xlsx")
	copyFile(t, sample, in)
	stale := filepath.Join(base, tempPrefix+"4242-abcd"+tempSuffix)
	os.WriteFile(stale, []byte("left by a kill"), 0o644)
	old := time.Now().Add(-2 * staleAfter)
	os.Chtimes(stale, old, old)
	for range 2 { // the second run replaces the first one's outputs
		mustRun(t, "schede", "--out", filepath.Join(base, "Schede è"), in)
		mustRun(t, "libretto", in, "--out", filepath.Join(base, "Libretto dell'ente è.pdf"))
		mustRun(t, "verifica", "--elenco-problemi", filepath.Join(base, "Problemi à.csv"), filepath.Dir(in))
	}
	for _, p := range []string{filepath.Join(base, "Schede è", "2019_ZN10.pdf"), filepath.Join(base, "Libretto dell'ente è.pdf"), filepath.Join(base, "Problemi à.csv")} {
		if _, err := os.Stat(p); err != nil {
			t.Error(err)
		}
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a dead run's temporary file in a folder named with [ ] was not cleaned")
	}
}

// TestWindowsCodici: Codici that Windows could not take as file names give
// safe ones: backslashes, device names, trailing dots.
func TestWindowsCodici(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	base := templates.Example().Objectives[0]
	var objs []*model.Objective
	for _, code := range []string{`2027\URB\01`, "con", "Lpt1", "nul.2027", "ZN10.", `C:\x`} {
		o := *base
		o.Code = code
		objs = append(objs, &o)
	}
	f, err := os.Create(filepath.Join(in, "codici.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := workbook.Write(f, &model.Plan{Objectives: objs}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	mustRun(t, "schede", "--out", out, in)
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	for _, n := range names {
		stem := strings.TrimSuffix(n, ".pdf")
		if strings.ContainsAny(stem, `\/:*?"<>|`) || strings.HasSuffix(stem, ".") || reservedOnWindows(n, "windows") {
			t.Errorf("%s is not a Windows file name", n)
		}
	}
	if len(names) != len(objs) {
		t.Errorf("files %v, want %d", names, len(objs))
	}
}

// TestCRLFTheme: a theme saved with Windows line ends (Notepad) gives the
// same sheet as the same theme with Unix ones.
func TestCRLFTheme(t *testing.T) {
	dir := t.TempDir()
	lf := themefile.Default()
	crlf := bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))
	var sheets []string
	for i, theme := range [][]byte{lf, crlf} {
		path := filepath.Join(dir, []string{"lf.toml", "crlf.toml"}[i])
		os.WriteFile(path, theme, 0o644)
		out := filepath.Join(dir, []string{"lf", "crlf"}[i])
		mustRun(t, "schede", "--data", "01/01/2020", "--tema", path, "--out", out, sample)
		data, _ := os.ReadFile(filepath.Join(out, "2019_ZN10.pdf"))
		sheets = append(sheets, string(data))
	}
	if sheets[0] != sheets[1] || sheets[0] == "" {
		t.Error("the CRLF theme gives another sheet")
	}
	bad := filepath.Join(dir, "rotto.toml")
	os.WriteFile(bad, []byte("ente = \"Comune\"\r\ncolori = [\r\n"), 0o644)
	code, _, stderr := pegpdf(t, "schede", "--tema", bad, "--out", filepath.Join(dir, "rotto"), sample)
	if code != exitUsage || !strings.Contains(stderr, "non è TOML valido alla riga") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}
