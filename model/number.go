package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Num is an optional number: Set is false for an empty cell.
type Num struct {
	Value float64
	Set   bool
}

// Some returns a set Num.
func Some(v float64) Num { return Num{Value: v, Set: true} }

// Decimal prints n with the given number of decimals, a decimal comma and
// thousands dots (1.234,50); an unset Num prints empty.
func (n Num) Decimal(places int) string {
	if !n.Set {
		return ""
	}
	return FormatDecimal(n.Value, places)
}

// FormatDecimal prints v the Italian way with the given decimals: 1.234,50.
// Halves round away from zero (87,25 → 87,3), as the monitoring rules do.
func FormatDecimal(v float64, places int) string {
	p := math.Pow10(places)
	s := strconv.FormatFloat(math.Round(math.Abs(v)*p)/p, 'f', places, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte(',')
		b.WriteString(frac)
	}
	return b.String()
}

// maxNumber bounds the numbers of a PEG: a million billion is beyond any
// weight, target or budget, and a larger one is a typing mistake.
const maxNumber = 1e15

// ParseNumber reads a number written with a decimal comma and optional
// thousands dots (1.234,50), or with a decimal point (1234.5). A single dot
// followed by exactly three digits, after one to three digits not starting
// with 0, groups thousands as an Italian writes them: 1.000 is a thousand,
// 12.500 twelve thousand five hundred; 1.5 and 0.500 keep a decimal point.
// Spaces around it are ignored. The error wraps ErrNumber.
func ParseNumber(s string) (float64, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("%q %w", s, ErrNumber)
	if s == "" || len(s) > 64 {
		return 0, bad
	}
	t := s
	if t[0] == '+' || t[0] == '-' {
		t = t[1:]
	}
	if t == "" {
		return 0, bad
	}
	for _, c := range t {
		if (c < '0' || c > '9') && c != '.' && c != ',' {
			return 0, bad
		}
	}
	dots, commas := strings.Count(t, "."), strings.Count(t, ",")
	switch {
	case commas > 1:
		return 0, bad
	case commas == 1:
		// Italian: dots, if any, group thousands before the comma.
		intPart, _, _ := strings.Cut(t, ",")
		if dots > 0 && !thousands(intPart) {
			return 0, bad
		}
		t = strings.ReplaceAll(t, ".", "")
		t = strings.Replace(t, ",", ".", 1)
	case dots > 1:
		if !thousands(t) {
			return 0, bad
		}
		t = strings.ReplaceAll(t, ".", "")
	case dots == 1 && t[0] != '0' && thousands(t):
		t = strings.Replace(t, ".", "", 1)
	}
	if strings.HasPrefix(t, ".") || strings.HasSuffix(t, ".") {
		return 0, bad
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || v > maxNumber {
		return 0, bad
	}
	if s[0] == '-' {
		v = -v
	}
	return v, nil
}

// thousands reports whether s is digits grouped by dots in threes: 1.234.567.
func thousands(s string) bool {
	groups := strings.Split(s, ".")
	if len(groups[0]) < 1 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}
