package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkWrite1000: 1,000 sheet-sized files, each synced and renamed,
// one after the other as before, and through fileWriter.
func BenchmarkWrite1000(b *testing.B) {
	data := make([]byte, 35<<10)
	b.Run("sequential", func(b *testing.B) {
		for b.Loop() {
			dir := b.TempDir()
			for i := range 1000 {
				if err := writeBytes(sheetTarget(dir, fmt.Sprint(i, ".pdf"), false), data); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("overlapped", func(b *testing.B) {
		for b.Loop() {
			dir := b.TempDir()
			w := newFileWriter(syncWorkers)
			for i := range 1000 {
				w.write(sheetTarget(dir, fmt.Sprint(i, ".pdf"), false), data)
			}
			if err := w.wait(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestFileWriter: every file written whole, and the first error returned.
func TestFileWriter(t *testing.T) {
	dir := t.TempDir()
	w := newFileWriter(4)
	for i := range 100 {
		if err := w.writeFunc(sheetTarget(dir, fmt.Sprint(i, ".pdf"), false), func(out io.Writer) error {
			_, err := fmt.Fprintf(out, "file %d", i)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.wait(); err != nil {
		t.Fatal(err)
	}
	for i := range 100 {
		if got, _ := os.ReadFile(filepath.Join(dir, fmt.Sprint(i, ".pdf"))); string(got) != fmt.Sprint("file ", i) {
			t.Errorf("file %d: %q", i, got)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}

	w = newFileWriter(2)
	w.write(sheetTarget(filepath.Join(dir, "manca"), "x.pdf", false), []byte("x"))
	var err error
	for i := 0; i < 1000 && err == nil; i++ {
		err = w.write(sheetTarget(filepath.Join(dir, "manca"), "y.pdf", false), []byte("y"))
		time.Sleep(time.Millisecond)
	}
	if werr := w.wait(); werr == nil || err == nil {
		t.Errorf("the error was lost: %v, %v", err, werr)
	}
}

// TestWindowsLocked: a file another program holds open on Windows (Excel's
// lock, errors 32 and 33) is said in Italian; the same numbers elsewhere
// mean something else and are not.
func TestWindowsLocked(t *testing.T) {
	for _, n := range []syscall.Errno{32, 33} {
		err := &os.PathError{Op: "rename", Path: `C:\Users\Mario Rossi\Documenti\PEG 2027\peg.pdf`, Err: n}
		if !lockedByOther(err, "windows") {
			t.Errorf("errno %d: not seen as locked", n)
		}
		if lockedByOther(err, "linux") {
			t.Errorf("errno %d on linux taken as a Windows lock", n)
		}
	}
	rename := &os.LinkError{Op: "rename", Old: `C:\PEG\.pegpdf-1-a.tmp`, New: `C:\PEG\peg.pdf`, Err: syscall.Errno(5)}
	if !replaceDenied(rename, "windows") || replaceDenied(rename, "linux") {
		t.Error("a rename over a file open elsewhere on Windows")
	}
	for _, err := range []error{rename, &os.PathError{Op: "open", Path: `C:\PEG\peg.xlsx`, Err: syscall.Errno(32)}} {
		if msg := (writeError{err, t.TempDir()}).message("windows"); !strings.Contains(msg, "aperto in un altro programma") {
			t.Errorf("%v: %q", err, msg)
		}
	}
	exists := &os.LinkError{Op: "rename", Old: `C:\PEG\.pegpdf-1-a.tmp`, New: `C:\PEG\peg.pdf`, Err: fs.ErrExist}
	if msg := (writeError{exists, t.TempDir()}).message("windows"); english.MatchString(msg) || !strings.Contains(msg, "rilanciare") {
		t.Errorf("a file made in the last instant: %q", msg)
	}
	if lockedByOther(errors.New("x"), "windows") || lockedByOther(&os.PathError{Err: syscall.Errno(5)}, "windows") {
		t.Error("another error taken as a lock")
	}
}

// TestWriteDecidesAtTheEnd: a file that appears at an output's path while
// it is being written is judged when the output is put in place: a
// person's file is kept (the refusal is a usage error, exit 2) and no
// temporary file is left; pegpdf's own is replaced; --sovrascrivi
// replaces anything.
func TestWriteDecidesAtTheEnd(t *testing.T) {
	const mine = "Codice;Note dell'ufficio\n"
	own := pegpdfHeaders[0] + "peg.xlsx;ok;1;;;;\n"
	for _, tc := range []struct {
		kind     outputKind
		meantime string // what appears while pegpdf writes
		force    bool
		kept     bool
	}{
		{anyFile, mine, false, true},
		{anyFile, own, false, true}, // the template, the theme: never
		{tableFile, mine, false, true},
		{tableFile, own, false, false},
		{pdfFile, own, false, true},
		{anyFile, mine, true, false},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, "out.csv")
		err := writeAtomic(target{path: path, flag: "report", kind: tc.kind, force: tc.force}, func(w io.Writer) error {
			if err := os.WriteFile(path, []byte(tc.meantime), 0o644); err != nil {
				return err
			}
			_, err := io.WriteString(w, "new")
			return err
		})
		got, _ := os.ReadFile(path)
		if tc.kept && (exitCode(err) != exitUsage || string(got) != tc.meantime || !strings.Contains(fmt.Sprint(err), "--sovrascrivi")) {
			t.Errorf("%+v: %v; the file is %q", tc, err, got)
		}
		if !tc.kept && (err != nil || string(got) != "new") {
			t.Errorf("%+v: %v; the file is %q, want it replaced", tc, err, got)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*")); len(left) > 0 {
			t.Errorf("%+v: temporary files left: %v", tc, left)
		}
	}
}

// TestNoReplace: the moves that take a name only if it is free leave a
// file that is there as it was, through the system's own rename, a hard
// link, or, without hard links, a look in the last instant.
func TestNoReplace(t *testing.T) {
	noLinks := func(oldname, newname string) error {
		return &os.LinkError{Op: "link", Old: oldname, New: newname, Err: syscall.EPERM}
	}
	for name, move := range map[string]func(tmp, dst string) error{
		"rename":   renameNoReplace,
		"link":     func(tmp, dst string) error { return linkNoReplace(tmp, dst, os.Link) },
		"no links": func(tmp, dst string) error { return linkNoReplace(tmp, dst, noLinks) },
	} {
		dir := t.TempDir()
		tmp, dst := filepath.Join(dir, "tmp"), filepath.Join(dir, "dst")
		os.WriteFile(tmp, []byte("new"), 0o644)
		os.WriteFile(dst, []byte("theirs"), 0o644)
		if err := move(tmp, dst); !errors.Is(err, fs.ErrExist) {
			t.Errorf("%s over a file: %v, want it to exist", name, err)
		}
		if got, _ := os.ReadFile(dst); string(got) != "theirs" {
			t.Errorf("%s: the file became %q", name, got)
		}
		os.Remove(dst)
		if err := move(tmp, dst); err != nil {
			t.Errorf("%s to a free name: %v", name, err)
		}
		if got, _ := os.ReadFile(dst); string(got) != "new" {
			t.Errorf("%s: the file is %q", name, got)
		}
		if _, err := os.Lstat(tmp); err == nil {
			t.Errorf("%s: the temporary file is still there", name)
		}
	}
}
