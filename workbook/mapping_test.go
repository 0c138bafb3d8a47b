package workbook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// TestMappingFile: what a mapping file may say, and its mistakes, all at once.
func TestMappingFile(t *testing.T) {
	m, err := ParseMapping(strings.NewReader(MappingExample()))
	if err != nil || m.Flat.Sheet != "" {
		t.Fatalf("the example does not parse as a no-op: %v", err)
	}
	for _, c := range []struct{ text, want string }{
		{`[fogli]` + "\n" + `obiettivi = "Elenco"`, ""},
		{`[colonne.obiettivi]` + "\n" + `"Titol" = "X"`, `"Titol" non è una colonna`},
		{`[colonne.progetti]` + "\n" + `"Titolo" = "X"`, `[colonne.progetti] non è un foglio`},
		{`colore = "rosso"`, `chiave sconosciuta «colore»`},
		{`[valori]` + "\n" + `avanzamento = "decimi"`, `"percentuale" o "frazione"`},
		{`[foglio_unico]` + "\n" + `foglio = "PEG"` + "\n" + `colonna_tipo = "Tipo"`, ``}, // the default kinds
		{`[fogli` + "\n", `riga `},
	} {
		_, err := ParseMapping(strings.NewReader(c.text))
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want) || !errors.Is(err, ErrMapping)) {
			t.Errorf("%q: got %v, want %q", c.text, err, c.want)
		}
	}
	// A sheet and a column renamed by the mapping; progress typed 0,8.
	m, err = ParseMapping(strings.NewReader("[fogli]\nobiettivi = \"Elenco\"\nfasi = \"Attività\"\n[colonne.obiettivi]\n\"Direzione\" = \"Struttura\"\n[valori]\navanzamento = \"frazione\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	data := book(t, sheet{"Elenco", [][]any{{"Codice", "Titolo", "Struttura"}, {"A", "T", "D"}}},
		sheet{"Attività", [][]any{{"Codice obiettivo", "Descrizione", "Avanzamento", "Inizio previsto", "Fine prevista"}, {"A", "f", "0,8", "01/01/2024", "31/12/2024"}, {"A", "g", "80%", "01/01/2024", "31/12/2024"}, {"A", "h", 0.8, "01/01/2024", "31/12/2024"}}})
	plan, ps, _ := ReadContext(context.Background(), bytes.NewReader(data), Limits{Mapping: m})
	if len(ps) > 0 || plan.Objectives[0].Direction != "D" || plan.Objectives[0].Phases[0].Progress != model.Some(80) || plan.Objectives[0].Phases[1].Progress != model.Some(80) || plan.Objectives[0].Phases[2].Progress != model.Some(80) {
		t.Errorf("%v %+v", ps, plan.Objectives)
	}
	// A required column missing is named as the office calls it, and so is
	// the sheet the mapping names.
	data = book(t, sheet{"Elenco", [][]any{{"Codice", "Titolo", "Ufficio di appartenenza"}, {"A", "T", "D"}}})
	_, ps, _ = ReadContext(context.Background(), bytes.NewReader(data), Limits{Mapping: m})
	if !find(ps, "Elenco!1", model.Error, ErrMappedColumn) || !strings.Contains(fmt.Sprint(ps), `"Direzione" = "Struttura"`) ||
		!find(ps, "Attività", model.Error, model.ErrMissingSheet) {
		t.Errorf("missing mapped column: %v", ps)
	}
}

// FuzzMapping parses mutated mapping files: an error or a mapping, never a
// panic.
func FuzzMapping(f *testing.F) {
	f.Add(flatMapping)
	f.Add(MappingExample())
	f.Fuzz(func(t *testing.T, text string) {
		m, err := ParseMapping(strings.NewReader(text))
		if (m == nil) == (err == nil) {
			t.Fatalf("%v %v", m, err)
		}
		if m != nil {
			m.split("a\nb;c")
			m.keys(templates.Schema()[0])
		}
	})
}
