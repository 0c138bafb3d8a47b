package main

import (
	"archive/zip"
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pegpdf/pegpdf/produce"
	"github.com/pegpdf/pegpdf/server"
)

// parityInputs are the workbooks both front ends read, copied into the
// test's folder so that both know them by the same name.
var parityInputs = []string{"2019_ZN10.xlsx", "peg-2019.xlsx"}

// postForm sends the inputs and the fields to the server's endpoint, as
// the web page does, and returns the answer.
func postForm(t *testing.T, h http.Handler, endpoint string, fields map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for _, p := range parityInputs {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		w, _ := mw.CreateFormFile("files", p)
		w.Write(data)
	}
	mw.Close()
	r := httptest.NewRequest("POST", "http://127.0.0.1"+endpoint, &b) // a loopback Host, as the page is opened
	r.Header.Set("Content-Type", mw.FormDataContentType())
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		t.Fatalf("%s: %d %s", endpoint, w.Code, w.Body.String())
	}
	return w
}

// TestParity: the same inputs and options through the command line's run
// and through the server's handler give the same bytes, for the check's
// JSON, the sheets, the booklet and the report. The theme has an acts
// line, which both take as the subtitle when none is given; the server's
// fields use the flags' names or their Italian aliases, and the spellings
// of a web form.
func TestParity(t *testing.T) {
	const epoch = 1564531200 // 31/07/2019
	t.Setenv("SOURCE_DATE_EPOCH", "1564531200")
	themePath, err := filepath.Abs("../../samples/valverde/tema.toml")
	if err != nil {
		t.Fatal(err)
	}
	th, err := loadTheme(themePath)
	if err != nil {
		t.Fatal(err)
	}
	h := server.New(server.Config{Theme: th, Now: func() time.Time { return time.Unix(epoch, 0).UTC() }})
	dir := t.TempDir()
	for _, p := range parityInputs {
		copyFile(t, filepath.Join("../../samples", p), filepath.Join(dir, p))
	}
	t.Chdir(dir)
	// cli runs the command on the inputs; the documents take the theme.
	cli := func(t *testing.T, args ...string) {
		t.Helper()
		if args[0] != "check" {
			args = append(args, "--theme", themePath)
		}
		args = append(args, parityInputs...)
		if code, _, stderr := pegpdf(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
	}
	same := func(t *testing.T, what string, fromCLI, fromServer []byte) {
		t.Helper()
		if len(fromCLI) == 0 || !bytes.Equal(fromCLI, fromServer) {
			t.Errorf("%s: command line %d bytes, server %d bytes: not the same", what, len(fromCLI), len(fromServer))
		}
	}
	read := func(t *testing.T, path string) []byte {
		t.Helper()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}

	t.Run("check", func(t *testing.T) {
		out := filepath.Join(dir, "esito.json")
		cli(t, "check", "--report", out)
		w := postForm(t, h, "/api/check", nil)
		same(t, "check", read(t, out), w.Body.Bytes())
	})

	t.Run("booklet", func(t *testing.T) {
		out := filepath.Join(dir, "libretto.pdf")
		cli(t, "booklet", "--out", out, "--pdfa", "--duplex", "--entity", "Comune di Prova", "--year", "2019", "--title", "PEG")
		w := postForm(t, h, "/api/booklet", map[string]string{
			"pdfa": "sì", "fronte-retro": "on", "ente": "Comune di Prova", "anno": "2019", "title": "PEG"})
		same(t, "booklet", read(t, out), w.Body.Bytes())
	})

	t.Run("report", func(t *testing.T) {
		out := filepath.Join(dir, "rapporto.pdf")
		cli(t, "report", "--out", out, "--as-of", "31/07/2019", "--with-sheets", "--pdfa")
		w := postForm(t, h, "/api/report", map[string]string{"al": "31/07/2019", "con-schede": "1", "pdfa": "true"})
		same(t, "report", read(t, out), w.Body.Bytes())
	})

	t.Run("sheets", func(t *testing.T) {
		out := filepath.Join(dir, "schede")
		cli(t, "sheets", "--out", out, "--as-of", "31/07/2019")
		w := postForm(t, h, "/api/sheets", map[string]string{"as-of": "31/07/2019"})
		zr, err := zip.NewReader(bytes.NewReader(w.Body.Bytes()), int64(w.Body.Len()))
		if err != nil {
			t.Fatal(err)
		}
		files, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
		if len(zr.File) != 21 || len(files) != 21 {
			t.Fatalf("zip %d sheets, folder %d, want 21", len(zr.File), len(files))
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			b.ReadFrom(rc)
			rc.Close()
			same(t, f.Name, read(t, filepath.Join(out, f.Name)), b.Bytes())
		}
	})
}

// TestOptionsAreFlags: every option of the pipeline, which the web form
// may send, is a flag of a document command with the same name and
// Italian alias, so that the two front ends offer the same choices.
func TestOptionsAreFlags(t *testing.T) {
	app := newApp(io.Discard, io.Discard)
	names := map[string][]string{} // flag name -> its names, over the document commands
	for _, cmd := range app.Commands {
		switch cmd.Name {
		case "sheets", "booklet", "report":
			for _, f := range cmd.Flags {
				names[f.Names()[0]] = f.Names()
			}
		}
	}
	for _, name := range produce.OptionNames() {
		flagNames, ok := names[name]
		if !ok {
			t.Errorf("option %q of the pipeline is no flag of sheets, booklet or report", name)
			continue
		}
		for _, n := range flagNames {
			var o produce.Options
			if err := o.Set(n, ""); err != nil {
				t.Errorf("flag --%s: the pipeline does not know the name %q: %v", name, n, err)
			}
		}
	}
}
