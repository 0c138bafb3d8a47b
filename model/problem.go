package model

import (
	"errors"
	"strconv"
)

// The kinds of problem a plan can have. Each Problem's Err wraps one of
// them, so callers can tell them apart with errors.Is. The texts are the
// Italian sentences a clerk reads.
var (
	// Errors: the plan gives no PDF.
	ErrMissingSheet     = errors.New("manca il foglio obbligatorio")
	ErrMissingColumn    = errors.New("manca la colonna obbligatoria")
	ErrRequired         = errors.New("la cella obbligatoria è vuota")
	ErrDate             = errors.New("non è una data (scrivere gg/mm/aaaa o usare una cella data)")
	ErrNumber           = errors.New("non è un numero (scrivere ad esempio 50 o 50,00)")
	ErrDuplicate        = errors.New("codice obiettivo duplicato")
	ErrUnknownObjective = errors.New("il Codice obiettivo non è nel foglio Obiettivi")
	ErrDateOrder        = errors.New("la Fine prevista è prima dell'Inizio previsto")
	ErrRange            = errors.New("il valore deve essere tra 0 e 100")
	ErrYear             = errors.New("non è un anno di quattro cifre (scrivere ad esempio 2027)")
	ErrTooLong          = errors.New("il testo è troppo lungo")
	ErrTooMany          = errors.New("troppe righe")

	// Warnings: the PDF is still produced.
	ErrUnknownColumn  = errors.New("colonna sconosciuta, ignorata")
	ErrNoDates        = errors.New("fase senza date: nel GANTT non avrà la barra")
	ErrNoEnd          = errors.New("fase senza Fine prevista: nel GANTT non avrà la barra")
	ErrWeights        = errors.New("i pesi delle fasi non sommano a 100")
	ErrOutsideYear    = errors.New("la fase esce dall'anno dell'obiettivo")
	ErrUnmeasured     = errors.New("contiene un numero ma non si misura: il monitoraggio lo dirà NON MISURABILE; scrivere il confronto e poi il numero, ad esempio «>= 50.000 €» o «<= 30 giorni»")
	ErrFraction       = errors.New("ogni Avanzamento del file è fra 0 e 1: se sono frazioni (0,8 per 80%), scriverli come percentuali (80 o 80%) oppure indicare nel file di mappatura [valori] avanzamento = \"frazione\"")
	ErrAfterAsOf      = errors.New("è dopo la data del monitoraggio")
	ErrFarYear        = errors.New("è a più di 5 anni dall'anno dell'obiettivo")
	ErrFarYearOfDates = errors.New("è a più di 5 anni dall'anno delle date delle fasi")
)

// Severity tells an error from a warning.
type Severity int

const (
	// Error stops the objective's file from giving a PDF.
	Error Severity = iota
	// Warning is reported, and the PDF is still produced.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "avviso"
	}
	return "errore"
}

// Problem is one thing wrong with a workbook, at a place a clerk can click:
// Sheet, Row and Col (1-based; Col 0 means the whole row, Row 0 the whole
// sheet). Err wraps one of the Err* sentinels with the detail.
type Problem struct {
	Severity Severity
	Sheet    string
	Row, Col int
	Err      error
}

// Cell names the place the way Excel does: "E7", "7" for a row, "" for a
// sheet.
func (p Problem) Cell() string {
	switch {
	case p.Row == 0:
		return ""
	case p.Col == 0:
		return strconv.Itoa(p.Row)
	}
	return ColumnName(p.Col) + strconv.Itoa(p.Row)
}

// Place is "Fasi!E7", "Fasi!7" or "Fasi".
func (p Problem) Place() string {
	if c := p.Cell(); c != "" {
		return p.Sheet + "!" + c
	}
	return p.Sheet
}

// Error is the one-line message without the file name: "Fasi!E7: ...".
func (p Problem) Error() string {
	if p.Sheet == "" {
		return p.Err.Error()
	}
	return p.Place() + ": " + p.Err.Error()
}

// Unwrap gives the detail, which wraps the sentinel.
func (p Problem) Unwrap() error { return p.Err }

// ColumnName turns 1 into "A", 27 into "AA".
func ColumnName(col int) string {
	if col < 1 {
		return ""
	}
	var b []byte
	for col > 0 {
		col--
		b = append([]byte{byte('A' + col%26)}, b...)
		col /= 26
	}
	return string(b)
}

// Problems is a list of problems, errors and warnings mixed.
type Problems []Problem

// HasErrors reports whether any problem is an Error.
func (ps Problems) HasErrors() bool {
	for _, p := range ps {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Count returns the number of errors and of warnings.
func (ps Problems) Count() (errs, warnings int) {
	for _, p := range ps {
		if p.Severity == Error {
			errs++
		} else {
			warnings++
		}
	}
	return errs, warnings
}
