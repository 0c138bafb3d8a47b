package model

import (
	"sort"
	"strings"
)

// SortForBooklet orders objectives as the booklet prints them: by
// Direzione, then Servizio, then Codice in natural order (2019_ZN2 before
// 2019_ZN10). Names compare ignoring case and accents.
func SortForBooklet(objs []*Objective) {
	type keyed struct {
		dir, svc string
		o        *Objective
	}
	ks := make([]keyed, len(objs)) // the names folded once, not at every comparison
	for i, o := range objs {
		ks[i] = keyed{Key(o.Direction), Key(o.Service), o}
	}
	sort.SliceStable(ks, func(i, j int) bool {
		a, b := ks[i], ks[j]
		if a.dir != b.dir {
			return a.dir < b.dir
		}
		if a.svc != b.svc {
			return a.svc < b.svc
		}
		return NaturalLess(a.o.Code, b.o.Code)
	})
	for i, k := range ks {
		objs[i] = k.o
	}
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
