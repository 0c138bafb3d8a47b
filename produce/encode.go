package produce

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/pegpdf/pegpdf/model"
)

// FileReport is one input in the --report, the same shape as the web API's.
type FileReport struct {
	Name       string          `json:"name"`
	Status     string          `json:"status"`
	Objectives int             `json:"objectives"`
	Problems   []ProblemReport `json:"problems"`
}

// ProblemReport is one problem of a FileReport.
type ProblemReport struct {
	Sheet    string `json:"sheet"`
	Cell     string `json:"cell"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

// Reports gives the report of each input.
func Reports(inputs []*Input) []FileReport {
	out := make([]FileReport, 0, len(inputs))
	for _, in := range inputs {
		r := FileReport{Name: in.Name, Status: "ok", Problems: []ProblemReport{}}
		if in.Plan != nil {
			r.Objectives = len(in.Plan.Objectives)
		}
		if in.Err != nil {
			r.Problems = append(r.Problems, ProblemReport{Severity: "error", Message: IOMessage(in.Err)})
		}
		for _, p := range in.Problems {
			sev := "error"
			if p.Severity == model.Warning {
				sev = "warning"
			}
			r.Problems = append(r.Problems, ProblemReport{Sheet: p.Sheet, Cell: p.Cell(), Severity: sev, Message: p.Err.Error()})
		}
		errs, warnings := in.Problems.Count()
		switch {
		case in.Err != nil || errs > 0:
			r.Status, r.Objectives = "errori", 0
		case warnings > 0:
			r.Status = "avvisi"
		}
		out = append(out, r)
	}
	return out
}

// WriteReportJSON writes the reports as {"files": [...]}, the JSON of the
// web API's /api/check too.
func WriteReportJSON(w io.Writer, rs []FileReport) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Files []FileReport `json:"files"`
	}{rs})
}

// WriteReportCSV writes the reports for Excel: a byte-order mark, ';', one
// row per problem (or per input without problems).
func WriteReportCSV(w io.Writer, rs []FileReport) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.Write([]string{"File", "Esito", "Obiettivi", "Gravità", "Foglio", "Cella", "Messaggio"})
	for _, r := range rs {
		if len(r.Problems) == 0 {
			cw.Write([]string{r.Name, r.Status, fmt.Sprint(r.Objectives), "", "", "", ""})
		}
		for _, p := range r.Problems {
			sev := map[string]string{"error": "errore", "warning": "avviso"}[p.Severity]
			cw.Write([]string{r.Name, r.Status, fmt.Sprint(r.Objectives), sev, p.Sheet, p.Cell, p.Message})
		}
	}
	cw.Flush()
	return cw.Error()
}

// evaluationHeader is the CSV header of monitoring.md; Peso follows it
// when some objective has a weight (a PIAO-era plan).
var evaluationHeader = []string{"Codice", "Direzione", "Servizio", "Titolo", "Realizzazione %", "Esito", "Tempi", "Indicatori raggiunti", "Indicatori misurabili"}

// objectiveWeight is the Peso column: the objective's weight the Italian
// way (1,20 or 20), X for a prerequisite, empty when not given.
func objectiveWeight(o *model.Objective) string {
	switch {
	case o.Prerequisite:
		return "X"
	case !o.Weight.Set:
		return ""
	case o.Weight.Value == math.Trunc(o.Weight.Value):
		return o.Weight.Decimal(0)
	}
	return o.Weight.Decimal(2)
}

// WriteEvaluationCSV writes the evaluation as monitoring.md says: UTF-8
// with a byte-order mark, ';', decimal comma, one row per objective in the
// report's order.
func WriteEvaluationCSV(w io.Writer, evals []model.Evaluation) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	weights := false
	for _, e := range evals {
		weights = weights || e.Objective.Weight.Set || e.Objective.Prerequisite
	}
	header := evaluationHeader
	if weights {
		header = append(header[:len(header):len(header)], "Peso")
	}
	cw.Write(header)
	for _, e := range evals {
		o := e.Objective
		row := []string{o.Code, o.Direction, o.Service, o.Title, e.Realization.Decimal(1), string(e.Outcome), string(e.Timing),
			strconv.Itoa(e.Met), strconv.Itoa(e.Measurable)}
		if weights {
			row = append(row, objectiveWeight(o))
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}
