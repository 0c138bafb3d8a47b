package model

import (
	"testing"
)

func TestIndicatorJudge(t *testing.T) {
	cases := []struct {
		target, measured string
		esito            Outcome
		grado            float64 // -1: unset
	}{
		// at least, in symbols and in words
		{"=> 100", "112", Met, 100},
		{">= 100", "80", NotMet, 80},
		{"≥ 50", "50", Met, 100},
		{"100", "87,5", NotMet, 87.5},
		{"almeno 4", "3", NotMet, 75},
		{"non meno di 4", "4", Met, 100},
		{"maggiore o uguale a 10", "12", Met, 100},
		{"95%", "87,5%", NotMet, 92.1},
		// more than
		{"> 10", "10", NotMet, 100},
		{"maggiore di 10", "11", Met, 100},
		{"oltre 10", "5", NotMet, 50},
		{"più di 10", "20", Met, 100},
		// at most
		{"<= 30 giorni", "28", Met, 100},
		{"=< 30", "40", NotMet, 75},
		{"≤ 30", "60", NotMet, 50},
		{"al massimo 30", "30", Met, 100},
		{"non oltre 15", "20", NotMet, 75},
		{"entro 20 giorni", "25 giorni", NotMet, 80},
		{"minore o uguale a 5", "0", Met, 100}, // M = 0: 100
		// less than
		{"< 10", "10", NotMet, 100},
		{"minore di 10", "8", Met, 100},
		{"meno di 10", "20", NotMet, 50},
		// exactly
		{"= 5", "5", Met, 100},
		{"pari a 5", "4", NotMet, 0},
		{"uguale a 5", "5,0", Met, 100},
		// T = 0
		{">= 0", "3", Met, 100},
		{">= 0", "0", Met, 100},
		// yes/no
		{"SI", "SI", Met, 100},
		{"sì", "Sì", Met, 100},
		{"SI", "NO", NotMet, 0},
		{"NO", "no", Met, 100},
		// deadlines
		{"entro il 30/06/2019", "15/06/2019", Met, 100},
		{"entro il 30/06/2019", "30/06/2019", Met, 100},
		{"entro il 30/06/2019", "01/07/2019", NotMet, 0},
		{"non oltre il 30/06/2019", "2019-06-01", Met, 100},
		{"30/06/2019", "29/06/2019", Met, 100},
		// not measurable
		{"n.d.", "5", Unmeasurable, -1},
		{">= 5", "", Unmeasurable, -1},
		{">= 5", "in corso", Unmeasurable, -1},
		{">= 5", "SI", Unmeasurable, -1},       // different kinds
		{"SI", "15/06/2019", Unmeasurable, -1}, // different kinds
		{"entro il 30/06/2019", "5", Unmeasurable, -1},
		{"", "", Unmeasurable, -1},
	}
	for _, c := range cases {
		got := Indicator{Target: ParseTarget(c.target), Measured: c.measured}.Judge()
		want := Num{}
		if c.grado >= 0 {
			want = Some(c.grado)
		}
		if got.Outcome != c.esito || got.Degree != want {
			t.Errorf("target %q measured %q: %s %v; want %s %v", c.target, c.measured, got.Outcome, got.Degree, c.esito, want)
		}
	}
}

func TestPhaseTiming(t *testing.T) {
	d := func(s string) Date {
		if s == "" {
			return Date{}
		}
		v, err := ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	asOf := d("31/07/2019")
	cases := []struct {
		name                  string
		start, end, actualEnd string
		actualStart           string
		progress              Num
		want                  Outcome
	}{
		{"finished early", "01/01/2019", "30/06/2019", "20/06/2019", "", Num{}, Early},
		{"finished on the day", "01/01/2019", "30/06/2019", "30/06/2019", "", Num{}, OnTime},
		{"finished late", "01/01/2019", "30/06/2019", "10/07/2019", "", Num{}, Late},
		{"not finished, due before D", "01/01/2019", "30/06/2019", "", "", Num{}, Late},
		{"not finished, due before D, not started", "01/01/2019", "30/06/2019", "", "", Some(0), Late},
		{"due on D, started", "01/01/2019", "31/07/2019", "", "02/01/2019", Num{}, InProgress},
		{"started by its progress", "01/01/2019", "31/12/2019", "", "", Some(20), InProgress},
		{"started by its actual start", "01/01/2019", "31/12/2019", "", "03/01/2019", Some(0), InProgress},
		{"not started, starts after D", "01/09/2019", "31/12/2019", "", "", Num{}, ToStart},
		{"not started, progress 0, starts after D", "01/09/2019", "31/12/2019", "", "", Some(0), ToStart},
		{"not started, starts the day after D", "01/08/2019", "31/12/2019", "", "", Num{}, ToStart},
		{"not started, starts on D", "31/07/2019", "31/12/2019", "", "", Num{}, NotStarted},
		{"not started, started before D", "01/03/2019", "31/12/2019", "", "", Num{}, NotStarted},
		{"not started, no Inizio previsto", "", "31/12/2019", "", "", Num{}, ToStart},
		{"no Fine prevista", "01/01/2019", "", "", "", Num{}, Unmeasurable},
		{"no Fine prevista, finished", "", "", "30/06/2019", "", Num{}, Unmeasurable},
		{"finished after D, before the deadline", "01/01/2019", "31/12/2019", "01/08/2019", "", Num{}, Early},
	}
	for _, c := range cases {
		p := Phase{Start: d(c.start), End: d(c.end), ActualEnd: d(c.actualEnd), ActualStart: d(c.actualStart), Progress: c.progress}
		if got := p.Timing(asOf); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

func TestObjectiveJudge(t *testing.T) {
	asOf := Date{2019, 7, 31}
	end := func(s string) Date { v, _ := ParseDate(s); return v }
	met := Indicator{Target: ParseTarget(">= 10"), Measured: "10"}
	missed := Indicator{Target: ParseTarget(">= 10"), Measured: "5"}
	unmeasured := Indicator{Target: ParseTarget(">= 10")}
	cases := []struct {
		name  string
		o     Objective
		real  Num
		esito Outcome
		tempi Outcome
		metN  int
		measN int
	}{
		{"weighted", Objective{Phases: []Phase{
			{Weight: Some(70), Progress: Some(100), End: end("30/06/2019"), ActualEnd: end("30/06/2019")},
			{Weight: Some(30), Progress: Some(50), End: end("31/12/2019")},
		}, Indicators: []Indicator{met, met}}, Some(85), OnTrack, OnTime, 2, 2},
		{"unweighted when a weight is missing", Objective{Phases: []Phase{
			{Weight: Some(70), Progress: Some(100), End: end("30/06/2019")},
			{Progress: Some(50), End: end("31/12/2019")},
			{End: end("31/12/2019")}, // empty progress counts as 0
		}, Indicators: []Indicator{met, missed, unmeasured}}, Some(50), Partial, Late, 1, 2},
		{"none met", Objective{Phases: []Phase{{Progress: Some(33.33)}}, Indicators: []Indicator{missed}}, Some(33.3), OffTrack, Unmeasurable, 0, 1},
		{"no phases, no measurable indicator", Objective{Indicators: []Indicator{unmeasured}}, Num{}, Unmeasurable, Unmeasurable, 0, 0},
		{"a phase not started that should have: late", Objective{Phases: []Phase{
			{Progress: Some(50), Start: end("01/01/2019"), End: end("31/12/2019")},
			{Start: end("01/03/2019"), End: end("31/12/2019")},
		}}, Some(25), Unmeasurable, Late, 0, 0},
		{"a phase yet to start: on time", Objective{Phases: []Phase{
			{Progress: Some(50), Start: end("01/01/2019"), End: end("31/12/2019")},
			{Start: end("01/09/2019"), End: end("31/12/2019")},
		}}, Some(25), Unmeasurable, OnTime, 0, 0},
		{"all weights zero", Objective{Phases: []Phase{{Weight: Some(0), Progress: Some(40)}, {Weight: Some(0), Progress: Some(60)}}}, Some(50), Unmeasurable, Unmeasurable, 0, 0},
	}
	for _, c := range cases {
		r := c.o.Judge(asOf)
		if r.Realization != c.real || r.Outcome != c.esito || r.Timing != c.tempi || r.Met != c.metN || r.Measurable != c.measN {
			t.Errorf("%s: %v %s %s %d/%d; want %v %s %s %d/%d", c.name, r.Realization, r.Outcome, r.Timing, r.Met, r.Measurable,
				c.real, c.esito, c.tempi, c.metN, c.measN)
		}
	}
}
