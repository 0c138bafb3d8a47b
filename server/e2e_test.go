//go:build e2e

// The end-to-end test drives the real page in headless Chromium (Debian's
// chromium package at /usr/bin/chromium, installed by .ci/run):
//
//	go test -tags e2e ./server
//
// In every state the page reaches (empty, each error, problems, success)
// it runs axe-core (testdata/axe, WCAG 2.0/2.1 A and AA rules) and fails on
// any violation, checks that focus is not on <body> after the answer nor
// after a Tab, and that at a 320 px viewport nothing scrolls sideways.
// PEGPDF_SCREENSHOT=docs/web.png and PEGPDF_SCREENSHOT_320=docs/web-320.png
// also save screenshots of the page; PEGPDF_SCREENSHOTS=DIR saves every
// state at 320 px.
package server

import (
	"context"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/pegpdf/pegpdf/internal/pdfread"
)

func browser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath("/usr/bin/chromium"),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1100, 1400),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	// starts the browser; the page has the focus a person's window has
	focused := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	})
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), focused); err != nil {
		t.Fatalf("chromium: %v", err)
	}
	return ctx
}

func await(p *runtime.EvaluateParams) { yes := true; p.AwaitPromise = &yes }

// blob reads the downloaded file behind the page's download link.
const blobJS = `(async () => {
  const b = new Uint8Array(await (await fetch(document.getElementById("download").href)).arrayBuffer());
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode.apply(null, b.subarray(i, i + 8192));
  return btoa(s);
})()`

const axeRunJS = `(async () => {
  const r = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}});
  return r.violations.map(v => v.id + " (" + v.impact + "): " + v.help + ": " + v.nodes.map(n => n.target.join(" ")).join(", "));
})()`

// focusRingJS checks the focused element's outline: present, at least
// 2 px, and at least 3:1 against the background it is drawn on.
const focusRingJS = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "focus on <body>";
  const name = el.id || el.tagName;
  function rgba(c) { const m = c.match(/[\d.]+/g).map(Number); return m.length > 3 ? m : m.concat([1]); }
  function lum(c) { const [r, g, b] = rgba(c).slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; }
  function bg(e) { for (; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (rgba(c)[3] > 0) return c; } return "rgb(255, 255, 255)"; }
  const s = getComputedStyle(el);
  if (s.outlineStyle === "none" || parseFloat(s.outlineWidth) < 2) return name + ": no focus outline";
  const behind = parseFloat(s.outlineOffset) >= 0 ? bg(el.parentElement) : bg(el);
  const a = lum(s.outlineColor), b = lum(behind);
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  return ratio >= 3 ? "" : name + ": focus ring " + s.outlineColor + " on " + behind + " is " + ratio.toFixed(2) + ":1";
})()`

// brokenWordsJS lists the table's cells drawn on more lines than they have
// words: a word cut in the middle ("Fil e", "er ro re").
const brokenWordsJS = `Array.from(document.querySelectorAll("#problems th, #problems td")).filter(e => {
  const t = e.textContent.trim();
  if (!t || e.offsetParent === null) return false;
  const r = document.createRange();
  r.selectNodeContents(e);
  const lines = new Set(Array.from(r.getClientRects()).filter(x => x.width > 0).map(x => Math.round(x.bottom)));
  return lines.size > t.split(/\s+/).length;
}).map(e => e.textContent)`

const answeredJS = `(() => { const s = document.getElementById("status"); return s.textContent !== "" && !s.classList.contains("busy"); })()`

type page struct {
	t   *testing.T
	ctx context.Context
	axe string
}

func (p *page) do(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 90*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		p.t.Fatal(err)
	}
}

func eval[T any](p *page, js string, opts ...chromedp.EvaluateOption) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 90*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, opts...))
	if err != nil {
		p.t.Fatalf("%s: %v", js[:min(60, len(js))], err)
	}
	return v
}

// open loads the page of url, empty.
func (p *page) open(url string) {
	p.t.Helper()
	p.do(chromedp.EmulateViewport(1100, 1400), chromedp.Navigate(url+"/"), chromedp.WaitVisible("#files"))
}

// submit presses Enter on the button, as a keyboard user does, and waits
// for the answer.
func (p *page) submit() {
	p.t.Helper()
	p.do(chromedp.Focus("#go"), chromedp.KeyEvent("\r"))
	p.waitAnswer()
}

// waitAnswer waits until the status line has an answer.
func (p *page) waitAnswer() {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 90*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](answeredJS, chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		p.t.Fatalf("no answer: %v", err)
	}
}

// check runs the checks every state must pass: axe finds nothing, focus
// is on an element (after the answer and after one Tab), and at 320 px
// the page does not scroll sideways.
func (p *page) check(state string) {
	p.t.Helper()
	if !eval[bool](p, `typeof axe !== "undefined"`) {
		eval[bool](p, p.axe+";true")
	}
	for _, v := range eval[[]string](p, axeRunJS, await) {
		p.t.Errorf("%s: axe: %s", state, v)
	}
	if tag := eval[string](p, `document.activeElement ? document.activeElement.tagName : "none"`); state != "empty page" && (tag == "BODY" || tag == "none") {
		p.t.Errorf("%s: focus on <body> after the answer", state)
	}
	if state != "empty page" {
		if msg := eval[string](p, focusRingJS); msg != "" {
			p.t.Errorf("%s: %s", state, msg)
		}
	}
	p.do(chromedp.KeyEvent("\t"))
	if tag := eval[string](p, `document.activeElement.tagName`); tag == "BODY" {
		p.t.Errorf("%s: focus on <body> after Tab", state)
	}
	for _, width := range []int64{700, 320} {
		p.do(chromedp.EmulateViewport(width, 900))
		if cut := eval[[]string](p, brokenWordsJS); len(cut) > 0 {
			p.t.Errorf("%s at %d px: words cut in the problems table: %q", state, width, cut)
		}
	}
	if w := eval[int](p, `document.documentElement.scrollWidth`); w > 320 {
		wide := eval[[]string](p, `Array.from(document.querySelectorAll("body *")).filter(e => e.getBoundingClientRect().right > 320.5 && !e.closest(".table-wrap")).map(e => e.tagName + "#" + e.id + " " + Math.round(e.getBoundingClientRect().right)).slice(0, 8)`)
		p.t.Errorf("%s: at 320 px the page is %d px wide: %v", state, w, wide)
	}
	if v := eval[[]string](p, axeRunJS, await); len(v) > 0 {
		p.t.Errorf("%s at 320 px: axe: %v", state, v)
	}
	if dir := os.Getenv("PEGPDF_SCREENSHOTS"); dir != "" { // every state at 320 px, to look at
		ctx, cancel := context.WithTimeout(p.ctx, 30*time.Second)
		defer cancel()
		if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
			os.WriteFile(filepath.Join(dir, strings.NewReplacer(" ", "-", "(", "", ")", "", ",", "").Replace(state)+".png"), png, 0o644)
		}
	}
	p.do(chromedp.EmulateViewport(1100, 1400))
}

func (p *page) text(sel string) string {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 30*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.TextContent(sel))
	if err != nil {
		p.t.Fatal(err)
	}
	return s
}

func (p *page) focused() string { return eval[string](p, `document.activeElement.id`) }

func (p *page) attr(id, name string) string {
	return eval[string](p, `document.getElementById("`+id+`").getAttribute("`+name+`") || ""`)
}

// counting counts the API's POST requests.
func counting(h http.Handler, n *atomic.Int32) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == "POST" {
			n.Add(1)
		}
		h.ServeHTTP(w, r)
	})
}

func TestPageEndToEnd(t *testing.T) {
	axeJS, err := os.ReadFile("testdata/axe/axe.min.js")
	if err != nil {
		t.Fatal(err)
	}
	var posts atomic.Int32
	srv := httptest.NewServer(counting(New(Config{}), &posts))
	defer srv.Close()
	p := &page{t: t, ctx: browser(t), axe: string(axeJS)}
	good, _ := filepath.Abs("../samples/peg-2019.xlsx")
	bad := filepath.Join(t.TempDir(), "rotto.xlsx")
	os.WriteFile(bad, broken(t), 0o644)

	// Empty: axe, and every focus ring of the page at 3:1, by Tab.
	p.open(srv.URL)
	p.check("empty page")
	if !strings.Contains(p.text("#files-help"), "scarica il modello") || strings.Contains(p.text("body"), "«pegpdf modello»") {
		t.Errorf("the page does not offer the template: %q", p.text("#files-help"))
	}
	if href := p.attr("template", "href"); href != "api/template" {
		t.Errorf("template link %q", href)
	}
	if lim := p.text("#limits"); !strings.Contains(lim, "2 minuti") || !strings.Contains(lim, "20 MB") {
		t.Errorf("limits: %q", lim)
	}
	p.do(chromedp.Focus("#files"))
	for i := 0; i < 40; i++ {
		if msg := eval[string](p, focusRingJS); msg == "focus on <body>" {
			break
		} else if msg != "" {
			t.Errorf("focus ring: %s", msg)
		}
		p.do(chromedp.KeyEvent("\t"))
	}

	// No file chosen: the file input is marked and focused.
	p.open(srv.URL)
	p.submit()
	if p.focused() != "files" || p.attr("files", "aria-invalid") != "true" || !strings.Contains(p.text("#files-error"), "nessun file scelto") {
		t.Errorf("no file: focus %q, aria-invalid %q, %q", p.focused(), p.attr("files", "aria-invalid"), p.text("#files-error"))
	}
	p.check("no file")

	// A bad date: refused in the page, before sending, naming the label.
	p.open(srv.URL)
	before := posts.Load()
	p.do(chromedp.SetUploadFiles("#files", []string{good}), chromedp.SendKeys("#as-of", "31/02/2019"))
	p.submit()
	msg := p.text("#as-of-error")
	if p.focused() != "as-of" || p.attr("as-of", "aria-invalid") != "true" || !strings.Contains(msg, "«Data di riferimento del monitoraggio»") ||
		strings.Contains(msg, "as-of") || strings.Contains(msg, "cella") || posts.Load() != before {
		t.Errorf("bad date: focus %q, %q, %d requests sent", p.focused(), msg, posts.Load()-before)
	}
	if !strings.Contains(p.attr("as-of", "aria-describedby"), "as-of-error") || strings.Contains(p.text("body"), "si possono produrre") {
		t.Error("bad date: the error is not described, or the page says the documents can be made")
	}
	p.check("bad date")

	// A workbook with errors shows the problems table, focused.
	p.open(srv.URL)
	p.do(chromedp.SetUploadFiles("#files", []string{bad}))
	p.submit()
	table := p.text("#problems-body")
	for _, s := range []string{"rotto.xlsx", "Fasi", "D2", "errore", `"31/13/2019" non è una data`} {
		if !strings.Contains(table, s) {
			t.Errorf("the problems table lacks %q: %q", s, table)
		}
	}
	if f := p.focused(); f != "problems-title" {
		t.Errorf("focus on %q, want the problems' title", f)
	}
	if path := os.Getenv("PEGPDF_SCREENSHOT"); path != "" {
		shot(p, path, 1100)
	}
	if path := os.Getenv("PEGPDF_SCREENSHOT_320"); path != "" {
		shot(p, path, 320)
	}
	p.check("problems")

	// The problems as CSV: the button keeps the focus and says it is done.
	p.do(chromedp.Focus("#problems-csv"), chromedp.KeyEvent("\r"))
	p.waitAnswer()
	if s := p.text("#status"); !strings.Contains(s, "esito.csv") || p.focused() != "problems-csv" {
		t.Errorf("problems CSV: status %q, focus %q", s, p.focused())
	}
	p.check("problems CSV")

	// A good workbook with warnings gives the booklet, with its options.
	p.open(srv.URL)
	p.do(
		chromedp.SetUploadFiles("#files", []string{good}),
		chromedp.Click("#kind-booklet"),
		chromedp.SendKeys("#entity", "Comune di Prova"),
		chromedp.Click("#duplex"),
	)
	p.submit()
	status := p.text("#status")
	if !strings.HasPrefix(status, "Documento pronto, con ") || !strings.Contains(status, "avvis") || p.focused() != "result-title" {
		t.Errorf("success: status %q, focus %q", status, p.focused())
	}
	b64 := eval[string](p, blobJS, await)
	data, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pdfread.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) < 40 || !strings.Contains(doc.Pages[0].Text, "Comune di Prova") {
		t.Errorf("booklet: %d pages, cover %q", len(doc.Pages), doc.Pages[0].Text)
	}
	p.check("success")

	// The evaluation in CSV, as «pegpdf rapporto --csv».
	p.open(srv.URL)
	p.do(chromedp.SetUploadFiles("#files", []string{good}), chromedp.Click("#kind-evaluation"), chromedp.SendKeys("#as-of", "31/07/2019"))
	p.submit()
	if name := p.attr("download", "download"); name != "esiti.csv" || !strings.HasPrefix(p.text("#status"), "Documento pronto") {
		t.Errorf("evaluation: %q, status %q", name, p.text("#status"))
	}

	// A theme the server refuses: the theme field is marked and focused.
	theme := filepath.Join(t.TempDir(), "tema.toml")
	os.WriteFile(theme, []byte("[ente]\nlogo = \"stemma.png\"\n"), 0o644)
	p.open(srv.URL)
	p.do(chromedp.SetUploadFiles("#files", []string{good}), chromedp.SetUploadFiles("#theme", []string{theme}))
	p.submit()
	if p.focused() != "theme" || p.attr("theme", "aria-invalid") != "true" || !strings.Contains(p.text("#theme-error"), "«Tema dell'ente»") {
		t.Errorf("bad theme: focus %q, %q", p.focused(), p.text("#theme-error"))
	}
	p.check("bad theme")

	// A mapping file with a mistake: the mapping field is marked and
	// focused, the message names the file and the key.
	mapping := filepath.Join(t.TempDir(), "mappa-ufficio.toml")
	os.WriteFile(mapping, []byte("[colonne.obiettivi]\n\"Titol\" = \"Obiettivo\"\n"), 0o644)
	p.open(srv.URL)
	p.do(chromedp.SetUploadFiles("#files", []string{good}), chromedp.SetUploadFiles("#mapping", []string{mapping}))
	p.submit()
	if msg := p.text("#mapping-error"); p.focused() != "mapping" || p.attr("mapping", "aria-invalid") != "true" ||
		!strings.Contains(msg, "«Mappa delle colonne»") || !strings.Contains(msg, "mappa-ufficio.toml") || !strings.Contains(msg, `"Titol"`) {
		t.Errorf("bad mapping: focus %q, %q", p.focused(), msg)
	}
	p.check("bad mapping")

	// A good mapping: the workbook is read with it, the error is gone.
	os.WriteFile(mapping, []byte("[colonne.obiettivi]\n\"Titolo\" = \"Titolo\"\n"), 0o644)
	p.do(chromedp.SetUploadFiles("#mapping", []string{mapping}))
	p.submit()
	if p.attr("mapping", "aria-invalid") != "" || !strings.HasPrefix(p.text("#status"), "Documento pronto") {
		t.Errorf("good mapping: status %q, invalid %q", p.text("#status"), p.attr("mapping", "aria-invalid"))
	}
	p.check("good mapping")

	// Server-side errors: focus on the status line, which says what to do.
	busy := newServer(Config{MaxConcurrent: 1, QueueWait: 1500 * time.Millisecond})
	busy.slots <- struct{}{}
	slow := httptest.NewServer(busy.handler())
	defer slow.Close()
	timeout := httptest.NewServer(New(Config{Timeout: time.Millisecond}))
	defer timeout.Close()
	small := httptest.NewServer(New(Config{MaxBytes: 10 << 10}))
	defer small.Close()
	gone := httptest.NewServer(New(Config{}))
	for _, c := range []struct {
		name, url, want string
		before          func()
	}{
		{"busy (503)", slow.URL, "occupato", func() {
			p.do(chromedp.Focus("#go"), chromedp.KeyEvent("\r"), chromedp.WaitVisible("#elapsed"))
			if el := p.text("#elapsed"); !strings.Contains(el, "Tempo trascorso") || !strings.Contains(el, "al massimo 2 minuti") {
				t.Errorf("elapsed time while working: %q", el)
			}
		}},
		{"time limit (503)", timeout.URL, "ha superato il limite", nil},
		{"too large (413)", small.URL, "supera il limite di 10 KB", nil},
		{"server gone", gone.URL, "non risponde", func() { gone.Close() }},
	} {
		p.open(c.url)
		p.do(chromedp.SetUploadFiles("#files", []string{good}), chromedp.Click("#kind-booklet"))
		if c.before != nil {
			c.before()
		}
		p.submit()
		if s := p.text("#status"); !strings.Contains(s, c.want) || p.focused() != "status" || strings.Contains(p.text("body"), "si possono produrre") {
			t.Errorf("%s: status %q, focus %q", c.name, s, p.focused())
		}
		if p.attr("go", "disabled") != "" || p.attr("go", "aria-disabled") != "" {
			t.Errorf("%s: the button stays disabled", c.name)
		}
		p.check(c.name)
	}
}

// shot saves a screenshot: the whole page at desktop width; at a phone's
// width, one screen from the status line down (the problems as cards).
// TestLoginPageEndToEnd: a server open to the network with a token asks
// for it on an accessible page; without a token the page says that anyone
// on the network can use it.
func TestLoginPageEndToEnd(t *testing.T) {
	axeJS, err := os.ReadFile("testdata/axe/axe.min.js")
	if err != nil {
		t.Fatal(err)
	}
	p := &page{t: t, ctx: browser(t), axe: string(axeJS)}
	open := httptest.NewServer(New(Config{Remote: true}))
	defer open.Close()
	p.open(open.URL)
	p.do(chromedp.WaitVisible("#network"))
	if n := p.text("#network"); !strings.Contains(n, "aperta a tutta la rete, senza codice di accesso") {
		t.Errorf("network notice: %q", n)
	}
	p.check("empty page")

	locked := httptest.NewServer(New(Config{Remote: true, Token: "segreto-123"}))
	defer locked.Close()
	p.do(chromedp.Navigate(locked.URL+"/"), chromedp.WaitVisible("#token"))
	if f := p.focused(); f != "token" {
		t.Errorf("login: focus on %q", f)
	}
	p.check("login")
	p.do(chromedp.SendKeys("#token", "sbagliato\r"), chromedp.WaitVisible("#token-help.error"))
	if p.attr("token", "aria-invalid") != "true" || !strings.Contains(p.text("#token-help"), "errato") {
		t.Errorf("wrong token: %q", p.text("#token-help"))
	}
	p.check("login, wrong token")
	p.do(chromedp.SendKeys("#token", "segreto-123\r"), chromedp.WaitVisible("#files"), chromedp.WaitVisible("#network"))
	if n := p.text("#network"); !strings.Contains(n, "protetta da un codice di accesso") {
		t.Errorf("network notice with a token: %q", n)
	}
}

func shot(p *page, path string, width int64) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 30*time.Second)
	defer cancel()
	var png []byte
	var err error
	if width > 600 {
		p.do(chromedp.EmulateViewport(width, 900))
		png, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
	} else {
		p.do(chromedp.EmulateViewport(width, 1000))
		eval[bool](p, `document.getElementById("go").scrollIntoView(); true`)
		png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	}
	if err != nil {
		p.t.Fatal(err)
	}
	os.WriteFile(path, png, 0o644)
	p.do(chromedp.EmulateViewport(1100, 1400))
}
