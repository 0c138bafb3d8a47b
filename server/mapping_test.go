package server

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/produce"
	"github.com/pegpdf/pegpdf/render"
	"github.com/pegpdf/pegpdf/workbook"
)

// officeMapping describes officeBook's layout.
const officeMapping = "[fogli]\nobiettivi = \"Elenco\"\n\n[colonne.obiettivi]\n\"Direzione\" = \"Struttura\"\n"

// officeBook is the reference sample in an office's own layout: its
// Obiettivi sheet is called Elenco, its Direzione column Struttura.
func officeBook(t testing.TB) []byte {
	f, err := excelize.OpenReader(bytes.NewReader(sample(t, "2019_ZN10.xlsx")))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetName("Obiettivi", "Elenco"); err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Elenco")
	renamed := false
	for i, h := range rows[0] {
		if h == "Direzione" {
			cell, _ := excelize.CoordinatesToCellName(i+1, 1)
			f.SetCellStr("Elenco", cell, "Struttura")
			renamed = true
		}
	}
	if !renamed {
		t.Fatal("no Direzione column in the sample")
	}
	var b bytes.Buffer
	f.Write(&b)
	return b.Bytes()
}

// postMapping sends workbooks, fields and a mapping file (in the field
// "mapping", unless name is given) as the page does.
func postMapping(t testing.TB, url string, files []file, fields map[string]string, field, mappingName, mapping string) *httptest.ResponseRecorder {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for _, f := range files {
		w, _ := mw.CreateFormFile("files", f.name)
		w.Write(f.data)
	}
	if field != "" {
		w, _ := mw.CreateFormFile(field, mappingName)
		io.WriteString(w, mapping)
	}
	mw.Close()
	r := httptest.NewRequest("POST", "http://127.0.0.1"+url, &b)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	w := httptest.NewRecorder()
	newTestServer(Config{}).ServeHTTP(w, r)
	return w
}

// TestMappingUpload: the page and the API take a mapping file, as the
// command line's --mappa; a workbook in the office's own layout is read
// with it, and gives the same objectives and the same bytes as the
// pipeline's request with the same mapping (what the command line asks
// for), and as the sample in the contract's layout.
func TestMappingUpload(t *testing.T) {
	office := []file{{"peg-ufficio.xlsx", officeBook(t)}}
	// Without the mapping the office's workbook has errors.
	w := postMapping(t, "/api/check", office, nil, "", "", "")
	if c := decode[checkJSON](t, w); w.Code != 200 || c.Files[0].Status != "errori" {
		t.Fatalf("without the mapping: %d %s", w.Code, w.Body.String())
	}
	// With it, in the field or its Italian alias: one objective, no error.
	for _, field := range []string{"mapping", "mappa"} {
		w = postMapping(t, "/api/check", office, nil, field, "mappa.toml", officeMapping)
		c := decode[checkJSON](t, w)
		if w.Code != 200 || c.Files[0].Objectives != 1 {
			t.Fatalf("%s: %d %s", field, w.Code, w.Body.String())
		}
		for _, p := range c.Files[0].Problems {
			if p.Severity == "error" {
				t.Errorf("%s: %+v", field, p)
			}
		}
	}
	// The booklet: the same bytes as the pipeline's own request.
	fields := map[string]string{"title": "PEG 2019", "entity": "Comune di Prova"}
	w = postMapping(t, "/api/booklet", office, fields, "mapping", "mappa.toml", officeMapping)
	if w.Code != 200 {
		t.Fatalf("booklet: %d %s", w.Code, w.Body.String())
	}
	m, err := workbook.ParseMapping(strings.NewReader(officeMapping))
	if err != nil {
		t.Fatal(err)
	}
	th := render.DefaultTheme()
	data := office[0].data
	req := produce.Request{
		Inputs: []produce.Source{{Name: "peg-ufficio.xlsx", Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }}},
		Theme:  &th, Created: fixed, Today: model.DateOf(fixed),
		Limits: workbook.Limits{Mapping: m},
	}
	for k, v := range fields {
		if err := req.Options.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	var want bytes.Buffer
	if _, err := produce.Booklet(context.Background(), req, func(_ string, write func(io.Writer) error) error { return write(&want) }); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(w.Body.Bytes(), want.Bytes()) {
		t.Errorf("the page's booklet (%d bytes) is not the pipeline's (%d bytes)", w.Body.Len(), want.Len())
	}
	contract := postMapping(t, "/api/booklet", []file{{"peg-ufficio.xlsx", sample(t, "2019_ZN10.xlsx")}}, fields, "", "", "")
	if !bytes.Equal(w.Body.Bytes(), contract.Body.Bytes()) {
		t.Errorf("the office's layout with its mapping gives a booklet (%d bytes) unlike the contract's (%d bytes)", w.Body.Len(), contract.Body.Len())
	}
}

// TestMappingErrors: a mapping file that cannot be used is a 400 on the
// mapping field, each mistake named with the file and the key, in one
// line; one too big is refused before it is read.
func TestMappingErrors(t *testing.T) {
	office := []file{{"peg-ufficio.xlsx", officeBook(t)}}
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"mappa-ufficio.toml", "colore = \"rosso\"\n[colonne.obiettivi]\n\"Titol\" = \"X\"\n",
			[]string{"«Mappa delle colonne»: mappa-ufficio.toml: ", "chiave sconosciuta «colore»", "mappa-ufficio.toml: file di mappatura non valido: [colonne.obiettivi] \"Titol\" non è una colonna"}},
		{"", "[fogli\n", []string{"«Mappa delle colonne»: mappa.toml: file di mappatura non valido: riga "}},
		{"grande.toml", "# " + strings.Repeat("x", 1<<20) + "\n", []string{"grande.toml supera 1 MB"}},
	} {
		w := postMapping(t, "/api/sheets", office, nil, "mapping", c.name, c.text)
		e := decode[struct{ Error, Field string }](t, w)
		if w.Code != 400 || e.Field != "mapping" || strings.Contains(e.Error, "\n") {
			t.Errorf("%s: %d %+v", c.name, w.Code, e)
		}
		for _, s := range c.want {
			if !strings.Contains(e.Error, s) {
				t.Errorf("%s: %q lacks %q", c.name, e.Error, s)
			}
		}
	}
}
