package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMappingCommand: «pegpdf mappa» writes an example that --mappa
// accepts; a mapping file with a mistake is refused by name before any
// workbook is read.
func TestMappingCommand(t *testing.T) {
	dir := t.TempDir()
	example := filepath.Join(dir, "mappa.toml")
	if code, _, stderr := pegpdf(t, "mappa", "--out", example); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if code, stdout, stderr := pegpdf(t, "verifica", "--mappa", example, "../../samples/2019_ZN10.xlsx"); code != 0 {
		t.Errorf("the example mapping: exit %d: %s %s", code, stdout, stderr)
	}
	bad := filepath.Join(dir, "sbagliata.toml")
	os.WriteFile(bad, []byte("[colonne.obiettivi]\n\"Titol\" = \"Obiettivo\"\n"), 0o644)
	code, _, stderr := pegpdf(t, "verifica", "--mappa", bad, "../../samples/2019_ZN10.xlsx")
	if code == 0 || !strings.Contains(stderr, `"Titol" non è una colonna`) {
		t.Errorf("a wrong mapping: exit %d: %s", code, stderr)
	}
	// A sheet renamed by the mapping is read under the office's name.
	renamed := filepath.Join(dir, "rinominata.toml")
	os.WriteFile(renamed, []byte("[fogli]\nobiettivi = \"Elenco\"\n"), 0o644)
	code, stdout, stderr := pegpdf(t, "verifica", "--mappa", renamed, "../../samples/2019_ZN10.xlsx")
	if code != 1 || !strings.Contains(stdout+stderr, `"Elenco"`) {
		t.Errorf("a renamed sheet: exit %d: %s %s", code, stdout, stderr)
	}
}
