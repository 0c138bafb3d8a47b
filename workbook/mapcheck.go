package workbook

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pegpdf/pegpdf/model"
)

// ErrMappedColumn is a column the mapping names that the header row lacks.
var ErrMappedColumn = errors.New("la colonna indicata nel file di mappatura non è nella riga di intestazione")

// mappedAbsent checks a header row against the mapping: every column the
// mapping names for t's sheet must be in it, or its values would be lost
// without a word (every indicator NON MISURABILE for a Valore rilevato
// mapped to «Risultato al 31/12» in a sheet saying «Risultato al 30/06»).
// A column that is not is an error naming the mapping's key, the name it
// expected and, if one is close, the header probably meant among those
// free (read by no field). It is a warning when the field was found under
// another of its names, or when no header is free and the field is not
// required: then no value can be lost, the sheet lacks the field (a
// planning sheet without the monitoring's columns, under the mapping
// written for the whole year). The fields so reported go in t.absent (their
// «missing column» error would say it twice); the columns suggested are
// returned (their «unknown column» warning would say it twice).
func (rd *reader) mappedAbsent(t *table, n int, cells []value, free func(i int) bool) map[int]bool {
	suggested := map[int]bool{}
	in := map[string]bool{}
	var heads []string
	var cols []int
	for i, c := range cells {
		if h := strings.TrimSpace(c.s); h != "" && c.k == textValue {
			in[model.Key(h)] = true
			if free(i) {
				heads, cols = append(heads, h), append(cols, i+1)
			}
		}
	}
	for _, mc := range rd.m.mapped(t.schema) {
		if in[model.Key(mc.office)] {
			continue
		}
		say := fmt.Sprintf("[colonne.%s] %q = %q", strings.ToLower(t.schema.Name), mc.key, mc.office)
		if at := t.cols[mc.col.Field]; at != 0 {
			rd.add(model.Problem{Severity: model.Warning, Sheet: t.name, Row: n, Col: at,
				Err: fmt.Errorf("%s: %w; si legge invece questa colonna, %q: correggere il nome nel file di mappatura",
					say, ErrMappedColumn, clip(strings.TrimSpace(cells[at-1].s), 60))})
			continue
		}
		if len(heads) == 0 && !mc.col.Required {
			// Every header of the row is read: no value can be in a
			// column under another name; the sheet lacks the field.
			rd.add(model.Problem{Severity: model.Warning, Sheet: t.name, Row: n,
				Err: fmt.Errorf("%s: %w (ogni altra colonna è letta: nessun valore va perso); se c'è con un altro nome, correggerlo nel file di mappatura", say, ErrMappedColumn)})
			continue
		}
		if t.absent == nil {
			t.absent = map[model.Field]bool{}
		}
		t.absent[mc.col.Field] = true
		p := model.Problem{Severity: model.Error, Sheet: t.name, Row: n}
		guess := ""
		if g := closest(mc.office, heads); g != "" {
			for i, h := range heads {
				if h == g {
					p.Col = cols[i]
					break
				}
			}
			suggested[p.Col] = true
			guess = fmt.Sprintf(": forse %q?", clip(g, 60))
		}
		p.Err = fmt.Errorf("%s: %w%s Correggere il nome nel file di mappatura o nel foglio", say, ErrMappedColumn, guess)
		if guess == "" {
			p.Err = fmt.Errorf("%s: %w: correggere il nome nel file di mappatura o aggiungere la colonna", say, ErrMappedColumn)
		}
		rd.add(p)
	}
	return suggested
}
