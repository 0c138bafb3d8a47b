package render

import (
	"bytes"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/image/font/sfnt"

	"github.com/pegpdf/pegpdf/internal/peggen"
	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/render/internal/pdfasm"
	"github.com/pegpdf/pegpdf/templates"
)

// parsed is a finished document cut into objects, for tests.
type parsed struct {
	objs    []pdfasm.Object
	index   map[int]int
	trailer []byte
}

func parseOutput(t testing.TB, pdf []byte) *parsed {
	t.Helper()
	objs, trailer, err := pdfasm.Objects(pdf) // classic or compact
	if err != nil {
		t.Fatalf("cannot cut the document into objects: %v", err)
	}
	p := &parsed{objs: objs, index: map[int]int{}, trailer: trailer}
	for i, o := range objs {
		p.index[o.Num] = i
	}
	return p
}

func (p *parsed) body(t testing.TB, n int) []byte {
	t.Helper()
	i, ok := p.index[n]
	if !ok {
		t.Fatalf("object %d is missing", n)
	}
	return p.objs[i].Body
}

// expanded is a document's objects one after the other, those of its
// object streams included: what a search of the file's bytes for a
// dictionary entry should look at.
func expanded(t testing.TB, pdf []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, o := range parseOutput(t, pdf).objs {
		b.Write(o.Body)
	}
	return b.Bytes()
}

var tagRE = regexp.MustCompile(`^[A-Z]{6}\+[!-~]+$`)

// checkFonts checks every Type0 font of pdf: the subset tag on all three
// names, a subset that an independent TrueType parser (x/image's sfnt)
// opens and whose cmap maps each character to the glyph the CIDToGIDMap
// gives, a cmap subtable whose length field is its length, and a
// ToUnicode entry for exactly the glyphs of the subset, each its own code
// point. It returns the fonts and every character they can show.
func checkFonts(t *testing.T, pdf []byte) ([]pdfasm.Font, map[rune]bool) {
	t.Helper()
	fonts, err := pdfasm.Fonts(pdf)
	if err != nil {
		t.Fatal(err)
	}
	shown := map[rune]bool{}
	for _, f := range fonts {
		names := f.Names
		if !tagRE.MatchString(names[0]) || names[1] != names[0] || names[2] != names[0] {
			t.Errorf("font names %q: want one tagged name ABCDEF+Name", names)
		}
		gm := f.Glyphs
		if len(gm) == 0 {
			t.Fatalf("font %s: an empty CIDToGIDMap", names[0])
		}
		ttf := f.Program
		if tag := pdfasm.SubsetTag(ttf); !strings.HasPrefix(names[0], tag+"+") {
			t.Errorf("font %s: the tag is not derived from the subset (%s)", names[0], tag)
		}
		cmap := sfntTable(t, ttf, "cmap")
		if cmap == nil {
			t.Errorf("font %s: no cmap", names[0])
		} else {
			sub := binary.BigEndian.Uint32(cmap[8:])
			if format := binary.BigEndian.Uint16(cmap[sub:]); format != 4 {
				t.Errorf("font %s: cmap subtable format %d", names[0], format)
			}
			if length := binary.BigEndian.Uint16(cmap[sub+2:]); int(length) != len(cmap)-int(sub) {
				t.Errorf("font %s: cmap format 4 length field %d, the subtable has %d bytes", names[0], length, len(cmap)-int(sub))
			}
		}
		font, err := sfnt.Parse(ttf)
		if err != nil {
			t.Fatalf("font %s: an independent parser refuses the subset: %v", names[0], err)
		}
		// The CIDSet lists CID 0 and every CID with a glyph, and so as
		// many CIDs as the program has glyphs (ISO 19005-2 6.2.11.4.2).
		set := f.CIDSet
		if set == nil {
			t.Fatalf("font %s: no CIDSet", names[0])
		}
		bits := 0
		for i, c := range set {
			for k := range 8 {
				if c&(0x80>>k) == 0 {
					continue
				}
				bits++
				if cid := 8*i + k; cid > 0 && !slicesContainsRune(gm, rune(cid)) {
					t.Errorf("font %s: the CIDSet lists CID %d, which has no glyph", names[0], cid)
				}
			}
		}
		if bits != font.NumGlyphs() {
			t.Errorf("font %s: the CIDSet lists %d CIDs, the subset has %d glyphs", names[0], bits, font.NumGlyphs())
		}
		var buf sfnt.Buffer
		for _, e := range gm {
			gid, err := font.GlyphIndex(&buf, e.R)
			if err != nil || uint16(gid) != e.GID {
				t.Errorf("font %s: the subset's cmap maps %U to glyph %d, the PDF says %d (%v)", names[0], e.R, gid, e.GID, err)
			}
		}
		tu := f.ToUnicode
		if bytes.Contains(tu, []byte("<0000> <FFFF> <0000>")) {
			t.Errorf("font %s: the ToUnicode is still the fixed identity range", names[0])
		}
		m, err := pdfasm.ParseToUnicode(tu)
		if err != nil {
			t.Fatalf("font %s: ToUnicode: %v", names[0], err)
		}
		if len(m) != len(gm) {
			t.Errorf("font %s: %d ToUnicode entries for %d glyphs", names[0], len(m), len(gm))
		}
		for _, e := range gm {
			if got := m[uint16(e.R)]; got != string(e.R) {
				t.Errorf("font %s: glyph %d (code %04X) maps to %q, want %q", names[0], e.GID, e.R, got, string(e.R))
			}
			shown[e.R] = true
		}
	}
	return fonts, shown
}

// sfntTable is the table tag of a TrueType file, read independently of
// pdfasm; nil if it has none.
func sfntTable(t *testing.T, ttf []byte, tag string) []byte {
	t.Helper()
	if len(ttf) < 12 {
		t.Fatal("not a TrueType file")
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := range n {
		rec := ttf[12+16*i : 28+16*i]
		if string(rec[:4]) == tag {
			off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
			return ttf[off : off+length]
		}
	}
	return nil
}

func slicesContainsRune(m []pdfasm.Glyph, r rune) bool {
	for _, e := range m {
		if e.R == r {
			return true
		}
	}
	return false
}

// faceCounts counts the fonts of a document by name without the tag.
func faceCounts(fonts []pdfasm.Font) map[string]int {
	n := map[string]int{}
	for _, f := range fonts {
		n[f.Base]++
	}
	return n
}

// TestFontInternalsSheet: a sheet's two fonts are tagged subsets with a
// valid cmap and a ToUnicode entry for every glyph, and every character
// a reader extracts from the page is one of them.
func TestFontInternalsSheet(t *testing.T) {
	doc, pdf := renderSheet(t, templates.Example().Objectives[0], Options{})
	fonts, shown := checkFonts(t, pdf)
	if n := faceCounts(fonts); len(fonts) != 2 || n["GoRegular"] != 1 || n["Go-Bold"] != 1 {
		t.Errorf("fonts %v, want GoRegular and Go-Bold once each", n)
	}
	for _, r := range allText(doc) {
		if !unicode.IsSpace(r) && !shown[r] {
			t.Errorf("the page shows %q, which no ToUnicode maps", r)
		}
	}
}

// TestFontsOnceInBooklet: a booklet long enough to be drawn in parts (407
// pages: two parts) embeds each face exactly once, as one subset of every
// character of every part, and its text still reads back.
func TestFontsOnceInBooklet(t *testing.T) {
	if testing.Short() {
		t.Skip("a 407-page booklet")
	}
	plan := peggen.Plan(peggen.Options{N: 200, Seed: 3})
	objs := plan.Objectives
	model.SortForBooklet(objs)
	// Characters only the first part draws, and others only the last.
	first, last := "Ĉapelo ĝis ŝŭo", "Ωμέγα Жизнь ½ ≤ ∑ œ ł"
	objs[0].Description += " " + first
	objs[len(objs)-1].Description += " " + last
	th := DefaultTheme()
	var b bytes.Buffer
	if err := Booklet(&b, &th, objs, BookletInfo{Year: 2019, Entity: "Comune di Prova"}, Options{}, Meta{Created: time.Date(2019, 2, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	doc, err := readPDF(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) <= pagesPerPart {
		t.Fatalf("%d pages: the booklet is drawn in one part, the test proves nothing", len(doc.Pages))
	}
	t.Logf("%d pages, %d KB", len(doc.Pages), b.Len()/1024)
	fonts, shown := checkFonts(t, b.Bytes())
	if n := faceCounts(fonts); len(fonts) != 2 || n["GoRegular"] != 1 || n["Go-Bold"] != 1 {
		t.Errorf("fonts %v, want GoRegular and Go-Bold once each", n)
	}
	for _, r := range allText(doc) {
		if !unicode.IsSpace(r) && !shown[r] {
			t.Errorf("the booklet shows %q, which no ToUnicode maps", r)
		}
	}
	text := strings.Join(strings.Fields(allText(doc)), " ")
	for _, w := range []string{first, last} {
		if !strings.Contains(text, w) {
			t.Errorf("the booklet does not say %q", w)
		}
	}
	if got := bytes.Count(expanded(t, b.Bytes()), []byte("/FontFile2 ")); got != 2 {
		t.Errorf("%d font programs embedded, want 2", got)
	}
	_, sheet := renderSheet(t, templates.Example().Objectives[0], Options{PDFA: true})
	checkWithFontTools(t, map[string][]byte{"booklet.pdf": b.Bytes(), "sheet.pdf": sheet})
}

// checkWithFontTools runs scripts/check-fonts.py (fontTools and pikepdf,
// independent of this code) on the documents, when Python has them.
func checkWithFontTools(t *testing.T, docs map[string][]byte) {
	t.Helper()
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import fontTools, pikepdf").Run(); err != nil {
		t.Log("skipping the fontTools check: install python3-fonttools and python3-pikepdf")
		return
	}
	dir := t.TempDir()
	args := []string{filepath.Join("..", "scripts", "check-fonts.py")}
	for name, pdf := range docs {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	out, err := exec.Command(python, args...).CombinedOutput()
	if err != nil {
		t.Errorf("check-fonts.py: %v\n%s", err, out)
	} else {
		t.Logf("check-fonts.py:\n%s", out)
	}
}
