package produce

import (
	"strings"
	"testing"
)

func TestSafeName(t *testing.T) {
	cases := map[string]string{
		"2019_ZN10": "2019_ZN10", "../../x": "x", "a/b": "a_b", "CON": "_CON", "con.txt": "_con.txt",
		"": "obiettivo", "..": "obiettivo", "Qualità 1": "Qualità_1", `a\b:c*d`: "a_b_c_d",
	}
	for in, want := range cases {
		if got := SafeName(in); got != want {
			t.Errorf("SafeName(%q) = %q, want %q", in, got, want)
		}
	}
	long := SafeName(strings.Repeat("x", 300))
	if len(long) > MaxNameBytes || long == SafeName(strings.Repeat("x", 301)) {
		t.Errorf("long names: %d bytes, distinct %v", len(long), long != SafeName(strings.Repeat("x", 301)))
	}
}
