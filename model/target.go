package model

import (
	"strings"
	"unicode"
)

// Comparator says how a measured number is held against a target.
type Comparator int

// The comparators of a target.
const (
	AtLeast Comparator = iota
	AtMost
	MoreThan
	LessThan
	Exactly
)

// Kind is what a target or a measured value is.
type Kind int

// The kinds of value; values of different kinds cannot be compared.
const (
	NotMeasurable Kind = iota
	Number
	YesNo
	Deadline // a date; as a measured value, simply a date
)

// Target is a Valore atteso: the text as written and what it means.
type Target struct {
	Text  string
	Kind  Kind
	Cmp   Comparator // for Number
	Value float64    // for Number
	Yes   bool       // for YesNo
	Date  Date       // for Deadline
}

// Measure is a Valore rilevato: the text as written and what it means.
type Measure struct {
	Text  string
	Kind  Kind
	Value float64
	Yes   bool
	Date  Date
}

// comparator words, longest first so that "non meno di" wins over "meno di".
var cmpWords = []struct {
	word string
	cmp  Comparator
}{
	{"maggiore o uguale a", AtLeast},
	{"minore o uguale a", AtMost},
	{"non meno di", AtLeast},
	{"al massimo", AtMost},
	{"maggiore di", MoreThan},
	{"non oltre", AtMost},
	{"minore di", LessThan},
	{"uguale a", Exactly},
	{"almeno", AtLeast},
	{"piu di", MoreThan},
	{"meno di", LessThan},
	{"pari a", Exactly},
	{"entro", AtMost},
	{"oltre", MoreThan},
}

var cmpSymbols = []struct {
	sym string
	cmp Comparator
}{
	{">=", AtLeast}, {"=>", AtLeast}, {"≥", AtLeast},
	{"<=", AtMost}, {"=<", AtMost}, {"≤", AtMost},
	{">", MoreThan}, {"<", LessThan}, {"=", Exactly},
}

// deadline prefixes before a date, longest first.
var deadlineWords = []string{"non oltre il", "entro il", "non oltre", "entro"}

// ParseTarget reads a Valore atteso by the rules of monitoring.md: an
// optional comparator (symbol or words), a number, anything after it; a date,
// optionally after "entro (il)" or "non oltre il", is a deadline; SI or NO
// alone is a yes/no target; anything else is not measurable.
func ParseTarget(s string) Target {
	t := Target{Text: s}
	s = strings.TrimSpace(s)
	if yes, ok := parseYesNo(s); ok {
		t.Kind, t.Yes = YesNo, yes
		return t
	}
	low := fold(s)
	for _, w := range deadlineWords {
		if rest, ok := cutWord(low, w); ok {
			if d, err := ParseDate(rest); err == nil {
				t.Kind, t.Date = Deadline, d
				return t
			}
		}
	}
	if d, err := ParseDate(low); err == nil {
		t.Kind, t.Date = Deadline, d
		return t
	}
	cmp, rest := AtLeast, low
	matched := false
	for _, c := range cmpSymbols {
		if r, ok := strings.CutPrefix(low, c.sym); ok {
			cmp, rest, matched = c.cmp, r, true
			break
		}
	}
	if !matched {
		for _, c := range cmpWords {
			if r, ok := cutWord(low, c.word); ok {
				cmp, rest = c.cmp, r
				break
			}
		}
	}
	if v, ok := leadingNumber(rest); ok {
		t.Kind, t.Cmp, t.Value = Number, cmp, v
	}
	return t
}

// ParseMeasure reads a Valore rilevato: a number (a % or a unit after it is
// ignored), SI/NO, or a date. Empty or anything else is not measurable.
func ParseMeasure(s string) Measure {
	m := Measure{Text: s}
	s = strings.TrimSpace(s)
	if yes, ok := parseYesNo(s); ok {
		m.Kind, m.Yes = YesNo, yes
		return m
	}
	if d, err := ParseDate(s); err == nil {
		m.Kind, m.Date = Deadline, d
		return m
	}
	if v, ok := leadingNumber(fold(s)); ok {
		m.Kind, m.Value = Number, v
	}
	return m
}

func parseYesNo(s string) (yes, ok bool) {
	switch fold(s) {
	case "si":
		return true, true
	case "no":
		return false, true
	}
	return false, false
}

// leadingNumber reads the number at the start of s (after spaces): digits
// with a decimal comma or point and thousands dots; what follows must not
// continue the number.
func leadingNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	end := 0
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.' || s[end] == ',') {
		end++
	}
	num := strings.TrimRight(s[:end], ".,")
	if num == "" || num[0] < '0' || num[0] > '9' {
		return 0, false
	}
	v, err := ParseNumber(num)
	if err != nil {
		return 0, false
	}
	return v, true
}

// cutWord cuts the words w from the start of s when they stand alone.
func cutWord(s, w string) (string, bool) {
	rest, ok := strings.CutPrefix(s, w)
	if !ok {
		return "", false
	}
	if rest != "" {
		r := []rune(rest)[0]
		if unicode.IsLetter(r) {
			return "", false
		}
	}
	return strings.TrimSpace(rest), true
}

// fold lowers s, drops accents and folds runs of spaces: "SÌ" -> "si".
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(Unaccent(unicode.ToLower(r)))
	}
	return b.String()
}
