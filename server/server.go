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
	"archive/zip"
	"mime"
	"net/http"
	"runtime"
	"sync"
	"time"

	"github.com/pegpdf/pegpdf/batch"
	"github.com/pegpdf/pegpdf/model"
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
}

// New returns the handler of the page and the API.
func New(cfg Config) http.Handler { return newServer(cfg).handler() }

func newServer(cfg Config) *server {
	s := &server{cfg: cfg.withDefaults()}
	s.slots = make(chan struct{}, s.cfg.MaxConcurrent)
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

// check answers with every problem of every workbook.
func (s *server) check(w http.ResponseWriter, req *request) error {
	batch.Collect(req.inputs)
	writeJSON(w, http.StatusOK, checkResult(req.inputs))
	return nil
}

func checkResult(inputs []*batch.Input) any {
	return struct {
		Files []batch.FileReport `json:"files"`
	}{batch.Reports(inputs)}
}

// inputErrors is the 422 of a request whose workbooks have errors.
func inputErrors(inputs []*batch.Input) error {
	if batch.CountFailed(inputs) == 0 {
		return nil
	}
	return &statusError{status: http.StatusUnprocessableEntity, msg: "i file hanno errori", body: checkResult(inputs)}
}

// options reads the fields named like the command line's flags.
func (s *server) options(req *request) (render.Options, render.Meta, error) {
	var opt render.Options
	var err error
	if opt.PDFA, err = boolField(req.fields, "pdfa"); err != nil {
		return opt, render.Meta{}, err
	}
	if v := req.fields["as-of"]; v != "" {
		if opt.AsOf, err = model.ParseDate(v); err != nil {
			return opt, render.Meta{}, fieldError("as-of", "%q non è una data: scriverla come gg/mm/aaaa, ad esempio 31/07/2019", v)
		}
	}
	entity := req.fields["entity"]
	if entity == "" {
		entity = req.theme.Entity
	}
	return opt, render.Meta{Author: entity, Created: s.cfg.Now()}, nil
}

func attachment(w http.ResponseWriter, contentType, name string) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
}

// sheets answers with a zip of one PDF per objective.
func (s *server) sheets(w http.ResponseWriter, req *request) error {
	opt, meta, err := s.options(req)
	if err != nil {
		return err
	}
	objs, names := batch.SheetFiles(req.inputs)
	if err := inputErrors(req.inputs); err != nil {
		return err
	}
	pdfs := make([][]byte, len(objs))
	var mu sync.Mutex
	err = batch.RenderSheets(req.ctx, req.theme, objs, opt, meta, runtime.NumCPU(), func(i int, pdf []byte) error {
		mu.Lock()
		pdfs[i] = pdf
		mu.Unlock()
		return nil
	})
	if err != nil {
		return err
	}
	attachment(w, "application/zip", "schede.zip")
	zw := zip.NewWriter(w)
	for i, pdf := range pdfs {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: names[i], Method: zip.Store, Modified: meta.Created})
		if err != nil {
			return err
		}
		f.Write(pdf)
	}
	return zw.Close()
}

// booklet answers with the booklet.
func (s *server) booklet(w http.ResponseWriter, req *request) error {
	opt, meta, err := s.options(req)
	if err != nil {
		return err
	}
	objs := batch.Collect(req.inputs)
	if err := inputErrors(req.inputs); err != nil {
		return err
	}
	model.SortForBooklet(objs)
	info := render.BookletInfo{Entity: meta.Author, Title: req.fields["title"], Subtitle: req.subtitle(), Year: req.year(objs), Duplex: req.flag("duplex")}
	attachment(w, "application/pdf", "libretto.pdf")
	return render.Booklet(w, req.theme, objs, info, opt, meta)
}

// report answers with the monitoring report.
func (s *server) report(w http.ResponseWriter, req *request) error {
	opt, meta, err := s.options(req)
	if err != nil {
		return err
	}
	if opt.AsOf.IsZero() {
		opt.AsOf = model.DateOf(s.cfg.Now())
	}
	objs := batch.Collect(req.inputs)
	if err := inputErrors(req.inputs); err != nil {
		return err
	}
	model.SortForBooklet(objs)
	info := render.ReportInfo{Entity: meta.Author, Title: req.fields["title"], Subtitle: req.subtitle(),
		Year: batch.CommonYear(objs), WithSheets: req.flag("with-sheets")}
	attachment(w, "application/pdf", "rapporto.pdf")
	return render.Report(w, req.theme, model.Evaluate(objs, opt.AsOf), info, opt, meta)
}
