package server

import (
	"net/http"

	"github.com/pegpdf/pegpdf/batch"
	"github.com/pegpdf/pegpdf/model"
)

// evaluation answers with the monitoring evaluation as CSV, "esiti.csv",
// the file of «pegpdf rapporto --csv».
func (s *server) evaluation(w http.ResponseWriter, req *request) error {
	opt, _, err := s.options(req)
	if err != nil {
		return err
	}
	if opt.AsOf.IsZero() {
		opt.AsOf = model.DateOf(s.cfg.Now())
	}
	objs := batch.Collect(req.inputs)
	if err := inputErrors(req.inputs); err != nil {
		return err
	}
	model.SortForBooklet(objs)
	attachment(w, "text/csv; charset=utf-8", "esiti.csv")
	return batch.WriteEvaluationCSV(w, model.Evaluate(objs, opt.AsOf))
}
