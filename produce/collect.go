package produce

import (
	"fmt"
	"strings"

	"github.com/pegpdf/pegpdf/model"
)

// collect gathers the objectives of the inputs without errors, in input
// order. A Codice already met in an earlier input becomes an error of the
// later one, naming both places, and that input gives nothing.
func collect(inputs []*Input) []*model.Objective {
	type place struct {
		name string
		o    *model.Objective
	}
	seen := map[string]place{}
	for _, in := range inputs {
		if in.Failed() {
			continue
		}
		for _, o := range in.Plan.Objectives {
			if prev, ok := seen[o.Code]; ok && prev.o != o {
				if prev.name == in.Name {
					continue // the reader already reported it
				}
				in.Problems = append(in.Problems, o.Loc.At(model.Error, model.FieldCode,
					fmt.Errorf("Codice %q già presente in %s: %s: ogni obiettivo va in un solo file",
						o.Code, prev.name, prev.o.Loc.At(model.Error, model.FieldCode, nil).Place())))
				continue
			}
			seen[o.Code] = place{in.Name, o}
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
// objective its file name, SafeName(Codice).pdf, and two Codici that would
// make the same file name (ignoring case, as Windows does) are an error of
// the later one, never an overwrite.
func sheetFiles(inputs []*Input) (objs []*model.Objective, names []string) {
	collect(inputs)
	taken := map[string]string{} // lower-case file name -> the Codice that took it
	for _, in := range inputs {
		if in.Failed() {
			continue
		}
		for _, o := range in.Plan.Objectives {
			name := SafeName(o.Code) + ".pdf"
			key := strings.ToLower(name)
			if prev, dup := taken[key]; dup {
				in.Problems = append(in.Problems, o.Loc.At(model.Error, model.FieldCode,
					fmt.Errorf("il file %s sarebbe lo stesso di %s: cambiare uno dei due Codici", name, prev)))
				continue
			}
			taken[key] = fmt.Sprintf("%q (%s)", o.Code, in.Name)
		}
	}
	for _, o := range gather(inputs) {
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
