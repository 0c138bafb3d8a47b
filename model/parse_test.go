package model

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	ok := []struct {
		in   string
		want Date
	}{
		{"31/12/2019", Date{2019, 12, 31}},
		{"1/2/2019", Date{2019, 2, 1}},
		{" 01-01-2019 ", Date{2019, 1, 1}},
		{"15.07.2019", Date{2019, 7, 15}},
		{"2019-07-15", Date{2019, 7, 15}},
		{"29/02/2020", Date{2020, 2, 29}},
	}
	for _, c := range ok {
		got, err := ParseDate(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	bad := []string{"", "31/13/2019", "29/02/2019", "32/01/2019", "2019", "1/1/19", "01/01/2019/1",
		"aa/bb/cccc", "2019-13-01", "2019/01/01", "-1/01/2019", "+1/01/2019", "01/01/-201"}
	for _, in := range bad {
		if d, err := ParseDate(in); !errors.Is(err, ErrDate) {
			t.Errorf("ParseDate(%q) = %v, %v; want ErrDate", in, d, err)
		}
	}
}

func TestDateString(t *testing.T) {
	if s := (Date{2019, 7, 1}).String(); s != "01/07/2019" {
		t.Errorf("got %q", s)
	}
	if s := (Date{}).String(); s != "" {
		t.Errorf("zero date prints %q", s)
	}
}

func TestDateFromSerial(t *testing.T) {
	cases := []struct {
		serial float64
		d1904  bool
		want   Date
	}{
		{43466, false, Date{2019, 1, 1}},
		{43830.75, false, Date{2019, 12, 31}}, // a time of day is dropped
		{42004, true, Date{2019, 1, 1}},       // 1904 system: 1462 days less
		{59, false, Date{1900, 2, 28}},
		{1, false, Date{1900, 1, 1}},
		{61, false, Date{1900, 3, 1}},
	}
	for _, c := range cases {
		got, err := DateFromSerial(c.serial, c.d1904)
		if err != nil || got != c.want {
			t.Errorf("DateFromSerial(%v, %v) = %v, %v; want %v", c.serial, c.d1904, got, err, c.want)
		}
	}
	for _, s := range []float64{0, -5, 1e9} {
		if _, err := DateFromSerial(s, false); err == nil {
			t.Errorf("DateFromSerial(%v) accepted", s)
		}
	}
}

func TestParseNumber(t *testing.T) {
	ok := map[string]float64{
		"50": 50, "50,00": 50, "50.5": 50.5, "1.234,50": 1234.5, "1.234.567": 1234567,
		" 12,5 ": 12.5, "-3,25": -3.25, "0": 0, "100": 100, "1.234.567,891": 1234567.891,
		// One dot and three digits: thousands, as an Italian writes them.
		"1.000": 1000, "12.500": 12500, "100.000": 100000, "-1.000": -1000,
		"1.5": 1.5, "0.500": 0.5, "1234.5": 1234.5, "1.2345": 1.2345,
	}
	for in, want := range ok {
		got, err := ParseNumber(in)
		if err != nil || math.Abs(got-want) > 1e-9 {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "abc", "1,2,3", "12.34,5", "1e5", ",5", "5,", "50 %", "--1", "+", "1.2.3"} {
		if v, err := ParseNumber(in); !errors.Is(err, ErrNumber) {
			t.Errorf("ParseNumber(%q) = %v, %v; want ErrNumber", in, v, err)
		}
	}
}

func TestFormatDecimal(t *testing.T) {
	cases := []struct {
		v      float64
		places int
		want   string
	}{
		{50, 2, "50,00"}, {1234.5, 2, "1.234,50"}, {0, 2, "0,00"}, {-1234567.891, 1, "-1.234.567,9"},
		{60.55, 1, "60,6"}, {87.25, 1, "87,3"}, {100, 0, "100"}, {-0.001, 2, "0,00"}, // halves away from zero, as a person rounds
	}
	for _, c := range cases {
		if got := FormatDecimal(c.v, c.places); got != c.want {
			t.Errorf("FormatDecimal(%v, %d) = %q; want %q", c.v, c.places, got, c.want)
		}
	}
	if s := (Num{}).Decimal(2); s != "" {
		t.Errorf("empty weight prints %q", s)
	}
}

func TestKey(t *testing.T) {
	same := [][]string{
		{"Centro di Responsabilità", "centro di responsabilita", "CENTRO DI RESPONSABILITA'", "  Centro  di   responsabilità  "},
		{"Avanzamento %", "avanzamento", "AVANZAMENTO(%)"},
		{"Indirizzo strategico D.U.P.", "indirizzo strategico d u p"},
	}
	for _, group := range same {
		for _, s := range group[1:] {
			if Key(s) != Key(group[0]) {
				t.Errorf("Key(%q) = %q, Key(%q) = %q; want equal", s, Key(s), group[0], Key(group[0]))
			}
		}
	}
	if Key("Fine prevista") == Key("Fine effettiva") {
		t.Error("different headers fold together")
	}
}

func TestColumnName(t *testing.T) {
	for col, want := range map[int]string{1: "A", 5: "E", 26: "Z", 27: "AA", 52: "AZ", 703: "AAA"} {
		if got := ColumnName(col); got != want {
			t.Errorf("ColumnName(%d) = %q; want %q", col, got, want)
		}
	}
	p := Problem{Sheet: "Fasi", Row: 7, Col: 5, Err: ErrDate}
	if p.Error() != "Fasi!E7: "+ErrDate.Error() {
		t.Errorf("Problem.Error() = %q", p.Error())
	}
}

func TestEffectiveYear(t *testing.T) {
	o := &Objective{Code: "2021_X1"}
	if y := o.EffectiveYear(); y != 2021 {
		t.Errorf("from Codice: %d", y)
	}
	o.Phases = []Phase{{Start: Date{2020, time.March, 1}}, {Start: Date{2019, time.May, 1}}}
	if y := o.EffectiveYear(); y != 2019 {
		t.Errorf("from the earliest phase: %d", y)
	}
	o.Year = 2022
	if y := o.EffectiveYear(); y != 2022 {
		t.Errorf("from Anno: %d", y)
	}
	if y := (&Objective{Code: "ABC"}).EffectiveYear(); y != 0 {
		t.Errorf("nothing to go by: %d", y)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"31/12/2019", "1/2/2019", "2019-07-15", "15.07.2019", "29/02/2019", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !errors.Is(err, ErrDate) {
				t.Fatalf("error %v does not wrap ErrDate", err)
			}
			return
		}
		// A parsed date prints and parses back to itself.
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("%q -> %v -> %v, %v", s, d, back, err)
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"50", "50,00", "1.234,50", "1.234.567", "-3,25", "abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseNumber(s)
		if err != nil {
			if !errors.Is(err, ErrNumber) {
				t.Fatalf("error %v does not wrap ErrNumber", err)
			}
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("%q gave %v", s, v)
		}
		// Printed the Italian way, it reads back to the same value.
		back, err := ParseNumber(FormatDecimal(v, 6))
		if err != nil || math.Abs(back-v) > 1e-6*math.Max(1, math.Abs(v)) {
			t.Fatalf("%q -> %v -> %q -> %v, %v", s, v, FormatDecimal(v, 6), back, err)
		}
	})
}

func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"=> 100", ">= 50", "≥ 50", "<= 30 giorni", "100%", "SI", "entro il 30/06/2019", "almeno 3", "n.d."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg := ParseTarget(s)
		if tg.Text != s {
			t.Fatalf("text not kept: %q -> %q", s, tg.Text)
		}
		if tg.Kind == Number && (math.IsNaN(tg.Value) || math.IsInf(tg.Value, 0) || tg.Value < 0) {
			t.Fatalf("%q gave %v", s, tg.Value)
		}
		_ = ParseMeasure(s)
	})
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"Centro di Responsabilità", "CENTRO DI RESPONSABILITA'", "Avanzamento %"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Fatalf("Key is not idempotent: %q -> %q -> %q", s, k, Key(k))
		}
		if strings.Contains(k, "  ") || strings.TrimSpace(k) != k {
			t.Fatalf("Key(%q) = %q keeps spaces", s, k)
		}
	})
}
