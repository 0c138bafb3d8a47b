package render

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pegpdf/pegpdf/internal/peggen"
	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

// TestGolden compares what a reader sees of rendered sheets — each page's
// text in reading order, as pdfium extracts it — with testdata/*.golden, as
// go/printer does. After an intended change: go test ./render -run Golden -update
func TestGolden(t *testing.T) {
	monitored := peggen.Plan(peggen.Options{N: 3, Seed: 5, Monitoring: 1}).Objectives[1]
	cases := []struct {
		name string
		o    *model.Objective
		opt  Options
	}{
		{"2019_ZN10", templates.Example().Objectives[0], Options{}},
		{"monitored", monitored, Options{AsOf: model.Date{Year: 2019, Month: 7, Day: 31}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, _ := renderSheet(t, c.o, c.opt)
			var b strings.Builder
			for i, p := range doc.Pages {
				fmt.Fprintf(&b, "=== page %d\n%s\n", i+1, strings.ReplaceAll(p.Text, "\r\n", "\n"))
			}
			path := filepath.Join("testdata", c.name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got := b.String(); got != string(want) {
				t.Errorf("the text of %s changed; if intended, run with -update.\ngot:\n%s", c.name, got)
			}
		})
	}
}
