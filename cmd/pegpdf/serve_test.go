package main

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
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
	go func() { served <- serve(ctx, ln, server.New(server.Config{}), 30*time.Second, io.Discard) }()

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
