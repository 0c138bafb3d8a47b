package workbook

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

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

// ParseMapping reads a mapping file. Every mistake in it (an unknown key,
// a column pegpdf does not have) is reported at once, by name.
func ParseMapping(r io.Reader) (*Mapping, error) {
	m := &Mapping{}
	md, err := toml.NewDecoder(io.LimitReader(r, 1<<20)).Decode(m)
	if err != nil {
		if say, ok := tomlmsg.Explain(err); ok {
			return nil, fmt.Errorf("%w: %s", ErrMapping, say)
		}
		return nil, fmt.Errorf("%w: %v", ErrMapping, err)
	}
	var errs []error
	for _, table := range []string{"fogli", "colonne", "foglio_unico", "valori"} {
		if t := md.Type(table); t != "" && t != "Hash" {
			errs = append(errs, fmt.Errorf("%w: «%s» è una sezione: scriverla [%s] e sotto le sue voci (vedere l'esempio di «pegpdf mappa»)", ErrMapping, table, table))
		}
	}
	for _, k := range md.Undecoded() {
		errs = append(errs, fmt.Errorf("%w: chiave sconosciuta «%s»: vedere l'esempio di «pegpdf mappa»", ErrMapping, k))
	}
	for sheet := range m.Sheets {
		if schemaOf(sheet) == nil {
			errs = append(errs, fmt.Errorf("%w: [fogli] %q non è un foglio di pegpdf (Obiettivi, Fasi, Indicatori)", ErrMapping, sheet))
		}
	}
	for sheet, cols := range m.Columns {
		s := schemaOf(sheet)
		if s == nil {
			errs = append(errs, fmt.Errorf("%w: [colonne.%s] non è un foglio di pegpdf (obiettivi, fasi, indicatori)", ErrMapping, sheet))
			continue
		}
		for h := range cols {
			if columnOf(*s, h) == nil {
				errs = append(errs, fmt.Errorf("%w: [colonne.%s] %q non è una colonna di pegpdf del foglio %s (vedere il foglio Istruzioni del modello)", ErrMapping, sheet, h, s.Name))
			}
		}
	}
	f := m.Flat
	if f.Sheet != "" && f.KindColumn != "" && len(f.Objective) == 0 {
		errs = append(errs, fmt.Errorf("%w: [foglio_unico] con colonna_tipo richiede i valori di obiettivo (ad es. obiettivo = [\"Obiettivo\"])", ErrMapping))
	}
	switch model.Key(m.Values.Progress) {
	case "", "percentuale", "frazione":
	default:
		errs = append(errs, fmt.Errorf("%w: [valori] avanzamento = %q: scrivere \"percentuale\" o \"frazione\"", ErrMapping, m.Values.Progress))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return m, nil
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

// sheetName is the office's name for a contract sheet.
func (m *Mapping) sheetName(contract string) string {
	if m != nil {
		for k, v := range m.Sheets {
			if model.Key(k) == model.Key(contract) && v != "" {
				return v
			}
		}
	}
	return contract
}

func (m *Mapping) columns(sheet string) map[string]string {
	if m == nil {
		return nil
	}
	for k, v := range m.Columns {
		if model.Key(k) == model.Key(sheet) {
			return v
		}
	}
	return nil
}

// keys maps every header a sheet's column may have to its field: the
// office's names first, then the contract's headers and synonyms.
func (m *Mapping) keys(s templates.Sheet) map[string]model.Field {
	keys := map[string]model.Field{}
	for _, c := range s.Columns {
		keys[model.Key(c.Header)] = c.Field
		for _, a := range c.Aliases {
			keys[model.Key(a)] = c.Field
		}
	}
	for h, office := range m.columns(s.Name) {
		if c := columnOf(s, h); c != nil {
			keys[model.Key(office)] = c.Field
		}
	}
	return keys
}

// primary is the keys of a sheet's contract headers and mapped names,
// without the synonyms.
func (m *Mapping) primary(s templates.Sheet) map[string]bool {
	keys := map[string]bool{}
	for _, c := range s.Columns {
		keys[model.Key(c.Header)] = true
	}
	for _, office := range m.columns(s.Name) {
		keys[model.Key(office)] = true
	}
	return keys
}

// header is the name a message gives a column: the office's, if mapped.
func (m *Mapping) header(sheet string, c templates.Column) string {
	for h, office := range m.columns(sheet) {
		if model.Key(h) == model.Key(c.Header) {
			return office
		}
	}
	return c.Header
}

// fraction reports whether field f is typed as a fraction (0,8 for 80%).
func (m *Mapping) fraction(f model.Field) bool {
	return m != nil && f == model.FieldProgress && model.Key(m.Values.Progress) == "frazione"
}

// split cuts a cell at the mapping's separators.
func (m *Mapping) split(s string) []string {
	if m == nil || len(m.Flat.Separators) == 0 || s == "" {
		return []string{s}
	}
	parts := []string{strings.ReplaceAll(s, "\r\n", "\n")}
	for _, sep := range m.Flat.Separators {
		if sep == "" {
			continue
		}
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// MappingExample is a commented mapping file, to copy and adapt: every
// key, the contract's columns and their synonyms.
func MappingExample() string {
	var b strings.Builder
	b.WriteString(`# Mappatura per pegpdf: descrive un foglio dell'ufficio diverso dal modello.
# Uso: pegpdf schede --mappa mappa.toml FILE.xlsx
# Le righe che iniziano con # sono commenti; togliere il # per usare una riga.

# I nomi dei fogli, se diversi da Obiettivi, Fasi e Indicatori.
[fogli]
# obiettivi = "Elenco obiettivi"
# fasi = "Attività"
# indicatori = "Misure"

# Un foglio unico: obiettivi, fasi e indicatori uno sotto l'altro; una
# colonna dice che cosa è ogni riga; fasi e indicatori appartengono
# all'obiettivo che li precede. Senza colonna_tipo ogni riga è un
# obiettivo, e le sue colonne degli indicatori (Indicatore, Target, …)
# ne danno gli indicatori, più d'uno per cella se separati.
[foglio_unico]
# foglio = "PEG 2024"
# colonna_tipo = "Tipo"
# obiettivo = ["Obiettivo"]
# fase = ["Fase", "Azione"]
# indicatore = ["Indicatore"]
# Il Codice di un obiettivo che non l'ha: il prefisso e il numero
# dell'obiettivo nel foglio (OB01, OB02, …), uguale a ogni esecuzione
# finché le righe restano nell'ordine.
# prefisso_codice = "OB"
# Più indicatori in una cella, separati da un a capo o da un punto e virgola.
# separatori = ["\n", ";"]

# Come è scritto l'avanzamento: "percentuale" (80 o 80%) o "frazione" (0,8).
[valori]
# avanzamento = "percentuale"

# Le colonne: a sinistra il nome in pegpdf, a destra il nome nel foglio
# dell'ufficio. I nomi non distinguono maiuscole, accenti e punteggiatura;
# i sinonimi elencati sono già riconosciuti senza mappatura.
`)
	for _, s := range templates.Schema() {
		fmt.Fprintf(&b, "\n[colonne.%s]\n", strings.ToLower(s.Name))
		for _, c := range s.Columns {
			fmt.Fprintf(&b, "# %q = %q", c.Header, c.Header)
			if len(c.Aliases) > 0 {
				aliases := append([]string(nil), c.Aliases...)
				sort.Strings(aliases)
				fmt.Fprintf(&b, "   # sinonimi: %s", strings.Join(aliases, ", "))
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}
