package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMistypedName: one mistyped file name among several inputs is
// reported like any bad input, in one Italian sentence naming it; the
// others are converted and the exit status is 1 (it was 2, with nothing
// written).
func TestMistypedName(t *testing.T) {
	out := t.TempDir()
	missing := filepath.Join(t.TempDir(), "peg-2019-sbagliato.xlsx")
	code, _, stderr := pegpdf(t, "sheets", "--out", out, "../../samples/2019_ZN10.xlsx", missing, "../../samples/peg-2019.xlsx")
	if code != 1 {
		t.Errorf("exit %d, want 1\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "2019_ZN10.pdf")); err != nil {
		t.Error("the first workbook was not converted")
	}
	if n, _ := filepath.Glob(filepath.Join(out, "*.pdf")); len(n) != 21 {
		t.Errorf("%d sheets, want 21", len(n))
	}
	want := missing + ": il file non esiste: controllare il nome\n"
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	if !strings.Contains(stderr, "3 file, 21 obiettivi") || !strings.Contains(stderr, "1 file con errori") {
		t.Errorf("summary:\n%s", stderr)
	}
}

// TestMistypedNameOnly: a single name that does not exist is a bad input
// too (exit 1), and a booklet is not written.
func TestMistypedNameOnly(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"sheets", "--out", dir, "non-esiste.xlsx"},
		{"booklet", "--out", filepath.Join(dir, "l.pdf"), "../../samples/2019_ZN10.xlsx", "non-esiste.xlsx"},
		{"check", "non-esiste.xlsx"},
	} {
		code, _, stderr := pegpdf(t, args...)
		code2, stdout, _ := pegpdf(t, args...)
		if code != 1 || code2 != 1 || !strings.Contains(stderr+stdout, "non-esiste.xlsx: il file non esiste") {
			t.Errorf("%v: exit %d: %s", args, code, stderr)
		}
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("written: %v", left)
	}
}
