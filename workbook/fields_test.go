package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// TestOptionalFields: every optional field of real PEG and PIAO sheets is
// read, under its contract header or a synonym, and a bad value is an error
// at its cell.
func TestOptionalFields(t *testing.T) {
	data := book(t,
		sheet{"Obiettivi", [][]any{
			{"PEG 2024 – Servizio Amministrativo – obiettivi"},
			{"Approvato con delibera n. 12"},
			{},
			{"Cod.", "Obiettivo", "Settore", "Responsabile", "Pesatura", "Missione", "Programma", "Linea di mandato", "Assessore",
				"Destinatari", "Uffici coinvolti", "Valore pubblico", "Scadenza", "Personale", "Budget"},
			{"2024_01", "Digitalizzare le pratiche", "AFFARI GENERALI", "ROSSI MARIA", "1,2", "01 - Servizi istituzionali", "08 - Statistica e sistemi informativi",
				"Una città semplice", "Bianchi", "cittadini e imprese", "Servizi informativi", "Semplificazione", "31/12/2024", "2 istruttori", "€ 120.000,00"},
			{"2024_02", "Prerequisito", "AFFARI GENERALI", "", "X"},
			{"2024_03", "Peso in ventesimi", "AFFARI GENERALI", "", 20},
		}},
		sheet{"Indicatori", [][]any{
			{"Codice", "Indicatore", "Target", "Valore consuntivo", "U.d.M.", "Metodo di calcolo", "Fonte", "Valore di partenza", "Anno base", "Target N+1", "Target N+2", "Peso indicatore"},
			{"2024_01", "Pratiche digitali", ">= 80%", "85%", "%", "digitali / totali", "protocollo", "40%", 2023, ">= 90%", "100%", 60},
		}},
	)
	plan, ps := read(t, data)
	for _, p := range ps {
		if errors.Is(p, model.ErrUnknownColumn) || p.Severity == model.Error {
			t.Errorf("unexpected: %v", p)
		}
	}
	if len(plan.Objectives) != 3 {
		t.Fatalf("%d objectives: %v", len(plan.Objectives), ps)
	}
	o := plan.Objectives[0]
	got := []string{o.Code, o.Title, o.Direction, o.Manager, o.Weight.Decimal(2), o.Mission, o.Programme, o.MandateLine, o.Councillor,
		o.Stakeholders, o.Contributors, o.PublicValue, o.Deadline.String(), o.HumanResources, o.FinancialResources}
	want := []string{"2024_01", "Digitalizzare le pratiche", "AFFARI GENERALI", "ROSSI MARIA", "1,20", "01 - Servizi istituzionali", "08 - Statistica e sistemi informativi",
		"Una città semplice", "Bianchi", "cittadini e imprese", "Servizi informativi", "Semplificazione", "31/12/2024", "2 istruttori", "€ 120.000,00"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("objective:\n got %q\nwant %q", got, want)
	}
	if o.Loc.Row != 5 {
		t.Errorf("the title rows were not skipped: row %d", o.Loc.Row)
	}
	if p := plan.Objectives[1]; !p.Prerequisite || p.Weight.Set {
		t.Errorf("X is a prerequisite: %+v", p.Weight)
	}
	if p := plan.Objectives[2]; p.Weight != model.Some(20) {
		t.Errorf("Peso 20: %+v", p.Weight)
	}
	in := o.Indicators[0]
	got = []string{in.Description, in.Target.Text, in.Measured, in.Unit, in.Formula, in.Source, in.Baseline, in.NextTargets[0].Text, in.NextTargets[1].Text, in.Weight.Decimal(0)}
	want = []string{"Pratiche digitali", ">= 80%", "85%", "%", "digitali / totali", "protocollo", "40%", ">= 90%", "100%", "60"}
	if !reflect.DeepEqual(got, want) || in.BaselineYear != 2023 {
		t.Errorf("indicator:\n got %q %d\nwant %q 2023", got, in.BaselineYear, want)
	}
}

// TestOptionalFieldErrors: each new field's bad value, at its cell.
func TestOptionalFieldErrors(t *testing.T) {
	head := []any{"Codice", "Titolo", "Direzione", "Peso", "Scadenza"}
	ind := []any{"Codice obiettivo", "Descrizione", "Anno baseline", "Peso"}
	cases := []struct {
		name  string
		data  []sheet
		place string
		err   error
	}{
		{"weight not a number", []sheet{{"Obiettivi", [][]any{head, {"A", "T", "D", "alto"}}}}, "Obiettivi!D2", model.ErrNumber},
		{"weight out of range", []sheet{{"Obiettivi", [][]any{head, {"A", "T", "D", 150}}}}, "Obiettivi!D2", model.ErrRange},
		{"deadline not a date", []sheet{{"Obiettivi", [][]any{head, {"A", "T", "D", nil, "31/02/2024"}}}}, "Obiettivi!E2", model.ErrDate},
		{"baseline year", []sheet{{"Obiettivi", [][]any{head, {"A", "T", "D"}}}, {"Indicatori", [][]any{ind, {"A", "i", "23"}}}}, "Indicatori!C2", model.ErrYear},
		{"indicator weight", []sheet{{"Obiettivi", [][]any{head, {"A", "T", "D"}}}, {"Indicatori", [][]any{ind, {"A", "i", nil, "molto"}}}}, "Indicatori!D2", model.ErrNumber},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, ps := read(t, book(t, c.data...))
			if !find(ps, c.place, model.Error, c.err) {
				t.Errorf("want «%v» at %s; got %v", c.err, c.place, ps)
			}
		})
	}
}

// TestHeaderDetection: the header row is the first with a required column
// and another known one; title rows above it are skipped without a word.
func TestHeaderDetection(t *testing.T) {
	cases := []struct {
		name   string
		rows   [][]any
		header int // the row the objective's columns are read from, 0 for none
	}{
		{"first row", [][]any{{"Codice", "Titolo", "Direzione"}, {"A", "T", "D"}}, 1},
		{"under a title", [][]any{{"PEG 2016 – obiettivi"}, {"Codice", "Titolo", "Direzione"}, {"A", "T", "D"}}, 2},
		{"a title naming one column", [][]any{{"Obiettivo"}, {}, {"Codice", "Obiettivo", "Settore"}, {"A", "T", "D"}}, 3},
		{"a required column alone is not a header", [][]any{{"Codice"}, {"Codice", "Titolo", "Direzione"}, {"A", "T", "D"}}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			plan, ps := read(t, book(t, sheet{"Obiettivi", c.rows}, sheet{"Fasi", [][]any{{"Codice obiettivo", "Descrizione"}}}, sheet{"Indicatori", [][]any{{"Codice obiettivo", "Descrizione"}}}))
			if len(ps) != 0 || len(plan.Objectives) != 1 || plan.Objectives[0].Loc.Row != c.header+1 {
				t.Errorf("got %v, %v", plan.Objectives, ps)
			}
		})
	}
	// No header anywhere: the first row is taken, and what is missing is said there.
	_, ps := read(t, book(t, sheet{"Obiettivi", [][]any{{"Titolo del foglio"}, {"Cosa", "Chi"}}}))
	if !find(ps, "Obiettivi!1", model.Error, model.ErrMissingColumn) {
		t.Errorf("no header: %v", ps)
	}
}

// TestSynonyms: every synonym of the schema is recognised on its sheet, and
// no two columns of a sheet share a name.
func TestSynonyms(t *testing.T) {
	for _, s := range templates.Schema() {
		seen := map[string]string{}
		for _, c := range s.Columns {
			for _, h := range append([]string{c.Header}, c.Aliases...) {
				k := model.Key(h)
				if prev, dup := seen[k]; dup {
					t.Errorf("%s: %q is both %s and %s", s.Name, h, prev, c.Header)
				}
				seen[k] = c.Header
				row := []any{h}
				req := []any{}
				for _, r := range s.Columns {
					if r.Required && r.Field != c.Field {
						req = append(req, r.Header)
					}
				}
				tb := &table{schema: s, cols: map[model.Field]int{}, keys: (*Mapping)(nil).keys(s)}
				rd := &reader{}
				rd.header(tb, row2(append(row, req...)))
				if tb.cols[c.Field] != 1 || len(rd.problems) > 0 {
					t.Errorf("%s: %q not read as %s: %v", s.Name, h, c.Header, rd.problems)
				}
			}
		}
	}
}

func row2(cells []any) row {
	r := row{n: 1}
	for _, c := range cells {
		r.cells = append(r.cells, value{s: c.(string)})
	}
	return r
}

// TestExampleRowWarning: the template's example left among an office's own
// objectives is pointed out; alone (the sample) it is not.
func TestExampleRowWarning(t *testing.T) {
	ex := templates.Example().Objectives[0]
	_, ps := read(t, book(t, objectives([]any{ex.Code, ex.Title, ex.Direction}, []any{"2024_01", "T", "D"})))
	if !find(ps, "Obiettivi!A2", model.Warning, ErrExample) {
		t.Errorf("kept example: %v", ps)
	}
	_, ps = read(t, book(t, objectives([]any{ex.Code, ex.Title, ex.Direction})))
	if find(ps, "Obiettivi!A2", model.Warning, ErrExample) {
		t.Errorf("the example alone: %v", ps)
	}
}

func diff(a, b model.Objective) []string {
	var out []string
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	for i := range va.NumField() {
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			out = append(out, fmt.Sprintf("%s: %+v ≠ %+v", va.Type().Field(i).Name, va.Field(i).Interface(), vb.Field(i).Interface()))
		}
	}
	return out
}

// strip drops where values came from, to compare two readings.
func strip(o *model.Objective) model.Objective {
	c := *o
	c.Loc = model.Loc{}
	c.Phases = append([]model.Phase(nil), o.Phases...)
	for i := range c.Phases {
		c.Phases[i].Loc = model.Loc{}
	}
	c.Indicators = append([]model.Indicator(nil), o.Indicators...)
	for i := range c.Indicators {
		c.Indicators[i].Loc = model.Loc{}
	}
	return c
}

// hostileSeeds are small workbooks of every shape the reader must refuse
// or read with care: the fuzzers start from them.
func hostileSeeds(t testing.TB) [][]byte {
	obj := xsheet{name: "Obiettivi", data: xObjectives + xrow(2, "2019_A", rawCell(`<c r="@" t="e"><v>#REF!</v></c>`), "D", rawCell(`<c r="@" t="b"><v>1</v></c>`))}
	ph := xsheet{name: "Fasi", data: xPhases + xrow(2, "2019_A", "fase", rawCell(`<c r="@" s="1"><v>0.5</v></c>`), rawCell(`<c r="@" s="2"><v>NaN</v></c>`), rawCell(`<c r="@"><f>A1</f></c>`)) +
		`<row r="3"><c r="XFD3" t="inlineStr"><is><t>x</t></is></c></row>`}
	hidden := xsheet{name: "OBIETTIVI.", hidden: true, data: xObjectives + xGood}
	var title bytes.Buffer
	f := bookFile(t,
		sheet{"Obiettivi", [][]any{{"PEG 2024"}, {}, {"Cod.", "Obiettivo", "Settore", "Pesatura", "Missione", "Scadenza"}, {"2024_01", "T", "D", "X", "01", "31/12/2024"}}},
		sheet{"Indicatori", [][]any{{"Codice", "Indicatore", "Target", "U.d.M.", "Baseline", "Anno baseline", "Target N+1", "Peso"}, {"2024_01", "i", ">= 1", "n", "0", 2023, ">= 2", 50}}})
	f.Write(&title)
	f.Close()
	return [][]byte{
		rawXLSX(t, false, hidden, obj, ph),
		withSharedString(t, rawXLSX(t, false, xsheet{name: "Obiettivi", data: xObjectives + `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>7</v></c></row>`}), "2019_A"),
		odsFile(t, `<table:table table:name="Obiettivi">`+odsRow(odsText("Codice"), odsText("Titolo"), odsText("Direzione"))+
			`<table:table-row table:number-rows-repeated="3">`+odsText("A")+odsText(`T<text:s text:c="500"/>`)+`<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0"><text:p>#DIV/0!</text:p></table:table-cell></table:table-row></table:table>`),
		title.Bytes(),
	}
}

// TestContractPage: docs/contratto.md names every column of the schema and
// every synonym, so that the page cannot drift from what is read.
func TestContractPage(t *testing.T) {
	page, err := os.ReadFile("../docs/contratto.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range templates.Schema() {
		for _, c := range s.Columns {
			for _, h := range append([]string{c.Header}, c.Aliases...) {
				if !bytes.Contains(page, []byte(h)) {
					t.Errorf("docs/contratto.md does not name %s's %q", s.Name, h)
				}
			}
		}
	}
}

// TestOptionalFieldsRoundTrip: Write writes every optional field where Read
// finds it again.
func TestOptionalFieldsRoundTrip(t *testing.T) {
	d := model.Date{Year: 2025, Month: 10, Day: 31}
	want := &model.Plan{Objectives: []*model.Objective{
		{Code: "2025_A", Title: "T", Direction: "D", Weight: model.Some(1.2), Mission: "01", Programme: "08", MandateLine: "L", Councillor: "A",
			Stakeholders: "S", Contributors: "C", PublicValue: "VP", Deadline: d, HumanResources: "HR", FinancialResources: "€ 1.000,00",
			Phases: []model.Phase{{Description: "traguardo", Weight: model.Some(100), End: d}},
			Indicators: []model.Indicator{{Description: "i", Target: model.ParseTarget(">= 60%"), Unit: "%", Formula: "a / b", Source: "F",
				Baseline: "18%", BaselineYear: 2024, NextTargets: [2]model.Target{model.ParseTarget(">= 75%"), model.ParseTarget(">= 85%")}, Weight: model.Some(60)}}},
		{Code: "2025_B", Title: "P", Direction: "D", Prerequisite: true},
	}}
	var b bytes.Buffer
	if err := Write(&b, want); err != nil {
		t.Fatal(err)
	}
	got, ps := read(t, b.Bytes())
	if ps.HasErrors() || len(got.Objectives) != 2 {
		t.Fatalf("%v", ps)
	}
	for i := range want.Objectives {
		if a, w := strip(got.Objectives[i]), strip(want.Objectives[i]); !reflect.DeepEqual(a, w) {
			for _, d := range diff(a, w) {
				t.Errorf("objective %d: %s", i, d)
			}
		}
	}
}

// TestTargetCells: a Valore atteso typed as a date or a percentage cell
// reads as it shows; an ISO date cell (t="d") as a date.
func TestTargetCells(t *testing.T) {
	data := rawXLSX(t, false, xsheet{name: "Obiettivi", data: xObjectives + xGood},
		xsheet{name: "Indicatori", data: xrow(1, "Codice obiettivo", "Descrizione", "Valore atteso", "Valore atteso N+1") +
			xrow(2, "2019_A", "scadenza", rawCell(`<c r="@" s="2"><v>43646</v></c>`), rawCell(`<c r="@" t="d"><v>2020-06-30T00:00:00</v></c>`)) +
			xrow(3, "2019_A", "quota", rawCell(`<c r="@" s="1"><v>0.9</v></c>`))})
	plan, ps := read(t, data)
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	ins := plan.Objectives[0].Indicators
	if ins[0].Target.Text != "30/06/2019" || ins[0].NextTargets[0].Text != "30/06/2020" || ins[1].Target.Text != "90,00%" {
		t.Errorf("%q %q %q", ins[0].Target.Text, ins[0].NextTargets[0].Text, ins[1].Target.Text)
	}
}

// TestRenamedSheets: a Fasi or Indicatori sheet under another name is never
// dropped without a word — an error when its name looks like the missing
// sheet's, a warning naming the workbook's sheets otherwise — and a missing
// Obiettivi names the sheets there are.
func TestRenamedSheets(t *testing.T) {
	obj := sheet{"Obiettivi", [][]any{{"Codice", "Titolo", "Direzione"}, {"A", "T", "D"}}}
	phases := [][]any{{"Codice obiettivo", "Descrizione"}, {"A", "fase"}}
	inds := [][]any{{"Codice obiettivo", "Descrizione"}, {"A", "indicatore"}}

	_, ps := read(t, book(t, obj, sheet{"Fasi 2027", phases}, sheet{"Indicatori di risultato", inds}))
	if !find(ps, "Fasi 2027", model.Error, ErrLikeSheet) || !find(ps, "Indicatori di risultato", model.Error, ErrLikeSheet) {
		t.Errorf("renamed sheets: want errors at them, got %v", ps)
	}

	for _, other := range []string{"Indice", "Indirizzi strategici", "Fasifatte"} {
		_, ps = read(t, book(t, obj, sheet{"Fasi", phases}, sheet{other, inds}))
		if ps.HasErrors() || !find(ps, "Indicatori", model.Warning, ErrNoSheet) {
			t.Errorf("a sheet %q: want only the warning, got %v", other, ps)
		}
	}

	_, ps = read(t, book(t, obj, sheet{"Attività", phases}, sheet{"KPI", inds}))
	if !find(ps, "Fasi", model.Warning, ErrNoSheet) || !find(ps, "Indicatori", model.Warning, ErrNoSheet) ||
		!strings.Contains(fmt.Sprint(ps), "«Attività», «KPI»") {
		t.Errorf("sheets under other names: want warnings naming them, got %v", ps)
	}

	_, ps = read(t, book(t, sheet{"Foglio1", obj.rows}))
	if !find(ps, "Obiettivi", model.Error, model.ErrMissingSheet) || !strings.Contains(fmt.Sprint(ps), "«Foglio1»") {
		t.Errorf("no Obiettivi: want the error to name Foglio1, got %v", ps)
	}
}

// TestNumberCellsAsWritten: a number cell in Valore atteso, rilevato or
// Baseline is written with a decimal comma, so that 12.125 stays twelve and
// an eighth (a dot before three digits groups thousands in text); the
// monitoring reads it as that number.
func TestNumberCellsAsWritten(t *testing.T) {
	obj := sheet{"Obiettivi", [][]any{{"Codice", "Titolo", "Direzione"}, {"A", "T", "D"}}}
	ind := sheet{"Indicatori", [][]any{
		{"Codice obiettivo", "Descrizione", "Valore atteso", "Valore rilevato", "Baseline"},
		{"A", "i", 12.5, 12.125, 0.1 + 0.2},
		{"A", "j", 1000, 12.345, 3},
	}}
	plan, ps := read(t, book(t, obj, sheet{"Fasi", [][]any{{"Codice obiettivo", "Descrizione"}}}, ind))
	if len(ps) != 0 {
		t.Fatal(ps)
	}
	in := plan.Objectives[0].Indicators
	got := []string{in[0].Target.Text, in[0].Measured, in[0].Baseline, in[1].Target.Text, in[1].Measured}
	want := []string{"12,5", "12,125", "0,3", "1000", "12,345"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("written %q, want %q", got, want)
	}
	if m := model.ParseMeasure(in[0].Measured); m.Value != 12.125 {
		t.Errorf("measured read as %v, want 12.125", m.Value)
	}
	if m := model.ParseMeasure(in[1].Measured); m.Value != 12.345 {
		t.Errorf("measured read as %v, want 12.345", m.Value)
	}
}
