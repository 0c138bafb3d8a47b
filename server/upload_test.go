package server

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pegpdf/pegpdf/internal/pdfread"
	"github.com/pegpdf/pegpdf/internal/peggen"
	"github.com/pegpdf/pegpdf/render"
	"github.com/pegpdf/pegpdf/workbook"
)

// slowClient opens a connection that sends a real upload's headers and
// then its body one byte every interval, until stop is closed; it returns
// the status line the server answers, or "" if none.
func slowClient(t *testing.T, addr string, body []byte, ct string, interval time.Duration, stop <-chan struct{}) <-chan string {
	got := make(chan string, 1)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(conn, "POST /api/check HTTP/1.1\r\nHost: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", addr, ct, len(body))
	go func() {
		defer conn.Close()
		for _, b := range body {
			select {
			case <-stop:
				return
			case <-time.After(interval):
			}
			if _, err := conn.Write([]byte{b}); err != nil {
				break
			}
		}
	}()
	go func() {
		conn.SetReadDeadline(time.Now().Add(20 * time.Second))
		line, _ := bufio.NewReader(conn).ReadString('\n')
		got <- strings.TrimSpace(line)
	}()
	return got
}

// TestSlowUploadsHoldNoSlot: two clients sending their body at one byte
// a second hold connections, not conversions: with one slot, every other
// request is still answered 200; the slow ones get 408 at the upload
// deadline.
func TestSlowUploadsHoldNoSlot(t *testing.T) {
	srv := httptest.NewServer(newTestServer(Config{MaxConcurrent: 1, QueueWait: 200 * time.Millisecond, UploadTimeout: 2 * time.Second}))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	body, ct := form(t, []file{{"a.xlsx", sample(t, "2019_ZN10.xlsx")}}, nil)
	data, _ := io.ReadAll(body)
	stop := make(chan struct{})
	defer close(stop)
	slow := []<-chan string{
		slowClient(t, addr, data, ct, time.Second, stop),
		slowClient(t, addr, data, ct, time.Second, stop),
	}
	time.Sleep(300 * time.Millisecond) // both are uploading
	for i := range 3 {
		b, ct := form(t, []file{{"a.xlsx", sample(t, "2019_ZN10.xlsx")}}, nil)
		resp, err := http.Post(srv.URL+"/api/check", ct, b)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("request %d beside two slow uploads: %d", i, resp.StatusCode)
		}
	}
	for i, c := range slow {
		select {
		case line := <-c:
			if !strings.Contains(line, "408") {
				t.Errorf("slow upload %d: %q, want 408", i, line)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("slow upload %d: no answer after the upload deadline", i)
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func heapMB() float64 {
	runtime.GC()
	debug.FreeOSMemory()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapInuse) / (1 << 20)
}

func rssMB() float64 {
	data, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(data), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
			var kb float64
			fmt.Sscan(f[1], &kb)
			return kb / 1024
		}
	}
	return 0
}

var big struct {
	once  sync.Once
	data  []byte
	read  time.Duration // reading it
	batch time.Duration // drawing one batch of sheets per core
}

// bigWorkbook is a 2,000-objective workbook, with how long reading it and
// drawing one batch of sheets take on this machine now.
func bigWorkbook(t *testing.T) ([]byte, time.Duration, time.Duration) {
	big.once.Do(func() {
		var wb bytes.Buffer
		if err := workbook.Write(&wb, peggen.Plan(peggen.Options{N: 2000, Monitoring: 0.8})); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		plan, _, err := workbook.Read(bytes.NewReader(wb.Bytes()), workbook.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		big.read = time.Since(start)
		th := render.DefaultTheme()
		start = time.Now()
		objs := plan.Objectives[:render.SheetsPerDocument]
		render.Sheets(&th, objs, render.Options{}, make([]render.Meta, len(objs)))
		big.batch = time.Since(start)
		big.data = wb.Bytes()
	})
	return big.data, big.read, big.batch
}

// stopsAndIdles waits for the work to give back its slot, then checks that
// it did so within bound, and that the CPU and the heap are back to idle.
func stopsAndIdles(t *testing.T, s *server, since time.Time, bound time.Duration, idleHeap, idleRSS float64) {
	t.Helper()
	for len(s.slots) > 0 && time.Since(since) < 10*time.Second {
		time.Sleep(5 * time.Millisecond)
	}
	stopped := time.Since(since)
	cpu0 := cpuTime()
	time.Sleep(500 * time.Millisecond)
	cpu := cpuTime() - cpu0
	heap, rss := heapMB(), rssMB()
	t.Logf("work stopped %v later (bound %v); then CPU %v in 500ms; heap %.1f MB (idle %.1f), RSS %.0f MB (idle %.0f)",
		stopped.Round(time.Millisecond), bound.Round(time.Millisecond), cpu.Round(time.Millisecond), heap, idleHeap, rss, idleRSS)
	if stopped > bound {
		t.Errorf("the work held its slot %v after the end of the request", stopped)
	}
	if cpu > 50*time.Millisecond {
		t.Errorf("CPU still busy after the work stopped: %v in 500ms", cpu)
	}
	if heap > idleHeap+50 {
		t.Errorf("heap %.1f MB, idle %.1f MB", heap, idleHeap)
	}
}

// TestTimedOutWorkStops: after a request past its time limit, the work
// stops: within a second its slot is free (on a machine so loaded that one
// batch of sheets takes longer, within two batches' time), then the CPU is
// idle and the heap is back near where it was.
func TestTimedOutWorkStops(t *testing.T) {
	if testing.Short() {
		t.Skip("renders hundreds of sheets")
	}
	data, read, batch := bigWorkbook(t)
	// The reader does not take a context yet: the time limit must fall
	// while the sheets are drawn.
	timeout := 2*read + 300*time.Millisecond
	s := newServer(Config{Timeout: timeout, Now: func() time.Time { return fixed }})
	h := s.handler()
	idleHeap, idleRSS := heapMB(), rssMB()
	start := time.Now()
	w := post(t, h, "/api/sheets", []file{{"grande.xlsx", data}}, nil)
	answered := time.Since(start)
	if w.Code != 503 {
		t.Fatalf("the request was not timed out (%d in %v): make it bigger", w.Code, answered)
	}
	t.Logf("time limit %v: answered 503 at %v", timeout.Round(time.Millisecond), answered.Round(time.Millisecond))
	stopsAndIdles(t, s, time.Now(), max(time.Second, 2*batch), idleHeap, idleRSS)
}

// TestClientGoneWorkStops: a client that goes away mid-conversion stops
// the work, as a time-out does.
func TestClientGoneWorkStops(t *testing.T) {
	if testing.Short() {
		t.Skip("renders hundreds of sheets")
	}
	data, read, batch := bigWorkbook(t)
	s := newServer(Config{Timeout: time.Minute, Now: func() time.Time { return fixed }})
	srv := httptest.NewServer(s.handler())
	defer srv.Close()
	idleHeap, idleRSS := heapMB(), rssMB()
	ctx, cancel := context.WithCancel(context.Background())
	body, ct := form(t, []file{{"grande.xlsx", data}}, nil)
	req, _ := http.NewRequestWithContext(ctx, "POST", srv.URL+"/api/sheets", body)
	req.Header.Set("Content-Type", ct)
	go func() {
		for len(s.slots) == 0 { // the upload is read, the work started
			time.Sleep(5 * time.Millisecond)
		}
		time.Sleep(2*read + 300*time.Millisecond) // drawing
		cancel()
	}()
	_, err := http.DefaultClient.Do(req)
	gone := time.Now()
	if err == nil {
		t.Fatal("the request finished before the client left: make it bigger")
	}
	stopsAndIdles(t, s, gone, max(time.Second, 2*batch), idleHeap, idleRSS)
}

// TestTemplateDownload: GET /api/template gives the same workbook as
// «pegpdf modello», and it reads back.
func TestTemplateDownload(t *testing.T) {
	h := newTestServer(Config{})
	w := serve(h, newRequest("GET", "http://127.0.0.1/api/template", nil, ""))
	var want bytes.Buffer
	workbook.Template(&want)
	if w.Code != 200 || !strings.Contains(w.Header().Get("Content-Disposition"), "peg-modello.xlsx") || !bytes.Equal(w.Body.Bytes(), want.Bytes()) {
		t.Fatalf("%d %v, %d bytes", w.Code, w.Header(), w.Body.Len())
	}
	if plan, _, err := workbook.Read(bytes.NewReader(w.Body.Bytes()), workbook.Limits{}); err != nil || len(plan.Objectives) == 0 {
		t.Errorf("the template does not read back: %v", err)
	}
}

// TestThemeUploadAndSubtitle: an uploaded theme is used, and the booklet's
// and the report's subtitle default to its acts line, as on the command
// line.
func TestThemeUploadAndSubtitle(t *testing.T) {
	h := newTestServer(Config{})
	theme := "[ente]\nnome = \"Comune di Valverde\"\nriga_atti = \"Allegato B alla delibera n. 7\"\n"
	for _, url := range []string{"/api/booklet", "/api/report"} {
		body, ct := themeForm(t, theme, "tema.toml", map[string]string{"duplex": "true", "with-sheets": "true"})
		r := newRequest("POST", "http://127.0.0.1"+url, map[string]string{"Content-Type": ct}, body)
		w := serve(h, r)
		if w.Code != 200 {
			t.Fatalf("%s: %d %s", url, w.Code, w.Body.String())
		}
		doc, err := pdfread.Read(w.Body.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		cover := strings.Join(strings.Fields(doc.Pages[0].Text), " ")
		if !strings.Contains(cover, "Allegato B alla delibera n. 7") || !strings.Contains(cover, "Comune di Valverde") {
			t.Errorf("%s: the cover lacks the theme's entity or acts line: %q", url, cover)
		}
	}
	body, ct := themeForm(t, "[ente]\nlogo = \"stemma.png\"\n", "tema.toml", nil)
	w := serve(h, newRequest("POST", "http://127.0.0.1/api/booklet", map[string]string{"Content-Type": ct}, body))
	e := decode[apiError](t, w)
	if w.Code != 400 || e.Field != "theme" || !strings.Contains(e.Error, "«Tema dell'ente»") || !strings.Contains(e.Error, "stemma") {
		t.Errorf("a theme with a logo: %d %+v", w.Code, e)
	}
}

func themeForm(t *testing.T, theme, name string, fields map[string]string) (string, string) {
	var b bytes.Buffer
	body, ct := form(t, []file{{"peg.xlsx", sample(t, "2019_ZN10.xlsx")}}, fields)
	io.Copy(&b, body)
	// add the theme part before the closing boundary
	boundary := ct[strings.Index(ct, "boundary=")+len("boundary="):]
	s := strings.TrimSuffix(b.String(), "--"+boundary+"--\r\n")
	s += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"theme\"; filename=\"" + name + "\"\r\nContent-Type: application/toml\r\n\r\n" + theme + "\r\n--" + boundary + "--\r\n"
	return s, ct
}

// TestFieldErrorsNameTheLabel: a bad option is refused before any work,
// even by /api/check, naming the field as the page shows it, and never by
// its internal key; the JSON says which field.
func TestFieldErrorsNameTheLabel(t *testing.T) {
	h := newTestServer(Config{})
	for _, c := range []struct {
		fields      map[string]string
		field, text string
	}{
		{map[string]string{"as-of": "31/02/2019"}, "as-of", "«Data di riferimento del monitoraggio»: \"31/02/2019\" non è una data: scriverla come gg/mm/aaaa"},
		{map[string]string{"year": "19"}, "year", "«Anno in copertina»"},
		{map[string]string{"year": "2500"}, "year", "«Anno in copertina»"}, // as the workbook's Anno: 1900–2200
		{map[string]string{"with-sheets": "forse"}, "with-sheets", "usare true o false"},
	} {
		for _, url := range []string{"/api/check", "/api/report"} {
			w := post(t, h, url, []file{{"a.xlsx", sample(t, "2019_ZN10.xlsx")}}, c.fields)
			e := decode[apiError](t, w)
			if w.Code != 400 || e.Field != c.field || !strings.Contains(e.Error, c.text) || strings.Contains(e.Error, "as-of:") || strings.Contains(e.Error, "cella") {
				t.Errorf("%s %v: %d %+v", url, c.fields, w.Code, e)
			}
		}
	}
	w := post(t, h, "/api/check", nil, nil)
	if e := decode[apiError](t, w); e.Field != "files" {
		t.Errorf("no file: %+v", e)
	}
}

func TestItalianDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		2 * time.Minute: "2 minuti", time.Minute: "1 minuto", 90 * time.Second: "1 minuto e 30 secondi",
		45 * time.Second: "45 secondi", time.Hour + time.Second: "1 ora e 1 secondo", 100 * time.Millisecond: "meno di un secondo",
		2*time.Hour + 3*time.Minute + 1*time.Second: "2 ore, 3 minuti e 1 secondo",
	} {
		if got := italianDuration(d); got != want {
			t.Errorf("%v: %q, want %q", d, got, want)
		}
	}
}

// TestLongWorkOutlivesUploadDeadline: the upload deadline bounds the
// upload only; a conversion that runs past it is not taken for a client
// that went away (net/http clears the deadline once the body is read to
// its end, which receive makes sure of).
func TestLongWorkOutlivesUploadDeadline(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a big workbook")
	}
	data, read, _ := bigWorkbook(t)
	srv := httptest.NewServer(newTestServer(Config{UploadTimeout: read / 4}))
	defer srv.Close()
	body, ct := form(t, []file{{"grande.xlsx", data}}, nil)
	resp, err := http.Post(srv.URL+"/api/check", ct, body)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || !bytes.Contains(out, []byte(`"objectives": 2000`)) {
		t.Errorf("a check longer than the upload deadline (%v): %d %.200s", read/4, resp.StatusCode, out)
	}
}

// TestHeldUploadsBounded: the uploads in memory at once are bounded
// (heldUploads per conversion slot): one more is answered 503 at once,
// and a place frees as soon as an upload ends.
func TestHeldUploadsBounded(t *testing.T) {
	srv := httptest.NewServer(newTestServer(Config{MaxConcurrent: 1, QueueWait: 200 * time.Millisecond, UploadTimeout: 2 * time.Second}))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	body, ct := form(t, []file{{"a.xlsx", sample(t, "2019_ZN10.xlsx")}}, nil)
	data, _ := io.ReadAll(body)
	stop := make(chan struct{})
	var slow []<-chan string
	for range heldUploads {
		slow = append(slow, slowClient(t, addr, data, ct, time.Second, stop))
	}
	time.Sleep(300 * time.Millisecond) // all are uploading
	post := func() int {
		b, ct := form(t, []file{{"a.xlsx", sample(t, "2019_ZN10.xlsx")}}, nil)
		resp, err := http.Post(srv.URL+"/api/check", ct, b)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := post(); code != http.StatusServiceUnavailable {
		t.Errorf("an upload beyond %d held: %d, want 503", heldUploads, code)
	}
	close(stop)
	for _, c := range slow {
		<-c
	}
	code := 0
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if code = post(); code == 200 { // the server notices the closed connections
			break
		}
	}
	if code != 200 {
		t.Errorf("after the slow uploads ended: %d, want 200", code)
	}
}
