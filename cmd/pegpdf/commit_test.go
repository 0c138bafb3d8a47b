//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// result is what a run of pegpdf gave.
type result struct {
	code   int
	stderr string
}

// whileReading runs pegpdf args, whose input fifo is a named pipe: the
// run checks its outputs, then waits to read the workbook; meanwhile
// (after its checks, before it writes) during plays the person who creates
// or changes a file, then the pipe gives the sample and the run goes on.
func whileReading(t *testing.T, fifo string, during func(), args ...string) result {
	t.Helper()
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan result, 1)
	go func() {
		code, _, stderr := pegpdf(t, args...)
		done <- result{code, stderr}
	}()
	// The run opens the pipe only once its early checks have passed.
	var w *os.File
	for w == nil {
		f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0)
		if err == nil {
			w = f
			break
		}
		select {
		case r := <-done:
			t.Fatalf("%v: ended before reading its input: exit %d: %s", args, r.code, r.stderr)
		case <-time.After(5 * time.Millisecond):
		}
	}
	during()
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	w.Close()
	select {
	case r := <-done:
		return r
	case <-time.After(2 * time.Minute):
		t.Fatalf("%v: no end", args)
	}
	return result{}
}

// TestFileAppearsDuringTheRun: a person's file created or changed at an
// output's path while pegpdf works (after its checks at the start) is
// kept: the decision is taken again when the output is put in place.
func TestFileAppearsDuringTheRun(t *testing.T) {
	const mine = "il file di una persona"
	for _, tc := range []struct {
		name   string
		out    string // the output's name in the folder
		before bool   // pegpdf's own output is there at the start
		args   func(dir, fifo string) []string
	}{
		{"booklet", "peg.pdf", false, func(dir, fifo string) []string {
			return []string{"libretto", "--out", filepath.Join(dir, "peg.pdf"), fifo}
		}},
		{"booklet signed meanwhile", "peg.pdf", true, func(dir, fifo string) []string {
			return []string{"libretto", "--out", filepath.Join(dir, "peg.pdf"), fifo}
		}},
		{"report", "r.pdf", false, func(dir, fifo string) []string {
			return []string{"rapporto", "--al", "31/07/2019", "--out", filepath.Join(dir, "r.pdf"), fifo}
		}},
		{"evaluation", "esiti.csv", false, func(dir, fifo string) []string {
			return []string{"rapporto", "--al", "31/07/2019", "--out", filepath.Join(dir, "r.pdf"), "--valutazione", filepath.Join(dir, "esiti.csv"), fifo}
		}},
		{"problems", "problemi.csv", true, func(dir, fifo string) []string {
			return []string{"verifica", "--elenco-problemi", filepath.Join(dir, "problemi.csv"), fifo}
		}},
		{"sheet", "2019_ZN10.pdf", false, func(dir, fifo string) []string {
			return []string{"schede", "--out", dir, fifo}
		}},
		{"sheet changed meanwhile", "2019_ZN10.pdf", true, func(dir, fifo string) []string {
			return []string{"schede", "--out", dir, fifo}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			fifo := filepath.Join(t.TempDir(), "peg.xlsx")
			path := filepath.Join(dir, tc.out)
			if tc.before {
				mustRun(t, tc.args(dir, sample)...)
				if _, err := os.Stat(path); err != nil {
					t.Fatal(err)
				}
			}
			r := whileReading(t, fifo, func() {
				if err := os.WriteFile(path, []byte(mine), 0o644); err != nil {
					t.Fatal(err)
				}
			}, tc.args(dir, fifo)...)
			if r.code != exitUsage || !strings.Contains(r.stderr, path) || !strings.Contains(r.stderr, "--sovrascrivi") {
				t.Errorf("exit %d, %q; want the refusal naming %s and --sovrascrivi", r.code, r.stderr, path)
			}
			if got, _ := os.ReadFile(path); string(got) != mine {
				t.Errorf("the person's file was replaced: %.40q", got)
			}
			if left := temps(dir); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// TestLinkAtTheOutput: a symbolic link at an output's path is not pegpdf's
// file, wherever it points: kept without --sovrascrivi; with it, the link
// is replaced and what it points to is never written through it.
func TestLinkAtTheOutput(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "archivio.pdf")
	mustRun(t, "libretto", "--out", target, sample)
	archived, _ := os.ReadFile(target)
	link := filepath.Join(dir, "peg.pdf")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	code, _, stderr := pegpdf(t, "libretto", "--out", link, "--titolo", "Altro", sample)
	if code != exitUsage || !strings.Contains(stderr, link) || !strings.Contains(stderr, "è un collegamento") || !strings.Contains(stderr, "--sovrascrivi") {
		t.Errorf("exit %d, %q; want a refusal naming %s", code, stderr, link)
	}
	if m := english.FindString(stderr); m != "" {
		t.Errorf("English %q in %q", m, stderr)
	}
	if dest, err := os.Readlink(link); err != nil || dest != target {
		t.Errorf("the link was replaced: %q, %v", dest, err)
	}
	mustRun(t, "libretto", "--out", link, "--titolo", "Altro", "--sovrascrivi", sample)
	if st, err := os.Lstat(link); err != nil || !st.Mode().IsRegular() {
		t.Errorf("--sovrascrivi: the link is still there: %v", err)
	}
	if got, _ := os.ReadFile(target); string(got) != string(archived) {
		t.Error("the file the link points to was written")
	}

	// Sheets: a link named as a sheet, pointing to a person's file.
	out := filepath.Join(dir, "schede")
	os.Mkdir(out, 0o755)
	theirs := filepath.Join(dir, "firmata.pdf")
	os.WriteFile(theirs, []byte("%PDF-1.7 firmata"), 0o644)
	os.Symlink(theirs, filepath.Join(out, "2019_ZN10.pdf"))
	mustKeep(t, filepath.Join(out, "2019_ZN10.pdf"), "%PDF-1.7 firmata", "schede", "--out", out, sample)
	if st, err := os.Lstat(filepath.Join(out, "2019_ZN10.pdf")); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link in the sheets' folder was replaced: %v", err)
	}
}

// TestPipeAtTheOutput: a named pipe at an output's path is refused at
// once: reading it to see whether pegpdf wrote it would wait forever.
func TestPipeAtTheOutput(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "problemi.csv")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan result, 1)
	go func() {
		code, _, stderr := pegpdf(t, "verifica", "--elenco-problemi", pipe, sample)
		done <- result{code, stderr}
	}()
	select {
	case r := <-done:
		if r.code != exitUsage || !strings.Contains(r.stderr, pipe) || !strings.Contains(r.stderr, "non è un file normale") || !strings.Contains(r.stderr, "--sovrascrivi") {
			t.Errorf("exit %d, %q; want a refusal naming %s", r.code, r.stderr, pipe)
		}
		if m := english.FindString(r.stderr); m != "" {
			t.Errorf("English %q in %q", m, r.stderr)
		}
	case <-time.After(20 * time.Second):
		if w, err := os.OpenFile(pipe, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close() // let the stuck run go
		}
		t.Fatal("pegpdf waits on a named pipe at its output")
	}
	if st, err := os.Lstat(pipe); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v", err)
	}
}

// TestSheetsKeepAPersonsFile: in the sheets' folder, a file named as a
// sheet that pegpdf did not write (not a PDF, a signed sheet) is kept, and
// the run stops before writing any sheet; pegpdf's own sheet is replaced.
func TestSheetsKeepAPersonsFile(t *testing.T) {
	in := generated(t, 5)
	first := t.TempDir()
	mustRun(t, "schede", "--out", first, in)
	names, _ := filepath.Glob(filepath.Join(first, "*.pdf"))
	if len(names) != 5 {
		t.Fatalf("%d sheets, want 5", len(names))
	}
	mustRun(t, "schede", "--out", first, in) // its own sheets: replaced

	sheet, _ := os.ReadFile(names[2])
	for _, theirs := range []string{
		"Appunti sulla scheda, salvati con il nome della scheda\n",
		string(sheet) + "\n9 0 obj\n<< /Type /Sig >>\nendobj\nxref\n0 0\ntrailer\n<< >>\nstartxref\n0\n%%EOF\n",
	} {
		out := t.TempDir()
		path := filepath.Join(out, filepath.Base(names[2]))
		os.WriteFile(path, []byte(theirs), 0o644)
		mustKeep(t, path, theirs, "schede", "--out", out, in)
		if got, _ := filepath.Glob(filepath.Join(out, "*")); len(got) != 1 {
			t.Errorf("a refused run wrote sheets: %v", got)
		}
	}
}
