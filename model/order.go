package model

import (
	"sort"
	"strings"
)

// SortForBooklet orders objectives as the booklet prints them: by
// Direzione, then Servizio, then Codice in natural order (2019_ZN2 before
// 2019_ZN10). Names compare ignoring case and accents.
func SortForBooklet(objs []*Objective) {
	sort.SliceStable(objs, func(i, j int) bool {
		a, b := objs[i], objs[j]
		if c := strings.Compare(Key(a.Direction), Key(b.Direction)); c != 0 {
			return c < 0
		}
		if c := strings.Compare(Key(a.Service), Key(b.Service)); c != 0 {
			return c < 0
		}
		return NaturalLess(a.Code, b.Code)
	})
}

// NaturalLess compares strings with their runs of digits as numbers:
// "ZN2" < "ZN10".
func NaturalLess(a, b string) bool {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na := strings.TrimLeft(a[:da], "0")
			nb := strings.TrimLeft(b[:db], "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			if da != db { // same number, fewer leading zeros first
				return da < db
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}
