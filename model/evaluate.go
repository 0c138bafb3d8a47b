package model

// Evaluation is an objective judged at the report's reference date.
type Evaluation struct {
	Objective *Objective
	ObjectiveResult
}

// Evaluate judges every objective at asOf, in the order given.
func Evaluate(objs []*Objective, asOf Date) []Evaluation {
	out := make([]Evaluation, len(objs))
	for i, o := range objs {
		out[i] = Evaluation{o, o.Judge(asOf)}
	}
	return out
}

// Tally counts a group of evaluations: the whole municipality, or one
// Direzione.
type Tally struct {
	Objectives int
	Outcome    map[Outcome]int // Esito: IN LINEA, PARZIALE, NON IN LINEA, NON MISURABILE
	Timing     map[Outcome]int // Tempi: NEI TEMPI, IN RITARDO, NON MISURABILE
	Met        int             // indicators RAGGIUNTO
	Measurable int             // indicators measurable
	realSum    float64
	realN      int
}

// TallyOf counts evals.
func TallyOf(evals []Evaluation) Tally {
	t := Tally{Outcome: map[Outcome]int{}, Timing: map[Outcome]int{}}
	for _, e := range evals {
		t.Objectives++
		t.Outcome[e.Outcome]++
		t.Timing[e.Timing]++
		t.Met += e.Met
		t.Measurable += e.Measurable
		if e.Realization.Set {
			t.realSum += e.Realization.Value
			t.realN++
		}
	}
	return t
}

// Share is n as a percentage of the objectives, one decimal.
func (t Tally) Share(n int) float64 {
	if t.Objectives == 0 {
		return 0
	}
	return round1(100 * float64(n) / float64(t.Objectives))
}

// MeanRealization is the plain mean of the objectives' Realizzazione %
// (objectives without phases left out), one decimal; unset when none has one.
func (t Tally) MeanRealization() Num {
	if t.realN == 0 {
		return Num{}
	}
	return Some(round1(t.realSum / float64(t.realN)))
}

// OutcomeOrder (Esito) and TimingOrder (Tempi) are the order outcomes are
// reported in.
var (
	OutcomeOrder = []Outcome{OnTrack, Partial, OffTrack, Unmeasurable}
	TimingOrder  = []Outcome{OnTime, Late, Unmeasurable}
)
