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

// TestReadAllStops: once the context ends, no more workbooks are started;
// those not read say so, in the inputs' order.
func TestReadAllStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	opened := 0
	src := func(name string) Source {
		return Source{name, func() (io.ReadCloser, error) { opened++; return io.NopCloser(strings.NewReader("")), nil }}
	}
	req := &Request{Inputs: []Source{src("a.xlsx"), src("b.xlsx"), src("c.xlsx")}, Jobs: 1,
		Progress: func(*Input) { cancel() }}
	inputs := readAll(ctx, req)
	if opened != 1 || len(inputs) != 3 || inputs[0].Name != "a.xlsx" || inputs[2].Name != "c.xlsx" {
		t.Fatalf("opened %d, inputs %d", opened, len(inputs))
	}
	for _, in := range inputs[1:] {
		if IOMessage(in.Err) != "interrotto" {
			t.Errorf("%s: %v", in.Name, in.Err)
		}
	}
}
