package server

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pegpdf/pegpdf/internal/pdfread"
)

func sample(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "samples", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// broken is the reference sample with an impossible date in Fasi!D2.
func broken(t testing.TB) []byte {
	f, err := excelize.OpenReader(bytes.NewReader(sample(t, "2019_ZN10.xlsx")))
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStr("Fasi", "D2", "31/13/2019")
	var b bytes.Buffer
	f.Write(&b)
	return b.Bytes()
}

type file struct {
	name string
	data []byte
}

func form(t testing.TB, files []file, fields map[string]string) (io.Reader, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for _, f := range files {
		w, err := mw.CreateFormFile("files", f.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(f.data)
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

func post(t testing.TB, h http.Handler, url string, files []file, fields map[string]string) *httptest.ResponseRecorder {
	body, ct := form(t, files, fields)
	r := httptest.NewRequest("POST", "http://127.0.0.1"+url, body)
	r.Header.Set("Content-Type", ct)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

type checkJSON struct {
	Files []struct {
		Name       string
		Objectives int
		Status     string
		Problems   []struct{ Sheet, Cell, Severity, Message string }
	}
}

func decode[T any](t testing.TB, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("not JSON (%d): %.200s", w.Code, w.Body.String())
	}
	return v
}

var fixed = time.Date(2019, 7, 31, 12, 0, 0, 0, time.UTC)

func newTestServer(cfg Config) http.Handler {
	cfg.Now = func() time.Time { return fixed }
	return New(cfg)
}

func TestPage(t *testing.T) {
	h := newTestServer(Config{})
	for _, p := range []string{"/", "/app.js", "/style.css"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1"+p, nil))
		if w.Code != 200 {
			t.Errorf("%s: %d", p, w.Code)
		}
		if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", p, csp)
		}
		if w.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", p)
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1/", nil))
	page := w.Body.String()
	for _, s := range []string{`lang="it"`, `<label for="files">`, `role="status"`, "Controlla e produci",
		`href="api/template"`, `id="duplex"`, `id="with-sheets"`, `id="year"`, `id="theme"`, `id="password"`, `id="mapping"`} {
		if !strings.Contains(page, s) {
			t.Errorf("the page lacks %q", s)
		}
	}
	if strings.Contains(page, "«pegpdf modello»") {
		t.Error("the page sends the clerk to the command line for the template")
	}
	if strings.Contains(page, "<script>") || strings.Contains(page, "http://") || strings.Contains(page, "https://") {
		t.Error("the page has an inline script or an external resource")
	}
	for _, p := range []string{"/nessuna", "/web/app.js", "/server.go"} {
		w = httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1"+p, nil))
		if w.Code != 404 || !strings.Contains(w.Body.String(), "Pagina non trovata") {
			t.Errorf("GET %s: %d %q", p, w.Code, w.Body.String())
		}
	}
	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("POST", "http://127.0.0.1/", nil))
	if w.Code != 405 {
		t.Errorf("POST /: %d", w.Code)
	}
}

func TestCheck(t *testing.T) {
	h := newTestServer(Config{})
	w := post(t, h, "/api/check", []file{{"2019_ZN10.xlsx", sample(t, "2019_ZN10.xlsx")}, {"rotto.xlsx", broken(t)}}, nil)
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("%d %s", w.Code, w.Body.String())
	}
	c := decode[checkJSON](t, w)
	if len(c.Files) != 2 || c.Files[0].Objectives != 1 || c.Files[0].Status != "avvisi" {
		t.Fatalf("%+v", c)
	}
	found := false
	for _, p := range c.Files[1].Problems {
		found = found || p.Sheet == "Fasi" && p.Cell == "D2" && p.Severity == "error" && strings.Contains(p.Message, `"31/13/2019" non è una data`)
	}
	if !found || c.Files[1].Status != "errori" {
		t.Errorf("the broken file: %+v", c.Files[1])
	}
}

func TestSheetsZip(t *testing.T) {
	h := newTestServer(Config{})
	w := post(t, h, "/api/sheets", []file{{"peg.xlsx", sample(t, "peg-2019.xlsx")}}, map[string]string{"pdfa": "true", "as-of": "31/07/2019"})
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/zip" || !strings.Contains(w.Header().Get("Content-Disposition"), "schede.zip") {
		t.Fatalf("%d %v", w.Code, w.Header())
	}
	zr, err := zip.NewReader(bytes.NewReader(w.Body.Bytes()), int64(w.Body.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != 20 || zr.File[0].Name != "2019_ZN1.pdf" && !strings.HasSuffix(zr.File[0].Name, ".pdf") {
		t.Fatalf("%d entries", len(zr.File))
	}
	rc, _ := zr.File[0].Open()
	data, _ := io.ReadAll(rc)
	doc, err := pdfread.Read(data)
	if err != nil || len(doc.Pages) < 2 {
		t.Errorf("entry 1: %v", err)
	}
}

func TestInputErrors422(t *testing.T) {
	h := newTestServer(Config{})
	for _, url := range []string{"/api/sheets", "/api/booklet", "/api/report", "/api/evaluation"} {
		w := post(t, h, url, []file{{"rotto.xlsx", broken(t)}}, nil)
		if w.Code != 422 {
			t.Errorf("%s: %d", url, w.Code)
			continue
		}
		c := decode[checkJSON](t, w)
		if len(c.Files) != 1 || c.Files[0].Status != "errori" {
			t.Errorf("%s: %+v", url, c)
		}
	}
}

func TestBookletAndReport(t *testing.T) {
	h := newTestServer(Config{})
	w := post(t, h, "/api/booklet", []file{{"a.xlsx", sample(t, "2019_ZN10.xlsx")}, {"b.xlsx", sample(t, "peg-2019.xlsx")}},
		map[string]string{"title": "PEG 2019", "subtitle": "Allegato A", "entity": "Comune di Prova"})
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/pdf" || !strings.Contains(w.Header().Get("Content-Disposition"), "libretto.pdf") {
		t.Fatalf("booklet: %d %s", w.Code, w.Body.String()[:min(200, w.Body.Len())])
	}
	doc, err := pdfread.Read(w.Body.Bytes())
	if err != nil || !strings.Contains(doc.Pages[0].Text, "Comune di Prova") || !strings.Contains(doc.Pages[0].Text, "PEG 2019") {
		t.Errorf("booklet cover: %v", err)
	}
	w = post(t, h, "/api/report", []file{{"b.xlsx", sample(t, "peg-2019.xlsx")}}, map[string]string{"as-of": "31/07/2019"})
	if w.Code != 200 || !strings.Contains(w.Header().Get("Content-Disposition"), "rapporto.pdf") {
		t.Fatalf("report: %d", w.Code)
	}
	doc, err = pdfread.Read(w.Body.Bytes())
	if err != nil || !strings.Contains(strings.Join(strings.Fields(doc.Pages[0].Text), " "), "Stato di attuazione degli obiettivi al 31/07/2019") {
		t.Errorf("report title: %v", err)
	}
	// A Codice in two uploads: 422 naming both.
	w = post(t, h, "/api/booklet", []file{{"a.xlsx", sample(t, "2019_ZN10.xlsx")}, {"b.xlsx", sample(t, "2019_ZN10.xlsx")}}, nil)
	if w.Code != 422 || !strings.Contains(w.Body.String(), "già presente in a.xlsx") {
		t.Errorf("duplicate: %d %s", w.Code, w.Body.String())
	}
}

func TestMalformed400(t *testing.T) {
	h := newTestServer(Config{})
	cases := []struct {
		name string
		req  func() *http.Request
	}{
		{"not multipart", func() *http.Request {
			r := httptest.NewRequest("POST", "http://127.0.0.1/api/check", strings.NewReader(`{"files":[]}`))
			r.Header.Set("Content-Type", "application/json")
			return r
		}},
		{"no files", func() *http.Request {
			body, ct := form(t, nil, map[string]string{"pdfa": "true"})
			r := httptest.NewRequest("POST", "http://127.0.0.1/api/sheets", body)
			r.Header.Set("Content-Type", ct)
			return r
		}},
		{"cut multipart", func() *http.Request {
			body, ct := form(t, []file{{"a.xlsx", sample(t, "2019_ZN10.xlsx")}}, nil)
			data, _ := io.ReadAll(body)
			r := httptest.NewRequest("POST", "http://127.0.0.1/api/check", bytes.NewReader(data[:len(data)/2]))
			r.Header.Set("Content-Type", ct)
			return r
		}},
		{"bad pdfa", func() *http.Request {
			body, ct := form(t, []file{{"a.xlsx", sample(t, "2019_ZN10.xlsx")}}, map[string]string{"pdfa": "forse"})
			r := httptest.NewRequest("POST", "http://127.0.0.1/api/booklet", body)
			r.Header.Set("Content-Type", ct)
			return r
		}},
		{"bad as-of", func() *http.Request {
			body, ct := form(t, []file{{"a.xlsx", sample(t, "2019_ZN10.xlsx")}}, map[string]string{"as-of": "31/13/2019"})
			r := httptest.NewRequest("POST", "http://127.0.0.1/api/report", body)
			r.Header.Set("Content-Type", ct)
			return r
		}},
	}
	for _, c := range cases {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, c.req())
		e := decode[struct{ Error string }](t, w)
		if w.Code != 400 || e.Error == "" || strings.Contains(e.Error, "\n") {
			t.Errorf("%s: %d %q", c.name, w.Code, e.Error)
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("POST", "http://127.0.0.1/api/sconosciuta", nil))
	if w.Code != 404 {
		t.Errorf("unknown endpoint: %d", w.Code)
	}
	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1/api/check", nil))
	if w.Code != 405 && w.Code != 404 {
		t.Errorf("GET /api/check: %d", w.Code)
	}
}

func TestTooLarge413(t *testing.T) {
	h := newTestServer(Config{MaxBytes: 1 << 20})
	big := bytes.Repeat([]byte("x"), 2<<20)
	w := post(t, h, "/api/check", []file{{"grande.xlsx", big}}, nil)
	if w.Code != 413 {
		t.Errorf("with Content-Length: %d", w.Code)
	}
	body, ct := form(t, []file{{"grande.xlsx", big}}, nil)
	r := httptest.NewRequest("POST", "http://127.0.0.1/api/check", io.MultiReader(body)) // no length known
	r.ContentLength = -1
	r.Header.Set("Content-Type", ct)
	w = httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != 413 {
		t.Errorf("streamed: %d %s", w.Code, w.Body.String())
	}
}

// TestBusy503: with every slot taken, a request waits QueueWait and gets
// 503 with Retry-After; once a slot is free, 200.
func TestBusy503(t *testing.T) {
	s := newServer(Config{MaxConcurrent: 1, QueueWait: 100 * time.Millisecond, Now: func() time.Time { return fixed }})
	h := s.handler()
	s.slots <- struct{}{} // a conversion in progress
	w := post(t, h, "/api/check", []file{{"a.xlsx", sample(t, "2019_ZN10.xlsx")}}, nil)
	if w.Code != 503 || w.Header().Get("Retry-After") == "" {
		t.Errorf("while busy: %d, Retry-After %q", w.Code, w.Header().Get("Retry-After"))
	}
	<-s.slots
	if w := post(t, h, "/api/check", []file{{"a.xlsx", sample(t, "2019_ZN10.xlsx")}}, nil); w.Code != 200 {
		t.Errorf("after: %d", w.Code)
	}
}

// TestTimeout: a conversion past the time limit is answered 503 at the
// limit, with the limit in words.
func TestTimeout(t *testing.T) {
	h := newTestServer(Config{Timeout: time.Millisecond})
	start := time.Now()
	w := post(t, h, "/api/booklet", []file{{"peg.xlsx", sample(t, "peg-2019.xlsx")}}, nil)
	e := decode[struct{ Error string }](t, w)
	if w.Code != 503 || !strings.Contains(e.Error, "meno di un secondo") || strings.Contains(e.Error, "ms") {
		t.Errorf("timed out request: %d %q", w.Code, e.Error)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("answered after %v", d)
	}
}

// TestNoClientPath: a client's file name is shown by its last element only
// and never used as a path; nothing is written to the temporary folder.
func TestNoClientPath(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	h := newTestServer(Config{})
	w := post(t, h, "/api/check", []file{{"../../../etc/passwd.xlsx", sample(t, "2019_ZN10.xlsx")}, {`C:\Users\x\peg.xlsx`, broken(t)}}, nil)
	c := decode[checkJSON](t, w)
	if c.Files[0].Name != "passwd.xlsx" || c.Files[1].Name != "peg.xlsx" {
		t.Errorf("names: %q %q", c.Files[0].Name, c.Files[1].Name)
	}
	post(t, h, "/api/sheets", []file{{"../x.xlsx", sample(t, "peg-2019.xlsx")}}, nil)
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("files left in the temporary folder: %v", left)
	}
}

// TestLoad: 50 clients at once on loopback, bounded: every request is
// answered correctly or with 503, and the server's memory stays bounded.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("the load test is long")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	srv := httptest.NewServer(newTestServer(Config{MaxConcurrent: 2, QueueWait: 2 * time.Second}))
	defer srv.Close()
	const clients = 50
	data := sample(t, "peg-2019.xlsx")
	var wg sync.WaitGroup
	codes := make(chan int, clients)
	start := time.Now()
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			endpoint := []string{"check", "sheets", "booklet", "report"}[i%4]
			body, ct := form(t, []file{{fmt.Sprintf("peg-%d.xlsx", i), data}}, map[string]string{"as-of": "31/07/2019"})
			resp, err := http.Post(srv.URL+"/api/"+endpoint, ct, body)
			if err != nil {
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			out, _ := io.ReadAll(resp.Body)
			switch {
			case resp.StatusCode == 503:
			case resp.StatusCode != 200:
				t.Errorf("%s: %d %s", endpoint, resp.StatusCode, out)
			case endpoint == "check" && !bytes.HasPrefix(out, []byte("{")),
				endpoint == "sheets" && !bytes.HasPrefix(out, []byte("PK")),
				(endpoint == "booklet" || endpoint == "report") && !bytes.HasPrefix(out, []byte("%PDF-")):
				t.Errorf("%s: a wrong body", endpoint)
			}
			codes <- resp.StatusCode
		}(i)
	}
	wg.Wait()
	close(codes)
	count := map[int]int{}
	for c := range codes {
		count[c]++
	}
	t.Logf("%d clients in %v: %v; peak RSS of the test process %s", clients, time.Since(start).Round(time.Millisecond), count, peakRSS())
	if count[200] == 0 {
		t.Error("no request succeeded")
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("files left in the temporary folder: %v", left)
	}
}

// peakRSS reads the process's peak resident memory (Linux).
func peakRSS() string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			return strings.Join(strings.Fields(strings.TrimPrefix(l, "VmHWM:")), " ")
		}
	}
	return "unknown"
}

// TestPassword: the page's password field opens a protected workbook.
func TestPassword(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(sample(t, "2019_ZN10.xlsx")))
	if err != nil {
		t.Fatal(err)
	}
	var locked bytes.Buffer
	f.Write(&locked, excelize.Options{Password: "segreto"})
	h := newTestServer(Config{})
	w := post(t, h, "/api/check", []file{{"protetto.xlsx", locked.Bytes()}}, map[string]string{"password": "segreto"})
	if c := decode[checkJSON](t, w); len(c.Files) != 1 || c.Files[0].Objectives != 1 {
		t.Errorf("with the password: %+v", c)
	}
	w = post(t, h, "/api/check", []file{{"protetto.xlsx", locked.Bytes()}}, nil)
	if c := decode[checkJSON](t, w); len(c.Files) != 1 || c.Files[0].Status != "errori" {
		t.Errorf("without the password: %+v", c)
	}
}
