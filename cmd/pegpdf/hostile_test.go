package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// badInputs are the kinds of bad input of the README's table: file name,
// content, and the sentence pegpdf must answer with ("" for files it must
// ignore).
func badInputs(t *testing.T) []struct {
	name, want string
	data       []byte
} {
	t.Helper()
	good, err := os.ReadFile("../../samples/2019_ZN10.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...)

	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Obiettivi")
	f.SetSheetRow("Obiettivi", "A1", &[]any{"Codice", "Titolo", "Direzione"})
	f.SetSheetRow("Obiettivi", "A2", &[]any{"2019_P1", "T", "D"})
	var encrypted bytes.Buffer
	f.Write(&encrypted, excelize.Options{Password: "segreto"})

	var ods bytes.Buffer
	zw := zip.NewWriter(&ods)
	w, _ := zw.Create("mimetype")
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	zw.Close()

	var bomb bytes.Buffer
	zw = zip.NewWriter(&bomb)
	for _, n := range []string{"[Content_Types].xml", "xl/workbook.xml"} {
		w, _ := zw.Create(n)
		w.Write([]byte("<x/>"))
	}
	w, _ = zw.Create("xl/worksheets/sheet1.xml")
	zeros := make([]byte, 1<<20)
	for range 200 {
		w.Write(zeros)
	}
	zw.Close()

	return []struct {
		name, want string
		data       []byte
	}{
		{"vecchio.xls", "è un vecchio file Excel .xls", ole},
		{"protetto.xlsx", "il file è protetto da password", encrypted.Bytes()},
		{"libreoffice.ods", "il file .ods è danneggiato", ods.Bytes()},
		{"esportato.xlsx", "è un file di testo (forse un CSV rinominato)", []byte("Codice;Titolo;Direzione\n2019_X;T;D\n")},
		{"troncato.xlsx", "il file .xlsx è troncato o danneggiato", good[:len(good)*2/3]},
		{"vuoto.xlsx", "il file è vuoto (0 byte)", nil},
		{"bomba.xlsx", "il file è troppo grande: una volta decompresso supera 128 MB", bomb.Bytes()},
		{"binario.xlsx", "non è un foglio Excel .xlsx", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0x0D, 0xFF}},
		{"~$aperto.xlsx", "", []byte("lock file of Office")},
	}
}

// hostileWorkbook holds objectives that must still convert: emoji, a
// 30,000-character description, and codes that are not file names.
func hostileWorkbook(t *testing.T, path string) {
	t.Helper()
	base := templates.Example().Objectives[0]
	var objs []*model.Objective
	for _, code := range []string{"../../x", "CON", "a/b", strings.Repeat("L", 300), "2019_😀"} {
		o := *base
		o.Code = code
		objs = append(objs, &o)
	}
	objs[4].Description = "Descrizione incollata dal web 😀🎉 con emoji, עברית e cafe\u0301. " + strings.Repeat("testo lungo ", 2500)
	writePlan(t, path, &model.Plan{Objectives: objs})
}

// TestMixedFolder: every good workbook converts, every bad file is reported
// in one sentence, the lock file is ignored, the exit status is 1.
func TestMixedFolder(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	copyFile(t, "../../samples/2019_ZN10.xlsx", filepath.Join(in, "buono.xlsx"))
	hostileWorkbook(t, filepath.Join(in, "ostile.xlsx"))
	bad := badInputs(t)
	for _, b := range bad {
		if err := os.WriteFile(filepath.Join(in, b.name), b.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, _, stderr := pegpdf(t, "sheets", "--out", out, in)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, b := range bad {
		lines := 0
		for _, l := range strings.Split(stderr, "\n") {
			if strings.Contains(l, b.name+": ") && !strings.HasPrefix(l, "[") { // not a progress line
				lines++
				if b.want != "" && !strings.Contains(l, b.want) {
					t.Errorf("%s: %q, want %q", b.name, l, b.want)
				}
			}
		}
		if b.want != "" && lines != 1 {
			t.Errorf("%s: %d lines about it, want 1:\n%s", b.name, lines, stderr)
		}
		if b.want == "" && lines != 0 {
			t.Errorf("%s was read", b.name)
		}
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"2019.pdf", "2019_ZN10.pdf", "LLLL", "_CON.pdf", "a_b.pdf", "x.pdf"}
	if len(names) != 6 {
		t.Fatalf("out holds %v, want the 6 good sheets", names)
	}
	for i, w := range want {
		if !strings.HasPrefix(names[i], w) {
			t.Errorf("file %d is %s, want %s…", i, names[i], w)
		}
	}
	if !strings.Contains(stderr, "10 file, 6 obiettivi, 6 avvisi, 8 errori, 8 file con errori; 6 schede scritte") {
		t.Errorf("summary: %s", stderr)
	}
}

// TestSameFileName: two codes that make the same file name are an error,
// not an overwrite.
func TestSameFileName(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	base := templates.Example().Objectives[0]
	a, b := *base, *base
	a.Code, b.Code = "2019/A", "2019_A"
	writePlan(t, filepath.Join(in, "doppio.xlsx"), &model.Plan{Objectives: []*model.Objective{&a, &b}})
	code, _, stderr := pegpdf(t, "sheets", "--out", out, in)
	if code != 1 || !strings.Contains(stderr, `Obiettivi!A3: il file 2019_A.pdf sarebbe lo stesso di "2019/A"`) {
		t.Errorf("exit %d: %s", code, stderr)
	}

	// Codici that differ only in case, in two files: one file on Windows
	// and macOS, so an error of the second everywhere.
	in, out = t.TempDir(), t.TempDir()
	a.Code, b.Code = "2019_ZN10", "2019_zn10"
	writePlan(t, filepath.Join(in, "a.xlsx"), &model.Plan{Objectives: []*model.Objective{&a}})
	writePlan(t, filepath.Join(in, "b.xlsx"), &model.Plan{Objectives: []*model.Objective{&b}})
	code, _, stderr = pegpdf(t, "sheets", "--out", out, in)
	if code != 1 || !strings.Contains(stderr, "il file 2019_zn10.pdf sarebbe lo stesso di \"2019_ZN10\"") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if pdfs, _ := filepath.Glob(filepath.Join(out, "*.pdf")); len(pdfs) != 1 {
		t.Errorf("sheets written: %v", pdfs)
	}
}

// TestAtomicWrite: a failed write leaves the old file as it was and no
// temporary file; temporary files of a killed run are removed next time.
func TestAtomicWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "2019_ZN10.pdf")
	os.WriteFile(path, []byte("old complete file"), 0o644)
	err := writeAtomic(target{path: path, flag: "out", force: true}, func(w io.Writer) error {
		w.Write([]byte("half of a new"))
		return errors.New("disk full")
	})
	if err == nil {
		t.Fatal("the error was lost")
	}
	if got, _ := os.ReadFile(path); string(got) != "old complete file" {
		t.Errorf("the old file became %q", got)
	}
	left := filepath.Join(dir, tempPrefix+"123"+tempSuffix)
	os.WriteFile(left, []byte("left by a kill"), 0o644)
	old := time.Now().Add(-2 * staleAfter)
	os.Chtimes(left, old, old)
	if left, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*")); len(left) != 1 {
		t.Fatalf("temporary files: %v", left)
	}
	cleanTemps(dir)
	if left, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*")); len(left) != 0 {
		t.Errorf("not cleaned: %v", left)
	}
}
