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

// ragRows is the trial's sheet of one row per objective, its indicators
// in its own columns.
var ragRows = [][]any{
	{"PEG 2025 – Servizio Ragioneria – obiettivi"},
	{},
	{"N. ob.", "Denominazione", "Settore", "Dettaglio", "Misura", "Obiettivo atteso", "Risultato al 30/06"},
	{"RAG_01", "Ridurre i tempi di pagamento", "Settore Finanziario", "Fatture", "Tempi medi di pagamento", "<= 30 giorni", "25 giorni"},
}

const ragMapping = `
[foglio_unico]
foglio = "Ragioneria"
[colonne.obiettivi]
"Codice" = "N. ob."
"Descrizione" = "Dettaglio"
[colonne.indicatori]
"Descrizione" = "Misura"
"Valore atteso" = "Obiettivo atteso"
"Valore rilevato" = "Risultato al 30/06"
`

// TestMappedColumnAbsent: a column the mapping names that the header row
// lacks is an error at the header it probably meant, naming the mapping's
// key and the name it expected (the values would be lost: every indicator
// NON MISURABILE, or no indicator at all); a warning when nothing can be
// lost. The same in the template's sheets.
func TestMappedColumnAbsent(t *testing.T) {
	for _, c := range []struct{ from, to, at, key string }{
		{`"Risultato al 30/06"`, `"Risultato al 31/12"`, "Ragioneria!G3", `"Valore rilevato" = "Risultato al 31/12"`},
		{`"Misura"`, `"Misure"`, "Ragioneria!E3", `"Descrizione" = "Misure"`},
	} {
		_, ps := readMapped(t, strings.Replace(ragMapping, c.from, c.to, 1), sheet{"Ragioneria", ragRows})
		if !find(ps, c.at, model.Error, ErrMappedColumn) || !strings.Contains(fmt.Sprint(ps), c.key) || !strings.Contains(fmt.Sprint(ps), "forse "+c.from+"?") {
			t.Errorf("%s: want the error at %s: %v", c.to, c.at, ps)
		}
		if find(ps, c.at, model.Warning, model.ErrUnknownColumn) {
			t.Errorf("%s: the column is said twice: %v", c.to, ps)
		}
	}
	// The sheet lacks the field and every column is read: a warning.
	_, ps := readMapped(t, ragMapping+"\"Baseline\" = \"Valore 2024\"\n", sheet{"Ragioneria", ragRows})
	if !find(ps, "Ragioneria!3", model.Warning, ErrMappedColumn) || ps.HasErrors() {
		t.Errorf("absent, nothing lost: %v", ps)
	}
	// The template's Indicatori sheet, through [colonne.indicatori].
	m := "[colonne.indicatori]\n\"Valore rilevato\" = \"Risultato al 31/12\"\n"
	_, ps = readMapped(t, m, sheet{"Obiettivi", [][]any{{"Codice", "Titolo", "Direzione"}, {"A", "T", "D"}}},
		sheet{"Indicatori", [][]any{{"Codice obiettivo", "Descrizione", "Valore atteso", "Risultato al 30/06"}, {"A", "i", ">= 1", "2"}}})
	if !find(ps, "Indicatori!D1", model.Error, ErrMappedColumn) || find(ps, "Indicatori!D1", model.Warning, model.ErrUnknownColumn) {
		t.Errorf("template: %v", ps)
	}
}

// TestMappingOneColumnTwoFields: two fields of a sheet mapped to one
// column is an error naming both keys (it read one or the other by
// chance); the same column for fields of different sheets is allowed.
func TestMappingOneColumnTwoFields(t *testing.T) {
	text := "[colonne.obiettivi]\n\"Titolo\" = \"Descrizione\"\n\"Descrizione\" = \"descrizione\"\n\"Direzione\" = \"Settore\"\n"
	_, err := ParseMapping(strings.NewReader(text))
	if err == nil || !strings.Contains(err.Error(), `"Descrizione" e "Titolo" indicano la stessa colonna dell'ufficio`) {
		t.Fatalf("got %v", err)
	}
	for range 20 {
		if _, again := ParseMapping(strings.NewReader(text)); again.Error() != err.Error() {
			t.Fatalf("not the same at every run: %v, %v", err, again)
		}
	}
	for _, bad := range []string{
		"[colonne.obiettivi]\n\"Titolo\" = \"A\"\n\"Obiettivo\" = \"B\"\n",
		"[colonne.obiettivi]\n\"Titolo\" = \"A\"\n[colonne.Obiettivi]\n\"Direzione\" = \"B\"\n",
		"[fogli]\nfasi = \"X\"\nindicatori = \"x\"\n",
		"[colonne.obiettivi]\n\"Titolo\" = \"\"\n",
	} {
		if _, err := ParseMapping(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: accepted", bad)
		}
	}
	if _, err := ParseMapping(strings.NewReader("[colonne.fasi]\n\"Descrizione\" = \"Voce\"\n[colonne.indicatori]\n\"Descrizione\" = \"Voce\"\n")); err != nil {
		t.Errorf("one column for two sheets: %v", err)
	}
}

// TestMappingEncoding: a mapping saved as ANSI by Notepad is said to be not
// UTF-8, at the line of the first bad byte, with how to save it; a UTF-8
// byte-order mark is accepted.
func TestMappingEncoding(t *testing.T) {
	_, err := ParseMapping(strings.NewReader("[fogli]\n# commento\nfasi = \"Attivit\xe0\"\n"))
	if err == nil || !errors.Is(err, ErrMapping) || !strings.Contains(err.Error(), "riga 3: il file non è in UTF-8") || !strings.Contains(err.Error(), "Codifica: UTF-8") {
		t.Errorf("ANSI: %v", err)
	}
	m, err := ParseMapping(strings.NewReader("\xef\xbb\xbf[fogli]\nfasi = \"Attività\"\n"))
	if err != nil || m.Sheets["fasi"] != "Attività" {
		t.Errorf("BOM: %v", err)
	}
}

// TestMappingSuggestions: a mistyped name in a mapping file gets the name
// probably meant.
func TestMappingSuggestions(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"[colonne.indicatori]\n\"Valore rilevat\" = \"X\"\n", `"Valore rilevat" non è una colonna di pegpdf del foglio Indicatori; forse "Valore rilevato"?`},
		{"[colonne.indicatori]\n\"Valore aspettato\" = \"X\"\n", `"Valore aspettato" non è una colonna di pegpdf del foglio Indicatori (le colonne`},
		{"[colonne.obbiettivi]\n\"Titolo\" = \"X\"\n", `forse "obiettivi"?`},
		{"[foglio_unico]\nfoglio = \"P\"\nseparatore = [\";\"]\n", `«foglio_unico.separatore»: vedere l'esempio di «pegpdf mappa»; forse "separatori"?`},
		{"[valori]\navanzamento = \"frazioni\"\n", `forse "frazione"?`},
	} {
		_, err := ParseMapping(strings.NewReader(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q", c.text, err, c.want)
		}
	}
	for _, c := range []struct{ name, want string }{
		{"Misure", "Misura"}, {"Risultato al 31/12", "Risultato al 30/06"}, {"Valore", ""}, {"Ob.", ""}, {"Valore rilevato", "Valore rilevato al 30/06"},
	} {
		if got := closest(c.name, []string{"Misura", "Risultato al 30/06", "Valore rilevato al 30/06", "Obiettivo atteso"}); got != c.want {
			t.Errorf("closest(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
