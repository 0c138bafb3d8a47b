package main

import (
	"errors"
	"fmt"
	"io"
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
				if err := writeBytes(filepath.Join(dir, fmt.Sprint(i, ".pdf")), data); err != nil {
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
				w.write(filepath.Join(dir, fmt.Sprint(i, ".pdf")), data)
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
		if err := w.writeFunc(filepath.Join(dir, fmt.Sprint(i, ".pdf")), func(out io.Writer) error {
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
	w.write(filepath.Join(dir, "manca", "x.pdf"), []byte("x"))
	var err error
	for i := 0; i < 1000 && err == nil; i++ {
		err = w.write(filepath.Join(dir, "manca", "y.pdf"), []byte("y"))
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
	if lockedByOther(errors.New("x"), "windows") || lockedByOther(&os.PathError{Err: syscall.Errno(5)}, "windows") {
		t.Error("another error taken as a lock")
	}
}
