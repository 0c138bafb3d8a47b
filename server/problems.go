package server

import (
	"io"
	"net/http"

	"github.com/pegpdf/pegpdf/produce"
)

// problems answers with every problem of every workbook as CSV for Excel,
// "esito.csv", the file of «pegpdf verifica --rapporto esito.csv» (the
// JSON of --rapporto esito.json is /api/check's answer).
func (s *server) problems(w http.ResponseWriter, req *request) error {
	res, err := s.checked(req)
	if err != nil {
		return err
	}
	return download(w, "text/csv; charset=utf-8")("esito.csv", func(w io.Writer) error {
		return produce.WriteReportCSV(w, produce.Reports(res.Inputs))
	})
}
