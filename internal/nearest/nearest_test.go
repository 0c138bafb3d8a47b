package nearest

import "testing"

// TestDistance: insertions, deletions, replacements and two letters
// swapped count one each; very long names are no typos.
func TestDistance(t *testing.T) {
	long := string(make([]rune, 300))
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"servizio", "servizio", 0}, {"servi", "servizio", 3}, {"libreto", "libretto", 1},
		{"verfica", "verifica", 1}, {"valore rilevat", "valore rilevato", 1}, {"fiel", "file", 1},
		{"àè", "ae", 2}, {"", "abc", 3}, {long + "a", long + "b", 301},
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%.20q, %.20q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
