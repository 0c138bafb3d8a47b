package verify

import (
	"bytes"
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

// TestPDFAPasses: sheets and booklets made with PDFA pass every rule.
func TestPDFAPasses(t *testing.T) {
	for name, data := range map[string][]byte{"sheet": sheet(t, true), "booklet": booklet(t, true)} {
		rs, err := Check(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(rs) != len(Rules) {
			t.Errorf("%s: %d results for %d rules", name, len(rs), len(Rules))
		}
		if f := failed(rs); len(f) > 0 {
			t.Errorf("%s fails: %v", name, f)
		}
	}
}

// TestWithoutPDFA: plain documents pass every rule but the PDF/A metadata
// and OutputIntent (their XMP, there for PDF/UA, agrees with Info).
func TestWithoutPDFA(t *testing.T) {
	for name, data := range map[string][]byte{"sheet": sheet(t, false), "booklet": booklet(t, false)} {
		rs, err := Check(data)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, r := range rs {
			if !r.Pass {
				got[r.Rule] = true
			}
		}
		if len(got) != 2 || !got["metadati XMP"] || !got["OutputIntent sRGB"] {
			t.Errorf("%s: failed %v", name, failed(rs))
		}
	}
}

// pad replaces the catalog's ViewerPreferences entry with s, padded to the
// same length, so that offsets stay right.
func pad(s string) func([]byte) []byte {
	const vp = "/ViewerPreferences << /DisplayDocTitle true >>"
	return func(b []byte) []byte {
		if len(s) > len(vp) {
			panic("too long: " + s)
		}
		return bytes.Replace(b, []byte(vp), []byte(s+strings.Repeat(" ", len(vp)-len(s))), 1)
	}
}

func replace(old, new string) func([]byte) []byte {
	if len(old) != len(new) {
		panic("lengths differ")
	}
	return func(b []byte) []byte { return bytes.ReplaceAll(b, []byte(old), []byte(new)) }
}

// TestBrokenRules: a PDF/A document broken on purpose fails the rule it
// breaks, and only that one.
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
			rs, err := Check(bad)
			if err != nil {
				t.Fatal(err)
			}
			f := failed(rs)
			if len(f) != 1 || !strings.HasPrefix(f[0], c.rule+":") {
				t.Errorf("failed %v, want only %q", f, c.rule)
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

func TestNotAPDF(t *testing.T) {
	if _, err := Check([]byte("not a pdf")); err == nil {
		t.Error("no error")
	}
}
