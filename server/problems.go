package server

import (
	"net/http"

	"github.com/pegpdf/pegpdf/batch"
)

// problems answers with every problem of every workbook as CSV for Excel,
// "esito.csv", the file of «pegpdf verifica --rapporto esito.csv» (the
// JSON of --rapporto esito.json is /api/check's answer).
func (s *server) problems(w http.ResponseWriter, req *request) error {
	batch.Collect(req.inputs)
	attachment(w, "text/csv; charset=utf-8", "esito.csv")
	return batch.WriteReportCSV(w, batch.Reports(req.inputs))
}
