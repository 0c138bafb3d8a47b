package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/pegpdf/pegpdf/internal/tomlmsg"
	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// Mapping describes an office's own layout: its names for the sheets and
// the columns, and, for a single flat sheet where objectives, phases and
// indicators follow one another, how to tell them apart. It is read from
// a TOML file with Italian keys (ParseMapping); MappingExample is a
// commented example.
type Mapping struct {
	// Sheets maps a contract sheet (Obiettivi, Fasi, Indicatori) to the
	// office's name for it.
	Sheets map[string]string `toml:"fogli"`
	// Columns maps, per contract sheet, a contract header to the office's
	// name for the column.
	Columns map[string]map[string]string `toml:"colonne"`
	Flat    FlatSheet                    `toml:"foglio_unico"`
	Values  struct {
		// Progress is "percentuale" (80 or 80%, the default) or
		// "frazione" (0,8 is 80%).
		Progress string `toml:"avanzamento"`
	} `toml:"valori"`
}

// FlatSheet is one sheet holding objectives, phases and indicators, each
// row saying in KindColumn which it is; phases and indicators belong to
// the objective above them. Without a KindColumn every row is an objective,
// and its indicator columns, if any, hold its indicators.
type FlatSheet struct {
	Sheet      string   `toml:"foglio"`
	KindColumn string   `toml:"colonna_tipo"`
	Objective  []string `toml:"obiettivo"`
	Phase      []string `toml:"fase"`
	Indicator  []string `toml:"indicatore"`
	// CodePrefix makes the Codice of an objective row without one: the
	// prefix and the objective's place in the sheet (OB01, OB02, …), the
	// same at every run as long as the rows keep their order.
	CodePrefix string `toml:"prefisso_codice"`
	// Separators split a cell holding several indicators (a line break,
	// a semicolon).
	Separators []string `toml:"separatori"`
}

// ErrMapping is a mapping file that cannot be used.
var ErrMapping = errors.New("file di mappatura non valido")

// maxMapping is the largest mapping file: a few hundred lines of text.
const maxMapping = 1 << 20

// ParseMapping reads a mapping file. Every mistake in it (an unknown key,
// a column pegpdf does not have, two names for one column, a file not in
// UTF-8) is reported at once, by name, with the name probably meant. An
// error reading r itself is returned as it is.
func ParseMapping(r io.Reader) (*Mapping, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxMapping+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxMapping {
		return nil, fmt.Errorf("%w: il file supera 1 MB, e una mappatura è un piccolo file di testo: indicare il file scritto con «pegpdf mappa»", ErrMapping)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // Notepad's UTF-8 mark
	if line := badUTF8(data); line > 0 {
		return nil, fmt.Errorf("%w: riga %d: il file non è in UTF-8: salvarlo con codifica UTF-8 (Blocco note: Salva con nome > Codifica: UTF-8)", ErrMapping, line)
	}
	m := &Mapping{}
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(m)
	if err != nil {
		if say, ok := tomlmsg.Explain(err); ok {
			return nil, fmt.Errorf("%w: %s", ErrMapping, say)
		}
		return nil, fmt.Errorf("%w: %v", ErrMapping, err)
	}
	var errs []error
	for _, table := range sections[""] {
		if t := md.Type(table); t != "" && t != "Hash" {
			errs = append(errs, fmt.Errorf("«%s» è una sezione: scriverla [%s] e sotto le sue voci (vedere l'esempio di «pegpdf mappa»)", table, table))
		}
	}
	for _, k := range md.Undecoded() {
		section, name := "", k[len(k)-1]
		if len(k) == 2 {
			section = k[0]
		}
		errs = append(errs, fmt.Errorf("chiave sconosciuta «%s»: vedere l'esempio di «pegpdf mappa»%s", k, maybe(name, sections[section])))
	}
	errs = append(errs, m.checkSheets()...)
	errs = append(errs, m.checkColumns()...)
	errs = append(errs, m.Flat.check()...)
	switch model.Key(m.Values.Progress) {
	case "", "percentuale", "frazione":
	default:
		errs = append(errs, fmt.Errorf("[valori] avanzamento = %q: scrivere \"percentuale\" o \"frazione\"%s", m.Values.Progress, maybe(m.Values.Progress, []string{"percentuale", "frazione"})))
	}
	if len(errs) > 0 {
		for i, e := range errs {
			errs[i] = fmt.Errorf("%w: %w", ErrMapping, e)
		}
		return nil, errors.Join(errs...)
	}
	return m, nil
}

// sections are the keys a mapping file may have, by section ("" for the
// top level); [fogli] and [colonne.*] take the contract's names.
var sections = map[string][]string{
	"":             {"fogli", "colonne", "foglio_unico", "valori"},
	"foglio_unico": {"foglio", "colonna_tipo", "obiettivo", "fase", "indicatore", "prefisso_codice", "separatori"},
	"valori":       {"avanzamento"},
}

// badUTF8 is the line of the first byte that is not UTF-8, or 0.
func badUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return 1 + bytes.Count(data[:i], []byte("\n"))
		}
		i += n
	}
	return 0
}

// sheetNames is the contract's sheets as a mapping names them.
func sheetNames() []string {
	var out []string
	for _, s := range templates.Schema() {
		out = append(out, strings.ToLower(s.Name))
	}
	return out
}

// checkSheets: [fogli] names contract sheets, each once, each its own
// sheet of the workbook.
func (m *Mapping) checkSheets() []error {
	var errs []error
	seen, office := map[string]string{}, map[string]string{}
	for _, sheet := range sorted(m.Sheets) {
		v, k := m.Sheets[sheet], model.Key(sheet)
		switch {
		case schemaOf(sheet) == nil:
			errs = append(errs, fmt.Errorf("[fogli] %q non è un foglio di pegpdf (obiettivi, fasi, indicatori)%s", sheet, maybe(sheet, sheetNames())))
		case seen[k] != "":
			errs = append(errs, fmt.Errorf("[fogli] %q e %q sono lo stesso foglio di pegpdf: tenerne uno", seen[k], sheet))
		case strings.TrimSpace(v) == "":
			errs = append(errs, fmt.Errorf("[fogli] %s = \"\": scrivere il nome del foglio dell'ufficio, o togliere la riga", sheet))
		case office[model.Key(v)] != "":
			errs = append(errs, fmt.Errorf("[fogli] %s e %s indicano lo stesso foglio %q: ogni foglio di pegpdf ha il suo (se obiettivi, fasi e indicatori stanno in un foglio solo, descriverlo in [foglio_unico])", office[model.Key(v)], sheet, v))
		}
		seen[k] = sheet
		if strings.TrimSpace(v) != "" && office[model.Key(v)] == "" {
			office[model.Key(v)] = sheet
		}
	}
	if len(m.Sheets) > 0 && m.Flat.Sheet != "" {
		errs = append(errs, fmt.Errorf("[fogli] e [foglio_unico] insieme: con un foglio unico si legge solo quello; togliere le voci di [fogli] o il foglio unico"))
	}
	return errs
}

// checkColumns: [colonne.*] names, per contract sheet, contract columns,
// each once, each its own column of the office. One office column cannot
// be two fields of a sheet (the reading would depend on chance); the same
// column may serve different sheets (in a flat sheet, a row's type says
// which of them reads it).
func (m *Mapping) checkColumns() []error {
	var errs []error
	seen := map[string]string{}
	for _, sheet := range sorted(m.Columns) {
		s := schemaOf(sheet)
		switch {
		case s == nil:
			errs = append(errs, fmt.Errorf("[colonne.%s] non è un foglio di pegpdf (obiettivi, fasi, indicatori)%s", sheet, maybe(sheet, sheetNames())))
			continue
		case seen[s.Name] != "":
			errs = append(errs, fmt.Errorf("[colonne.%s] e [colonne.%s] sono lo stesso foglio: riunirle in una", seen[s.Name], sheet))
			continue
		}
		seen[s.Name] = sheet
		cols := m.Columns[sheet]
		fields, office := map[model.Field]string{}, map[string]string{}
		for _, h := range sorted(cols) {
			c, v := columnOf(*s, h), cols[h]
			switch {
			case c == nil:
				errs = append(errs, fmt.Errorf("[colonne.%s] %q non è una colonna di pegpdf del foglio %s%s (le colonne e i loro sinonimi sono nel foglio Istruzioni del modello)", sheet, h, s.Name, maybe(h, names(*s))))
			case fields[c.Field] != "":
				errs = append(errs, fmt.Errorf("[colonne.%s] %q e %q sono la stessa colonna di pegpdf (%s): tenerne una", sheet, fields[c.Field], h, c.Header))
			case model.Key(v) == "":
				errs = append(errs, fmt.Errorf("[colonne.%s] %q = %q: scrivere il nome della colonna dell'ufficio, o togliere la riga", sheet, h, v))
			case office[model.Key(v)] != "":
				errs = append(errs, fmt.Errorf("[colonne.%s] %q e %q indicano la stessa colonna dell'ufficio %q: una colonna è un solo campo; correggere una delle due righe", sheet, office[model.Key(v)], h, v))
			default:
				fields[c.Field], office[model.Key(v)] = h, h
			}
		}
	}
	return errs
}

// names is a sheet's contract headers and their synonyms.
func names(s templates.Sheet) []string {
	var out []string
	for _, c := range s.Columns {
		out = append(out, c.Header)
		out = append(out, c.Aliases...)
	}
	return out
}

func sorted[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func schemaOf(name string) *templates.Sheet {
	for _, s := range templates.Schema() {
		if model.Key(s.Name) == model.Key(name) {
			return &s
		}
	}
	return nil
}

func columnOf(s templates.Sheet, header string) *templates.Column {
	k := model.Key(header)
	for i, c := range s.Columns {
		if model.Key(c.Header) == k {
			return &s.Columns[i]
		}
		for _, a := range c.Aliases {
			if model.Key(a) == k {
				return &s.Columns[i]
			}
		}
	}
	return nil
}
