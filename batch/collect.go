package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pegpdf/pegpdf/model"
)

// Collect gathers the objectives of the inputs without errors, in input
// order. A Codice already met in an earlier input becomes an error of the
// later one, naming both places, and that input gives nothing.
func Collect(inputs []*Input) []*model.Objective {
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

// SheetFiles is Collect for one PDF per objective: it also gives each
// objective its file name, SafeName(Codice).pdf, and two Codici that would
// make the same file name (ignoring case, as Windows does) are an error of
// the later one, never an overwrite.
func SheetFiles(inputs []*Input) (objs []*model.Objective, names []string) {
	Collect(inputs)
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

// CommonYear is the year most objectives have.
func CommonYear(objs []*model.Objective) int {
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

// Summary is the closing line: "38 file, 412 obiettivi, 3 avvisi, 5 errori,
// 2 file con errori".
func Summary(inputs []*Input) string {
	objectives, bad, errors, warnings := 0, 0, 0, 0
	for _, in := range inputs {
		if in.Failed() {
			bad++
		} else if in.Plan != nil {
			objectives += len(in.Plan.Objectives)
		}
		e, w := in.Problems.Count()
		if in.Err != nil {
			e++
		}
		errors += e
		warnings += w
	}
	s := fmt.Sprintf("%s, %s", Plural(len(inputs), "file", "file"), Plural(objectives, "obiettivo", "obiettivi"))
	if warnings > 0 {
		s += ", " + Plural(warnings, "avviso", "avvisi")
	}
	if errors > 0 {
		s += ", " + Plural(errors, "errore", "errori")
	}
	if bad > 0 {
		s += ", " + Plural(bad, "file con errori", "file con errori")
	}
	return s
}

// Plural is "1 file" or "3 file".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// reserved are the names Windows will not take for a file.
var reserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true}

func init() {
	for i := 1; i <= 9; i++ {
		reserved[fmt.Sprintf("COM%d", i)] = true
		reserved[fmt.Sprintf("LPT%d", i)] = true
	}
}

// MaxNameBytes bounds a file name made from a Codice.
const MaxNameBytes = 120

// SafeName turns a Codice into a file name (without extension) that is safe
// on every system: letters, digits, '-', '_' and '.', no leading dot, no
// reserved name, at most 120 bytes (a long one keeps a hash of the whole).
// "../../x" gives "x", "a/b" gives "a_b", "CON" gives "_CON".
func SafeName(code string) string {
	var b strings.Builder
	for _, r := range code {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.'):
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r) // accented letters are fine in file names
		default:
			b.WriteByte('_')
		}
	}
	name := strings.Trim(b.String(), "._ ")
	for strings.Contains(name, "..") {
		name = strings.ReplaceAll(name, "..", ".")
	}
	if name == "" {
		name = "obiettivo"
	}
	if base, _, _ := strings.Cut(name, "."); reserved[strings.ToUpper(base)] {
		name = "_" + name
	}
	if len(name) > MaxNameBytes {
		sum := sha256.Sum256([]byte(code))
		cut := MaxNameBytes - 13
		for !utf8.RuneStart(name[cut]) {
			cut--
		}
		name = name[:cut] + "-" + hex.EncodeToString(sum[:])[:12]
	}
	return name
}
