package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/model"
)

func reportFlag() cli.Flag {
	return &cli.StringFlag{Name: "report", Aliases: []string{"rapporto"},
		Usage: "scrive l'esito di ogni file con tutti i problemi: CSV (per Excel) o JSON se il nome finisce in .json"}
}

// fileReport is one input in the --report, the same shape as the web API's.
type fileReport struct {
	Name       string          `json:"name"`
	Status     string          `json:"status"`
	Objectives int             `json:"objectives"`
	Problems   []problemReport `json:"problems"`
}

type problemReport struct {
	Sheet    string `json:"sheet"`
	Cell     string `json:"cell"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func reports(inputs []*input) []fileReport {
	out := make([]fileReport, 0, len(inputs))
	for _, in := range inputs {
		r := fileReport{Name: in.path, Status: "ok", Problems: []problemReport{}}
		if in.plan != nil {
			r.Objectives = len(in.plan.Objectives)
		}
		if in.err != nil {
			r.Problems = append(r.Problems, problemReport{Severity: "error", Message: ioMessage(in.err)})
		}
		for _, p := range in.problems {
			sev := "error"
			if p.Severity == model.Warning {
				sev = "warning"
			}
			r.Problems = append(r.Problems, problemReport{Sheet: p.Sheet, Cell: p.Cell(), Severity: sev, Message: p.Err.Error()})
		}
		errs, warnings := in.problems.Count()
		switch {
		case in.err != nil || errs > 0:
			r.Status, r.Objectives = "errori", 0
		case warnings > 0:
			r.Status = "avvisi"
		}
		out = append(out, r)
	}
	return out
}

// writeReport writes the --report file, if asked: JSON when the name ends
// in .json, else CSV with a byte-order mark and ';' so that Excel opens it.
func writeReport(path string, inputs []*input) error {
	if path == "" {
		return nil
	}
	rs := reports(inputs)
	err := writeAtomic(path, func(w io.Writer) error {
		if strings.EqualFold(filepath.Ext(path), ".json") {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(struct {
				Files []fileReport `json:"files"`
			}{rs})
		}
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
	})
	if err != nil {
		return fmt.Errorf("%s: scrittura del rapporto non riuscita: %w", path, err)
	}
	return nil
}
