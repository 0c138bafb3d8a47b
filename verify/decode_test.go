package verify

import (
	"bytes"
	"io"
	"math/rand"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/filter"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// TestFiltersAsPDFCPU: each filter, streamed within the budgets, gives
// what pdfcpu's own decoder gives, for data pdfcpu's encoder wrote.
func TestFiltersAsPDFCPU(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	inputs := [][]byte{
		[]byte("BT /F1 12 Tf (Obiettivo) Tj ET"),
		bytes.Repeat([]byte("q 1 0 0 1 0 0 cm Q\n"), 5000),
		bytes.Repeat([]byte{0}, 70000),
		{},
	}
	random := make([]byte, 100000)
	rng.Read(random)
	inputs = append(inputs, random)
	for _, name := range []string{"FlateDecode", "LZWDecode", "ASCIIHexDecode", "ASCII85Decode", "RunLengthDecode"} {
		for i, in := range inputs {
			if len(in) == 0 && name == "RunLengthDecode" {
				continue // pdfcpu's encoder fails on nothing
			}
			f, err := filter.NewFilter(name, map[string]int{})
			if err != nil {
				t.Fatal(err)
			}
			enc, err := f.Encode(bytes.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := io.ReadAll(enc)
			dec, err := f.Decode(bytes.NewReader(raw))
			if err != nil {
				t.Fatalf("%s %d: pdfcpu: %v", name, i, err)
			}
			want, _ := io.ReadAll(dec)
			left := int64(FileBudget)
			got, err := decodeStream(1, raw, []types.PDFFilter{{Name: name}}, StreamBudget, &left)
			if err != nil || !bytes.Equal(got, want) || !bytes.Equal(got, in) {
				t.Errorf("%s %d: %d bytes (%v), pdfcpu %d, in %d", name, i, len(got), err, len(want), len(in))
			}
			if left != FileBudget-int64(len(in)) {
				t.Errorf("%s %d: %d bytes counted, want %d", name, i, FileBudget-left, len(in))
			}
		}
	}
}

// TestPredictors: PNG rows (each filter type) and TIFF rows are undone.
func TestPredictors(t *testing.T) {
	// Two rows of 3 columns, 1 colour, 8 bits: 10 20 30 / 11 22 33.
	png := []byte{
		1, 10, 10, 10, // Sub
		2, 1, 2, 3, // Up
	}
	png2 := []byte{
		0, 10, 20, 30, // None
		3, 6, 7, 7, // Average: 11 = 6+(0+10)/2, 22 = 7+(11+20)/2, 33 = 7+(22+30)/2 … (checked below)
		4, 1, 2, 3, // Paeth
	}
	tiff := []byte{10, 10, 10, 11, 11, 11}
	parms := func(p int) types.Dict {
		return types.Dict{"Predictor": types.Integer(p), "Columns": types.Integer(3)}
	}
	cases := []struct {
		rows  []byte
		p     int
		want  []byte
		flate bool
	}{
		{png, 12, []byte{10, 20, 30, 11, 22, 33}, true},
		{png2, 15, []byte{10, 20, 30, 11, 22, 33, 12, 24, 36}, true},
		{tiff, 2, []byte{10, 20, 30, 11, 22, 33}, true},
	}
	for _, c := range cases {
		left := int64(FileBudget)
		got, err := decodeStream(1, compress(c.rows, 1), []types.PDFFilter{{Name: "FlateDecode", DecodeParms: parms(c.p)}}, StreamBudget, &left)
		if err != nil || !bytes.Equal(got, c.want) {
			t.Errorf("predictor %d: %v (%v), want %v", c.p, got, err, c.want)
		}
	}
	// A row as wide as a crafted /Columns is refused, not allocated.
	left := int64(FileBudget)
	huge := types.Dict{"Predictor": types.Integer(12), "Columns": types.Integer(2_000_000_000)}
	if _, err := decodeStream(1, compress([]byte{0}, 1), []types.PDFFilter{{Name: "FlateDecode", DecodeParms: huge}}, StreamBudget, &left); err != errUndecodable {
		t.Errorf("huge row: %v", err)
	}
}

// FuzzDecode: whatever the bytes and filters, decoding stays within the
// budget and never panics.
func FuzzDecode(f *testing.F) {
	f.Add(compress([]byte("0 0 m 1 1 l S"), 2), uint8(0))
	f.Add([]byte("48656c6c6f>"), uint8(1))
	f.Add([]byte("87cURD]i,\"Ebo80~>"), uint8(2))
	f.Add([]byte{2, 'a', 'b', 'c', 254, 'x', 128}, uint8(3))
	f.Fuzz(func(t *testing.T, raw []byte, which uint8) {
		names := []string{"FlateDecode", "ASCIIHexDecode", "ASCII85Decode", "RunLengthDecode", "LZWDecode"}
		filters := []types.PDFFilter{{Name: names[int(which)%len(names)]}, {Name: names[int(which/8)%len(names)]}}
		if which&0x80 != 0 {
			filters[0].DecodeParms = types.Dict{"Predictor": types.Integer(10 + int(which)%6), "Columns": types.Integer(int(which) % 7)}
		}
		left := int64(1 << 20)
		b, err := decodeStream(1, raw, filters, 1<<16, &left)
		if err == nil && len(b) > 1<<16 {
			t.Fatalf("%d bytes past the budget", len(b))
		}
	})
}
