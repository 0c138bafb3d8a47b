package produce

import (
	"fmt"
	"strings"

	"github.com/pegpdf/pegpdf/model"
)

// collect gathers the objectives of the inputs without errors, in input
// order. A Codice already met in an earlier input becomes an error of the
// later one, naming both places, and that input gives nothing; so do two
// Codici that would make the same sheet file name (ignoring case, as
// Windows does: 2019_A and 2019_a, 2019/A and 2019_A), in one input or two,
// in every command, so that what verifica passes the sheets can be made of.
func collect(inputs []*Input) []*model.Objective {
	type place struct {
		in *Input
		o  *model.Objective
	}
	seen := map[string]place{} // lower-case file name -> where it was taken
	for _, in := range inputs {
		if in.Failed() {
			continue
		}
		for _, o := range in.Plan.Objectives {
			key := strings.ToLower(SafeName(o.Code) + ".pdf")
			prev, ok := seen[key]
			switch {
			case !ok:
				seen[key] = place{in, o}
			case prev.o.Code == o.Code && prev.in == in:
				// the reader already reported it
			case prev.o.Code == o.Code:
				other := prev.in.Name
				if other == in.Name {
					other = "un altro file con lo stesso nome, " + other
				}
				in.Problems = append(in.Problems, o.Loc.At(model.Error, model.FieldCode,
					fmt.Errorf("Codice %q già presente in %s: %s: ogni obiettivo va in un solo file",
						o.Code, other, prev.o.Loc.At(model.Error, model.FieldCode, nil).Place())))
			default:
				in.Problems = append(in.Problems, o.Loc.At(model.Error, model.FieldCode,
					fmt.Errorf("il file %s sarebbe lo stesso di %q (%s): cambiare uno dei due Codici",
						SafeName(o.Code)+".pdf", prev.o.Code, prev.in.Name)))
			}
		}
	}
	return gather(inputs)
}

func gather(inputs []*Input) []*model.Objective {
	var objs []*model.Objective
	for _, in := range inputs {
		if !in.Failed() {
			objs = append(objs, in.Plan.Objectives...)
		}
	}
	return objs
}

// sheetFiles is collect for one PDF per objective: it also gives each
// objective its file name, SafeName(Codice).pdf, never the same twice.
func sheetFiles(inputs []*Input) (objs []*model.Objective, names []string) {
	for _, o := range collect(inputs) {
		objs = append(objs, o)
		names = append(names, SafeName(o.Code)+".pdf")
	}
	return objs, names
}

// commonYear is the year most objectives have.
func commonYear(objs []*model.Objective) int {
	count := map[int]int{}
	best := 0
	for _, o := range objs {
		y := o.EffectiveYear()
		count[y]++
		if count[y] > count[best] || (count[y] == count[best] && y < best) {
			best = y
		}
	}
	return best
}

// CountFailed counts the inputs that give no PDF.
func CountFailed(inputs []*Input) int {
	n := 0
	for _, in := range inputs {
		if in.Failed() {
			n++
		}
	}
	return n
}
