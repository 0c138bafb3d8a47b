package server

// The documents of the API: each endpoint turns its request into a request
// for package produce, the pipeline the command line shares, and its
// outcome into an answer. Nothing here composes a document itself.

import (
	"errors"
	"io"
	"maps"
	"mime"
	"net/http"
	"slices"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/produce"
	"github.com/pegpdf/pegpdf/workbook"
)

// produceRequest is the pipeline's request of an API request: its
// workbooks, and its fields read by the pipeline's one option parser (the
// names and Italian aliases of the command line's flags; other fields are
// ignored).
func (s *server) produceRequest(req *request) (produce.Request, error) {
	now := s.cfg.Now()
	pr := produce.Request{
		Inputs:  req.sources(),
		Theme:   req.theme, // the uploaded theme file, or the server's
		Created: now,
		Today:   model.DateOf(now),
		Limits:  workbook.Limits{Password: req.fields["password"], Mapping: req.mapping},
		// No reading time of its own: the request's covers it, and a
		// reader is waited for, so that the slot is held until the work
		// really ends.
	}
	names := slices.Sorted(maps.Keys(req.fields)) // the same answer whatever the fields' order
	for _, name := range names {
		err := pr.Options.Set(name, req.fields[name])
		if err != nil && !errors.Is(err, produce.ErrUnknownOption) {
			return pr, &statusError{status: http.StatusBadRequest, msg: err.Error()}
		}
	}
	return pr, nil
}

// outcome turns the pipeline's errors about the inputs into answers.
func outcome(res *produce.Result, err error) error {
	switch {
	case errors.Is(err, produce.ErrInputs):
		return &statusError{status: http.StatusUnprocessableEntity, msg: "i file hanno errori", body: checkResult(res.Inputs)}
	case errors.Is(err, produce.ErrNoObjectives):
		return &statusError{status: http.StatusUnprocessableEntity, msg: "nessun obiettivo nei file: controllare i fogli Obiettivi"}
	}
	return err
}

// check answers with every problem of every workbook.
func (s *server) check(w http.ResponseWriter, req *request) error {
	res, err := s.checked(req)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, checkResult(res.Inputs))
	return nil
}

// checked reads and checks the uploaded workbooks: workbooks with errors
// are a result here, not a failure.
func (s *server) checked(req *request) (*produce.Result, error) {
	pr, err := s.produceRequest(req)
	if err != nil {
		return nil, err
	}
	res, err := produce.Check(req.ctx, pr)
	if err != nil && !errors.Is(err, produce.ErrInputs) {
		return nil, err
	}
	return res, nil
}

func checkResult(inputs []*produce.Input) any {
	return struct {
		Files []produce.FileReport `json:"files"`
	}{produce.Reports(inputs)}
}

func attachment(w http.ResponseWriter, contentType, name string) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
}

// download answers with one document as an attachment.
func download(w http.ResponseWriter, contentType string) produce.Sink {
	return func(name string, write func(io.Writer) error) error {
		attachment(w, contentType, name)
		return write(w)
	}
}

// sheets answers with a zip of one PDF per objective.
func (s *server) sheets(w http.ResponseWriter, req *request) error {
	pr, err := s.produceRequest(req)
	if err != nil {
		return err
	}
	zs := produce.NewZip(pr.Created)
	res, err := produce.Sheets(req.ctx, pr, zs.Sink)
	if err := outcome(res, err); err != nil {
		return err
	}
	return download(w, "application/zip")("schede.zip", func(w io.Writer) error { return zs.Write(w, res.Files) })
}

// booklet answers with the booklet.
func (s *server) booklet(w http.ResponseWriter, req *request) error {
	pr, err := s.produceRequest(req)
	if err != nil {
		return err
	}
	return outcome(produce.Booklet(req.ctx, pr, download(w, "application/pdf")))
}

// report answers with the monitoring report.
func (s *server) report(w http.ResponseWriter, req *request) error {
	pr, err := s.produceRequest(req)
	if err != nil {
		return err
	}
	return outcome(produce.Report(req.ctx, pr, download(w, "application/pdf"), nil))
}
