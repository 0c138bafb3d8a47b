package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pegpdf/pegpdf/verify"
)

// TestPDFASamples: every sample, as sheets and as a booklet, passes
// `pegpdf verify --pdfa` with --pdfa; without it, verify says that the
// file is not PDF/A and checks accessibility only.
func TestPDFASamples(t *testing.T) {
	out := t.TempDir()
	for _, pdfa := range []bool{true, false} {
		dir := filepath.Join(out, map[bool]string{true: "pdfa", false: "plain"}[pdfa])
		args := []string{"sheets", "--out", dir}
		bookletArgs := []string{"booklet", "--out", filepath.Join(dir, "libretto.pdf"), "--entity", "Comune di Esempio"}
		if pdfa {
			args = append(args, "--pdfa")
			bookletArgs = append(bookletArgs, "--pdfa")
		}
		if code, _, stderr := pegpdf(t, append(args, "../../samples/")...); code != 0 {
			t.Fatal(stderr)
		}
		if code, _, stderr := pegpdf(t, append(bookletArgs, "../../samples/")...); code != 0 {
			t.Fatal(stderr)
		}
		pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
		if len(pdfs) != 22 {
			t.Fatalf("%d PDFs", len(pdfs))
		}
		if pdfa {
			code, stdout, _ := pegpdf(t, append([]string{"verify", "--pdfa"}, pdfs...)...)
			if bad := verifyProblems(stdout); len(bad) > 0 || strings.Count(stdout, "dichiara PDF/A-2") != len(pdfs) {
				t.Errorf("--pdfa: exit %d, %v\n%s", code, bad, stdout)
			}
			continue
		}
		_, stdout, _ := pegpdf(t, append([]string{"verify"}, pdfs...)...)
		if bad := verifyProblems(stdout); len(bad) > 0 || strings.Count(stdout, verify.NotPDFA) != len(pdfs) {
			t.Errorf("without --pdfa: %v\n%s", bad, stdout)
		}
		for _, r := range verify.Rules() {
			if r.Group == verify.PDFA && strings.Contains(stdout, " "+r.Name) {
				t.Errorf("without --pdfa, PDF/A rule %q reported", r.Name)
			}
		}
	}
}

// TestReproducible: the same inputs with the same SOURCE_DATE_EPOCH give
// the same bytes, run after run and whatever --jobs.
func TestReproducible(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1564560000")
	sums := map[string][]byte{}
	for i, jobs := range []string{"1", "2", "2", "1"} {
		dir := t.TempDir()
		if code, _, stderr := pegpdf(t, "sheets", "--pdfa", "--jobs", jobs, "--out", dir, "../../samples/"); code != 0 {
			t.Fatal(stderr)
		}
		if code, _, stderr := pegpdf(t, "booklet", "--pdfa", "--jobs", jobs, "--out", filepath.Join(dir, "libretto.pdf"), "../../samples/"); code != 0 {
			t.Fatal(stderr)
		}
		pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
		for _, p := range pdfs {
			data, _ := os.ReadFile(p)
			sum := sha256.Sum256(data)
			name := filepath.Base(p)
			if prev, ok := sums[name]; ok && !bytes.Equal(prev, sum[:]) {
				t.Errorf("run %d (--jobs %s): %s differs", i+1, jobs, name)
			}
			sums[name] = sum[:]
			if !bytes.Contains(data, []byte("/CreationDate (D:20190731080000+00'00')")) {
				t.Errorf("%s: the creation date is not SOURCE_DATE_EPOCH's", name)
			}
		}
	}
	if len(sums) != 22 {
		t.Errorf("%d files", len(sums))
	}
}

func TestDateFlag(t *testing.T) {
	dir := t.TempDir()
	if code, _, stderr := pegpdf(t, "sheets", "--date", "15/02/2019", "--out", dir, "../../samples/2019_ZN10.xlsx"); code != 0 {
		t.Fatal(stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "2019_ZN10.pdf"))
	if !bytes.Contains(data, []byte("/CreationDate (D:20190215000000+00'00')")) {
		t.Error("--date not used")
	}
}

// TestThemeCommand: the written default theme is accepted back; a wrong
// key is a usage error naming the file and the key; the sample theme works.
func TestThemeCommand(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "tema.toml")
	if code, _, stderr := pegpdf(t, "tema", "--out", file); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := pegpdf(t, "schede", "--tema", file, "--out", dir, "../../samples/2019_ZN10.xlsx"); code != 0 {
		t.Fatal(stderr)
	}
	os.WriteFile(file, []byte("[colori]\nbarre = \"verde\"\n"), 0o644)
	code, _, stderr := pegpdf(t, "schede", "--tema", file, "--out", dir, "../../samples/2019_ZN10.xlsx")
	if code != 2 || !strings.Contains(stderr, "tema.toml: colori.barre: \"verde\" non è un colore") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "valverde")
	code, _, stderr = pegpdf(t, "schede", "--pdfa", "--tema", "../../samples/valverde/tema.toml", "--out", out, "../../samples/2019_ZN10.xlsx")
	if code != 0 {
		t.Fatal(stderr)
	}
	_, stdout, _ := pegpdf(t, "verify", "--pdfa", filepath.Join(out, "2019_ZN10.pdf"))
	if bad := verifyProblems(stdout); len(bad) > 0 {
		t.Errorf("the Valverde sheet is not PDF/A: %v", bad)
	}
}
