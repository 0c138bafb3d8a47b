//go:build e2e

// The end-to-end test drives the real page in headless Chromium (Debian's
// chromium package at /usr/bin/chromium, installed by .ci/run):
//
//	go test -tags e2e ./server
//
// PEGPDF_SCREENSHOT=docs/web.png also saves a screenshot of the page.
package server

import (
	"context"
	"encoding/base64"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil { // starts the browser
		t.Fatalf("chromium: %v", err)
	}
	return ctx
}

// blob reads the downloaded file behind the page's download link.
const blobJS = `(async () => {
  const b = new Uint8Array(await (await fetch(document.getElementById("download").href)).arrayBuffer());
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode.apply(null, b.subarray(i, i + 8192));
  return btoa(s);
})()`

func TestPageEndToEnd(t *testing.T) {
	srv := httptest.NewServer(New(Config{}))
	defer srv.Close()
	ctx := browser(t)
	good, _ := filepath.Abs("../samples/peg-2019.xlsx")

	// A good workbook gives the booklet.
	step, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	err := chromedp.Do(step,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible("#files"),
		chromedp.SetUploadFiles("#files", []string{good}),
		chromedp.Click("#kind-booklet"),
		chromedp.SendKeys("#entity", "Comune di Prova"),
		chromedp.Click("#go"),
		chromedp.WaitVisible("#result"),
	)
	if err != nil {
		t.Fatal(err)
	}
	status, err := chromedp.Run(step, chromedp.Text("#status"))
	if err != nil {
		t.Fatal(err)
	}
	b64, err := chromedp.Run(step, chromedp.Evaluate[string](blobJS, func(p *runtime.EvaluateParams) { yes := true; p.AwaitPromise = &yes }))
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pdfread.Read(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) < 40 || !strings.Contains(doc.Pages[0].Text, "Comune di Prova") || !strings.Contains(status, "pronto") {
		t.Errorf("booklet: %d pages, cover %q, status %q", len(doc.Pages), doc.Pages[0].Text, status)
	}

	// A workbook with errors shows the problems table, focused.
	bad := filepath.Join(t.TempDir(), "rotto.xlsx")
	os.WriteFile(bad, broken(t), 0o644)
	err = chromedp.Do(step,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible("#files"),
		chromedp.SetUploadFiles("#files", []string{bad}),
		chromedp.Click("#go"),
		chromedp.WaitVisible("#problems"),
	)
	if err != nil {
		t.Fatal(err)
	}
	table, err := chromedp.Run(step, chromedp.Text("#problems-body"))
	if err != nil {
		t.Fatal(err)
	}
	focused, err := chromedp.Run(step, chromedp.Evaluate[string](`document.activeElement.id`))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"rotto.xlsx", "Fasi", "D2", "errore", `"31/13/2019" non è una data`} {
		if !strings.Contains(table, s) {
			t.Errorf("the problems table lacks %q: %q", s, table)
		}
	}
	if focused != "problems-title" {
		t.Errorf("focus on %q, want the problems' title", focused)
	}
	if path := os.Getenv("PEGPDF_SCREENSHOT"); path != "" {
		png, err := chromedp.Run(step, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(path, png, 0o644)
	}
	// At 200% zoom (half the width), the page reflows: no sideways scrolling.
	err = chromedp.Do(step, chromedp.EmulateViewport(550, 900), chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible("#files"))
	if err != nil {
		t.Fatal(err)
	}
	overflow, err := chromedp.Run(step, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
	if err != nil || overflow {
		t.Errorf("at 200%% zoom the page scrolls sideways (%v)", err)
	}
}
