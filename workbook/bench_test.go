package workbook

import (
	"bytes"
	"testing"

	"github.com/pegpdf/pegpdf/internal/peggen"
)

// BenchmarkRead reads a realistic 1,000-objective workbook:
//
//	go test -run XXX -bench Read -benchmem ./workbook
func BenchmarkRead(b *testing.B) {
	var buf bytes.Buffer
	if err := Write(&buf, peggen.Plan(peggen.Options{N: 1000, Seed: 1, Monitoring: 0.85})); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		plan, ps, err := Read(bytes.NewReader(data), Limits{})
		if err != nil || ps.HasErrors() || len(plan.Objectives) != 1000 {
			b.Fatal(err, ps)
		}
	}
}
