package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"mime"
	"net"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/produce"
	"github.com/pegpdf/pegpdf/render"
	"github.com/pegpdf/pegpdf/render/themefile"
	"github.com/pegpdf/pegpdf/workbook"
)

// request is an API request once its body is read: its workbooks (read
// later, under a slot, by the pipeline), its fields and its theme.
type request struct {
	ctx     context.Context
	uploads []upload
	fields  map[string]string
	theme   *render.Theme     // the uploaded theme file, or the server's
	mapping *workbook.Mapping // the uploaded mapping file, nil without one
}

// sources are the uploads as the pipeline reads them.
func (req *request) sources() []produce.Source {
	srcs := make([]produce.Source, len(req.uploads))
	for i, u := range req.uploads {
		srcs[i] = produce.Source{Name: u.name, Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(u.data)), nil }}
	}
	return srcs
}

type upload struct {
	name string
	data []byte
}

// labels are the page's visible labels of the form fields, to name a field
// in a message as the clerk sees it.
var labels = map[string]string{
	"as-of":       "Data di riferimento del monitoraggio",
	"pdfa":        "PDF/A-2a",
	"with-sheets": "Con le schede",
	"duplex":      "Fronte/retro",
	"year":        "Anno in copertina",
	"theme":       "Tema dell'ente",
	"mapping":     "Mappa delle colonne",
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
	var themeFile, mappingFile *upload
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
		case "mapping", "mappa":
			if len(data) > 0 || part.FileName() != "" {
				mappingFile = &upload{mappingName(part.FileName()), data}
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
	if mappingFile != nil {
		m, err := parseMapping(*mappingFile)
		if err != nil {
			return nil, err
		}
		req.mapping = m
	}
	return req, nil
}

// mappingName is an uploaded mapping file's name as shown, "mappa.toml"
// when it has none.
func mappingName(name string) string {
	if name == "" {
		return "mappa.toml"
	}
	return displayName(name, 0)
}

// parseMapping reads an uploaded mapping file (pegpdf mappa), as the
// command line's --mappa does; every mistake is said at once, each with
// the file's name and the key.
func parseMapping(u upload) (*workbook.Mapping, error) {
	if len(u.data) > 1<<20 {
		return nil, fieldError("mapping", "%s supera 1 MB: la mappa è un piccolo file di testo (vedere «pegpdf mappa»)", u.name)
	}
	m, err := workbook.ParseMapping(bytes.NewReader(u.data))
	if err != nil {
		var msgs []string
		for _, line := range strings.Split(err.Error(), "\n") {
			msgs = append(msgs, u.name+": "+line)
		}
		return nil, fieldError("mapping", "%s", strings.Join(msgs, "; "))
	}
	return m, nil
}

// checkFields refuses a malformed option before any work is done, naming
// the field by its label on the page; the pipeline's parser reads them
// afterwards.
func checkFields(fields map[string]string) error {
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		v, field := fields[name], name
		if f, ok := aliases[name]; ok {
			field = f
		}
		switch field {
		case "pdfa", "with-sheets", "duplex":
			if _, err := produce.ParseBool(v); err != nil {
				return &statusError{status: http.StatusBadRequest, field: field, msg: fmt.Sprintf("«%s»: %v", labels[field], err)}
			}
		case "as-of":
			if _, err := model.ParseDate(v); v != "" && err != nil {
				return fieldError(field, "%q non è una data: scriverla come gg/mm/aaaa, ad esempio 31/07/2019", v)
			}
		case "year":
			if y, err := strconv.Atoi(v); v != "" && (err != nil || y < 1900 || y > 2200) {
				return fieldError(field, "%q non è un anno: scriverlo con quattro cifre, ad esempio 2019, o lasciare vuoto", v)
			}
		}
	}
	return nil
}

// aliases are the fields' Italian names, as the command line's flags have.
var aliases = map[string]string{"al": "as-of", "anno": "year", "fronte-retro": "duplex", "con-schede": "with-sheets"}

// parseTheme reads an uploaded theme file (TOML, or YAML by its name). A
// logo it names cannot be read from the page: only the server's own theme
// (serve --tema) may have one.
func parseTheme(u upload) (render.Theme, error) {
	if len(u.data) > 1<<20 {
		return render.Theme{}, fieldError("theme", "%s supera 1 MB: il tema è un piccolo file di testo (vedere «pegpdf tema»)", u.name)
	}
	ext := strings.ToLower(path.Ext(u.name))
	th, err := themefile.Parse(u.data, ext == ".yaml" || ext == ".yml", func(logo string) ([]byte, error) {
		return nil, fmt.Errorf("lo stemma %q non si può caricare dalla pagina: togliere la riga dello stemma dal tema, o avviare il servizio con --tema", logo)
	})
	if err != nil {
		return th, fieldError("theme", "%s: %v", u.name, err)
	}
	return th, nil
}

func (s *server) bodyError(err error) error {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return &statusError{status: http.StatusRequestEntityTooLarge, msg: s.tooLarge()}
	case isTimeout(err):
		return &statusError{status: http.StatusRequestTimeout, msg: fmt.Sprintf(
			"il caricamento non è finito entro %s: la rete è troppo lenta per questi file; caricarne meno alla volta", italianDuration(s.cfg.UploadTimeout))}
	}
	return &statusError{status: http.StatusBadRequest, msg: "la richiesta multipart è interrotta o malformata: caricare di nuovo i file"}
}

// isTimeout reports whether err is the connection's read deadline passing.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
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
