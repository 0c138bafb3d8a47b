package produce

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/pegpdf/pegpdf/workbook"
)

// TestReadTimeout: a workbook that takes too long to read is abandoned with
// one sentence, and the batch goes on.
func TestReadTimeout(t *testing.T) {
	pr, pw := io.Pipe() // never written: reading blocks
	defer pw.Close()
	start := time.Now()
	in := read(context.Background(), Source{"lento.xlsx", func() (io.ReadCloser, error) { return pr, nil }}, workbook.Limits{}, 50*time.Millisecond)
	if time.Since(start) > 2*time.Second {
		t.Fatal("the time limit did not work")
	}
	if !in.Failed() || len(in.Problems) != 1 || !strings.Contains(in.Problems[0].Error(), "lettura interrotta dopo 50ms") {
		t.Errorf("%+v", in.Problems)
	}
}

// TestReadCancelled: Ctrl+C ends the reading at once.
func TestReadCancelled(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	in := read(ctx, Source{"lento.xlsx", func() (io.ReadCloser, error) { return pr, nil }}, workbook.Limits{}, time.Minute)
	if in.Err == nil || IOMessage(in.Err) != "interrotto" {
		t.Errorf("%v", in.Err)
	}
}
