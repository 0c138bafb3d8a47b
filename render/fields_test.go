package render

import (
	"strings"
	"testing"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// piaoObjective is the reference objective with every optional field of a
// PEG or PIAO objective filled, as docs/piao-2025.xlsx has them.
func piaoObjective() *model.Objective {
	o := templates.Example().Objectives[0]
	o.Weight = model.Some(1.2)
	o.Mission = "01 – Servizi istituzionali, generali e di gestione"
	o.Programme = "08 – Statistica e sistemi informativi"
	o.MandateLine = "Un Comune semplice e vicino"
	o.Councillor = "Assessore all'innovazione"
	o.Stakeholders = "Cittadini, imprese, professionisti"
	o.Contributors = "Servizi informativi; Protocollo"
	o.PublicValue = "VP1 – Semplificare l'accesso ai servizi"
	o.Deadline = model.Date{Year: 2019, Month: 12, Day: 31}
	o.HumanResources = "3 istruttori amministrativi, 1 tecnico informatico"
	o.FinancialResources = "€ 85.000,00 (PNRR misura 1.4.1)"
	in := &o.Indicators[0]
	in.Unit = "giorni"
	in.Formula = "media dei giorni tra istanza e rilascio"
	in.Source = "Gestionale anagrafe"
	in.Baseline, in.BaselineYear = "6", 2018
	in.NextTargets = [2]model.Target{model.ParseTarget("<= 1 giorni"), model.ParseTarget("<= 0,5 giorni")}
	in.Weight = model.Some(40)
	return o
}

// TestOptionalFieldsShown: every optional field's value and label is on the
// PIAO sheet; the reference objective gets none of their labels.
func TestOptionalFieldsShown(t *testing.T) {
	th := DefaultTheme()
	l := &th.Labels
	text := strings.Join(pageTexts(layoutSheet(&th, piaoObjective(), Options{})), " ")
	for _, want := range []string{
		"1,20", "01 – Servizi", "08 – Statistica", "Un Comune semplice e vicino", "Assessore all'innovazione",
		"Cittadini, imprese, professionisti", "Servizi informativi; Protocollo", "VP1 – Semplificare",
		"31/12/2019", "3 istruttori amministrativi,", "€ 85.000,00", "giorni", "media dei giorni tra istanza e rilascio",
		"Gestionale anagrafe", "6 (2018)", "<= 1 giorni", "<= 0,5 giorni", "40",
		l.Mission, l.Programme, l.ObjectiveWeight, l.MandateLine, l.Councillor, l.PublicValue, l.Stakeholders,
		l.Contributors, l.Deadline, l.Resources, l.HumanResources, l.FinancialResources, l.Unit, l.Baseline,
		l.Formula, l.Source, "2020", "2021",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PIAO sheet lacks %q", want)
		}
	}

	ref := strings.Join(pageTexts(layoutSheet(&th, templates.Example().Objectives[0], Options{})), " ")
	for _, absent := range []string{
		l.Mission, l.Programme, l.ObjectiveWeight, l.MandateLine, l.Councillor, l.PublicValue, l.Stakeholders,
		l.Contributors, l.Deadline, l.Resources, l.HumanResources, l.FinancialResources, l.Unit, l.Baseline,
		l.Formula, l.Source,
	} {
		if strings.Contains(ref, absent) {
			t.Errorf("the reference sheet shows %q", absent)
		}
	}
}

// TestObjectiveWeightText: the weight the Italian way, whole numbers
// without decimals, X for a prerequisite.
func TestObjectiveWeightText(t *testing.T) {
	th := DefaultTheme()
	for _, c := range []struct {
		o    model.Objective
		want string
	}{
		{model.Objective{Weight: model.Some(1.2)}, "1,20"},
		{model.Objective{Weight: model.Some(20)}, "20"},
		{model.Objective{Weight: model.Some(1234.5)}, "1.234,50"},
		{model.Objective{Prerequisite: true}, "X (prerequisito)"},
		{model.Objective{}, ""},
	} {
		if got := objectiveWeight(&th.Labels, &c.o); got != c.want {
			t.Errorf("%+v: %q, want %q", c.o.Weight, got, c.want)
		}
	}
}

// TestOptionalFieldsOneAtATime: a single optional field adds its own line
// or column and nothing else (no empty RISORSE, no empty columns).
func TestOptionalFieldsOneAtATime(t *testing.T) {
	th := DefaultTheme()
	l := &th.Labels
	o := templates.Example().Objectives[0]
	o.HumanResources = "2 istruttori"
	text := strings.Join(pageTexts(layoutSheet(&th, o, Options{})), " ")
	if !strings.Contains(text, l.Resources) || !strings.Contains(text, "2 istruttori") || strings.Contains(text, l.FinancialResources) {
		t.Errorf("RISORSE with Risorse umane only: %q", text)
	}
	o = templates.Example().Objectives[0]
	o.Indicators[0].Unit = "%"
	text = strings.Join(pageTexts(layoutSheet(&th, o, Options{})), " ")
	if !strings.Contains(text, l.Unit) || strings.Contains(text, l.Baseline) || strings.Contains(text, "Valore Atteso 20") {
		t.Errorf("INDICATORI with Unità only: %q", text)
	}
}

// TestOptionalFieldsMonitored: a monitored sheet keeps the Baseline and the
// Formula and Fonte del dato lines in INDICATORI, and the Grado ignores the
// Baseline.
func TestOptionalFieldsMonitored(t *testing.T) {
	th := DefaultTheme()
	o := piaoObjective()
	o.Indicators[0].Measured = "2 giorni"
	asOf := model.Date{Year: 2019, Month: 7, Day: 31}
	text := strings.Join(pageTexts(layoutSheet(&th, o, Options{AsOf: asOf})), " ")
	for _, want := range []string{th.Labels.Baseline, "6 (2018)", "media dei giorni tra istanza e rilascio", "Gestionale anagrafe"} {
		if !strings.Contains(text, want) {
			t.Errorf("the monitored PIAO sheet lacks %q", want)
		}
	}
	plain := o.Judge(asOf).Indicators[0]
	o.Indicators[0].Baseline, o.Indicators[0].BaselineYear = "", 0
	if got := o.Judge(asOf).Indicators[0]; got.Degree != plain.Degree || got.Outcome != plain.Outcome {
		t.Errorf("the Baseline changes the Grado: %+v, without it %+v", plain, got)
	}
}

// TestMonitoredIndicatorExtras: a monitored sheet keeps the indicators'
// Unità and Peso beside Valore rilevato, Grado and Esito; without them,
// the reference's monitored columns are unchanged.
func TestMonitoredIndicatorExtras(t *testing.T) {
	th := DefaultTheme()
	l := &th.Labels
	asOf := Options{AsOf: model.Date{Year: 2019, Month: 7, Day: 31}}
	o := piaoObjective()
	o.Indicators[0].Measured = "2"
	cols := monitoredIndicatorColumns(&th, o)
	var heads []string
	for _, c := range cols {
		heads = append(heads, c.header)
	}
	want := []string{l.IndicatorDescription, l.Kind, l.Unit, l.Baseline, l.Target, l.Measured, l.IndicatorWeight, l.Degree, l.Outcome}
	if strings.Join(heads, "|") != strings.Join(want, "|") {
		t.Errorf("monitored columns %q, want %q", heads, want)
	}
	text := strings.Join(pageTexts(layoutSheet(&th, o, asOf)), " ")
	for _, s := range []string{"giorni", "40", l.Unit, l.IndicatorWeight} {
		if !strings.Contains(text, s) {
			t.Errorf("the monitored sheet lacks %q", s)
		}
	}
	ref := templates.Example().Objectives[0]
	if n := len(monitoredIndicatorColumns(&th, ref)); n != 6 {
		t.Errorf("the reference's monitored INDICATORI has %d columns, want 6", n)
	}
}

// TestAltWordsFromTheme: the figures' alternative text takes its words
// from the theme, as every other label does.
func TestAltWordsFromTheme(t *testing.T) {
	th := DefaultTheme()
	o := templates.Example().Objectives[0]
	if got := ganttAlt(&th, o, Options{}); !strings.HasPrefix(got, "Diagramma di Gantt dell'anno 2019, 2 fasi. Fase 1") {
		t.Errorf("default words: %q", got)
	}
	th.Labels.Alt.GanttYear, th.Labels.Alt.Phase = "Cronoprogramma %d", " Attività %d"
	if got := ganttAlt(&th, o, Options{}); !strings.HasPrefix(got, "Cronoprogramma 2019, 2 fasi. Attività 1") {
		t.Errorf("the theme's words are not used: %q", got)
	}
}

// TestFigureBBox: the Gantt's Figure knows the rectangle it is drawn in,
// in points from the page's bottom left: inside the page, around every item
// drawn for it.
func TestFigureBBox(t *testing.T) {
	th := DefaultTheme()
	pages := layoutSheet(&th, templates.Example().Objectives[0], Options{})
	var fig *snode
	var items []item
	for _, it := range pages[0].items {
		if it.node != nil && it.node.tag == tagFigure {
			fig = it.node
			items = append(items, it)
		}
	}
	if fig == nil || fig.x == nil {
		t.Fatal("no Figure on the first page")
	}
	b := fig.x.box
	w, h := th.PageWidth*mmToPt, th.PageHeight*mmToPt
	if !(0 <= b[0] && b[0] < b[2] && b[2] <= w && 0 <= b[1] && b[1] < b[3] && b[3] <= h) {
		t.Fatalf("BBox %v outside the page %.2f × %.2f", b, w, h)
	}
	for _, it := range items {
		x, top := it.x*mmToPt, h-it.y*mmToPt
		if x < b[0]-0.01 || x > b[2]+0.01 || top > b[3]+0.01 || top < b[1]-0.01 {
			t.Errorf("item %q at (%.2f, %.2f) outside BBox %v", it.text, x, top, b)
		}
	}
}

// TestNoPhasesOnePage: an objective without phases gets its INDICATORI on
// page 1 when they fit there, not a page 2 of their own.
func TestNoPhasesOnePage(t *testing.T) {
	th := DefaultTheme()
	o := templates.Example().Objectives[0]
	o.Phases = nil
	pages := layoutSheet(&th, o, Options{})
	if len(pages) != 1 {
		t.Fatalf("%d pages, want 1", len(pages))
	}
	text := pageTexts(pages)[0]
	if !strings.Contains(text, th.Labels.Indicators) || !strings.Contains(text, o.Indicators[0].Description[:20]) {
		t.Errorf("page 1 lacks INDICATORI: %q", text)
	}
}
