package produce

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pegpdf/pegpdf/internal/pdfread"
	"github.com/pegpdf/pegpdf/internal/peggen"
	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/workbook"
)

// memory is a Source of a workbook in memory.
func memory(name string, data []byte) Source {
	return Source{Name: name, Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }}
}

// generated is a workbook of n generated objectives.
func generated(t *testing.T, n, year int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := workbook.Write(&b, peggen.Plan(peggen.Options{N: n, Year: year, Seed: 3})); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func sampleSource(t *testing.T, name string) Source {
	t.Helper()
	data, err := os.ReadFile("../samples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return memory(name, data)
}

// collector is a Sink that keeps what it is given.
type collector struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (c *collector) sink(name string, write func(io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files == nil {
		c.files = map[string][]byte{}
	}
	c.files[name] = b.Bytes()
	return nil
}

var created = time.Date(2019, 7, 31, 0, 0, 0, 0, time.UTC)

// TestSheetsGoodAndBad: an input that cannot be opened and an input with a
// Codice of an earlier one give nothing (ErrInputs, reported in the
// result); the others give their sheets, named after their Codici, in the
// inputs' order.
func TestSheetsGoodAndBad(t *testing.T) {
	missing := Source{Name: "manca.xlsx", Open: func() (io.ReadCloser, error) { return nil, os.ErrNotExist }}
	ref := sampleSource(t, "2019_ZN10.xlsx")
	var c collector
	var progress sync.Map
	copied := ref
	copied.Name = "copia.xlsx"
	req := Request{Inputs: []Source{ref, missing, sampleSource(t, "peg-2019.xlsx"), copied}, Created: created, Jobs: 2,
		Progress: func(in *Input) { progress.Store(in.Name, true) }}
	res, err := Sheets(context.Background(), req, c.sink)
	if !errors.Is(err, ErrInputs) {
		t.Fatalf("err %v, want ErrInputs", err)
	}
	if res.Failed() != 2 || res.Objectives != 21 || len(res.Files) != 21 || len(c.files) != 21 {
		t.Fatalf("failed %d, objectives %d, files %d, written %d", res.Failed(), res.Objectives, len(res.Files), len(c.files))
	}
	if res.Files[0] != "2019_ZN10.pdf" || !strings.HasPrefix(res.Files[1], "2019_") {
		t.Errorf("order: %v", res.Files[:3])
	}
	if got := IOMessage(res.Inputs[1].Err); !strings.Contains(got, "non esiste") {
		t.Errorf("missing input: %q", got)
	}
	if !res.Inputs[3].Failed() || !strings.Contains(fmt.Sprint(res.Inputs[3].Problems), "già presente in 2019_ZN10.xlsx") {
		t.Errorf("repeated input: %v", res.Inputs[3].Problems)
	}
	for _, name := range []string{"2019_ZN10.xlsx", "manca.xlsx", "peg-2019.xlsx", "copia.xlsx"} {
		if _, ok := progress.Load(name); !ok {
			t.Errorf("no progress for %s", name)
		}
	}
}

// TestSheetsStop: the end of the context or the sink's first error stops
// the sheet batches not yet started.
func TestSheetsStop(t *testing.T) {
	src := memory("grande.xlsx", generated(t, 60, 2021)) // three batches of at most 25
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	req := Request{Inputs: []Source{src}, Created: created, Jobs: 1,
		Checked: func([]*Input) error { cancel(); return nil }}
	if _, err := Sheets(ctx, req, func(string, func(io.Writer) error) error { calls++; return nil }); !errors.Is(err, context.Canceled) || calls != 0 {
		t.Errorf("cancelled: err %v, %d sheets", err, calls)
	}

	full := errors.New("disco pieno")
	var sunk atomic.Int32
	req.Checked = nil
	_, err := Sheets(context.Background(), req, func(string, func(io.Writer) error) error { sunk.Add(1); return full })
	if n := sunk.Load(); !errors.Is(err, full) || n < 1 || n > sinksPerBatch {
		t.Errorf("sink error: err %v after %d sheets, want at most the %d given at once", err, n, sinksPerBatch)
	}
}

// TestCheckedStops: an error of Checked (the problem report could not be
// written) is the run's error, and nothing is drawn.
func TestCheckedStops(t *testing.T) {
	bad := errors.New("rapporto non scritto")
	req := Request{Inputs: []Source{sampleSource(t, "2019_ZN10.xlsx")}, Checked: func([]*Input) error { return bad }}
	if _, err := Booklet(context.Background(), req, func(string, func(io.Writer) error) error {
		t.Error("drawn")
		return nil
	}); !errors.Is(err, bad) {
		t.Errorf("err %v", err)
	}
}

// TestDocumentDefaults: the booklet and the report take the theme's acts
// line as subtitle and the theme's entity; a booklet of inputs with errors
// or without objectives is not made.
func TestDocumentDefaults(t *testing.T) {
	req := Request{Inputs: []Source{sampleSource(t, "2019_ZN10.xlsx")}, Created: created}
	th := *req.theme()
	th.ActsLine, th.Entity = "Allegato Z alla deliberazione n. 99", "Comune di Nessunluogo"
	req.Theme = &th
	var c collector
	if _, err := Booklet(context.Background(), req, c.sink); err != nil {
		t.Fatal(err)
	}
	today, _ := model.NewDate(2019, 7, 31)
	req.Today = today
	res, err := Report(context.Background(), req, c.sink, c.sink)
	if err != nil || res.AsOf != today {
		t.Fatalf("report: %v, as of %s", err, res.AsOf)
	}
	for _, name := range []string{"libretto.pdf", "rapporto.pdf"} {
		doc, err := pdfread.Read(c.files[name])
		if err != nil {
			t.Fatal(err)
		}
		cover := doc.Pages[0].Text
		if !strings.Contains(cover, "Comune di Nessunluogo") || !strings.Contains(cover, "Allegato Z alla deliberazione n. 99") {
			t.Errorf("%s: the cover lacks the theme's entity or acts line: %q", name, cover)
		}
	}
	if !bytes.HasPrefix(c.files["esiti.csv"], []byte("\ufeffCodice;Direzione")) {
		t.Errorf("evaluation: %.40q", c.files["esiti.csv"])
	}
	var alone collector
	if _, err := Evaluation(context.Background(), req, alone.sink); err != nil || len(alone.files) != 1 ||
		!bytes.Equal(alone.files["esiti.csv"], c.files["esiti.csv"]) {
		t.Errorf("Evaluation alone: %v, %d files, not the report's CSV", err, len(alone.files))
	}

	empty := Request{Inputs: []Source{memory("vuoto.xlsx", nil)}}
	if _, err := Booklet(context.Background(), empty, c.sink); !errors.Is(err, ErrInputs) {
		t.Errorf("bad input: %v", err)
	}
}

// TestZipOrder: the archive lists the files in the order given, whatever
// the order they came in.
func TestZipOrder(t *testing.T) {
	z := NewZip(created)
	for _, n := range []string{"b.pdf", "c.pdf", "a.pdf"} {
		z.Sink(n, func(w io.Writer) error { _, err := io.WriteString(w, n); return err })
	}
	var b bytes.Buffer
	if err := z.Write(&b, []string{"a.pdf", "b.pdf", "c.pdf"}); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	if a, bb, c := strings.Index(s, "a.pdf"), strings.Index(s, "b.pdf"), strings.Index(s, "c.pdf"); !(a < bb && bb < c) {
		t.Errorf("order: a %d, b %d, c %d", a, bb, c)
	}
}

// TestCheckCatchesCollisions: what Check passes, Sheets can make. Two
// uploads with the same name and the same objectives are two inputs, the
// second an error; two Codici that differ only in capitals (one file
// name on Windows) are an error in Check too, not only in Sheets.
func TestCheckCatchesCollisions(t *testing.T) {
	ref := sampleSource(t, "2019_ZN10.xlsx")
	res, err := Check(context.Background(), Request{Inputs: []Source{ref, ref}, Created: created})
	if !errors.Is(err, ErrInputs) || res.Inputs[0].Failed() || !res.Inputs[1].Failed() ||
		!strings.Contains(fmt.Sprint(res.Inputs[1].Problems), "già presente in un altro file con lo stesso nome") {
		t.Errorf("the same file twice: %v, %v", err, res.Inputs[1].Problems)
	}

	plan := &model.Plan{Objectives: []*model.Objective{
		{Code: "2027_URB_01", Title: "A", Direction: "D", Year: 2027},
		{Code: "2027_urb_01", Title: "B", Direction: "D", Year: 2027},
	}}
	var b bytes.Buffer
	if err := workbook.Write(&b, plan); err != nil {
		t.Fatal(err)
	}
	res, err = Check(context.Background(), Request{Inputs: []Source{memory("casi.xlsx", b.Bytes())}, Created: created})
	if !errors.Is(err, ErrInputs) || !strings.Contains(fmt.Sprint(res.Inputs[0].Problems), `il file 2027_urb_01.pdf sarebbe lo stesso di "2027_URB_01"`) {
		t.Errorf("codes differing in case: %v, %v", err, res.Inputs[0].Problems)
	}
}

// TestReportWarnsAfterAsOf: the evaluation of the sample at 31/07/2019
// warns, before anything is drawn, about the Fine effettiva of 12/08/2019
// it counts as already come; the same plan at 31/12/2019 does not.
func TestReportWarnsAfterAsOf(t *testing.T) {
	for _, c := range []struct {
		asOf model.Date
		want bool
	}{{model.Date{Year: 2019, Month: 7, Day: 31}, true}, {model.Date{Year: 2019, Month: 12, Day: 31}, false}} {
		var checked model.Problems
		req := Request{Inputs: []Source{sampleSource(t, "peg-2019.xlsx")}, Created: created, Today: c.asOf,
			Checked: func(ins []*Input) error { checked = ins[0].Problems; return nil }}
		var c2 collector
		if _, err := Evaluation(context.Background(), req, c2.sink); err != nil {
			t.Fatal(err)
		}
		got := strings.Contains(fmt.Sprint(checked), "Fasi!J67: Fine effettiva 12/08/2019 è dopo la data del monitoraggio, 31/07/2019")
		if got != c.want {
			t.Errorf("at %s: warned %v, want %v: %v", c.asOf, got, c.want, checked)
		}
	}
}

// TestEvaluationHeader: the evaluation CSV has monitoring.md's header
// exactly; Peso follows only when some objective has a weight.
func TestEvaluationHeader(t *testing.T) {
	contract := "\ufeffCodice;Direzione;Servizio;Titolo;Realizzazione %;Esito;Tempi;Indicatori raggiunti;Indicatori misurabili\n"
	for _, c := range []struct {
		o    model.Objective
		want string
	}{
		{model.Objective{Code: "A"}, contract + "A;;;;;;;0;0\n"},
		{model.Objective{Code: "A", Weight: model.Some(1.2)}, strings.TrimSuffix(contract, "\n") + ";Peso\nA;;;;;;;0;0;1,20\n"},
	} {
		var b bytes.Buffer
		if err := WriteEvaluationCSV(&b, []model.Evaluation{{Objective: &c.o}}); err != nil {
			t.Fatal(err)
		}
		if b.String() != c.want {
			t.Errorf("got %q, want %q", b.String(), c.want)
		}
	}
}
