package produce

import (
	"context"
	"io"
	"io/fs"
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
	in := read(context.Background(), Source{Name: "lento.xlsx", Open: func() (io.ReadCloser, error) { return pr, nil }}, workbook.Limits{}, 50*time.Millisecond)
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
	in := read(ctx, Source{Name: "lento.xlsx", Open: func() (io.ReadCloser, error) { return pr, nil }}, workbook.Limits{}, time.Minute)
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
		return Source{Name: name, Open: func() (io.ReadCloser, error) { opened++; return io.NopCloser(strings.NewReader("")), nil }}
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

// TestRefusedByName: a file pegpdf does not read is refused by its name,
// whoever gives it (the command line, an upload), once it is known to
// exist, with what to do; inside a folder, taking it out is an option too.
func TestRefusedByName(t *testing.T) {
	open := func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader("a;b\n")), nil }
	for _, c := range []struct {
		src  Source
		want string
	}{
		{Source{Name: "peg.csv", Open: open}, "è un file CSV: aprirlo in Excel o LibreOffice e salvarlo come .xlsx"},
		{Source{Name: `C:\uffici\~$peg.xlsx`, Open: open}, "è il file di blocco che Excel crea"},
		{Source{Name: "uffici/peg.xlsb", Open: open, InFolder: true}, "salvarlo come .xlsx, o toglierlo dalla cartella"},
		{Source{Name: "manca.csv", Open: func() (io.ReadCloser, error) { return nil, fs.ErrNotExist }}, "file does not exist"},
	} {
		in := read(context.Background(), c.src, workbook.Limits{}, 0)
		if in.Err == nil || !strings.Contains(in.Err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.src.Name, in.Err, c.want)
		}
	}
}
