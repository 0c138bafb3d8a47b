package main

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// bigWorkbook generates (once per size) a realistic workbook of n
// objectives with the shipped generator.
func bigWorkbook(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "pegpdf-bench")
	path := filepath.Join(dir, "peg-"+strconv.Itoa(n)+".xlsx")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	os.MkdirAll(dir, 0o755)
	cmd := exec.Command("go", "run", "../../samples/gen", "-n", strconv.Itoa(n), "-o", path)
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		b.Fatal(err)
	}
	return path
}

func benchBooklet(b *testing.B, n int) {
	in := bigWorkbook(b, n)
	out := filepath.Join(b.TempDir(), "booklet.pdf")
	for b.Loop() {
		err := run(context.Background(), []string{"pegpdf", "booklet", "--out", out, in}, io.Discard, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
	}
	st, _ := os.Stat(out)
	b.ReportMetric(float64(st.Size())/1024, "KB")
	if hwm := peakRSS(); hwm > 0 {
		b.ReportMetric(hwm, "peak-RSS-MB") // of the whole test process: run one benchmark at a time
	}
}

// peakRSS is the process's peak resident memory in MB, read from Linux's
// /proc/self/status (0 elsewhere).
func peakRSS() float64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == "VmHWM:" {
			kb, _ := strconv.Atoi(f[1])
			return float64(kb) / 1024
		}
	}
	return 0
}

// BenchmarkBooklet100, 1000 and 5000: workbook to booklet PDF, the whole
// command.
func BenchmarkBooklet100(b *testing.B)  { benchBooklet(b, 100) }
func BenchmarkBooklet1000(b *testing.B) { benchBooklet(b, 1000) }
func BenchmarkBooklet5000(b *testing.B) { benchBooklet(b, 5000) }

// BenchmarkSheets1000: workbook to 1,000 single-sheet PDFs.
func BenchmarkSheets1000(b *testing.B) {
	in := bigWorkbook(b, 1000)
	out := b.TempDir()
	for b.Loop() {
		err := run(context.Background(), []string{"pegpdf", "sheets", "--out", out, in}, io.Discard, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
	}
}
