// Command gen writes realistic PEG workbooks, for the samples and for
// measuring pegpdf on large inputs:
//
//	go run ./samples/gen -n 1000 -o big.xlsx          one workbook, 1,000 objectives
//	go run ./samples/gen -n 300 -split 4 -o dir       four workbooks in dir
//	go run ./samples/gen -sample -o samples/peg-2019.xlsx
//	go run ./samples/gen -coat samples/valverde/stemma.png
//	go run ./samples/gen -reference -o samples/2019_ZN10.xlsx   objective 2019_ZN10 as published
//	go run ./samples/gen -piao -o docs/piao-2025.xlsx           a PIAO-style plan with the optional fields
//
// The same flags always give the same workbooks.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pegpdf/pegpdf/internal/peggen"
	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
	"github.com/pegpdf/pegpdf/workbook"
)

func main() {
	n := flag.Int("n", 20, "number of objectives")
	out := flag.String("o", "peg.xlsx", "output workbook, or folder with -split")
	split := flag.Int("split", 1, "write this many workbooks, one per group of Direzioni")
	year := flag.Int("year", 2019, "the PEG's year")
	seed := flag.Uint64("seed", 1, "random seed")
	monitoring := flag.Float64("monitoring", 0.85, "share of objectives with monitoring data at 31/07 of the year")
	sample := flag.Bool("sample", false, "write the shipped sample samples/peg-2019.xlsx (20 objectives with the special cases)")
	coat := flag.String("coat", "", "write the coat of arms of the sample theme to this PNG file, and nothing else")
	reference := flag.Bool("reference", false, "write objective 2019_ZN10 exactly as published (samples/2019_ZN10.xlsx)")
	piaoSample := flag.Bool("piao", false, "write the PIAO-style sample (docs/piao-2025.xlsx)")
	flag.Parse()
	var fixed *model.Plan
	switch {
	case *reference:
		fixed = templates.Example()
	case *piaoSample:
		fixed = piao()
	}
	if fixed != nil {
		if err := writeFile(*out, fixed); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		return
	}
	if *coat != "" {
		if err := writeCoat(*coat); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*n, *out, *split, *year, *seed, *monitoring, *sample); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(n int, out string, split, year int, seed uint64, monitoring float64, sample bool) error {
	plan := peggen.Plan(peggen.Options{N: n, Year: year, Seed: seed, Monitoring: monitoring, Sample: sample})
	if split <= 1 {
		return writeFile(out, plan)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	parts := make([]*model.Plan, split)
	for i := range parts {
		parts[i] = &model.Plan{}
	}
	dirIndex := map[string]int{}
	for _, o := range plan.Objectives {
		i, ok := dirIndex[o.Direction]
		if !ok {
			i = len(dirIndex) % split
			dirIndex[o.Direction] = i
		}
		parts[i].Objectives = append(parts[i].Objectives, o)
	}
	for i, p := range parts {
		if err := writeFile(filepath.Join(out, fmt.Sprintf("peg-%d-%02d.xlsx", year, i+1)), p); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(path string, plan *model.Plan) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := workbook.Write(f, plan); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
