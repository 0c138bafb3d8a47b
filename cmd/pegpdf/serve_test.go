package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pegpdf/pegpdf/server"
)

// TestGracefulShutdown: when the server is told to stop (SIGINT, SIGTERM),
// a request in flight still gets its answer, and serve returns cleanly.
func TestGracefulShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() {
		served <- serve(ctx, ln, server.New(server.Config{}), server.Config{Timeout: 30 * time.Second}, io.Discard)
	}()

	data, _ := os.ReadFile("../../samples/2019_ZN10.xlsx")
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	w, _ := mw.CreateFormFile("files", "2019_ZN10.xlsx")
	w.Write(data)
	mw.Close()
	pr, pw := io.Pipe()
	req, _ := http.NewRequest("POST", "http://"+ln.Addr().String()+"/api/booklet", pr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	answered := make(chan int, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
			answered <- 0
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		answered <- resp.StatusCode
	}()
	pw.Write(body.Bytes()[:100]) // the request is in flight
	time.Sleep(500 * time.Millisecond)
	stop()
	time.Sleep(100 * time.Millisecond)
	pw.Write(body.Bytes()[100:])
	pw.Close()
	if code := <-answered; code != 200 {
		t.Errorf("the request in flight got %d", code)
	}
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Error("serve did not return")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Error("the server still answers")
	}
}

// TestServePortInUse: a port already taken is one Italian sentence saying
// what to do, not the system's English.
func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	code, _, stderr := pegpdf(t, "servizio", "--addr", ln.Addr().String())
	if code != exitUsage || !strings.Contains(stderr, "già in uso") || !strings.Contains(stderr, "ad esempio --addr 127.0.0.1:") ||
		strings.Contains(stderr, "bind") || strings.Contains(stderr, "address already in use") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// TestServeRemoteNeedsFlag: listening beyond this machine needs --rete.
func TestServeRemoteNeedsFlag(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "[::]:0"} {
		code, _, stderr := pegpdf(t, "servizio", "--addr", addr)
		if code != exitUsage || !strings.Contains(stderr, "--rete") || !strings.Contains(stderr, "tutta la rete") {
			t.Errorf("%s: exit %d: %s", addr, code, stderr)
		}
	}
	for addr, want := range map[string]bool{"127.0.0.1:8080": false, "localhost:8080": false, "[::1]:8080": false, "127.0.0.2:80": false,
		"0.0.0.0:8080": true, ":8080": true, "192.168.1.2:8080": true, "peg.example:8080": true} {
		if got, err := needsRemote(addr); err != nil || got != want {
			t.Errorf("%s: %v %v", addr, got, err)
		}
	}
	if _, err := needsRemote("8080"); err == nil || !strings.Contains(err.Error(), "127.0.0.1:8080") {
		t.Errorf("no port: %v", err)
	}
}

// TestServeStartupLines: the start-up line is a URL a person can click
// (never http://[::]:P/), and a server open to the network says so.
func TestServeStartupLines(t *testing.T) {
	ln, err := net.Listen("tcp", ":0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	var log bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, http.NotFoundHandler(), server.Config{Remote: true}, &log) }()
	time.Sleep(100 * time.Millisecond)
	stop()
	<-done
	out := log.String()
	if strings.Contains(out, "[::]") || strings.Contains(out, "0.0.0.0") || !strings.Contains(out, "http://127.0.0.1:") ||
		!strings.Contains(out, "ATTENZIONE: la pagina è aperta a tutta la rete") || !strings.Contains(out, "--codice") {
		t.Errorf("start-up lines:\n%s", out)
	}
	for ip, want := range map[string]string{"::1": "http://[::1]:8080/", "192.168.1.2": "http://192.168.1.2:8080/", "127.0.0.1": "http://127.0.0.1:8080/"} {
		if local, network := pageURLs(&net.TCPAddr{IP: net.ParseIP(ip), Port: 8080}); local != want || len(network) != 0 {
			t.Errorf("%s: %s %v", ip, local, network)
		}
	}
}

// TestServeParity: the same inputs and options give the same bytes from
// the command line and from the page, for every document the page offers.
func TestServeParity(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1564574400")
	created := time.Unix(1564574400, 0).UTC()
	dir := t.TempDir()
	theme := filepath.Join(dir, "tema.toml")
	themeText := "[ente]\nnome = \"Comune di Valverde\"\nriga_atti = \"Allegato B alla delibera n. 7\"\n"
	os.WriteFile(theme, []byte(themeText), 0o644)
	in := "../../samples/peg-2019.xlsx"
	data, _ := os.ReadFile(in)
	h := server.New(server.Config{Now: func() time.Time { return created }})
	post := func(endpoint string, fields map[string]string) []byte {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		for k, v := range fields {
			mw.WriteField(k, v)
		}
		w, _ := mw.CreateFormFile("files", "peg-2019.xlsx")
		w.Write(data)
		w, _ = mw.CreateFormFile("theme", "tema.toml")
		w.Write([]byte(themeText))
		mw.Close()
		r := httptest.NewRequest("POST", "http://127.0.0.1/api/"+endpoint, &body)
		r.Header.Set("Content-Type", mw.FormDataContentType())
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if rec.Code != 200 {
			t.Fatalf("%s: %d %s", endpoint, rec.Code, rec.Body.String())
		}
		return rec.Body.Bytes()
	}
	for _, c := range []struct {
		endpoint string
		args     []string
		fields   map[string]string
	}{
		{"booklet", []string{"libretto", "--fronte-retro", "--anno", "2020", "--titolo", "PEG 2019", "--pdfa"},
			map[string]string{"duplex": "true", "year": "2020", "title": "PEG 2019", "pdfa": "true"}},
		{"booklet", []string{"libretto", "--ente", "Comune di Prova", "--sottotitolo", "Allegato A"},
			map[string]string{"entity": "Comune di Prova", "subtitle": "Allegato A"}},
		{"report", []string{"rapporto", "--al", "31/07/2019", "--con-schede"},
			map[string]string{"as-of": "31/07/2019", "with-sheets": "true"}},
	} {
		out := filepath.Join(dir, c.endpoint+".pdf")
		args := append(append(c.args, "--tema", theme, "--out", out), in)
		if code, _, stderr := pegpdf(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		cli, _ := os.ReadFile(out)
		if web := post(c.endpoint, c.fields); !bytes.Equal(cli, web) {
			t.Errorf("%v: the command line and the page differ (%d and %d bytes)", c.args, len(cli), len(web))
		}
	}
	csvOut := filepath.Join(dir, "esiti.csv")
	if code, _, stderr := pegpdf(t, "rapporto", "--al", "31/07/2019", "--csv", csvOut, "--out", filepath.Join(dir, "r.pdf"), in); code != 0 {
		t.Fatalf("report --csv: exit %d: %s", code, stderr)
	}
	if cli, _ := os.ReadFile(csvOut); !bytes.Equal(cli, post("evaluation", map[string]string{"as-of": "31/07/2019"})) {
		t.Error("the evaluation CSV: the command line and the page differ")
	}
	sheets := filepath.Join(dir, "schede")
	if code, _, stderr := pegpdf(t, "schede", "--al", "31/07/2019", "--tema", theme, "--out", sheets, in); code != 0 {
		t.Fatalf("sheets: exit %d: %s", code, stderr)
	}
	zipped := post("sheets", map[string]string{"as-of": "31/07/2019"})
	zr, err := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		rc, _ := f.Open()
		web, _ := io.ReadAll(rc)
		cli, err := os.ReadFile(filepath.Join(sheets, f.Name))
		if err != nil || !bytes.Equal(cli, web) {
			t.Errorf("sheet %s: the command line and the page differ (%v)", f.Name, err)
		}
	}
}

// TestServeHelp: the help says the limits and the network options, with
// times in words.
func TestServeHelp(t *testing.T) {
	_, stdout, stderr := pegpdf(t, "servizio", "--help")
	out := stdout + stderr
	for _, s := range []string{"--rete", "--token", "PEGPDF_TOKEN", "--host", "--upload-timeout", "350 KB", "(predefinito: 2 minuti)", "(predefinito: 1 minuto)"} {
		if !strings.Contains(out, s) {
			t.Errorf("the help lacks %q", s)
		}
	}
	if strings.Contains(out, "m0s") {
		t.Error("a time in the help is written as Go writes it (2m0s)")
	}
}

// TestServeProblemsParity: the page's problem list in CSV is the file of
// «pegpdf verifica --rapporto esito.csv».
func TestServeProblemsParity(t *testing.T) {
	dir := t.TempDir()
	good, _ := os.ReadFile("../../samples/2019_ZN10.xlsx")
	os.WriteFile(filepath.Join(dir, "a.xlsx"), good, 0o644)
	os.WriteFile(filepath.Join(dir, "b.xlsx"), good, 0o644)
	breakDate(t, filepath.Join(dir, "b.xlsx"))
	broken, _ := os.ReadFile(filepath.Join(dir, "b.xlsx"))
	t.Chdir(dir)
	pegpdf(t, "verifica", "--rapporto", "esito.csv", "a.xlsx", "b.xlsx")
	cli, err := os.ReadFile("esito.csv")
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, f := range []struct {
		name string
		data []byte
	}{{"a.xlsx", good}, {"b.xlsx", broken}} {
		w, _ := mw.CreateFormFile("files", f.name)
		w.Write(f.data)
	}
	mw.Close()
	r := httptest.NewRequest("POST", "http://127.0.0.1/api/problems", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	rec := httptest.NewRecorder()
	server.New(server.Config{}).ServeHTTP(rec, r)
	if rec.Code != 200 || !bytes.Equal(cli, rec.Body.Bytes()) || !bytes.Contains(cli, []byte("errore")) {
		t.Errorf("%d: the command line and the page differ:\n%s\n%s", rec.Code, cli, rec.Body.Bytes())
	}
}
