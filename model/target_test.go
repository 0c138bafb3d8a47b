package model

import (
	"testing"
	"time"
)

func TestParseTarget(t *testing.T) {
	cases := []struct {
		in    string
		kind  Kind
		cmp   Comparator
		value float64
	}{
		{"=> 100", Number, AtLeast, 100},
		{"=>50", Number, AtLeast, 50},
		{">= 50", Number, AtLeast, 50},
		{"≥ 50", Number, AtLeast, 50},
		{"<= 30 giorni", Number, AtMost, 30},
		{"=< 30", Number, AtMost, 30},
		{"≤ 30", Number, AtMost, 30},
		{"> 10", Number, MoreThan, 10},
		{"< 10", Number, LessThan, 10},
		{"= 5", Number, Exactly, 5},
		{"100%", Number, AtLeast, 100},
		{"95 %", Number, AtLeast, 95},
		{"1.234,5 euro", Number, AtLeast, 1234.5},
		{">= 1.000", Number, AtLeast, 1000},
		{"almeno 12.500 utenti", Number, AtLeast, 12500},
		{"almeno 3", Number, AtLeast, 3},
		{"Non meno di 3", Number, AtLeast, 3},
		{"maggiore o uguale a 7", Number, AtLeast, 7},
		{"al massimo 30 giorni", Number, AtMost, 30},
		{"non oltre 15", Number, AtMost, 15},
		{"entro 20 giorni", Number, AtMost, 20},
		{"minore o uguale a 2", Number, AtMost, 2},
		{"maggiore di 4", Number, MoreThan, 4},
		{"oltre 4", Number, MoreThan, 4},
		{"più di 4", Number, MoreThan, 4},
		{"PIÙ DI 4", Number, MoreThan, 4},
		{"minore di 9", Number, LessThan, 9},
		{"meno di 9", Number, LessThan, 9},
		{"pari a 1", Number, Exactly, 1},
		{"uguale a 1", Number, Exactly, 1},
		{"SI", YesNo, 0, 0},
		{"sì", YesNo, 0, 0},
		{"NO", YesNo, 0, 0},
		{"n.d.", NotMeasurable, 0, 0},
		{"", NotMeasurable, 0, 0},
		{"almenouno", NotMeasurable, 0, 0},
		{"si prevede", NotMeasurable, 0, 0},
	}
	for _, c := range cases {
		got := ParseTarget(c.in)
		if got.Text != c.in || got.Kind != c.kind || (c.kind == Number && (got.Cmp != c.cmp || got.Value != c.value)) {
			t.Errorf("ParseTarget(%q) = %+v; want kind %v cmp %v value %v", c.in, got, c.kind, c.cmp, c.value)
		}
	}
	yes := ParseTarget("Sì")
	no := ParseTarget("no")
	if !yes.Yes || no.Yes {
		t.Errorf("yes/no: %+v %+v", yes, no)
	}
	for _, in := range []string{"entro il 30/06/2019", "30/06/2019", "non oltre il 30/06/2019", "Entro 30/06/2019"} {
		got := ParseTarget(in)
		if got.Kind != Deadline || got.Date != (Date{2019, time.June, 30}) {
			t.Errorf("ParseTarget(%q) = %+v; want the deadline 30/06/2019", in, got)
		}
	}
}

func TestParseMeasure(t *testing.T) {
	cases := []struct {
		in    string
		kind  Kind
		value float64
	}{
		{"112", Number, 112}, {"87,5%", Number, 87.5}, {"28 giorni", Number, 28}, {"SI", YesNo, 0},
		{"15/06/2019", Deadline, 0}, {"", NotMeasurable, 0}, {"in corso", NotMeasurable, 0},
	}
	for _, c := range cases {
		got := ParseMeasure(c.in)
		if got.Kind != c.kind || got.Value != c.value {
			t.Errorf("ParseMeasure(%q) = %+v; want kind %v value %v", c.in, got, c.kind, c.value)
		}
	}
}
