package workbook

import (
	"fmt"
	"strings"

	"github.com/pegpdf/pegpdf/internal/nearest"
	"github.com/pegpdf/pegpdf/model"
)

// closest is the candidate a clerk probably meant by name, or "" when none
// is close. Names are compared as model.Key folds them (case, accents,
// punctuation); a candidate is close when a few letters differ (at most a
// quarter of the longer name: Valore rilevat, Misure for Misura, Risultato
// al 31/12 for Risultato al 30/06), or when one holds the other as whole
// words (Valore rilevato, Valore rilevato al 30/06). The nearest wins, the
// first of equals: the answer is the same at every run.
func closest(name string, candidates []string) string {
	k := model.Key(name)
	if k == "" {
		return ""
	}
	best, bestD := "", 0
	for _, c := range candidates {
		ck := model.Key(c)
		if ck == "" || ck == k {
			continue
		}
		longer := max(len([]rune(k)), len([]rune(ck)))
		d := nearest.Distance(k, ck)
		switch {
		case d <= max(1, longer/4):
		case contains(k, ck) || contains(ck, k):
			d = longer // close, but less than a few letters
		default:
			continue
		}
		if best == "" || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// maybe is «; forse "X"?» for the candidate closest to name, or "".
func maybe(name string, candidates []string) string {
	if c := closest(name, candidates); c != "" {
		return fmt.Sprintf("; forse %q?", c)
	}
	return ""
}

// contains reports whether key a holds key b as whole words, b of two
// words at least (Valore is no hint of Valore atteso).
func contains(a, b string) bool {
	return strings.Contains(b, " ") && strings.Contains(" "+a+" ", " "+b+" ")
}
