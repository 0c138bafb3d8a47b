package verify

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/pegpdf/pegpdf/internal/peggen"
	pegmodel "github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/render"
	"github.com/pegpdf/pegpdf/templates"
)

var created = time.Date(2019, 7, 31, 10, 0, 0, 0, time.FixedZone("CEST", 2*3600))

func sheet(t *testing.T, pdfa bool) []byte {
	t.Helper()
	th := render.DefaultTheme()
	var b bytes.Buffer
	o := templates.Example().Objectives[0]
	if err := render.Sheet(&b, &th, o, render.Options{PDFA: pdfa}, render.Meta{Author: "Comune di Esempio", Created: created}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func booklet(t *testing.T, pdfa bool) []byte {
	t.Helper()
	th := render.DefaultTheme()
	objs := peggen.Plan(peggen.Options{N: 30, Seed: 3, Monitoring: 0.5}).Objectives
	pegmodel.SortForBooklet(objs)
	var b bytes.Buffer
	err := render.Booklet(&b, &th, objs, render.BookletInfo{Entity: "Comune di Esempio", Year: 2019},
		render.Options{PDFA: pdfa}, render.Meta{Author: "Comune di Esempio", Created: created})
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func failed(rs []Result) []string {
	var out []string
	for _, r := range rs {
		if !r.Pass {
			out = append(out, r.Rule+": "+r.Detail)
		}
	}
	return out
}

// failedIn lists the failures of one group.
func failedIn(rs []Result, g Group) []string {
	var out []string
	for _, r := range rs {
		if !r.Pass && r.Group == g {
			out = append(out, r.Rule+": "+r.Detail)
		}
	}
	return out
}

func count(g Group) int {
	n := 0
	for _, r := range Rules() {
		if r.Group == g {
			n++
		}
	}
	return n
}

// TestPDFAPasses: sheets and booklets made with PDFA claim PDF/A-2 and
// pass every PDF/A rule; once they are tagged, every accessibility rule too.
func TestPDFAPasses(t *testing.T) {
	for name, data := range map[string][]byte{"sheet": sheet(t, true), "booklet": booklet(t, true)} {
		rep, err := Inspect(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !rep.PDFAChecked || !strings.HasPrefix(rep.Claims.PDFA, "2") {
			t.Errorf("%s: claims %+v", name, rep.Claims)
		}
		if len(rep.Results) != len(Rules()) {
			t.Errorf("%s: %d results for %d rules", name, len(rep.Results), len(Rules()))
		}
		if f := failedIn(rep.Results, PDFA); len(f) > 0 {
			t.Errorf("%s fails: %v", name, f)
		}
		if f := failedIn(rep.Results, Accessibility); rep.Claims.Tagged && len(f) > 0 {
			t.Errorf("%s is tagged but fails: %v", name, f)
		}
	}
}

// TestWithoutPDFA: plain documents do not claim PDF/A, and the PDF/A rules
// are not reported on them; the accessibility rules are.
func TestWithoutPDFA(t *testing.T) {
	for name, data := range map[string][]byte{"sheet": sheet(t, false), "booklet": booklet(t, false)} {
		rep, err := Inspect(data)
		if err != nil {
			t.Fatal(err)
		}
		if rep.PDFAChecked || rep.Claims.PDFA != "" {
			t.Errorf("%s: claims %+v", name, rep.Claims)
		}
		if len(rep.Results) != count(Accessibility) {
			t.Errorf("%s: %d results", name, len(rep.Results))
		}
		for _, r := range rep.Results {
			if r.Group != Accessibility {
				t.Errorf("%s: PDF/A rule %q reported", name, r.Rule)
			}
		}
	}
}

// pad adds the entry s to the catalog, moving the xref offsets after it
// and startxref, so that the file stays well formed.
func pad(s string) func([]byte) []byte {
	return func(b []byte) []byte {
		at := bytes.Index(b, []byte("/Type /Catalog"))
		if at < 0 {
			panic("no catalog")
		}
		add := []byte(s + "\n")
		out := append(append(append([]byte{}, b[:at]...), add...), b[at:]...)
		shift := func(m []byte) []byte {
			var off int
			fmt.Sscanf(string(m), "%010d", &off)
			if off > at {
				off += len(add)
			}
			return []byte(fmt.Sprintf("%010d", off) + string(m[10:]))
		}
		out = regexp.MustCompile(`(?m)^\d{10} \d{5} n`).ReplaceAllFunc(out, shift)
		return regexp.MustCompile(`startxref\n\d+`).ReplaceAllFunc(out, func(m []byte) []byte {
			var off int
			fmt.Sscanf(string(m), "startxref\n%d", &off)
			return []byte(fmt.Sprintf("startxref\n%d", off+len(add)))
		})
	}
}

func replace(old, new string) func([]byte) []byte {
	if len(old) != len(new) {
		panic("lengths differ")
	}
	return func(b []byte) []byte { return bytes.ReplaceAll(b, []byte(old), []byte(new)) }
}

// newFailures lists the rules that fail in after but passed in before.
func newFailures(before, after []Result) []string {
	was := map[string]bool{}
	for _, r := range before {
		was[r.Rule] = r.Pass
	}
	var out []string
	for _, r := range after {
		if !r.Pass && was[r.Rule] {
			out = append(out, r.Rule+": "+r.Detail)
		}
	}
	return out
}

// TestBrokenRules: a PDF/A document broken on purpose fails the rule it
// breaks, and only that one (the accessibility rules are left out of the
// comparison only as long as they already fail on pegpdf's output).
func TestBrokenRules(t *testing.T) {
	cases := []struct {
		rule   string
		base   func(*testing.T, bool) []byte
		break_ func([]byte) []byte
	}{
		{"intestazione", sheet, replace("%PDF-1.7", "%PDF-2.0")},
		{"intestazione", sheet, replace("%PDF-1.7\n%\xE2\xE3\xCF\xD3", "%PDF-1.7\n%abcd")},
		{"identificativo", sheet, replace("/ID [", "/XD [")},
		{"metadati XMP", sheet, replace("<pdfaid:part>2<", "<pdfaid:part>1<")},
		{"metadati coerenti", sheet, replace("<rdf:li>Comune di Esempio<", "<rdf:li>Comune di Esempiz<")},
		{"metadati coerenti", sheet, replace("<xmp:ModifyDate>2019-07-31T10", "<xmp:ModifyDate>2019-07-31T11")},
		{"OutputIntent sRGB", sheet, replace("/OutputIntents", "/OutputIntentz")},
		{"font incorporati", sheet, replace("/FontFile2", "/FontFileX")},
		{"niente trasparenza", sheet, pad("/Group << /S /Transparency /CS /DeviceRGB >>")},
		{"niente trasparenza", sheet, pad("/X << /Type /ExtGState /ca 0.5 >>")},
		{"annotazioni stampabili", booklet, replace("/F 4 /Dest", "/F 0 /Dest")},
		{"niente file incorporati", sheet, pad("/Names << /EmbeddedFiles << /Names [] >> >>")},
		{"niente JavaScript", sheet, pad("/OpenAction << /S /JavaScript /JS (1) >>")},
		{"lingua", sheet, replace("/Lang (it-IT)", "/Lanx (it-IT)")},
	}
	for _, c := range cases {
		t.Run(c.rule, func(t *testing.T) {
			good := c.base(t, true)
			bad := c.break_(good)
			if bytes.Equal(good, bad) {
				t.Fatal("the document did not change")
			}
			before, err := Check(good)
			if err != nil {
				t.Fatal(err)
			}
			rs, err := Check(bad)
			if err != nil {
				t.Fatal(err)
			}
			if f := newFailures(before, rs); len(f) != 1 || !strings.HasPrefix(f[0], c.rule+":") {
				t.Errorf("newly failed %v, want only %q", f, c.rule)
			}
		})
	}
}

// TestEncrypted: a document encrypted by pdfcpu fails "non cifrato".
func TestEncrypted(t *testing.T) {
	conf := model.NewAESConfiguration("utente", "proprietario", 256)
	var out bytes.Buffer
	if err := api.Encrypt(bytes.NewReader(sheet(t, true)), &out, conf); err != nil {
		t.Fatal(err)
	}
	rs, err := Check(out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	f := failed(rs)
	if len(f) != 1 || !strings.HasPrefix(f[0], "non cifrato:") {
		t.Errorf("failed %v", f)
	}
}

// TestNotAPDF: a file that is not a PDF, or a PDF cut short, is a
// *ReadError in Italian, never the parser's English.
func TestNotAPDF(t *testing.T) {
	good := sheet(t, true)
	for name, data := range map[string][]byte{
		"text":      []byte("not a pdf"),
		"empty":     nil,
		"xlsx":      []byte("PK\x03\x04 a workbook"),
		"truncated": good[:len(good)/3],
		"header":    []byte("%PDF-1.7\n"),
	} {
		_, err := Check(data)
		var re *ReadError
		if !errors.As(err, &re) {
			t.Errorf("%s: error %v", name, err)
			continue
		}
		msg := err.Error()
		for _, english := range []string{"pdfcpu", "xRefTable", "failed", "Read:", "invalid"} {
			if strings.Contains(msg, english) {
				t.Errorf("%s: %q has %q", name, msg, english)
			}
		}
	}
	if _, err := Check([]byte("not a pdf")); !strings.Contains(fmt.Sprint(err), "non è un PDF") {
		t.Errorf("not a PDF: %v", err)
	}
}

// TestFontsInObjectStreams: plain files keep their fonts in object streams;
// the font rule must see them, not pass on "0 font".
func TestFontsInObjectStreams(t *testing.T) {
	for name, data := range map[string][]byte{"plain": sheet(t, false), "pdfa": sheet(t, true)} {
		rs, err := Check(data)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range rs {
			if r.Rule == "font incorporati" {
				found = true
				if !r.Pass || r.Detail == "0 font" {
					t.Errorf("%s: font rule %v %q", name, r.Pass, r.Detail)
				}
			}
		}
		if !found {
			t.Errorf("%s: no font rule", name)
		}
	}
}
