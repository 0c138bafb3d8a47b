package model

// Field names a column of the workbook contract; the reader uses them to
// tell a Problem where a value came from.
type Field string

// Loc is where a row came from: its sheet, its row number and, per field,
// its column (shared by every row of the sheet).
type Loc struct {
	Sheet string
	Row   int
	Cols  map[Field]int
}

// At returns a Problem at field f of this row (the whole row if the field
// has no column).
func (l Loc) At(sev Severity, f Field, err error) Problem {
	return Problem{Severity: sev, Sheet: l.Sheet, Row: l.Row, Col: l.Cols[f], Err: err}
}

// The fields of the workbook contract (workbook.md), one per column.
const (
	// Obiettivi.
	FieldCode           Field = "codice"
	FieldTitle          Field = "titolo"
	FieldYear           Field = "anno"
	FieldDirection      Field = "direzione"
	FieldDirector       Field = "direttore"
	FieldService        Field = "servizio"
	FieldManager        Field = "dirigente"
	FieldClassification Field = "classificazione"
	FieldType           Field = "tipologia"
	FieldLinkedTo       Field = "collegato_a"
	FieldStrategicLine  Field = "indirizzo_dup"
	FieldStrategicGoal  Field = "obiettivo_dup"
	FieldDescription    Field = "descrizione"

	// Fasi and Indicatori.
	FieldObjCode       Field = "codice_obiettivo"
	FieldWeight        Field = "peso"
	FieldStart         Field = "inizio_previsto"
	FieldEnd           Field = "fine_prevista"
	FieldOwner         Field = "responsabile"
	FieldCentre        Field = "centro"
	FieldNotes         Field = "note"
	FieldActualStart   Field = "inizio_effettivo"
	FieldActualEnd     Field = "fine_effettiva"
	FieldProgress      Field = "avanzamento"
	FieldProgressNotes Field = "note_avanzamento"
	FieldKind          Field = "tipo"
	FieldTarget        Field = "valore_atteso"
	FieldMeasured      Field = "valore_rilevato"
	FieldComment       Field = "commento"

	// Optional fields of real PEG and PIAO sheets (Peso is FieldWeight on
	// every sheet: the objective's, the phase's, the indicator's).
	FieldMission            Field = "missione"
	FieldProgramme          Field = "programma"
	FieldMandateLine        Field = "linea_mandato"
	FieldCouncillor         Field = "assessore"
	FieldStakeholders       Field = "stakeholder"
	FieldContributors       Field = "strutture_coinvolte"
	FieldPublicValue        Field = "valore_pubblico"
	FieldDeadline           Field = "scadenza"
	FieldHumanResources     Field = "risorse_umane"
	FieldFinancialResources Field = "risorse_finanziarie"
	FieldUnit               Field = "unita_misura"
	FieldFormula            Field = "formula"
	FieldSource             Field = "fonte"
	FieldBaseline           Field = "baseline"
	FieldBaselineYear       Field = "anno_baseline"
	FieldTargetNext1        Field = "valore_atteso_n1"
	FieldTargetNext2        Field = "valore_atteso_n2"
)

// Plan is every objective read from one or more workbooks.
type Plan struct {
	Objectives []*Objective
}

// Objective is one row of sheet Obiettivi with its phases and indicators.
type Objective struct {
	Code           string
	Title          string
	Year           int // 0 when the workbook leaves it to be derived
	Direction      string
	Director       string
	Service        string
	Manager        string
	Classification string
	Type           string
	LinkedTo       string
	StrategicLine  string // Indirizzo strategico DUP
	StrategicGoal  string // Obiettivo strategico DUP
	Description    string

	// Optional (PEG budget link, PIAO); each is shown only when filled.
	Weight             Num  // Pesatura 1,0–1,4 or Peso 20
	Prerequisite       bool // an "X" in the weight column: a prerequisite, not weighed
	Mission            string
	Programme          string
	MandateLine        string // Linea di mandato
	Councillor         string // Assessore di riferimento
	Stakeholders       string // Stakeholder / Destinatari
	Contributors       string // Strutture coinvolte
	PublicValue        string // Obiettivo di Valore Pubblico
	Deadline           Date   // Scadenza
	HumanResources     string
	FinancialResources string

	Phases     []Phase
	Indicators []Indicator

	Loc Loc
}

// Phase is one row of sheet Fasi.
type Phase struct {
	Description string
	Weight      Num
	Start, End  Date
	Owner       string // Responsabile
	Centre      string // Centro di responsabilità
	Notes       string

	// Monitoring.
	ActualStart, ActualEnd Date
	Progress               Num
	ProgressNotes          string

	Loc Loc
}

// Indicator is one row of sheet Indicatori.
type Indicator struct {
	Description string
	Kind        string // Tipo
	Target      Target // Valore atteso
	Measured    string // Valore rilevato, as written
	Comment     string

	// Optional (PIAO); each is shown only when filled.
	Unit         string    // Unità di misura
	Formula      string    // Formula / Metodo di calcolo
	Source       string    // Fonte del dato
	Baseline     string    // the starting value, as written
	BaselineYear int       // 0 when not given
	NextTargets  [2]Target // the targets of the following two years
	Weight       Num

	Loc Loc
}

// HasDates reports whether the phase has both planned dates.
func (p Phase) HasDates() bool { return !p.Start.IsZero() && !p.End.IsZero() }

// IsMilestone reports whether the phase is a deadline only: a Fine
// prevista and no Inizio previsto ("entro il 30/09/2016").
func (p Phase) IsMilestone() bool { return p.Start.IsZero() && !p.End.IsZero() }

// HasMonitoring reports whether any monitoring column is filled.
func (p Phase) HasMonitoring() bool {
	return !p.ActualStart.IsZero() || !p.ActualEnd.IsZero() || p.Progress.Set || p.ProgressNotes != ""
}

// EffectiveYear is the objective's year: Anno, else the year of the earliest
// phase start, else the first four digits of Codice, else 0.
func (o *Objective) EffectiveYear() int {
	if o.Year != 0 {
		return o.Year
	}
	first := Date{}
	for _, p := range o.Phases {
		if !p.Start.IsZero() && (first.IsZero() || p.Start.Before(first)) {
			first = p.Start
		}
	}
	if !first.IsZero() {
		return first.Year
	}
	return o.codeYear()
}

// codeYear is the year the Codice begins with (2019_ZN10), 0 for none.
func (o *Objective) codeYear() int {
	if len(o.Code) < 4 {
		return 0
	}
	y := 0
	for _, c := range o.Code[:4] {
		if c < '0' || c > '9' {
			return 0
		}
		y = y*10 + int(c-'0')
	}
	return y
}

// HasMonitoring reports whether any phase or indicator carries monitoring data.
func (o *Objective) HasMonitoring() bool {
	for _, p := range o.Phases {
		if p.HasMonitoring() {
			return true
		}
	}
	for _, in := range o.Indicators {
		if in.Measured != "" || in.Comment != "" {
			return true
		}
	}
	return false
}
