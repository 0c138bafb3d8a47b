// Package peggen generates realistic PEG plans: the shipped samples, the
// large workbooks of the benchmarks, and test data. The same options always
// give the same plan.
package peggen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/pegpdf/pegpdf/model"
)

// Options choose the plan.
type Options struct {
	N          int     // objectives
	Year       int     // the PEG's year
	Seed       uint64  // random seed
	Monitoring float64 // share of objectives with monitoring data at 31/07
	Sample     bool    // add the special cases of samples/peg-2019.xlsx
}

// Plan generates a plan.
func Plan(o Options) *model.Plan {
	if o.Year == 0 {
		o.Year = 2019
	}
	g := &gen{r: rand.New(rand.NewPCG(o.Seed, 2019)), year: o.Year, monitoring: o.Monitoring}
	return g.plan(o.N, o.Sample)
}

type gen struct {
	r          *rand.Rand
	year       int
	monitoring float64
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) day(month, day int) model.Date {
	d, err := model.NewDate(g.year, time.Month(month), day)
	if err != nil {
		return model.Date{Year: g.year, Month: time.Month(month), Day: 28}
	}
	return d
}

func (g *gen) plan(n int, sample bool) *model.Plan {
	p := &model.Plan{}
	counters := map[string]int{}
	for i := 0; i < n; i++ {
		d := directions[i%len(directions)]
		if !sample {
			d = directions[g.r.IntN(len(directions))]
		}
		counters[d.prefix]++
		o := g.objective(d, counters[d.prefix])
		p.Objectives = append(p.Objectives, o)
	}
	if sample {
		g.specialCases(p)
	}
	return p
}

func (g *gen) objective(d direction, k int) *model.Objective {
	svc := d.services[g.r.IntN(len(d.services))]
	topic := g.pick(topics)
	o := &model.Objective{
		Code:           fmt.Sprintf("%d_%s%d", g.year, d.prefix, k),
		Title:          fmt.Sprintf("%s %s %s", g.pick(verbs), topic, g.pick(purposes)),
		Year:           g.year,
		Direction:      d.name,
		Director:       d.director,
		Service:        svc,
		Manager:        g.pick(people),
		Classification: g.pick([]string{"DIREZIONALE", "STRATEGICO", "GESTIONALE"}),
		Type:           g.pick([]string{"MIGLIORAMENTO", "MANTENIMENTO", "SVILUPPO"}),
		StrategicLine:  fmt.Sprintf("%d_IND_STRATEG_%02d %s", g.year, 1+g.r.IntN(9), g.pick(lines)),
		StrategicGoal:  fmt.Sprintf("%d_%02dIS_OB_STR_%02d %s", g.year, 1+g.r.IntN(9), 1+g.r.IntN(6), strings.ToUpper(topic)),
	}
	if k > 1 && g.r.IntN(4) == 0 {
		o.LinkedTo = fmt.Sprintf("Obiettivo %d_%s%d", g.year, d.prefix, 1+g.r.IntN(k-1))
	}
	var desc []string
	for range 1 + g.r.IntN(4) {
		desc = append(desc, g.sentence(topic))
	}
	o.Description = strings.Join(desc, "\n")

	nPhases := 1 + g.r.IntN(6)
	weights := g.weights(nPhases)
	monitored := g.r.Float64() < g.monitoring
	for i := 0; i < nPhases; i++ {
		start := 1 + g.r.IntN(9)
		end := min(12, start+g.r.IntN(6))
		ph := model.Phase{
			Description: fmt.Sprintf("%s %s", g.pick(phaseVerbs), g.pick(phaseObjects)),
			Weight:      model.Some(weights[i]),
			Start:       g.day(start, 1),
			End:         g.day(end, []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[end-1]),
			Owner:       g.pick(people) + " - " + g.pick(roles),
			Centre:      svc,
		}
		if g.r.IntN(5) == 0 {
			ph.Notes = g.pick(notes)
		}
		if monitored {
			g.monitor(&ph)
		}
		o.Phases = append(o.Phases, ph)
	}
	for range 1 + g.r.IntN(3) {
		in := g.indicator()
		if monitored {
			in.Measured = g.measure(in.Target)
		}
		o.Indicators = append(o.Indicators, in)
	}
	return o
}

// weights returns n weights with two decimals adding up to 100.
func (g *gen) weights(n int) []float64 {
	w := make([]float64, n)
	left := 100.0
	for i := 0; i < n-1; i++ {
		share := float64(int(left/float64(n-i)*float64(50+g.r.IntN(100))/100*100)) / 100
		w[i] = share
		left -= share
	}
	w[n-1] = float64(int(left*100+0.5)) / 100
	return w
}

// monitor fills the monitoring columns as they stand at 31/07.
func (g *gen) monitor(ph *model.Phase) {
	asOf := g.day(7, 31)
	if ph.Start.After(asOf) {
		return
	}
	ph.ActualStart = model.DateOf(ph.Start.Time().AddDate(0, 0, g.r.IntN(20)))
	if !ph.End.After(asOf) {
		if g.r.IntN(4) > 0 {
			ph.ActualEnd = model.DateOf(ph.End.Time().AddDate(0, 0, g.r.IntN(30)-15))
			if ph.ActualEnd.Before(ph.ActualStart) {
				ph.ActualEnd = ph.ActualStart
			}
			ph.Progress = model.Some(100)
		} else {
			ph.Progress = model.Some(float64(50 + g.r.IntN(45)))
			ph.ProgressNotes = "In ritardo per la riorganizzazione dell'ufficio."
		}
		return
	}
	total := ph.End.Days() - ph.Start.Days()
	done := asOf.Days() - ph.Start.Days()
	ph.Progress = model.Some(float64(min(100, max(0, done*100/max(1, total)+g.r.IntN(21)-10))))
}

func (g *gen) indicator() model.Indicator {
	switch g.r.IntN(6) {
	case 0:
		return model.Indicator{Description: "Rispetto della scadenza di approvazione", Kind: "EFFICACIA", Target: model.ParseTarget(fmt.Sprintf("entro il 30/06/%d", g.year))}
	case 1:
		return model.Indicator{Description: "Attivazione del servizio online", Kind: "RISULTATO", Target: model.ParseTarget("SI")}
	case 2:
		return model.Indicator{Description: "Tempo medio di risposta alle istanze", Kind: "EFFICIENZA", Target: model.ParseTarget(fmt.Sprintf("<= %d giorni", 10+5*g.r.IntN(6)))}
	case 3:
		return model.Indicator{Description: "Grado di soddisfazione degli utenti", Kind: "QUALITA'", Target: model.ParseTarget(fmt.Sprintf("≥ %d%%", 70+5*g.r.IntN(5)))}
	}
	return model.Indicator{Description: "Numero di " + g.pick(counted), Kind: "RISULTATO", Target: model.ParseTarget(fmt.Sprintf("=> %d", 10*(1+g.r.IntN(30))))}
}

func (g *gen) measure(t model.Target) string {
	switch t.Kind {
	case model.Deadline:
		return model.DateOf(t.Date.Time().AddDate(0, 0, g.r.IntN(40)-25)).String()
	case model.YesNo:
		return g.pick([]string{"SI", "SI", "NO"})
	case model.Number:
		v := t.Value * float64(70+g.r.IntN(50)) / 100
		if t.Value < 100 {
			return model.FormatDecimal(v, 1)
		}
		return fmt.Sprint(int(v))
	}
	return ""
}

func (g *gen) sentence(topic string) string {
	return fmt.Sprintf("%s %s, %s, %s.", g.pick(openers), topic, g.pick(middles), g.pick(endings))
}

// specialCases puts in the shipped sample what a real PEG holds: accents and
// typographic quotes, a long description, eight phases, a phase crossing
// into next year, a phase without dates, an objective without indicators.
func (g *gen) specialCases(p *model.Plan) {
	if len(p.Objectives) < 6 {
		return
	}
	o := p.Objectives[0]
	o.Title = "Qualità dell’accoglienza: “sportello unico” per le famiglie, tempi ≤ 30 giorni e costi in € ridotti"
	o = p.Objectives[1]
	var long []string
	for range 14 {
		long = append(long, g.sentence(g.pick(topics)))
	}
	o.Description = strings.Join(long, " ") + "\n" + strings.Join(long[:6], " ")
	o = p.Objectives[2]
	o.Phases = nil
	w := g.weights(8)
	for i := 0; i < 8; i++ {
		o.Phases = append(o.Phases, model.Phase{
			Description: fmt.Sprintf("%s %s", phaseVerbs[i%len(phaseVerbs)], phaseObjects[i%len(phaseObjects)]),
			Weight:      model.Some(w[i]),
			Start:       g.day(1+i, 1), End: g.day(2+i, 28),
			Owner: people[i%len(people)], Centre: o.Service,
		})
	}
	o = p.Objectives[3]
	o.Phases[len(o.Phases)-1].Start = g.day(10, 1)
	o.Phases[len(o.Phases)-1].End = model.Date{Year: g.year + 1, Month: 3, Day: 31}
	o.Phases[len(o.Phases)-1].Description = "Collaudo e avvio a regime nel primo trimestre dell'anno successivo"
	o = p.Objectives[4]
	o.Phases = append(o.Phases, model.Phase{Description: "Attività di supporto continuativo, senza scadenza definita", Owner: o.Manager})
	o = p.Objectives[5]
	o.Indicators = nil
}
