// Package templates holds what offices fill in and what pegpdf prints with:
// the schema of the input workbook (read by the reader and written as the
// blank template, so the two cannot drift), the instructions and the
// example that go with it, and the embedded default theme and ICC profile.
// It is data only: it imports model and the standard library, and must
// never import workbook, render, batch, server or cmd.
package templates

import (
	"slices"

	"github.com/pegpdf/pegpdf/model"
)

// Kind is what a column holds.
type Kind int

// The kinds of column.
const (
	Text    Kind = iota
	Date         // a date cell or dd/mm/yyyy
	Percent      // a number 0–100
	Year         // a four-digit year
	Choice       // text, with a drop-down of suggestions in the template
	Number       // any number (an objective's or indicator's weight)
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
	Optional bool     // one of the optional fields of real PEG and PIAO sheets, shown only when filled
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

// Schema is the input contract (../shared/spec/workbook.md with the
// optional fields and synonyms of docs/contratto.md), a fresh copy at each
// call: no caller can change it for the others.
func Schema() []Sheet {
	out := make([]Sheet, len(schema))
	for i, s := range schema {
		out[i] = s
		out[i].Columns = make([]Column, len(s.Columns))
		for j, c := range s.Columns {
			c.Aliases = slices.Clone(c.Aliases)
			c.Choices = slices.Clone(c.Choices)
			out[i].Columns[j] = c
		}
	}
	return out
}

var schema = []Sheet{
	{
		Name: SheetObjectives, Required: true,
		Help: "Una riga per obiettivo.",
		Columns: []Column{
			{Header: "Codice", Aliases: []string{"Codice obiettivo", "Cod. obiettivo", "Cod.", "Codice ob.", "N. obiettivo"}, Field: model.FieldCode, Required: true, Width: 14, Help: "codice univoco dell'obiettivo, ad es. 2019_ZN10"},
			{Header: "Titolo", Aliases: []string{"Obiettivo", "Titolo obiettivo", "Denominazione", "Denominazione obiettivo", "Obiettivo operativo", "Obiettivo esecutivo"}, Field: model.FieldTitle, Required: true, Width: 50, Help: "titolo dell'obiettivo"},
			{Header: "Anno", Aliases: []string{"Anno di riferimento", "Esercizio", "Annualità"}, Field: model.FieldYear, Kind: Year, Width: 8, Help: "anno di quattro cifre; se vuoto: l'anno della prima fase, o le prime quattro cifre del Codice"},
			{Header: "Direzione", Aliases: []string{"Settore", "Area", "Dipartimento"}, Field: model.FieldDirection, Required: true, Width: 28, Help: "ad es. SERVIZI SOCIALI"},
			{Header: "Direttore", Aliases: []string{"Direttore di settore", "Direttore di area"}, Field: model.FieldDirector, Width: 24},
			{Header: "Servizio", Aliases: []string{"Ufficio", "Servizio/Ufficio", "Unità organizzativa", "U.O."}, Field: model.FieldService, Width: 30},
			{Header: "Dirigente", Aliases: []string{"Responsabile", "Dirigente responsabile", "Responsabile obiettivo", "Responsabile dell'obiettivo"}, Field: model.FieldManager, Width: 24},
			{Header: "Classificazione", Field: model.FieldClassification, Kind: Choice, Width: 16, Choices: []string{"DIREZIONALE", "STRATEGICO", "GESTIONALE", "TRASVERSALE"}},
			{Header: "Tipologia", Aliases: []string{"Tipologia obiettivo", "Tipo obiettivo", "Natura"}, Field: model.FieldType, Kind: Choice, Width: 16, Choices: []string{"MIGLIORAMENTO", "MANTENIMENTO", "SVILUPPO"}},
			{Header: "Collegato a", Aliases: []string{"Collegamento", "Collegato con"}, Field: model.FieldLinkedTo, Width: 20, Help: "testo libero"},
			{Header: "Indirizzo strategico DUP", Aliases: []string{"Indirizzo strategico D.U.P.", "Indirizzo strategico", "Linea strategica"}, Field: model.FieldStrategicLine, Width: 36},
			{Header: "Obiettivo strategico DUP", Aliases: []string{"Obiettivo strategico D.U.P.", "Obiettivo strategico"}, Field: model.FieldStrategicGoal, Width: 36},
			{Header: "Descrizione", Aliases: []string{"Descrizione dettagliata dell'obiettivo", "Descrizione dettagliata", "Descrizione obiettivo", "Finalità"}, Field: model.FieldDescription, Width: 60, Help: "descrizione dettagliata; gli a capo nella cella separano i paragrafi"},
			{Header: "Peso", Aliases: []string{"Pesatura", "Peso obiettivo", "Peso ponderale", "Ponderazione"}, Field: model.FieldWeight, Kind: Number, Width: 9, Optional: true, Help: "peso dell'obiettivo, come lo usa l'ente: 1,0–1,4 oppure 20; X per un obiettivo prerequisito"},
			{Header: "Missione", Aliases: []string{"Missione di bilancio"}, Field: model.FieldMission, Width: 24, Optional: true, Help: "missione del bilancio (art. 169 TUEL), ad es. 12 - Diritti sociali, politiche sociali e famiglia"},
			{Header: "Programma", Aliases: []string{"Programma di bilancio"}, Field: model.FieldProgramme, Width: 24, Optional: true, Help: "programma della missione, ad es. 04 - Interventi per soggetti a rischio di esclusione sociale"},
			{Header: "Linea di mandato", Aliases: []string{"Linee di mandato", "Linea programmatica", "Programma di mandato"}, Field: model.FieldMandateLine, Width: 24, Optional: true},
			{Header: "Assessore di riferimento", Aliases: []string{"Assessore", "Assessore competente", "Assessorato"}, Field: model.FieldCouncillor, Width: 22, Optional: true},
			{Header: "Stakeholder", Aliases: []string{"Destinatari", "Stakeholder / Destinatari", "Stakeholder e destinatari", "Portatori di interesse", "Beneficiari"}, Field: model.FieldStakeholders, Width: 24, Optional: true, Help: "a chi si rivolge l'obiettivo (PIAO)"},
			{Header: "Strutture coinvolte", Aliases: []string{"Altre strutture coinvolte", "Uffici coinvolti", "Servizi coinvolti", "Settori coinvolti"}, Field: model.FieldContributors, Width: 24, Optional: true, Help: "gli altri uffici che contribuiscono (PIAO)"},
			{Header: "Obiettivo di Valore Pubblico", Aliases: []string{"Valore pubblico", "Obiettivo valore pubblico", "Obiettivo di VP"}, Field: model.FieldPublicValue, Width: 30, Optional: true, Help: "l'obiettivo di Valore Pubblico del PIAO a cui concorre"},
			{Header: "Scadenza", Aliases: []string{"Data di scadenza", "Data scadenza", "Termine", "Entro il"}, Field: model.FieldDeadline, Kind: Date, Width: 13, Optional: true, Help: "data gg/mm/aaaa entro cui raggiungere l'obiettivo"},
			{Header: "Risorse umane", Aliases: []string{"Personale", "Personale coinvolto", "Risorse umane assegnate"}, Field: model.FieldHumanResources, Width: 24, Optional: true, Help: "testo libero, ad es. 2 istruttori amministrativi"},
			{Header: "Risorse finanziarie", Aliases: []string{"Risorse economiche", "Risorse finanziarie assegnate", "Budget", "Stanziamento"}, Field: model.FieldFinancialResources, Width: 24, Optional: true, Help: "testo libero, ad es. € 120.000,00 (cap. 1234)"},
		},
	},
	{
		Name: SheetPhases,
		Help: "Le fasi di ogni obiettivo, nell'ordine in cui vanno stampate (foglio facoltativo).",
		Columns: []Column{
			{Header: "Codice obiettivo", Aliases: []string{"Codice", "Cod. obiettivo", "Codice ob."}, Field: model.FieldObjCode, Required: true, Width: 14, Help: "un Codice del foglio Obiettivi"},
			{Header: "Descrizione", Aliases: []string{"Fase", "Fasi", "Attività", "Azione", "Descrizione fase", "Descrizione attività"}, Field: model.FieldDescription, Required: true, Width: 50},
			{Header: "Peso", Aliases: []string{"Peso fase", "Pesatura", "Peso percentuale"}, Field: model.FieldWeight, Kind: Percent, Width: 8, Help: "numero da 0 a 100; i pesi di un obiettivo sommano a 100"},
			{Header: "Inizio previsto", Aliases: []string{"Data inizio", "Data inizio prevista", "Inizio", "Dal"}, Field: model.FieldStart, Kind: Date, Width: 13, Help: "data gg/mm/aaaa"},
			{Header: "Fine prevista", Aliases: []string{"Data fine", "Data fine prevista", "Fine", "Al", "Scadenza", "Entro il"}, Field: model.FieldEnd, Kind: Date, Width: 13, Help: "data gg/mm/aaaa, non prima dell'inizio"},
			{Header: "Responsabile", Aliases: []string{"Responsabile fase", "Referente"}, Field: model.FieldOwner, Width: 30},
			{Header: "Centro di responsabilità", Aliases: []string{"CdR", "Ufficio responsabile"}, Field: model.FieldCentre, Width: 28},
			{Header: "Note", Field: model.FieldNotes, Width: 24},
			{Header: "Inizio effettivo", Aliases: []string{"Data inizio effettiva", "Inizio reale"}, Field: model.FieldActualStart, Kind: Date, Width: 13, Help: "monitoraggio: data di inizio effettiva"},
			{Header: "Fine effettiva", Aliases: []string{"Data fine effettiva", "Fine reale"}, Field: model.FieldActualEnd, Kind: Date, Width: 13, Help: "monitoraggio: data di fine effettiva"},
			{Header: "Avanzamento %", Aliases: []string{"Stato di avanzamento", "Percentuale di avanzamento", "% realizzazione"}, Field: model.FieldProgress, Kind: Percent, Width: 13, Help: "monitoraggio: percentuale svolta, da 0 a 100"},
			{Header: "Note avanzamento", Aliases: []string{"Note monitoraggio", "Stato di attuazione"}, Field: model.FieldProgressNotes, Width: 30, Help: "monitoraggio: testo libero"},
		},
	},
	{
		Name: SheetIndicators,
		Help: "Gli indicatori di ogni obiettivo (foglio facoltativo).",
		Columns: []Column{
			{Header: "Codice obiettivo", Aliases: []string{"Codice", "Cod. obiettivo", "Codice ob."}, Field: model.FieldObjCode, Required: true, Width: 14, Help: "un Codice del foglio Obiettivi"},
			{Header: "Descrizione", Aliases: []string{"Indicatore", "Indicatori", "Descrizione indicatore", "Nome indicatore"}, Field: model.FieldDescription, Required: true, Width: 50},
			{Header: "Tipo", Aliases: []string{"Tipo indicatore", "Tipologia", "Tipologia indicatore", "Dimensione"}, Field: model.FieldKind, Kind: Choice, Width: 14, Choices: []string{"RISULTATO", "EFFICACIA", "EFFICIENZA", "QUALITA'"}},
			{Header: "Valore atteso", Aliases: []string{"Target", "Risultato atteso", "Valore obiettivo", "Valore target", "Target anno N", "Valore atteso anno N"}, Field: model.FieldTarget, Width: 16, Help: "come va stampato: => 100, <= 30 giorni, 100%, SI, entro il 30/06/2019"},
			{Header: "Valore rilevato", Aliases: []string{"Valore consuntivo", "Consuntivo", "Valore raggiunto", "Risultato raggiunto", "Valore effettivo", "Valore a consuntivo"}, Field: model.FieldMeasured, Width: 16, Help: "monitoraggio: un numero, SI/NO o una data"},
			{Header: "Commento", Aliases: []string{"Note", "Commento al risultato"}, Field: model.FieldComment, Width: 30, Help: "monitoraggio: testo libero"},
			{Header: "Unità di misura", Aliases: []string{"U.d.M.", "UdM", "U.M.", "Unità"}, Field: model.FieldUnit, Width: 12, Optional: true, Help: "ad es. giorni, %, numero"},
			{Header: "Formula", Aliases: []string{"Metodo di calcolo", "Formula / Metodo di calcolo", "Formula di calcolo", "Modalità di calcolo"}, Field: model.FieldFormula, Width: 30, Optional: true, Help: "come si calcola il valore"},
			{Header: "Fonte del dato", Aliases: []string{"Fonte", "Fonte dati", "Fonte dei dati"}, Field: model.FieldSource, Width: 20, Optional: true},
			{Header: "Baseline", Aliases: []string{"Valore di partenza", "Valore iniziale", "Valore base", "Base line"}, Field: model.FieldBaseline, Width: 12, Optional: true, Help: "il valore di partenza, come va stampato"},
			{Header: "Anno baseline", Aliases: []string{"Anno base", "Anno della baseline", "Anno di riferimento baseline"}, Field: model.FieldBaselineYear, Kind: Year, Width: 10, Optional: true, Help: "l'anno del valore di partenza"},
			{Header: "Valore atteso N+1", Aliases: []string{"Target N+1", "Valore atteso anno N+1", "Target secondo anno", "Valore atteso secondo anno"}, Field: model.FieldTargetNext1, Width: 16, Optional: true, Help: "il valore atteso dell'anno successivo, scritto come Valore atteso"},
			{Header: "Valore atteso N+2", Aliases: []string{"Target N+2", "Valore atteso anno N+2", "Target terzo anno", "Valore atteso terzo anno"}, Field: model.FieldTargetNext2, Width: 16, Optional: true, Help: "il valore atteso del secondo anno successivo"},
			{Header: "Peso", Aliases: []string{"Peso indicatore", "Pesatura"}, Field: model.FieldWeight, Kind: Number, Width: 8, Optional: true, Help: "peso dell'indicatore nell'obiettivo"},
		},
	},
}

// Intro opens the Istruzioni sheet of the template.
const Intro = "Compilare i fogli Obiettivi, Fasi e Indicatori: una riga per obiettivo, fase o indicatore. " +
	"Le righe di esempio (obiettivo 2019_ZN10) si possono cancellare. L'ordine delle colonne è libero; " +
	"i nomi delle colonne non distinguono maiuscole, accenti e punteggiatura, e ogni colonna accetta anche gli altri nomi elencati qui sotto; " +
	"le righe di titolo sopra le intestazioni sono ignorate. Le colonne facoltative si possono lasciare vuote o togliere. " +
	"Le date si scrivono gg/mm/aaaa, i numeri con la virgola (50,00). " +
	"Controllare il file con «pegpdf verifica FILE.xlsx» prima di inviarlo. " +
	"Per leggere un foglio dell'ufficio così com'è (altri nomi di colonna, un foglio unico) vedere «pegpdf mappa»."
