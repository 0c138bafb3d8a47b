package render

import (
	"bytes"
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/pegpdf/pegpdf/render/internal/pdfasm"
)

const fpdfModule = "codeberg.org/go-pdf/fpdf"

// fpdfVersion is the version of the PDF library this test binary is built
// with.
func fpdfVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == fpdfModule {
				if m.Replace != nil {
					return m.Version + " (replaced by " + m.Replace.Path + " " + m.Replace.Version + ")"
				}
				return m.Version
			}
		}
	}
	// Test binaries carry no dependency list: read the module's go.mod.
	if mod, err := os.ReadFile("../go.mod"); err == nil {
		if m := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(fpdfModule) + ` (\S+)`).FindSubmatch(mod); m != nil {
			return string(m[1])
		}
	}
	return "(version unknown: see go.mod)"
}

// TestCanaryLibraryOutputShape checks, on the library's raw output, every
// assumption the assembler (pdfasm, which checks them with pdfasm.Check)
// makes with its regular expressions and fixed positions, and what render
// itself assumes: the fonts' names, and CIDs that are code points. When the
// library is upgraded and writes something else, this test names the
// version and the assumption, before a booklet comes out broken.
func TestCanaryLibraryOutputShape(t *testing.T) {
	t.Logf("checking the output of %s %s", fpdfModule, fpdfVersion())
	th := DefaultTheme()
	pages := []*page{
		{items: []item{{kind: textItem, x: 20, y: 20, text: "Città", font: font{regular, 10}}}},
		{items: []item{{kind: textItem, x: 20, y: 20, text: "Più", font: font{bold, 10}}}},
	}
	number(pages)
	raw, err := draw(&th, pages)
	if err != nil {
		t.Fatal(err)
	}
	fail := func(what string) {
		t.Helper()
		t.Errorf("%s %s no longer writes what the assembler expects: %s. Adapt the assembler (render/internal/pdfasm) before upgrading.", fpdfModule, fpdfVersion(), what)
	}
	if err := pdfasm.Check(raw); err != nil {
		fail(err.Error())
	}
	fonts, err := pdfasm.Fonts(raw)
	if err != nil || len(fonts) != 2 {
		fail("two Type0 fonts, one per face drawn")
		return
	}
	for _, f := range fonts {
		if f.Base != "utf8go" && f.Base != "utf8goB" {
			fail("fonts named /BaseFont /utf8go and /utf8goB, got " + f.Base)
		}
		if f.Encoding != "Identity-H" {
			fail("Identity-H encoding, codes being CIDs")
		}
		// The CIDs are the code points: 'C' drawn with the regular face, 'P' with the bold.
		want := map[string]rune{"utf8go": 'C', "utf8goB": 'P'}[f.Base]
		found := false
		for _, e := range f.Glyphs {
			found = found || e.R == want
		}
		if !found {
			fail("CIDs equal to Unicode code points")
		}
		if !bytes.Contains(f.ToUnicode, []byte("<0000> <FFFF> <0000>")) {
			// Not a failure of ours: the library may have learnt to write a
			// real ToUnicode, which pdfasm would then overwrite needlessly.
			t.Logf("%s %s writes its own ToUnicode now; pdfasm still replaces it", fpdfModule, fpdfVersion())
		}
	}
}

// TestCanaryFails: the canary's checks fail on output of another shape,
// naming what is wrong.
func TestCanaryFails(t *testing.T) {
	th := DefaultTheme()
	pages := []*page{{items: []item{{kind: textItem, x: 20, y: 20, text: "Città", font: font{regular, 10}}}}}
	number(pages)
	raw, err := draw(&th, pages)
	if err != nil {
		t.Fatal(err)
	}
	for what, bad := range map[string][]byte{
		"cross-reference table":  bytes.Replace(raw, []byte("xref\n0 "), []byte("xref\n1 "), 1),
		"Pages root as object 1": bytes.Replace(raw, []byte("/Type /Pages"), []byte("/Type /Pagez"), 1),
		"Identity-H":             bytes.Replace(raw, []byte("/Identity-H"), []byte("/Identity-V"), 1),
	} {
		err := pdfasm.Check(bad)
		if err == nil || !strings.Contains(err.Error(), what) {
			t.Errorf("%s: %v", what, err)
		}
	}
}
