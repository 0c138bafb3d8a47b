package workbook

import "errors"

// Why a cell cannot be read. Each Problem at a cell wraps one of these (or
// one of model's), and each sentence says what to do.
var (
	ErrExcelError = errors.New("la cella contiene un errore di Excel: correggere la formula o scrivere il valore")
	ErrUncached   = errors.New("la formula non ha un valore calcolato: aprire e salvare il file in Excel (o in LibreOffice)")
	ErrBoolean    = errors.New("è un valore VERO/FALSO: scrivere un numero o una data")
	ErrBadNumber  = errors.New("il numero salvato nella cella non è valido (infinito o NaN): riscriverlo")
	ErrFarColumn  = errors.New("cella compilata troppo a destra: il modello ha una ventina di colonne; cancellare il contenuto delle colonne in eccesso")
	ErrHidden     = errors.New("foglio nascosto, ignorato: se contiene i dati da leggere, mostrarlo (tasto destro sulle linguette > Scopri)")
	ErrLikeSheet  = errors.New("sembra il foglio del modello che manca")
	ErrNoSheet    = errors.New("manca il foglio")
	ErrParts      = errors.New("i valori non corrispondono agli indicatori: scriverne uno per indicatore, nello stesso ordine, o uno solo per tutti")
	ErrSameName   = errors.New("foglio ignorato: ha lo stesso nome, a meno di maiuscole e punteggiatura, del foglio letto")
	ErrNoTarget   = errors.New("l'indicatore ha il Valore rilevato ma non il Valore atteso: il monitoraggio non ha con che cosa confrontarlo (NON MISURABILE); scrivere il Valore atteso")
	ErrExample    = errors.New("è la riga di esempio del modello: cancellarla (se più uffici la lasciano, il Codice risulta duplicato)")
)

// excelErrors are the values Excel and LibreOffice show for a formula that
// failed: as stored in an .xlsx, and as an Italian LibreOffice writes them.
var excelErrors = map[string]bool{
	"#REF!": true, "#DIV/0!": true, "#N/A": true, "#NAME?": true, "#VALUE!": true,
	"#NUM!": true, "#NULL!": true, "#SPILL!": true, "#CALC!": true, "#GETTING_DATA": true,
	"#RIF!": true, "#N/D": true, "#NOME?": true, "#VALORE!": true, "#NULLO!": true,
}
