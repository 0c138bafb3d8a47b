package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/pegpdf/pegpdf/batch"
	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/render"
	"github.com/pegpdf/pegpdf/workbook"
)

// request is an API request once its body is read: its workbooks (read
// later, under a slot), its fields and its theme.
type request struct {
	ctx     context.Context
	uploads []upload
	inputs  []*batch.Input
	fields  map[string]string
	theme   *render.Theme // the uploaded theme file, or the server's
}

type upload struct {
	name string
	data []byte
}

// labels are the page's visible labels of the form fields, to name a field
// in a message as the clerk sees it.
var labels = map[string]string{
	"as-of":       "Data di riferimento del monitoraggio",
	"pdfa":        "PDF/A-2b",
	"with-sheets": "Con le schede",
	"duplex":      "Fronte/retro",
	"year":        "Anno in copertina",
	"theme":       "Tema dell'ente",
	"files":       "File Excel",
}

func fieldError(field, format string, a ...any) error {
	return &statusError{status: http.StatusBadRequest, field: field,
		msg: fmt.Sprintf("«%s»: %s", labels[field], fmt.Sprintf(format, a...))}
}

// receive reads the whole multipart body, bounded by MaxBytes and by the
// upload deadline, then checks the fields. It runs in the handler: no
// goroutine ever reads the body.
func (s *server) receive(w http.ResponseWriter, r *http.Request) (*request, error) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" {
		return nil, &statusError{status: http.StatusBadRequest, msg: "la richiesta deve essere multipart/form-data con i file nel campo «files»"}
	}
	// ErrNotSupported (a test's recorder) leaves the server's ReadTimeout.
	http.NewResponseController(w).SetReadDeadline(time.Now().Add(s.cfg.UploadTimeout))
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBytes)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, &statusError{status: http.StatusBadRequest, msg: "la richiesta multipart non è leggibile"}
	}
	req := &request{fields: map[string]string{}, theme: &s.cfg.Theme}
	var themeFile *upload
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, s.bodyError(err)
		}
		data, err := io.ReadAll(part)
		part.Close()
		if err != nil {
			return nil, s.bodyError(err)
		}
		switch part.FormName() {
		case "files":
			req.uploads = append(req.uploads, upload{displayName(part.FileName(), len(req.uploads)), data})
		case "theme":
			if len(data) > 0 || part.FileName() != "" {
				themeFile = &upload{displayName(part.FileName(), 0), data}
			}
		default:
			if len(data) > 4096 {
				return nil, &statusError{status: http.StatusBadRequest, msg: fmt.Sprintf("il campo %q è troppo lungo (più di 4096 caratteri)", part.FormName())}
			}
			req.fields[part.FormName()] = strings.TrimSpace(string(data))
		}
	}
	// Read to the end of the body (an epilogue after the last part): only
	// then does net/http clear the upload deadline and watch the connection,
	// so that a client going away cancels the work.
	if _, err := io.Copy(io.Discard, r.Body); err != nil {
		return nil, s.bodyError(err)
	}
	if len(req.uploads) == 0 {
		return nil, &statusError{status: http.StatusBadRequest, field: "files", msg: "nessun file: scegliere uno o più file .xlsx o .ods (nel campo «files» per le API)"}
	}
	if err := checkFields(req.fields); err != nil {
		return nil, err
	}
	if themeFile != nil {
		th, err := parseTheme(*themeFile)
		if err != nil {
			return nil, err
		}
		req.theme = &th
	}
	return req, nil
}

// checkFields refuses a malformed option before any work is done, naming
// the field by its label on the page.
func checkFields(fields map[string]string) error {
	for _, name := range []string{"pdfa", "with-sheets", "duplex"} {
		if _, err := boolField(fields, name); err != nil {
			return err
		}
	}
	if v := fields["as-of"]; v != "" {
		if _, err := model.ParseDate(v); err != nil {
			return fieldError("as-of", "%q non è una data: scriverla come gg/mm/aaaa, ad esempio 31/07/2019", v)
		}
	}
	if v := fields["year"]; v != "" {
		if y, err := strconv.Atoi(v); err != nil || y < 1900 || y > 2999 {
			return fieldError("year", "%q non è un anno: scriverlo con quattro cifre, ad esempio 2019, o lasciare vuoto", v)
		}
	}
	return nil
}

// boolField reads a yes/no field the way every yes/no field is read.
func boolField(fields map[string]string, name string) (bool, error) {
	switch v := strings.ToLower(fields[name]); v {
	case "", "0", "false", "no", "off":
		return false, nil
	case "1", "true", "si", "sì", "on", "yes":
		return true, nil
	default:
		return false, &statusError{status: http.StatusBadRequest, field: name,
			msg: fmt.Sprintf("%s=%q: usare true o false", name, v)}
	}
}

// flag is a yes/no field, already checked by checkFields.
func (req *request) flag(name string) bool {
	v, _ := boolField(req.fields, name)
	return v
}

// subtitle is the subtitle field or, as on the command line, the theme's
// line for the acts.
func (req *request) subtitle() string {
	if v := req.fields["subtitle"]; v != "" {
		return v
	}
	return req.theme.ActsLine
}

// year is the year field or the objectives' common year.
func (req *request) year(objs []*model.Objective) int {
	if y, err := strconv.Atoi(req.fields["year"]); err == nil {
		return y
	}
	return batch.CommonYear(objs)
}

// parseTheme reads an uploaded theme file (TOML, or YAML by its name). A
// logo it names cannot be read from the page: only the server's own theme
// (serve --tema) may have one.
func parseTheme(u upload) (render.Theme, error) {
	if len(u.data) > 1<<20 {
		return render.Theme{}, fieldError("theme", "%s supera 1 MB: il tema è un piccolo file di testo (vedere «pegpdf tema»)", u.name)
	}
	ext := strings.ToLower(path.Ext(u.name))
	th, err := render.ParseTheme(u.data, ext == ".yaml" || ext == ".yml", func(logo string) ([]byte, error) {
		return nil, fmt.Errorf("lo stemma %q non si può caricare dalla pagina: togliere la riga dello stemma dal tema, o avviare il servizio con --tema", logo)
	})
	if err != nil {
		return th, fieldError("theme", "%s: %v", u.name, err)
	}
	return th, nil
}

// readInputs reads the uploaded workbooks on the cores, waiting for every
// reader so that the slot stays taken while one runs; once ctx ends no
// more workbooks are started.
// TODO: use the workbook reader's context-aware entry point once it exists,
// so that a hostile workbook stops mid-read too.
func (req *request) readInputs(ctx context.Context) error {
	lim := workbook.Limits{Password: req.fields["password"]}
	req.inputs = make([]*batch.Input, len(req.uploads))
	errs := batch.Parallel(ctx, len(req.uploads), runtime.NumCPU(), func(i int) error {
		u := req.uploads[i]
		in := &batch.Input{Name: u.name}
		in.Plan, in.Problems, in.Err = workbook.Read(bytes.NewReader(u.data), lim)
		req.inputs[i] = in
		return nil
	})
	req.uploads = nil // let the bytes go
	return errors.Join(errs...)
}

func (s *server) bodyError(err error) error {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return &statusError{status: http.StatusRequestEntityTooLarge, msg: s.tooLarge()}
	case errors.Is(err, os.ErrDeadlineExceeded):
		return &statusError{status: http.StatusRequestTimeout, msg: fmt.Sprintf(
			"il caricamento non è finito entro %s: la rete è troppo lenta per questi file; caricarne meno alla volta", italianDuration(s.cfg.UploadTimeout))}
	}
	return &statusError{status: http.StatusBadRequest, msg: "la richiesta multipart è interrotta o malformata: caricare di nuovo i file"}
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
