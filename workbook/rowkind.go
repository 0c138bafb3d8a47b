package workbook

import (
	"fmt"
	"strings"

	"github.com/pegpdf/pegpdf/model"
)

// rowKind is what a row of a flat sheet is.
type rowKind int

const (
	kindUnknown rowKind = iota
	kindObjective
	kindPhase
	kindIndicator
)

// word is the kind as a message and the mapping file name it.
func (k rowKind) word() string {
	return [...]string{"sconosciuto", "obiettivo", "fase", "indicatore"}[k]
}

// defaultKinds are the words a kind column may always hold, whatever the
// mapping lists: the common ones (Attività is a phase as often as Fase).
// A word the mapping gives to another kind is that kind's.
var defaultKinds = [...][]string{
	kindObjective: {"Obiettivo"},
	kindPhase:     {"Fase", "Attività", "Azione"},
	kindIndicator: {"Indicatore"},
}

// lists is the mapping's words for each kind.
func (f FlatSheet) lists() [4][]string {
	return [4][]string{kindObjective: f.Objective, kindPhase: f.Phase, kindIndicator: f.Indicator}
}

// kind is what a kind cell says: the mapping's words first, then the
// defaults; kindUnknown for anything else, an empty cell included.
func (f FlatSheet) kind(s string) rowKind {
	k := model.Key(s)
	if k == "" {
		return kindUnknown
	}
	for _, lists := range [][4][]string{f.lists(), defaultKinds} {
		for kind, words := range lists {
			for _, w := range words {
				if model.Key(w) == k {
					return rowKind(kind)
				}
			}
		}
	}
	return kindUnknown
}

// accepted says which words each kind takes, for a message: «obiettivo:
// Obiettivo; fase: Fase, Attività, Azione; indicatore: Indicatore».
func (f FlatSheet) accepted() string {
	var parts []string
	for _, kind := range []rowKind{kindObjective, kindPhase, kindIndicator} {
		var words []string
		seen := map[string]bool{}
		for _, w := range append(append([]string(nil), f.lists()[kind]...), defaultKinds[kind]...) {
			if k := model.Key(w); k != "" && !seen[k] && f.kind(w) == kind {
				seen[k] = true
				words = append(words, w)
			}
		}
		parts = append(parts, kind.word()+": "+strings.Join(words, ", "))
	}
	return strings.Join(parts, "; ")
}

// check: a flat sheet is named when any of its keys is given, and no word
// is two kinds.
func (f FlatSheet) check() []error {
	var errs []error
	if strings.TrimSpace(f.Sheet) == "" && (f.KindColumn != "" || len(f.Objective)+len(f.Phase)+len(f.Indicator)+len(f.Separators) > 0 || f.CodePrefix != "") {
		errs = append(errs, fmt.Errorf("[foglio_unico] senza foglio: indicare il nome del foglio (ad es. foglio = \"PEG 2024\"), o togliere la sezione"))
	}
	seen := map[string]rowKind{}
	for kind, words := range f.lists() {
		for _, w := range words {
			k := model.Key(w)
			switch prev, ok := seen[k]; {
			case k == "":
			case ok && prev != rowKind(kind):
				errs = append(errs, fmt.Errorf("[foglio_unico] %q è sia in %s sia in %s: una riga è di un tipo solo; toglierlo da uno dei due", w, prev.word(), rowKind(kind).word()))
			default:
				seen[k] = rowKind(kind)
			}
		}
	}
	return errs
}
