//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pegpdf/pegpdf/internal/peggen"
	"github.com/pegpdf/pegpdf/workbook"
)

// generated writes a generated workbook of n objectives.
func generated(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("peg-%d.xlsx", n))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := workbook.Write(f, peggen.Plan(peggen.Options{N: n, Year: 2021, Seed: 3})); err != nil {
		t.Fatal(err)
	}
	return path
}

func temps(dir string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
	return m
}

// wholePDF fails unless path is a complete PDF.
func wholePDF(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Error(err)
		return
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(data), []byte("%%EOF")) {
		t.Errorf("%s is not a whole PDF (%d bytes)", path, len(data))
	}
}

// TestTwoRunsIntoOneFolder: sheets and booklet, in every pairing, into one
// folder at once: both end with their complete output, and no temporary
// file is left.
func TestTwoRunsIntoOneFolder(t *testing.T) {
	if testing.Short() {
		t.Skip("runs pegpdf as processes")
	}
	const n = 60
	in := generated(t, n)
	run := map[string]func(dir string, k int) []string{
		"sheets": func(dir string, _ int) []string { return []string{"schede", "--out", dir, in} },
		"booklet": func(dir string, k int) []string {
			return []string{"libretto", "--out", filepath.Join(dir, fmt.Sprint("peg-", k, ".pdf")), in}
		},
		"same booklet": func(dir string, _ int) []string {
			return []string{"libretto", "--out", filepath.Join(dir, "peg.pdf"), in}
		},
	}
	for _, pair := range [][2]string{{"sheets", "sheets"}, {"sheets", "booklet"}, {"booklet", "sheets"}, {"booklet", "booklet"}, {"same booklet", "same booklet"}} {
		t.Run(pair[0]+"+"+pair[1], func(t *testing.T) {
			dir := t.TempDir()
			a, outA := process(t, run[pair[0]](dir, 1)...)
			time.Sleep(50 * time.Millisecond)
			b, outB := process(t, run[pair[1]](dir, 2)...)
			errA, errB := a.Wait(), b.Wait()
			if errA != nil || errB != nil {
				t.Fatalf("%s: %v\n%s\n%s: %v\n%s", pair[0], errA, outA, pair[1], errB, outB)
			}
			pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
			sheets := 0
			for _, p := range pdfs {
				wholePDF(t, p)
				if !strings.HasPrefix(filepath.Base(p), "peg") {
					sheets++
				}
			}
			if strings.Contains(pair[0]+pair[1], "sheets") && sheets != n {
				t.Errorf("%d sheets, want %d", sheets, n)
			}
			if left := temps(dir); len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
}

// TestCleanOnlyTheDead: a run removes the temporary files of runs that are
// gone and old, never those of a live run, however old.
func TestCleanOnlyTheDead(t *testing.T) {
	dir := t.TempDir()
	live, err := createTemp(dir) // held open and locked, as a live run does
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	dead := filepath.Join(dir, tempPrefix+"99999-abc"+tempSuffix)
	os.WriteFile(dead, []byte("left by a kill"), 0o644)
	young := filepath.Join(dir, tempPrefix+"99998-abc"+tempSuffix)
	os.WriteFile(young, []byte("just left"), 0o644)
	old := time.Now().Add(-2 * staleAfter)
	os.Chtimes(live.Name(), old, old)
	os.Chtimes(dead, old, old)

	mustRun(t, "schede", "--out", dir, sample)
	if _, err := os.Stat(live.Name()); err != nil {
		t.Error("a live run's temporary file was removed")
	}
	if _, err := os.Stat(dead); err == nil {
		t.Error("a dead run's old temporary file was kept")
	}
	if _, err := os.Stat(young); err != nil {
		t.Error("a recent temporary file was removed")
	}
	// The booklet cleans its folder too, as every command that writes.
	os.Chtimes(young, old, old)
	mustRun(t, "libretto", "--out", filepath.Join(dir, "peg.pdf"), sample)
	if _, err := os.Stat(young); err == nil {
		t.Error("the booklet left a dead run's temporary file")
	}
	if _, err := os.Stat(live.Name()); err != nil {
		t.Error("the booklet removed a live run's temporary file")
	}
}

// TestKilledRun: a booklet stopped by SIGTERM leaves no temporary file and
// no half PDF; one killed with SIGKILL leaves its temporary file, which
// the next run removes once it is stale.
func TestKilledRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs pegpdf as processes")
	}
	in := generated(t, 200)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "peg.pdf")
			cmd, log := process(t, "libretto", "--out", out, in)
			deadline := time.Now().Add(2 * time.Minute)
			for len(temps(dir)) == 0 && time.Now().Before(deadline) {
				time.Sleep(5 * time.Millisecond)
			}
			if len(temps(dir)) == 0 {
				cmd.Wait()
				t.Skipf("the run ended before it could be killed: %s", log)
			}
			cmd.Process.Signal(sig)
			cmd.Wait()
			if _, err := os.Stat(out); err == nil {
				wholePDF(t, out)
			}
			left := temps(dir)
			if sig != syscall.SIGKILL {
				if len(left) > 0 {
					t.Errorf("temporary files left after %v: %v\n%s", sig, left, log)
				}
				return
			}
			if len(left) == 0 {
				return // killed between the rename and the exit
			}
			old := time.Now().Add(-2 * staleAfter)
			for _, l := range left {
				os.Chtimes(l, old, old)
			}
			mustRun(t, "modello", "--out", filepath.Join(dir, "m.xlsx"))
			if left := temps(dir); len(left) > 0 {
				t.Errorf("a killed run's temporary files were not removed: %v", left)
			}
		})
	}
}
