// Package templates holds what offices fill in and what pegpdf prints with:
// the schema of the input workbook (read by the reader and written as the
// blank template, so the two cannot drift), the instructions that go with
// it, and the embedded default theme.
package templates

import "github.com/pegpdf/pegpdf/model"

// Kind is what a column holds.
type Kind int

// The kinds of column.
const (
	Text    Kind = iota
	Date         // a date cell or dd/mm/yyyy
	Percent      // a number 0–100
	Year         // a four-digit year
	Choice       // text, with a drop-down of suggestions in the template
)

// Column is one column of the contract.
type Column struct {
	Header   string // as printed in the template
	Aliases  []string
	Field    model.Field
	Required bool
	Kind     Kind
	Width    float64  // in the template, in Excel's character units
	Choices  []string // drop-down suggestions, for Choice
	Help     string   // one line for the Istruzioni sheet
}

// Sheet is one sheet of the contract.
type Sheet struct {
	Name     string
	Required bool
	Columns  []Column
	Help     string
}

// The sheet names of the contract.
const (
	SheetObjectives = "Obiettivi"
	SheetPhases     = "Fasi"
	SheetIndicators = "Indicatori"
	SheetHelp       = "Istruzioni"
)

// Schema is the input contract, ../shared/spec/workbook.md.
var Schema = []Sheet{
	{
		Name: SheetObjectives, Required: true,
		Help: "Una riga per obiettivo.",
		Columns: []Column{
			{Header: "Codice", Field: model.FieldCode, Required: true, Width: 14, Help: "codice univoco dell'obiettivo, ad es. 2019_ZN10"},
			{Header: "Titolo", Field: model.FieldTitle, Required: true, Width: 50, Help: "titolo dell'obiettivo"},
			{Header: "Anno", Field: model.FieldYear, Kind: Year, Width: 8, Help: "anno di quattro cifre; se vuoto: l'anno della prima fase, o le prime quattro cifre del Codice"},
			{Header: "Direzione", Field: model.FieldDirection, Required: true, Width: 28, Help: "ad es. SERVIZI SOCIALI"},
			{Header: "Direttore", Field: model.FieldDirector, Width: 24},
			{Header: "Servizio", Field: model.FieldService, Width: 30},
			{Header: "Dirigente", Field: model.FieldManager, Width: 24},
			{Header: "Classificazione", Field: model.FieldClassification, Kind: Choice, Width: 16, Choices: []string{"DIREZIONALE", "STRATEGICO", "GESTIONALE", "TRASVERSALE"}},
			{Header: "Tipologia", Field: model.FieldType, Kind: Choice, Width: 16, Choices: []string{"MIGLIORAMENTO", "MANTENIMENTO", "SVILUPPO"}},
			{Header: "Collegato a", Field: model.FieldLinkedTo, Width: 20, Help: "testo libero"},
			{Header: "Indirizzo strategico DUP", Aliases: []string{"Indirizzo strategico D.U.P."}, Field: model.FieldStrategicLine, Width: 36},
			{Header: "Obiettivo strategico DUP", Aliases: []string{"Obiettivo strategico D.U.P."}, Field: model.FieldStrategicGoal, Width: 36},
			{Header: "Descrizione", Aliases: []string{"Descrizione dettagliata dell'obiettivo", "Descrizione dettagliata"}, Field: model.FieldDescription, Width: 60, Help: "descrizione dettagliata; gli a capo nella cella separano i paragrafi"},
		},
	},
	{
		Name: SheetPhases,
		Help: "Le fasi di ogni obiettivo, nell'ordine in cui vanno stampate (foglio facoltativo).",
		Columns: []Column{
			{Header: "Codice obiettivo", Field: model.FieldObjCode, Required: true, Width: 14, Help: "un Codice del foglio Obiettivi"},
			{Header: "Descrizione", Field: model.FieldDescription, Required: true, Width: 50},
			{Header: "Peso", Field: model.FieldWeight, Kind: Percent, Width: 8, Help: "numero da 0 a 100; i pesi di un obiettivo sommano a 100"},
			{Header: "Inizio previsto", Field: model.FieldStart, Kind: Date, Width: 13, Help: "data gg/mm/aaaa"},
			{Header: "Fine prevista", Field: model.FieldEnd, Kind: Date, Width: 13, Help: "data gg/mm/aaaa, non prima dell'inizio"},
			{Header: "Responsabile", Field: model.FieldOwner, Width: 30},
			{Header: "Centro di responsabilità", Field: model.FieldCentre, Width: 28},
			{Header: "Note", Field: model.FieldNotes, Width: 24},
			{Header: "Inizio effettivo", Field: model.FieldActualStart, Kind: Date, Width: 13, Help: "monitoraggio: data di inizio effettiva"},
			{Header: "Fine effettiva", Field: model.FieldActualEnd, Kind: Date, Width: 13, Help: "monitoraggio: data di fine effettiva"},
			{Header: "Avanzamento %", Field: model.FieldProgress, Kind: Percent, Width: 13, Help: "monitoraggio: percentuale svolta, da 0 a 100"},
			{Header: "Note avanzamento", Field: model.FieldProgressNotes, Width: 30, Help: "monitoraggio: testo libero"},
		},
	},
	{
		Name: SheetIndicators,
		Help: "Gli indicatori di ogni obiettivo (foglio facoltativo).",
		Columns: []Column{
			{Header: "Codice obiettivo", Field: model.FieldObjCode, Required: true, Width: 14, Help: "un Codice del foglio Obiettivi"},
			{Header: "Descrizione", Field: model.FieldDescription, Required: true, Width: 50},
			{Header: "Tipo", Field: model.FieldKind, Kind: Choice, Width: 14, Choices: []string{"RISULTATO", "EFFICACIA", "EFFICIENZA", "QUALITA'"}},
			{Header: "Valore atteso", Field: model.FieldTarget, Width: 16, Help: "come va stampato: => 100, <= 30 giorni, 100%, SI, entro il 30/06/2019"},
			{Header: "Valore rilevato", Field: model.FieldMeasured, Width: 16, Help: "monitoraggio: un numero, SI/NO o una data"},
			{Header: "Commento", Field: model.FieldComment, Width: 30, Help: "monitoraggio: testo libero"},
		},
	},
}

// Intro opens the Istruzioni sheet of the template.
const Intro = "Compilare i fogli Obiettivi, Fasi e Indicatori: una riga per obiettivo, fase o indicatore. " +
	"Le righe di esempio (obiettivo 2019_ZN10) si possono cancellare. L'ordine delle colonne è libero; " +
	"i nomi delle colonne non distinguono maiuscole, accenti e punteggiatura. " +
	"Le date si scrivono gg/mm/aaaa, i numeri con la virgola (50,00). " +
	"Controllare il file con «pegpdf verifica FILE.xlsx» prima di inviarlo."
