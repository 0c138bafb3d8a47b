package workbook

import (
	"errors"
	"fmt"

	"github.com/pegpdf/pegpdf/model"
)

// repeated adds a hint to each duplicate Codice whose rows also have the
// same Titolo: the common layout «one row per indicator, the objective's
// cells repeated», which the reader takes for objectives written twice.
// The hint says how to write it: the objective once, its indicators
// below, with a kind column in the mapping's flat sheet (or, in the
// template, the indicators in their own sheet). A flat sheet with a kind
// column is that layout already: its duplicates are duplicates.
func (rd *reader) repeated(plan *model.Plan, ps model.Problems) {
	if plan == nil || rd.m != nil && rd.m.Flat.Sheet != "" && rd.m.Flat.KindColumn != "" {
		return
	}
	type place struct {
		sheet string
		row   int
	}
	first := map[string]*model.Objective{}
	same := map[place]bool{}
	for _, o := range plan.Objectives {
		f, ok := first[o.Code]
		switch {
		case !ok:
			first[o.Code] = o
		case model.Key(f.Title) == model.Key(o.Title):
			same[place{o.Loc.Sheet, o.Loc.Row}] = true
		}
	}
	hint := "le due righe hanno lo stesso Titolo: se il foglio ha una riga per indicatore con l'obiettivo ripetuto, " +
		"scrivere l'obiettivo una volta sola e gli indicatori nel foglio Indicatori, oppure leggere il foglio com'è con un file di mappatura " +
		"([foglio_unico] con colonna_tipo: una riga Obiettivo e sotto le sue righe Indicatore; vedere «pegpdf mappa»)"
	for i, p := range ps {
		if !same[place{p.Sheet, p.Row}] || p.Severity != model.Error || !errors.Is(p.Err, model.ErrDuplicate) {
			continue
		}
		say := hint
		if rd.m != nil {
			say = fmt.Sprintf("le due righe hanno lo stesso Titolo: se il foglio ha una riga per indicatore con l'obiettivo ripetuto, "+
				"aggiungere una colonna che dica il tipo di riga e indicarla nel file di mappatura ([foglio_unico] foglio = %q, colonna_tipo = \"Tipo\"): "+
				"una riga Obiettivo, e sotto le sue righe Indicatore (vedere «pegpdf mappa»)", p.Sheet)
		}
		ps[i].Err = fmt.Errorf("%w; %s", p.Err, say)
	}
}
