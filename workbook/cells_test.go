package workbook

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pegpdf/pegpdf/model"
)

// TestPercentCells: an Avanzamento typed as 50% in Excel holds 0.5: it is
// read as 50.
func TestPercentCells(t *testing.T) {
	f := bookFile(t, objectives([]any{"2019_A", "T", "D"}), phases([]any{"2019_A", "fase", 1, "01/01/2019", "31/12/2019", 0.5}))
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 9})
	f.SetCellStyle("Fasi", "C2", "C2", pct)
	f.SetCellStyle("Fasi", "F2", "F2", pct)
	plan, ps := read(t, bytesOf(t, f))
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	p := plan.Objectives[0].Phases[0]
	if p.Progress != model.Some(50) || p.Weight != model.Some(100) {
		t.Errorf("progress %v, weight %v", p.Progress, p.Weight)
	}
}

// TestMeasuredCells: a Valore rilevato in a date cell reads as dd/mm/yyyy,
// in a percentage cell as a percentage; a plain number stays as it is.
func TestMeasuredCells(t *testing.T) {
	f := bookFile(t, objectives([]any{"2019_A", "T", "D"}), sheet{"Indicatori", [][]any{
		{"Codice obiettivo", "Descrizione", "Valore atteso", "Valore rilevato"},
		{"2019_A", "scadenza", "entro il 30/06/2019", 43641.0},
		{"2019_A", "quota", ">= 90%", 0.875},
		{"2019_A", "conteggio", ">= 100", 43641},
	}})
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	f.SetCellStyle("Indicatori", "D2", "D2", date)
	f.SetCellStyle("Indicatori", "D3", "D3", pct)
	plan, ps := read(t, bytesOf(t, f))
	if ps.HasErrors() {
		t.Fatal(ps)
	}
	got := []string{}
	for _, in := range plan.Objectives[0].Indicators {
		got = append(got, in.Measured)
	}
	if strings.Join(got, "|") != "25/06/2019|87,50%|43641" {
		t.Errorf("measured: %q", got)
	}
	if r := plan.Objectives[0].Indicators[0].Judge(); r.Outcome != model.Met {
		t.Errorf("the deadline: %v", r.Outcome)
	}
}
