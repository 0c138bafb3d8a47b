// Package server is pegpdf's web page and HTTP API, for clerks who never
// open a terminal and for other municipal software. It exposes what the
// commands do, nothing more: check workbooks, make the sheets (as a zip),
// the booklet or the monitoring report. Uploads are read in memory and
// never touch the disk; no name sent by a client is ever used as a path.
package server

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/pegpdf/pegpdf/produce"
	"github.com/pegpdf/pegpdf/render"
)

//go:embed web
var web embed.FS

// Config are the server's limits and look. The zero value of a limit means
// its default.
type Config struct {
	MaxBytes      int64         // a request's body; 413 beyond (default 20 MB)
	MaxConcurrent int           // conversions at once (default: the cores)
	QueueWait     time.Duration // how long a request waits for a free slot before 503 (default 5 s)
	Timeout       time.Duration // a request's time limit (default 2 min)
	Theme         render.Theme  // default: render.DefaultTheme()
	Now           func() time.Time
}

func (c Config) withDefaults() Config {
	if c.MaxBytes <= 0 {
		c.MaxBytes = 20 << 20
	}
	if c.MaxConcurrent <= 0 {
		c.MaxConcurrent = runtime.NumCPU()
	}
	if c.QueueWait <= 0 {
		c.QueueWait = 5 * time.Second
	}
	if c.Timeout <= 0 {
		c.Timeout = 2 * time.Minute
	}
	if c.Theme.PageWidth == 0 {
		c.Theme = render.DefaultTheme()
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

type server struct {
	cfg   Config
	slots chan struct{}
}

// New returns the handler of the page and the API.
func New(cfg Config) http.Handler { return newServer(cfg).handler() }

func newServer(cfg Config) *server {
	s := &server{cfg: cfg.withDefaults()}
	s.slots = make(chan struct{}, s.cfg.MaxConcurrent)
	return s
}

func (s *server) handler() http.Handler {
	static, _ := fs.Sub(web, "web")
	mux := http.NewServeMux()
	files := http.FileServerFS(static)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			fail(w, http.StatusMethodNotAllowed, "la pagina si legge con GET")
			return
		}
		files.ServeHTTP(w, r)
	})
	mux.HandleFunc("POST /api/check", s.api(s.check))
	mux.HandleFunc("POST /api/sheets", s.api(s.sheets))
	mux.HandleFunc("POST /api/booklet", s.api(s.booklet))
	mux.HandleFunc("POST /api/report", s.api(s.report))
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		fail(w, http.StatusNotFound, "indirizzo sconosciuto: le API sono /api/check, /api/sheets, /api/booklet e /api/report, con il metodo POST")
	})
	return secure(mux)
}

// secure adds the security headers to every answer.
func secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' blob:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.ServeHTTP(w, r)
	})
}

// apiError is the one-sentence JSON error of the API.
type apiError struct {
	Error string `json:"error"`
}

func fail(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, apiError{msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// request is an API request once read: its workbooks and its fields.
type request struct {
	ctx     context.Context
	sources []produce.Source
	fields  map[string]string
}

// statusError is an answer other than 200.
type statusError struct {
	status int
	msg    string
	body   any // JSON instead of msg, for 422
}

func (e *statusError) Error() string { return e.msg }

// api wraps an endpoint: body limit, a conversion slot, the time limit,
// reading the upload, and turning errors into answers.
func (s *server) api(endpoint func(http.ResponseWriter, *request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > s.cfg.MaxBytes {
			fail(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("la richiesta supera il limite di %d MB", s.cfg.MaxBytes>>20))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBytes)
		wait := time.NewTimer(s.cfg.QueueWait)
		defer wait.Stop()
		select {
		case s.slots <- struct{}{}:
		case <-wait.C:
			w.Header().Set("Retry-After", "10")
			fail(w, http.StatusServiceUnavailable, "il servizio è occupato con altre conversioni: riprovare tra qualche secondo")
			return
		case <-r.Context().Done():
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
		defer cancel()
		done := make(chan struct{})
		var rec bytes.Buffer // the answer, written only once complete
		rw := &recorder{header: http.Header{}, body: &rec, status: http.StatusOK}
		go func() {
			defer close(done)
			defer func() { <-s.slots }() // held until the work really ends
			defer func() {
				if p := recover(); p != nil {
					rw.reset()
					fail(rw, http.StatusInternalServerError, "errore interno durante la conversione")
				}
			}()
			req, err := s.read(ctx, r)
			if err == nil {
				err = endpoint(rw, req)
			}
			var se *statusError
			switch {
			case err == nil:
			case errors.As(err, &se) && se.body != nil:
				rw.reset()
				writeJSON(rw, se.status, se.body)
			case errors.As(err, &se):
				rw.reset()
				fail(rw, se.status, se.msg)
			default:
				rw.reset()
				fail(rw, http.StatusInternalServerError, "errore interno durante la conversione")
			}
		}()
		select {
		case <-done:
			for k, v := range rw.header {
				w.Header()[k] = v
			}
			w.WriteHeader(rw.status)
			w.Write(rec.Bytes())
		case <-ctx.Done():
			if r.Context().Err() == nil {
				fail(w, http.StatusServiceUnavailable, fmt.Sprintf("la conversione ha superato il limite di %s: dividere i file o riprovare", s.cfg.Timeout))
			}
		}
	}
}

// recorder keeps an answer in memory until it is complete.
type recorder struct {
	header http.Header
	body   *bytes.Buffer
	status int
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(p []byte) (int, error) { return r.body.Write(p) }
func (r *recorder) WriteHeader(status int)      { r.status = status }
func (r *recorder) reset() {
	r.body.Reset()
	r.header = http.Header{}
	r.status = http.StatusOK
}

// read reads the multipart upload: the workbooks of field "files", in
// memory, and the other fields.
func (s *server) read(ctx context.Context, r *http.Request) (*request, error) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return nil, &statusError{status: http.StatusBadRequest, msg: "la richiesta deve essere multipart/form-data con i file nel campo «files»"}
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, &statusError{status: http.StatusBadRequest, msg: "la richiesta multipart non è leggibile"}
	}
	req := &request{ctx: ctx, fields: map[string]string{}}
	type upload struct {
		name string
		data []byte
	}
	var uploads []upload
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, bodyError(err)
		}
		data, err := io.ReadAll(part)
		part.Close()
		if err != nil {
			return nil, bodyError(err)
		}
		switch part.FormName() {
		case "files":
			uploads = append(uploads, upload{displayName(part.FileName(), len(uploads)), data})
		default:
			if len(data) > 4096 {
				return nil, &statusError{status: http.StatusBadRequest, msg: fmt.Sprintf("il campo %q è troppo lungo", part.FormName())}
			}
			req.fields[part.FormName()] = strings.TrimSpace(string(data))
		}
	}
	if len(uploads) == 0 {
		return nil, &statusError{status: http.StatusBadRequest, msg: "nessun file: inviare uno o più file .xlsx nel campo «files»"}
	}
	for _, u := range uploads {
		req.sources = append(req.sources, produce.Source{Name: u.name,
			Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(u.data)), nil }})
	}
	return req, nil
}

func bodyError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return &statusError{status: http.StatusRequestEntityTooLarge, msg: fmt.Sprintf("la richiesta supera il limite di %d MB", mbe.Limit>>20)}
	}
	return &statusError{status: http.StatusBadRequest, msg: "la richiesta multipart è interrotta o malformata"}
}

// displayName is the uploaded file's name as shown in messages: its last
// element only, never a path; "file-N.xlsx" when there is none.
func displayName(name string, i int) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7F {
			return -1
		}
		return r
	}, name)
	if name == "" || name == "." || name == "/" || name == ".." {
		name = "file-" + strconv.Itoa(i+1) + ".xlsx"
	}
	if len(name) > 200 {
		name = name[:200]
	}
	return name
}
