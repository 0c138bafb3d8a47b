package server

import (
	"net/http"

	"github.com/pegpdf/pegpdf/produce"
)

// template answers with the blank workbook to fill in, the same file as
// «pegpdf modello» writes.
func (s *server) template(w http.ResponseWriter, r *http.Request) {
	if err := produce.Template(download(w, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")); err != nil {
		fail(w, http.StatusInternalServerError, "il modello non si è potuto preparare: riprovare; se si ripete, avvisare chi gestisce il servizio")
	}
}
