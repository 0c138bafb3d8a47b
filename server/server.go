// Package server is pegpdf's web page and HTTP API, for clerks who never
// open a terminal and for other municipal software. It exposes what the
// commands do, nothing more: check workbooks, make the sheets (as a zip),
// the booklet, the monitoring report or its evaluation, give the template.
// Uploads are read in memory and never touch the disk; no name sent by a
// client is ever used as a path.
//
// Its files, by concern: server.go (configuration, routes, the documents),
// api.go (an API call's life: upload, slot, time limit, answer), upload.go
// (the multipart body and its fields), guard.go (Host, Origin, access
// token, security headers), template.go, evaluation.go and problems.go
// (the other downloads), web/ (the page). It composes documents through the shared
// pipeline and never imports the Excel or PDF libraries itself.
package server

import (
	"net/http"
	"runtime"
	"time"

	"github.com/pegpdf/pegpdf/render"
)

// Config are the server's limits and look. The zero value of a limit means
// its default.
type Config struct {
	MaxBytes      int64         // a request's body; 413 beyond (default 20 MB)
	MaxConcurrent int           // conversions at once (default: the cores)
	QueueWait     time.Duration // how long a request waits for a free slot before 503 (default 5 s)
	Timeout       time.Duration // a conversion's time limit, once the upload is read (default 2 min)
	UploadTimeout time.Duration // the whole upload must arrive within it (default 1 min)
	Remote        bool          // listening beyond this machine: the page says so
	Token         string        // if set, every request needs it (header or the login page's cookie)
	Hosts         []string      // names accepted in the Host header besides IP addresses and localhost
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
	if c.UploadTimeout <= 0 {
		c.UploadTimeout = time.Minute
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
	// held bounds the uploads in memory at once, read or being worked on:
	// with MaxBytes each, the server's memory for uploads has a ceiling.
	held chan struct{}
}

// heldUploads is how many uploads may be in memory per conversion slot.
const heldUploads = 8

// New returns the handler of the page and the API.
func New(cfg Config) http.Handler { return newServer(cfg).handler() }

func newServer(cfg Config) *server {
	s := &server{cfg: cfg.withDefaults()}
	s.slots = make(chan struct{}, s.cfg.MaxConcurrent)
	s.held = make(chan struct{}, heldUploads*s.cfg.MaxConcurrent)
	return s
}

func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/", pageHandler())
	mux.HandleFunc("POST /api/check", s.api(s.check))
	mux.HandleFunc("POST /api/sheets", s.api(s.sheets))
	mux.HandleFunc("POST /api/booklet", s.api(s.booklet))
	mux.HandleFunc("POST /api/report", s.api(s.report))
	mux.HandleFunc("POST /api/evaluation", s.api(s.evaluation))
	mux.HandleFunc("POST /api/problems", s.api(s.problems))
	mux.HandleFunc("GET /api/template", s.template)
	mux.HandleFunc("GET /api/info", s.info)
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		fail(w, http.StatusNotFound, "indirizzo sconosciuto: le API sono /api/check, /api/sheets, /api/booklet, /api/report, /api/evaluation e /api/problems con il metodo POST, /api/template e /api/info con GET")
	})
	return secure(s.guard(mux))
}
