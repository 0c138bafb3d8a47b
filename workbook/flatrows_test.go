package workbook

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/pegpdf/pegpdf/model"
)

// socMapping is the trial's mapping of a flat sheet with a kind column.
const socMapping = `
[foglio_unico]
foglio = "Sociali"
colonna_tipo = "Livello"
obiettivo = ["Obiettivo"]
fase = ["Fase", "Azione"]
indicatore = ["Indicatore"]
[colonne.obiettivi]
"Titolo" = "Descrizione"
"Direzione" = "Settore"
[colonne.fasi]
"Avanzamento %" = "% avanz."
[colonne.indicatori]
"Valore rilevato" = "Valore al 30/06"
`

var socHeader = []any{"Livello", "Codice", "Descrizione", "Settore", "Dal", "Al", "% avanz.", "Target", "Valore al 30/06"}

func readMapped(t *testing.T, mapping string, sheets ...sheet) (*model.Plan, model.Problems) {
	t.Helper()
	m, err := ParseMapping(strings.NewReader(mapping))
	if err != nil {
		t.Fatal(err)
	}
	plan, ps, err := ReadContext(context.Background(), bytes.NewReader(book(t, sheets...)), Limits{Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	return plan, ps
}

// TestFlatUnknownKind: a row of a kind the mapping does not accept decides
// where the rows below go, so it is an error that lists the kinds; the
// rows below it never join the objective above it. Attività is a phase
// even where the mapping lists only Fase and Azione.
func TestFlatUnknownKind(t *testing.T) {
	plan, ps := readMapped(t, socMapping, sheet{"Sociali", [][]any{
		socHeader,
		{"Obiettivo", "A1", "Obiettivo uno", "Settore Y"},
		{"Attività", nil, "Fase scritta Attività", nil, "01/04/2025", "30/09/2025"},
		{"Indicatore", nil, "Ind 1", nil, nil, nil, nil, ">= 10", "12"},
		{"Ob.", nil, "Obiettivo tre abbreviato", "Settore Y"},
		{"Indicatore", nil, "Ind 3", nil, nil, nil, nil, ">= 10", "3"},
		{nil, nil, "riga senza tipo"},
	}})
	if !find(ps, "Sociali!A5", model.Error, ErrRowKind) || !find(ps, "Sociali!A7", model.Error, ErrRowKind) {
		t.Fatalf("want errors at A5 and A7: %v", ps)
	}
	if s := fmt.Sprint(ps); !strings.Contains(s, "fase: Fase, Azione, Attività") || !strings.Contains(s, "obiettivo: Obiettivo") {
		t.Errorf("the error does not list the kinds accepted: %v", ps)
	}
	o := plan.Objectives[0]
	if len(plan.Objectives) != 1 || len(o.Phases) != 1 || len(o.Indicators) != 1 || o.Indicators[0].Description != "Ind 1" {
		t.Errorf("A1: %d phases, indicators %+v", len(o.Phases), o.Indicators)
	}
	// The mapping may give a default word to another kind; a word in two
	// of its lists is refused.
	_, err := ParseMapping(strings.NewReader("[foglio_unico]\nfoglio = \"S\"\ncolonna_tipo = \"L\"\nfase = [\"Fase\"]\nindicatore = [\"fase\"]\n"))
	if err == nil || !strings.Contains(err.Error(), `"fase" è sia in fase sia in indicatore`) {
		t.Errorf("a word of two kinds: %v", err)
	}
	m, err := ParseMapping(strings.NewReader("[foglio_unico]\nfoglio = \"S\"\ncolonna_tipo = \"L\"\nobiettivo = [\"Attività\"]\n"))
	if err != nil || m.Flat.kind("attivita") != kindObjective || m.Flat.kind("Azione") != kindPhase {
		t.Errorf("the mapping's words come before the defaults: %v", err)
	}
}

// TestFlatOwnCode: a phase or indicator row whose own Codice obiettivo is
// not the objective's above it is an error at that cell, and is counted
// for neither objective.
func TestFlatOwnCode(t *testing.T) {
	plan, ps := readMapped(t, socMapping, sheet{"Sociali", [][]any{
		socHeader,
		{"Obiettivo", "A1", "Obiettivo uno", "Settore Y"},
		{"Indicatore", "A1", "Ind di A1", nil, nil, nil, nil, ">= 10", "12"},
		{"Indicatore", "A2", "Ind di A2 (fuori posto)", nil, nil, nil, nil, ">= 10", "3"},
		{"Obiettivo", "A2", "Obiettivo due", "Settore Y"},
		{"Indicatore", "A2", "Ind 2 di A2", nil, nil, nil, nil, ">= 10", "11"},
	}})
	if !find(ps, "Sociali!B4", model.Error, ErrOtherObjective) || !strings.Contains(fmt.Sprint(ps), `sotto l'obiettivo "A1" (riga 2)`) {
		t.Fatalf("want the error at B4: %v", ps)
	}
	if n := len(ps); n != 1 {
		t.Errorf("want only that problem: %v", ps)
	}
	if len(plan.Objectives) != 2 || len(plan.Objectives[0].Indicators) != 1 || len(plan.Objectives[1].Indicators) != 1 {
		t.Errorf("indicators: %+v", plan.Objectives)
	}
	// The Codice column under the office's name is the rows' own too.
	_, ps = readMapped(t, strings.Replace(socMapping, `"Direzione" = "Settore"`, `"Direzione" = "Settore"`+"\n"+`"Codice" = "N. ob."`, 1), sheet{"Sociali", [][]any{
		{"Livello", "N. ob.", "Descrizione", "Settore"},
		{"Obiettivo", "A1", "Obiettivo uno", "Settore Y"},
		{"Fase", "A1", "Fase di A1"},
		{"Fase", "A2", "Fase di A2"},
	}})
	if !find(ps, "Sociali!B4", model.Error, ErrOtherObjective) || find(ps, "Sociali!B3", model.Warning, ErrIgnored) {
		t.Errorf("a mapped Codice: %v", ps)
	}
}

// TestFlatUnusedCells: a filled cell in a column the row's kind does not
// read is a warning at that cell (dates on an objective row, a Valore
// atteso on a phase row, phase columns on a sheet of one row per
// objective); an indicator measured without a target is a warning.
func TestFlatUnusedCells(t *testing.T) {
	_, ps := readMapped(t, socMapping, sheet{"Sociali", [][]any{
		socHeader,
		{"Obiettivo", "A1", "Obiettivo con date e target", "Settore Y", "01/01/2025", "31/12/2025", "50", ">= 10", "12"},
		{"Fase", nil, "Fase 1", nil, "01/01/2025", "31/03/2025", "100", ">= 3", "4"},
		{"Indicatore", nil, "Ind senza target", nil, nil, nil, nil, nil, "12"},
		{"Indicatore", nil, "Ind con il Settore ripetuto", "Settore Y", nil, nil, nil, ">= 1"},
		{"Indicatore", nil, "Ind con un altro Settore", "Settore Z", nil, nil, nil, ">= 1"},
	}})
	if find(ps, "Sociali!D5", model.Warning, ErrIgnored) || !find(ps, "Sociali!D6", model.Warning, ErrIgnored) {
		t.Errorf("the objective's own value repeated loses nothing; another is ignored: %v", ps)
	}
	for _, cell := range []string{"E2", "F2", "G2", "H2", "I2", "H3", "I3"} {
		if !find(ps, "Sociali!"+cell, model.Warning, ErrIgnored) {
			t.Errorf("want a warning at %s: %v", cell, ps)
		}
	}
	if s := fmt.Sprint(ps); !strings.Contains(s, `la colonna "Dal" non vale per una riga di tipo obiettivo`) || !strings.Contains(s, `la colonna "Target" non vale per una riga di tipo fase`) {
		t.Errorf("the warnings do not say the column and the kind: %v", ps)
	}
	if !find(ps, "Sociali!I4", model.Warning, ErrNoTarget) || strings.Count(fmt.Sprint(ps), "non vale") != 8 {
		t.Errorf("want the measured indicator without target warned, nothing more: %v", ps)
	}

	_, ps = readMapped(t, "[foglio_unico]\nfoglio = \"PEG\"\n", sheet{"PEG", [][]any{
		{"Codice", "Obiettivo", "Settore", "Indicatore", "Target", "Inizio previsto"},
		{"A1", "T", "D", "i", ">= 1", "01/01/2025"},
		{"A2", "T2", "D", nil, ">= 2"},
	}})
	if !find(ps, "PEG!F2", model.Warning, ErrIgnored) || !find(ps, "PEG!E3", model.Warning, ErrIgnored) || find(ps, "PEG!E2", model.Warning, ErrIgnored) {
		t.Errorf("one row per objective: want warnings at F2 and E3: %v", ps)
	}

	// The template's Indicatori sheet too: measured, no target.
	_, ps = read(t, book(t, sheet{"Obiettivi", [][]any{{"Codice", "Titolo", "Direzione"}, {"A", "T", "D"}}},
		sheet{"Fasi", [][]any{{"Codice obiettivo", "Descrizione"}}},
		sheet{"Indicatori", [][]any{{"Codice obiettivo", "Descrizione", "Valore atteso", "Valore rilevato"}, {"A", "i", nil, "12"}, {"A", "j", ">= 1", "2"}}}))
	if !find(ps, "Indicatori!D2", model.Warning, ErrNoTarget) || len(ps) != 1 {
		t.Errorf("template: %v", ps)
	}
}

// TestRepeatedObjectiveHint: «one row per indicator, the objective's cells
// repeated» is a duplicate Codice whose message says how to write the
// layout; a Codice used twice for two objectives gets no hint.
func TestRepeatedObjectiveHint(t *testing.T) {
	rows := [][]any{
		{"N. ob.", "Denominazione", "Settore", "Misura", "Obiettivo atteso"},
		{"T_03", "Ripetuto per indicatore", "Settore X", "Ind A", ">= 1"},
		{"T_03", "Ripetuto per indicatore", "Settore X", "Ind B", ">= 1"},
		{"T_04", "Uno", "Settore X", "Ind A", ">= 1"},
		{"T_04", "Un altro", "Settore X", "Ind A", ">= 1"},
	}
	mapping := "[foglio_unico]\nfoglio = \"Rag\"\n[colonne.obiettivi]\n\"Codice\" = \"N. ob.\"\n[colonne.indicatori]\n\"Descrizione\" = \"Misura\"\n\"Valore atteso\" = \"Obiettivo atteso\"\n"
	_, ps := readMapped(t, mapping, sheet{"Rag", rows})
	if !find(ps, "Rag!A3", model.Error, model.ErrDuplicate) || !find(ps, "Rag!A5", model.Error, model.ErrDuplicate) {
		t.Fatalf("want the duplicates: %v", ps)
	}
	for _, p := range ps {
		if hint := strings.Contains(p.Error(), "colonna_tipo"); hint != (p.Place() == "Rag!A3") {
			t.Errorf("%s: hint %v: %v", p.Place(), hint, p)
		}
	}
	_, ps = read(t, book(t, sheet{"Obiettivi", [][]any{{"Codice", "Titolo", "Direzione"}, {"A", "T", "D"}, {"A", "t", "D"}}}))
	if !find(ps, "Obiettivi!A3", model.Error, model.ErrDuplicate) || !strings.Contains(fmt.Sprint(ps), "nel foglio Indicatori") {
		t.Errorf("template: %v", ps)
	}
}
