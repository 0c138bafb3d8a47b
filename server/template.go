package server

import (
	"bytes"
	"net/http"

	"github.com/pegpdf/pegpdf/workbook"
)

// template answers with the blank workbook to fill in, the same file as
// «pegpdf modello» writes.
func (s *server) template(w http.ResponseWriter, r *http.Request) {
	var b bytes.Buffer
	if err := workbook.Template(&b); err != nil {
		fail(w, http.StatusInternalServerError, "il modello non si è potuto preparare: riprovare; se si ripete, avvisare chi gestisce il servizio")
		return
	}
	attachment(w, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "peg-modello.xlsx")
	w.Write(b.Bytes())
}
