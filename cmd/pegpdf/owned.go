package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/produce"
)

// Telling pegpdf's own files from a person's (the rule is at the top of
// overwrite.go): which kind of output a file is, and the CSV and JSON lists
// pegpdf writes, row by row. The PDFs are told in ownpdf.go.

// pegpdfHeaders begin the CSV and JSON files pegpdf writes.
var pegpdfHeaders = []string{
	"\ufeffFile;Esito;Obiettivi;Gravità;Foglio;Cella;Messaggio\n",
	"\ufeffCodice;Direzione;Servizio;Titolo;Realizzazione %;Esito;Tempi;Indicatori raggiunti;Indicatori misurabili;Peso\n",
	"\ufeffCodice;Direzione;Servizio;Titolo;Realizzazione %;Esito;Tempi;Indicatori raggiunti;Indicatori misurabili\n", // before Peso
	jsonHeader,
}

// jsonHeader begins the JSON problem list.
const jsonHeader = "{\n  \"files\": ["

// headLen is how much of a file is read to tell it by its first line.
const headLen = 256

// maxPDFCheck bounds the PDF read to recognise pegpdf's own: a larger file
// is never replaced without --sovrascrivi.
const maxPDFCheck = 1 << 30

// maxListCheck bounds the CSV or JSON read to recognise pegpdf's own
// (the lists of a PEG of thousands of objectives are a few MB): a larger
// file is not pegpdf's.
const maxListCheck = 64 << 20

// producedByPegpdf tells which kind of file pegpdf wrote at path, and nobody
// changed since (see the top of this file): pdfFile, tableFile, or anyFile
// for a file pegpdf did not write.
func producedByPegpdf(path string) (outputKind, error) {
	return judgeFile(path, "")
}

// judgeFile is producedByPegpdf; when sheet is a sheet's file name
// (2019_ZN3.pdf), a PDF counts as pegpdf's only if it is the sheet of the
// Codice that has that name.
func judgeFile(path, sheet string) (outputKind, error) {
	// Not through a link, nor waiting on a pipe put there since the check.
	f, err := os.OpenFile(path, os.O_RDONLY|openNoWait, 0)
	if err != nil {
		return anyFile, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return anyFile, err
	}
	head := make([]byte, headLen)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	limit := int64(maxListCheck)
	switch {
	case listHeader(head):
	case bytes.HasPrefix(head, []byte("%PDF-")):
		limit = maxPDFCheck
	default:
		return anyFile, nil
	}
	// All of it as it is now, not as long as it was: an update appended
	// since the Stat is part of what is judged.
	data, err := io.ReadAll(io.NewSectionReader(f, 0, limit+1))
	switch {
	case err != nil || int64(len(data)) > limit:
		return anyFile, err
	case limit == maxListCheck && isPegpdfList(data):
		return tableFile, nil
	case limit == maxPDFCheck && isPegpdfPDF(data) && (sheet == "" || isSheetOf(data, sheet)):
		return pdfFile, nil
	}
	return anyFile, nil
}

// listHeader reports whether head begins with the first line of a list
// pegpdf writes (what a folder's listing needs: it does not replace it).
func listHeader(head []byte) bool {
	for _, h := range pegpdfHeaders {
		if bytes.HasPrefix(head, []byte(h)) {
			return true
		}
	}
	return false
}

// isPegpdfList reports whether data is, byte for byte, a problem list or
// an evaluation as pegpdf writes them: a CSV whose every row has the
// header's fields, the values pegpdf writes in the columns that have a few
// (Esito, Tempi, Gravità, the counts), and written back the same; or a
// JSON problem list with nothing pegpdf does not write. A line added, a
// column, a word in Esito, a re-saving by Excel (CRLF, quotes): not ours.
func isPegpdfList(data []byte) bool {
	if bytes.HasPrefix(data, []byte(jsonHeader)) {
		return isPegpdfJSON(data)
	}
	body, ok := bytes.CutPrefix(data, []byte("\ufeff"))
	if !ok {
		return false
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.Comma = ';'
	r.ReuseRecord = true
	check := &sameWriter{want: body}
	w := csv.NewWriter(check)
	w.Comma = ';'
	var valid func([]string) bool
	for first := true; ; first = false {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil { // a row with another number of fields, a stray quote
			return false
		}
		if first {
			header := strings.Join(rec, ";")
			if valid = listRows[header]; valid == nil {
				return false
			}
		} else if !valid(rec) {
			return false
		}
		if w.Write(rec) != nil {
			return false
		}
	}
	w.Flush()
	return w.Error() == nil && check.same()
}

// listRows check a row of each CSV pegpdf writes, by its header.
var listRows = map[string]func([]string) bool{
	"File;Esito;Obiettivi;Gravità;Foglio;Cella;Messaggio":                                                          problemRow,
	"Codice;Direzione;Servizio;Titolo;Realizzazione %;Esito;Tempi;Indicatori raggiunti;Indicatori misurabili;Peso": evaluationRow,
	"Codice;Direzione;Servizio;Titolo;Realizzazione %;Esito;Tempi;Indicatori raggiunti;Indicatori misurabili":      evaluationRow,
}

// problemRow checks a row of WriteReportCSV: a file without problems is
// «ok» on a row of its own, with nothing after the count; a problem has a
// severity and a message, an error only in a file «errori» of 0 objectives.
func problemRow(rec []string) bool {
	switch status, n, sev := rec[1], rec[2], rec[3]; {
	case !count(n):
		return false
	case sev == "":
		return status == "ok" && rec[4] == "" && rec[5] == "" && rec[6] == ""
	case sev == "errore":
		return status == "errori" && n == "0" && rec[6] != ""
	case sev == "avviso":
		return oneOf(status, "avvisi", "errori") && rec[6] != ""
	}
	return false
}

// evaluationRow checks a row of WriteEvaluationCSV.
func evaluationRow(rec []string) bool {
	esito, tempi := slices.Contains(model.OutcomeOrder, model.Outcome(rec[5])), slices.Contains(model.TimingOrder, model.Outcome(rec[6]))
	return esito && tempi && count(rec[7]) && count(rec[8])
}

func oneOf(s string, values ...string) bool { return slices.Contains(values, s) }

// count reports whether s is a count as pegpdf writes it: 0, 1, 12.
func count(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= 0 && strconv.Itoa(n) == s
}

// isPegpdfJSON reports whether data is a JSON problem list as pegpdf
// writes it: no field it does not write, nothing after, the statuses and
// severities it writes, and written back the same.
func isPegpdfJSON(data []byte) bool {
	var list struct {
		Files []produce.FileReport `json:"files"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if dec.Decode(&list) != nil {
		return false
	}
	if _, err := dec.Token(); err != io.EOF {
		return false
	}
	for _, f := range list.Files {
		if !oneOf(f.Status, "ok", "avvisi", "errori") || f.Objectives < 0 {
			return false
		}
		for _, p := range f.Problems {
			if !oneOf(p.Severity, "error", "warning") {
				return false
			}
		}
	}
	check := &sameWriter{want: data}
	return produce.WriteReportJSON(check, list.Files) == nil && check.same()
}

// sameWriter compares what is written to it with want.
type sameWriter struct {
	want []byte
	off  int
	diff bool
}

func (w *sameWriter) Write(p []byte) (int, error) {
	if !w.diff && bytes.HasPrefix(w.want[w.off:], p) {
		w.off += len(p)
	} else {
		w.diff = true
	}
	return len(p), nil
}

// same reports whether all of want, and nothing else, was written.
func (w *sameWriter) same() bool { return !w.diff && w.off == len(w.want) }
