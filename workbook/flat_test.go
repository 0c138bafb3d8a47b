package workbook

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

const flatMapping = `
[foglio_unico]
foglio = "PEG"
colonna_tipo = "Livello"
obiettivo = ["Obiettivo"]
fase = ["Fase", "Azione"]
indicatore = ["Indicatore"]
separatori = ["\n"]

[colonne.obiettivi]
"Titolo" = "Descrizione"
"Descrizione" = "Dettaglio"

[colonne.fasi]
"Descrizione" = "Descrizione"

[colonne.indicatori]
"Descrizione" = "Descrizione"
`

// flatSheet is the template's example as one flat sheet, the indicators in
// one cell.
func flatSheet(withCodes bool) sheet {
	o := templates.TemplateExample().Objectives[0]
	code := any(o.Code)
	if !withCodes {
		code = nil
	}
	rows := [][]any{
		{"PEG 2019 – Servizi sociali"},
		{"Livello", "Codice", "Descrizione", "Anno", "Direzione", "Direttore", "Servizio", "Dirigente", "Classificazione", "Tipologia",
			"Indirizzo strategico DUP", "Obiettivo strategico DUP", "Dettaglio", "Peso", "Inizio previsto", "Fine prevista", "Responsabile", "Centro di responsabilità", "Tipo", "Valore atteso"},
		{"Obiettivo", code, o.Title, o.Year, o.Direction, o.Director, o.Service, o.Manager, o.Classification, o.Type, o.StrategicLine, o.StrategicGoal, o.Description},
	}
	for _, p := range o.Phases {
		rows = append(rows, []any{"Fase", nil, p.Description, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, p.Weight.Value, p.Start.String(), p.End.String(), p.Owner, p.Centre})
	}
	rows = append(rows, []any{"Indicatore", nil, o.Indicators[0].Description + "\n" + o.Indicators[1].Description,
		nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, "RISULTATO", o.Indicators[0].Target.Text + "\n" + o.Indicators[1].Target.Text})
	return sheet{"PEG", rows}
}

// TestFlatSheetWithMapping: the same data as one flat sheet plus a mapping
// gives the same objectives as the template.
func TestFlatSheetWithMapping(t *testing.T) {
	m, err := ParseMapping(strings.NewReader(flatMapping))
	if err != nil {
		t.Fatal(err)
	}
	var tpl bytes.Buffer
	if err := Template(&tpl); err != nil {
		t.Fatal(err)
	}
	want, _ := read(t, tpl.Bytes())
	got, ps, err := ReadContext(context.Background(), bytes.NewReader(book(t, flatSheet(true))), Limits{Mapping: m})
	if err != nil || len(ps) > 0 {
		t.Fatalf("%v %v", ps, err)
	}
	if len(got.Objectives) != 1 {
		t.Fatalf("objectives: %d", len(got.Objectives))
	}
	if a, b := strip(got.Objectives[0]), strip(want.Objectives[0]); !reflect.DeepEqual(a, b) {
		for _, d := range diff(a, b) {
			t.Errorf("flat and template differ: %s", d)
		}
	}
	// Without codes, codes come from the sheet order, the same every time.
	m.Flat.CodePrefix = "SOC"
	got, _, _ = ReadContext(context.Background(), bytes.NewReader(book(t, flatSheet(false))), Limits{Mapping: m})
	if got.Objectives[0].Code != "SOC01" {
		t.Errorf("code: %q", got.Objectives[0].Code)
	}
}

// objective, mismatched indicator cells.
func TestFlatSheetProblems(t *testing.T) {
	m, _ := ParseMapping(strings.NewReader(flatMapping))
	data := book(t, sheet{"PEG", [][]any{
		{"Livello", "Descrizione", "Direzione", "Valore atteso", "Dettaglio"},
		{"Fase", "orfana"},
		{"Obiettivo", "T", "D"},
		{"Sottofase", "x"},
		{"Indicatore", "uno\ndue", nil, ">= 1\n>= 2\n>= 3"},
	}})
	_, ps, _ := ReadContext(context.Background(), bytes.NewReader(data), Limits{Mapping: m})
	for _, w := range []struct {
		place string
		sev   model.Severity
		err   error
	}{{"PEG!A2", model.Error, ErrOrphan}, {"PEG!A4", model.Error, ErrRowKind}, {"PEG!D5", model.Error, ErrParts}} {
		if !find(ps, w.place, w.sev, w.err) {
			t.Errorf("want «%v» at %s: %v", w.err, w.place, ps)
		}
	}
}

// FuzzFlat reads mutated flat sheets with a mapping: with a kind column,
// or one row per objective.
func FuzzFlat(f *testing.F) {
	kind, err := ParseMapping(strings.NewReader(flatMapping))
	if err != nil {
		f.Fatal(err)
	}
	rows, err := ParseMapping(strings.NewReader("[foglio_unico]\nfoglio = \"PEG\"\nseparatori = [\"\\n\", \";\"]\n"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(book(f, flatSheet(true)), true)
	f.Add(book(f, flatSheet(false)), true)
	f.Add(book(f, sheet{"PEG", [][]any{{"Titolo del foglio"}, {"Codice", "Obiettivo", "Settore", "Indicatori", "Target"}, {"A", "T", "D", "uno\ndue", "1;2"}}}), false)
	f.Fuzz(func(t *testing.T, data []byte, withKind bool) {
		m := rows
		if withKind {
			m = kind
		}
		plan, ps, err := ReadContext(context.Background(), bytes.NewReader(data), Limits{Mapping: m})
		if err != nil {
			t.Fatal(err)
		}
		if plan == nil && !ps.HasErrors() {
			t.Fatal("no plan and no error")
		}
	})
}

// TestOneRowPerObjective: a flat sheet without a kind column, one row per
// objective under a title, its indicators in one cell.
func TestOneRowPerObjective(t *testing.T) {
	m, err := ParseMapping(strings.NewReader("[foglio_unico]\nfoglio = \"PEG 2016\"\nseparatori = [\"\\n\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	data := book(t, sheet{"PEG 2016", [][]any{
		{"PEG 2016 – Servizio Amministrativo – obiettivi"},
		{"Codice", "Obiettivo", "Settore", "Descrizione", "Indicatori", "Target", "Pesatura"},
		{"A1", "Protocollo digitale", "AMMINISTRATIVO", "Tutto il protocollo in digitale", "Documenti digitali\nTempo di registrazione", "100%\n<= 1 giorno", "1,2"},
		{"A2", "Archivio", "AMMINISTRATIVO", "Riordino", "Faldoni riordinati", ">= 200"},
	}})
	plan, ps, _ := ReadContext(context.Background(), bytes.NewReader(data), Limits{Mapping: m})
	if len(ps) > 0 || len(plan.Objectives) != 2 {
		t.Fatalf("%v %v", ps, plan)
	}
	o := plan.Objectives[0]
	if o.Code != "A1" || o.Description != "Tutto il protocollo in digitale" || o.Weight != model.Some(1.2) || len(o.Indicators) != 2 ||
		o.Indicators[1].Description != "Tempo di registrazione" || o.Indicators[1].Target.Text != "<= 1 giorno" {
		t.Errorf("%+v", o)
	}
	if len(plan.Objectives[1].Indicators) != 1 || plan.Objectives[1].Indicators[0].Target.Text != ">= 200" {
		t.Errorf("%+v", plan.Objectives[1].Indicators)
	}
}
