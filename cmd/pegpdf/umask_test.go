//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestOutputsHonourUmask: an output has mode 0666 less the umask, not a
// fixed 0644.
func TestOutputsHonourUmask(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	out := filepath.Join(dir, "schede")
	mustRun(t, "schede", "--out", out, sample)
	mustRun(t, "modello", "--out", filepath.Join(dir, "m.xlsx"))
	for _, p := range []string{filepath.Join(out, "2019_ZN10.pdf"), filepath.Join(dir, "m.xlsx")} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o640 {
			t.Errorf("%s: mode %o, want 640 (umask 027)", p, st.Mode().Perm())
		}
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o750 {
		t.Errorf("%s: mode %o, want 750", out, st.Mode().Perm())
	}
}
