package server

import (
	"net/http"

	"github.com/pegpdf/pegpdf/produce"
)

// evaluation answers with the monitoring evaluation as CSV, "esiti.csv",
// the file of «pegpdf rapporto --csv».
func (s *server) evaluation(w http.ResponseWriter, req *request) error {
	pr, err := s.produceRequest(req)
	if err != nil {
		return err
	}
	return outcome(produce.Evaluation(req.ctx, pr, download(w, "text/csv; charset=utf-8")))
}
