package render

import "fmt"

// Color is an RGB colour, 0–255 each.
type Color struct{ R, G, B int }

// Labels are every word the sheet prints that is not data. The defaults are
// the reference sheet's own.
type Labels struct {
	Direction, Director, Classification string
	Service, Manager, Type              string
	LinkedTo                            string
	StrategicLine, StrategicGoal        string
	Description                         string
	Gantt, Phases, Indicators           string

	// FASI columns.
	PhaseDescription, Weight, Start, End, Owner, Centre, Notes string
	// INDICATORI columns.
	IndicatorDescription, Kind, Target string

	Page    string // "Pagina %d di %d"
	Months  [12]string
	Quarter string // "T%d"
	AsOf    string // "al %s"

	// Legend of a Gantt with monitoring data.
	Planned, Done, Actual string
	// A phase with a Fine prevista only: its legend in the Gantt and its
	// Inizio Previsto cell in FASI.
	Milestone string
	// The line that stands for the Gantt of an objective without phases,
	// and for INDICATORI without indicators.
	NoPhases, NoIndicators string

	// Monitoring columns and figures.
	PhaseProgress, ProgressNotes             string
	ActualStart, ActualEnd, Progress, Timing string
	Measured, Degree, Outcome, Realization   string

	// The monitoring report.
	ReportTitle, Summary, ByDirection, Sheets, Total string
	Code, Title, IndicatorsMet                       string // columns of a Direzione's table
	Objectives, ObjectivesCount, OutOf               string // "Obiettivi", "%d obiettivi", "%d su %d"
	OneObjective                                     string // "%d obiettivo": ObjectivesCount for one
	MeanOfObjectives, IndicatorsRow, MetOfMeasurable string // rows of the summary
	OutcomeAndTiming, ObjectivesShare                string // columns of the summary
	Number                                           string // "N.", the phase's number

	// Booklet.
	PlanTitle, Contents string
	NoService           string // the group of objectives without Servizio
	// The keywords of the documents' metadata, before the year.
	PlanKeywords, ReportKeywords string
	SheetSubject                 string // a sheet's metadata subject, before its code
	Continued                    string // after a heading repeated on a new page: "(segue)"

	// The optional fields of PEG and PIAO objectives, each printed only
	// when filled: the grid's second row, the labelled lines, RISORSE.
	Mission, Programme, ObjectiveWeight, Prerequisite            string
	MandateLine, Councillor, PublicValue, Stakeholders           string
	Contributors, Deadline                                       string
	Resources, HumanResources, FinancialResources                string
	Unit, Baseline, NextTarget, IndicatorWeight, Formula, Source string // INDICATORI; NextTarget has a %s for the year

	Alt AltWords // the figures' alternative text
}

// AltWords are the words of the figures' alternative text, what a screen
// reader says of the Gantt and of the report's chart. Each %d or %s stands
// where the comment says.
type AltWords struct {
	GanttYear, GanttSpan         string // "…dell'anno %d"; "…dal %d al %d"
	NoPhases, OnePhase, Phases   string // ", senza fasi."; ", una fase."; ", %d fasi."
	Phase                        string // " Fase %d"
	From, FromTo, Until, NoDates string // ": prevista dal %s"; "…dal %s al %s"; "…fino al %s"; ": senza date"
	DoneFrom, DoneTo, Ongoing    string // "; svolta dal %s"; " al %s"; ", in corso"
	Progress, AsOf               string // "; avanzamento %s"; " Data di riferimento: %s."
	Chart, NoDirection           string // the chart's first sentence; a Direzione left empty
}

// CoverSizes are the font sizes of a cover, in points.
type CoverSizes struct {
	Entity, Title, Year, Subtitle float64
}

// ChartStyle is the look of the report's chart of outcomes per Direzione.
type ChartStyle struct {
	LabelWidth, RowHeight float64  // millimetres
	Colors                [4]Color // the segments, in model.OutcomeOrder
}

// Theme holds every size, colour and label of the documents. Lengths are in
// millimetres, font sizes in points. Pass it explicitly: there is no global.
type Theme struct {
	PageWidth, PageHeight float64
	Margin                float64 // left, right and top
	FooterHeight          float64 // reserved at the bottom

	CodeSize, TitleSize, TextSize, SmallSize, TableSize, FooterSize float64
	LineGap                                                         float64 // extra leading, as a share of the font size
	CellPad                                                         float64

	Border, HeaderFill, LabelFill  Color
	Text, Muted                    Color
	Bar, BarDone, BarActual, Today Color
	Milestone                      Color // the diamond of a phase with a Fine prevista only

	// Status colours of the monitoring outcomes; the text is always printed
	// too, so that no status is told by colour alone.
	Good, Warn, Bad, Neutral Color
	GridLine                 Color

	GanttLabelWidth float64 // the phase column of the Gantt
	GanttLabelMax   float64 // the share of the content width it may widen to, for labels on two lines
	GanttMinBar     float64 // the narrowest bar, so that a phase of a few days is seen
	GanttRow        float64 // height of one phase row
	GanttBar        float64 // height of a planned bar
	DescLabelWidth  float64 // the label column of the description box

	// Column widths as shares of the table width.
	PhaseColumns     [7]float64
	IndicatorColumns [3]float64
	// The header grid's label and value cells, as shares of the content
	// width; "Collegato a" lines up with its first column.
	GridShares [6]float64
	// The monitoring figures under the title of a monitored sheet.
	FigureShares [7]float64
	// The columns of a Direzione's table in the report.
	ReportColumns [6]float64

	// The booklet's contents: the code column, widened up to CodeMax (a
	// share of the content width) for long codes, and the page number.
	ContentsCode, ContentsCodeMax, ContentsNumber float64

	Cover CoverSizes
	Chart ChartStyle

	// Compact lets FASI follow the Gantt on page 1 when it fits; by
	// default it starts page 2, as in the reference sheet.
	Compact bool

	Labels Labels

	// The entity: its name and logo (an opaque PNG, see FlattenLogo) in
	// the header of every page of a sheet and on the booklet's cover, and a
	// line for council acts under them. All empty by default, as in the
	// reference sheet.
	Entity, ActsLine string
	Logo             []byte

	// Sections says which parts of a sheet to print.
	Sections Sections
}

// Sections are the print switches of the sheet's parts.
type Sections struct {
	Description, Gantt, Phases, Indicators bool
}

// DefaultTheme returns the look of the reference sheet: A4 portrait, 15 mm
// margins, the reference's labels.
func DefaultTheme() Theme {
	return Theme{
		PageWidth: 210, PageHeight: 297, Margin: 15, FooterHeight: 14,
		CodeSize: 11, TitleSize: 13, TextSize: 9.5, SmallSize: 8, TableSize: 8, FooterSize: 8,
		LineGap: 0.25, CellPad: 1.5,
		Border: Color{90, 90, 90}, HeaderFill: Color{217, 226, 243}, LabelFill: Color{242, 242, 242},
		Text: Color{0, 0, 0}, Muted: Color{100, 100, 100},
		Bar: Color{143, 170, 220}, BarDone: Color{47, 84, 150}, BarActual: Color{197, 90, 17}, Today: Color{192, 0, 0},
		Milestone: Color{31, 56, 100},
		GridLine:  Color{200, 200, 200},
		Good:      Color{198, 239, 206}, Warn: Color{255, 235, 156}, Bad: Color{255, 199, 206}, Neutral: Color{230, 230, 230},

		GanttLabelWidth: 62, GanttLabelMax: 0.4, GanttMinBar: 1.6, GanttRow: 6, GanttBar: 3.4, DescLabelWidth: 32,
		PhaseColumns:     [7]float64{28, 7, 10, 10, 17, 15, 13},
		IndicatorColumns: [3]float64{62, 18, 20},
		GridShares:       [6]float64{0.42, 0.58, 0.38, 0.62, 0.46, 0.54},
		FigureShares:     [7]float64{1.1, 0.7, 0.5, 1, 0.5, 1, 0.9},
		ReportColumns:    [6]float64{13, 41, 12, 13, 16, 12},
		ContentsCode:     30, ContentsCodeMax: 0.3, ContentsNumber: 14,
		Cover: CoverSizes{Entity: 22, Title: 26, Year: 22, Subtitle: 12},
		Chart: ChartStyle{LabelWidth: 60, RowHeight: 6.5,
			Colors: [4]Color{{102, 187, 106}, {255, 202, 40}, {239, 83, 80}, {176, 176, 176}}},

		Sections: Sections{Description: true, Gantt: true, Phases: true, Indicators: true},
		Labels: Labels{
			Direction: "Direzione", Director: "Direttore", Classification: "Classificazione",
			Service: "Servizio", Manager: "Dirigente", Type: "Tipologia",
			LinkedTo:      "Collegato a",
			StrategicLine: "INDIRIZZO STRATEGICO D.U.P.:", StrategicGoal: "OBIETTIVO STRATEGICO D.U.P.:",
			Description: "Descrizione dettagliata dell'obiettivo",
			Gantt:       "GANTT", Phases: "FASI", Indicators: "INDICATORI",
			PhaseDescription: "Descrizione", Weight: "Peso", Start: "Inizio Previsto", End: "Fine Prevista",
			Owner: "Responsabile", Centre: "Centro di Responsabilità", Notes: "Note",
			IndicatorDescription: "Descrizione", Kind: "Tipo", Target: "Valore Atteso",
			Page:    "Pagina %d di %d",
			Months:  [12]string{"Gen", "Feb", "Mar", "Apr", "Mag", "Giu", "Lug", "Ago", "Set", "Ott", "Nov", "Dic"},
			Quarter: "T%d",
			AsOf:    "al %s",
			Planned: "Previsto", Done: "Svolto", Actual: "Effettivo",
			Milestone: "Scadenza", NoPhases: "Nessuna fase prevista.", NoIndicators: "Nessun indicatore previsto.",
			PhaseProgress: "AVANZAMENTO DELLE FASI", ProgressNotes: "Note avanzamento",
			ActualStart: "Inizio Effettivo", ActualEnd: "Fine Effettiva", Progress: "Avanzamento", Timing: "Tempi",
			Measured: "Valore Rilevato", Degree: "Grado", Outcome: "Esito", Realization: "Realizzazione",
			ReportTitle: "Stato di attuazione degli obiettivi al %s", Summary: "Riepilogo",
			ByDirection: "Esito per Direzione", Sheets: "Schede", Total: "Totale",
			Code: "Codice", Title: "Titolo", IndicatorsMet: "Indicatori raggiunti",
			Objectives: "Obiettivi", ObjectivesCount: "%d obiettivi", OneObjective: "%d obiettivo", OutOf: "%d su %d",
			MeanOfObjectives: "Media degli obiettivi", IndicatorsRow: "Indicatori", MetOfMeasurable: "Raggiunti su misurabili",
			OutcomeAndTiming: "Esito e tempi", ObjectivesShare: "Obiettivi (quota)", Number: "N.",
			PlanTitle: "Piano Esecutivo di Gestione", Contents: "Indice",
			NoService: "Servizio non indicato", Continued: "(segue)",
			PlanKeywords: "PEG, Piano Esecutivo di Gestione", ReportKeywords: "PEG, monitoraggio, stato di attuazione",
			SheetSubject: "Scheda obiettivo",
			Mission:      "Missione", Programme: "Programma", ObjectiveWeight: "Peso dell'obiettivo", Prerequisite: "X (prerequisito)",
			MandateLine: "LINEA DI MANDATO:", Councillor: "ASSESSORE DI RIFERIMENTO:",
			PublicValue: "OBIETTIVO DI VALORE PUBBLICO:", Stakeholders: "STAKEHOLDER / DESTINATARI:",
			Contributors: "STRUTTURE COINVOLTE:", Deadline: "SCADENZA:",
			Resources: "RISORSE", HumanResources: "Risorse umane", FinancialResources: "Risorse finanziarie",
			Unit: "Unità", Baseline: "Baseline", NextTarget: "Valore Atteso %s", IndicatorWeight: "Peso",
			Formula: "Formula:", Source: "Fonte del dato:",
			Alt: AltWords{
				GanttYear: "Diagramma di Gantt dell'anno %d", GanttSpan: "Diagramma di Gantt dal %d al %d",
				NoPhases: ", senza fasi.", OnePhase: ", una fase.", Phases: ", %d fasi.", Phase: " Fase %d",
				From: ": prevista dal %s", FromTo: ": prevista dal %s al %s", Until: ": prevista fino al %s", NoDates: ": senza date",
				DoneFrom: "; svolta dal %s", DoneTo: " al %s", Ongoing: ", in corso",
				Progress: "; avanzamento %s", AsOf: " Data di riferimento: %s.",
				Chart: "Grafico degli obiettivi per Direzione, secondo l'esito.", NoDirection: "Direzione non indicata",
			},
		},
	}
}

// contentWidth is the width between the margins.
func (t *Theme) contentWidth() float64 { return t.PageWidth - 2*t.Margin }

// bottom is the lowest y that content may reach.
func (t *Theme) bottom() float64 { return t.PageHeight - t.FooterHeight }

// objectives counts n objectives in words: "1 obiettivo", "3 obiettivi".
func (l *Labels) objectives(n int) string {
	if n == 1 {
		return fmt.Sprintf(l.OneObjective, n)
	}
	return fmt.Sprintf(l.ObjectivesCount, n)
}
