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
	"github.com/pegpdf/pegpdf/templates"
)

// parsed is a finished document cut into objects, for tests.
type parsed struct {
	objs    []pdfObject
	index   map[int]int
	trailer []byte
}

func parseOutput(t testing.TB, pdf []byte) *parsed {
	t.Helper()
	_, objs, trailer, err := splitPDF(pdf)
	if err != nil {
		t.Fatalf("cannot cut the document into objects: %v", err)
	}
	p := &parsed{objs: objs, index: map[int]int{}, trailer: trailer}
	for i, o := range objs {
		p.index[o.num] = i
	}
	return p
}

func (p *parsed) body(t testing.TB, n int) []byte {
	t.Helper()
	i, ok := p.index[n]
	if !ok {
		t.Fatalf("object %d is missing", n)
	}
	return p.objs[i].body
}

var tagRE = regexp.MustCompile(`^[A-Z]{6}\+[!-~]+$`)

// checkFonts checks every Type0 font of pdf: the subset tag on all three
// names, a subset that an independent TrueType parser (x/image's sfnt)
// opens and whose cmap maps each character to the glyph the CIDToGIDMap
// gives, a cmap subtable whose length field is its length, and a
// ToUnicode entry for exactly the glyphs of the subset, each its own code
// point. It returns the fonts and every character they can show.
func checkFonts(t *testing.T, pdf []byte) ([]embeddedFont, map[rune]bool) {
	t.Helper()
	p := parseOutput(t, pdf)
	fonts, err := findFonts(p.objs, p.index)
	if err != nil {
		t.Fatal(err)
	}
	shown := map[rune]bool{}
	for _, f := range fonts {
		names := []string{
			string(baseFontRE.FindSubmatch(dictOf(p.body(t, f.type0)))[1]),
			string(baseFontRE.FindSubmatch(dictOf(p.body(t, f.cidFont)))[1]),
			string(fontNameRE.FindSubmatch(dictOf(p.body(t, f.descriptor)))[1]),
		}
		if !tagRE.MatchString(names[0]) || names[1] != names[0] || names[2] != names[0] {
			t.Errorf("font names %q: want one tagged name ABCDEF+Name", names)
		}
		gm, err := glyphMapOf(p.body(t, f.cidToGID))
		if err != nil || len(gm) == 0 {
			t.Fatalf("font %s: CIDToGIDMap: %v (%d glyphs)", names[0], err, len(gm))
		}
		ttf, err := streamData(p.body(t, f.file))
		if err != nil {
			t.Fatal(err)
		}
		if tag := subsetTag(ttf); !strings.HasPrefix(names[0], tag+"+") {
			t.Errorf("font %s: the tag is not derived from the subset (%s)", names[0], tag)
		}
		tables, err := sfntTables(ttf)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range tables {
			if tb.tag != "cmap" {
				continue
			}
			sub := binary.BigEndian.Uint32(tb.data[8:])
			if format := binary.BigEndian.Uint16(tb.data[sub:]); format != 4 {
				t.Errorf("font %s: cmap subtable format %d", names[0], format)
			}
			if length := binary.BigEndian.Uint16(tb.data[sub+2:]); int(length) != len(tb.data)-int(sub) {
				t.Errorf("font %s: cmap format 4 length field %d, the subtable has %d bytes", names[0], length, len(tb.data)-int(sub))
			}
		}
		font, err := sfnt.Parse(ttf)
		if err != nil {
			t.Fatalf("font %s: an independent parser refuses the subset: %v", names[0], err)
		}
		// The CIDSet lists CID 0 and every CID with a glyph, and so as
		// many CIDs as the program has glyphs (ISO 19005-2 6.2.11.4.2).
		set, err := streamData(p.body(t, refIn(cidSetRE, dictOf(p.body(t, f.descriptor)))))
		if err != nil {
			t.Fatalf("font %s: no CIDSet: %v", names[0], err)
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
			gid, err := font.GlyphIndex(&buf, e.r)
			if err != nil || uint16(gid) != e.gid {
				t.Errorf("font %s: the subset's cmap maps %U to glyph %d, the PDF says %d (%v)", names[0], e.r, gid, e.gid, err)
			}
		}
		tu, err := streamData(p.body(t, f.toUnicode))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(tu, []byte("<0000> <FFFF> <0000>")) {
			t.Errorf("font %s: the ToUnicode is still the fixed identity range", names[0])
		}
		m, err := parseToUnicode(tu)
		if err != nil {
			t.Fatalf("font %s: ToUnicode: %v", names[0], err)
		}
		if len(m) != len(gm) {
			t.Errorf("font %s: %d ToUnicode entries for %d glyphs", names[0], len(m), len(gm))
		}
		for _, e := range gm {
			if got := m[uint16(e.r)]; got != string(e.r) {
				t.Errorf("font %s: glyph %d (code %04X) maps to %q, want %q", names[0], e.gid, e.r, got, string(e.r))
			}
			shown[e.r] = true
		}
	}
	return fonts, shown
}

func slicesContainsRune(m glyphMap, r rune) bool {
	for _, e := range m {
		if e.r == r {
			return true
		}
	}
	return false
}

// faceCounts counts the fonts of a document by name without the tag.
func faceCounts(fonts []embeddedFont) map[string]int {
	n := map[string]int{}
	for _, f := range fonts {
		n[f.base]++
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
	if got := bytes.Count(b.Bytes(), []byte("/FontFile2 ")); got != 2 {
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
