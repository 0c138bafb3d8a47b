package pdfasm

import (
	"encoding/binary"
	"regexp"
	"sort"
	"testing"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// tagRE is a tagged subset name.
var tagRE = regexp.MustCompile(`^[A-Z]{6}\+[!-~]+$`)

func glyphs(pairs ...int) glyphMap {
	var m glyphMap
	for i := 0; i+1 < len(pairs); i += 2 {
		m = append(m, Glyph{rune(pairs[i]), uint16(pairs[i+1])})
	}
	return m
}

// TestCmapFormat4: runs of consecutive characters and glyphs share a
// segment; an independent parser maps every character to its glyph and
// nothing else to a glyph; the length field is the subtable's length.
func TestCmapFormat4(t *testing.T) {
	m := glyphs(' ', 1, 'A', 2, 'B', 3, 'C', 4, 'a', 5, 'c', 6, 0xE0, 7, 0x2013, 8, 0xFFFD, 9)
	cmap := cmapFormat4(m)
	sub := cmap[12:]
	if n := binary.BigEndian.Uint16(sub[2:]); int(n) != len(sub) {
		t.Errorf("length field %d, subtable %d bytes", n, len(sub))
	}
	if segs := binary.BigEndian.Uint16(sub[6:]) / 2; segs != 8 { // ' ', A-C, a, c, à, –, U+FFFD, the closing one
		t.Errorf("%d segments, want 8", segs)
	}
	tables, err := sfntTables(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	for i := range tables {
		if tables[i].tag == "cmap" {
			tables[i].data = cmap
		}
	}
	ttf, err := sfntJoin(tables)
	if err != nil {
		t.Fatal(err)
	}
	if sum := sfntChecksum(ttf); sum != 0xB1B0AFBA {
		t.Errorf("whole-font checksum %08X, want B1B0AFBA", sum)
	}
	f, err := sfnt.Parse(ttf)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	want := map[rune]uint16{}
	for _, e := range m {
		want[e.R] = e.GID
	}
	for _, r := range []rune{' ', '!', '@', 'A', 'B', 'C', 'D', 'a', 'b', 'c', 0xE0, 0x2013, 0x2014, 0xFFFD} {
		gid, err := f.GlyphIndex(&buf, r)
		if err != nil || uint16(gid) != want[r] {
			t.Errorf("%U: glyph %d, want %d (%v)", r, gid, want[r], err)
		}
	}
}

// TestToUnicodeRoundTrip: what toUnicodeCMap writes, parseToUnicode reads
// back, in blocks of at most 100; bfrange entries are read too.
func TestToUnicodeRoundTrip(t *testing.T) {
	var m glyphMap
	for r := rune(0x20); r < 0x20+250; r++ {
		m = append(m, glyphs(int(r), int(r-0x1F))...)
	}
	cm := toUnicodeCMap(m)
	got, err := ParseToUnicode(cm)
	if err != nil || len(got) != 250 {
		t.Fatalf("%d entries, %v", len(got), err)
	}
	for _, e := range m {
		if got[uint16(e.R)] != string(e.R) {
			t.Errorf("%04X -> %q", e.R, got[uint16(e.R)])
		}
	}
	ranges, err := ParseToUnicode([]byte("1 beginbfrange\n<0041> <0043> <0061>\nendbfrange\n1 beginbfchar\n<0044> <D835DC00>\nendbfchar"))
	if err != nil || ranges[0x41] != "a" || ranges[0x43] != "c" || ranges[0x44] != "\U0001D400" {
		t.Errorf("bfrange and surrogates: %v, %v", ranges, err)
	}
	if _, err := ParseToUnicode([]byte("1 beginbfchar\n<41> <0041>\nendbfchar")); err == nil {
		t.Error("a one-byte code was accepted")
	}
}

// TestSubsetTag: six capital letters, the same for the same subset,
// different for a different one; untagged removes exactly a tag.
func TestSubsetTag(t *testing.T) {
	a, b := SubsetTag([]byte("uno")), SubsetTag([]byte("due"))
	if !tagRE.MatchString(a+"+X") || a != SubsetTag([]byte("uno")) || a == b {
		t.Errorf("tags %q %q", a, b)
	}
	for in, want := range map[string]string{"ABCDEF+Go-Bold": "Go-Bold", "Go-Bold": "Go-Bold", "ABCDEf+X": "ABCDEf+X", "ABCDEFG": "ABCDEFG"} {
		if got := untagged(in); got != want {
			t.Errorf("untagged(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPruneGlyphs: a font cut down to a few characters keeps .notdef and
// their glyphs only, renumbered, with the same advances and outlines'
// bounds as in the whole font.
func TestPruneGlyphs(t *testing.T) {
	orig, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	var m glyphMap
	for _, r := range "Aaàé€ " {
		g, err := orig.GlyphIndex(&buf, r)
		if err != nil || g == 0 {
			t.Fatalf("%q: %v", r, err)
		}
		m = append(m, glyphs(int(r), int(g))...)
	}
	sort.Slice(m, func(i, j int) bool { return m[i].R < m[j].R })
	ttf, pruned, _, err := fixSubset(goregular.TTF, m)
	if err != nil {
		t.Fatal(err)
	}
	f, err := sfnt.Parse(ttf)
	if err != nil {
		t.Fatal(err)
	}
	if f.NumGlyphs() != len(m)+1 {
		t.Errorf("%d glyphs, want %d", f.NumGlyphs(), len(m)+1)
	}
	ppem := fixed.I(1000)
	for i, e := range pruned {
		g, err := f.GlyphIndex(&buf, e.R)
		if err != nil || uint16(g) != e.GID {
			t.Errorf("%q: glyph %d, the map says %d", e.R, g, e.GID)
		}
		a1, _ := orig.GlyphAdvance(&buf, sfnt.GlyphIndex(m[i].GID), ppem, xfont.HintingNone)
		a2, _ := f.GlyphAdvance(&buf, g, ppem, xfont.HintingNone)
		b1, _, _ := orig.GlyphBounds(&buf, sfnt.GlyphIndex(m[i].GID), ppem, xfont.HintingNone)
		b2, _, _ := f.GlyphBounds(&buf, g, ppem, xfont.HintingNone)
		if a1 != a2 || b1 != b2 {
			t.Errorf("%q: advance %v bounds %v, was %v %v", e.R, a2, b2, a1, b1)
		}
	}
}

// FuzzFixSubset: whatever bytes come as a font program, repairing it
// returns an error or a font, never a panic.
func FuzzFixSubset(f *testing.F) {
	small, m, _, err := fixSubset(goregular.TTF, glyphs('A', 36, 'a', 68))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(small)
	f.Fuzz(func(t *testing.T, ttf []byte) {
		fixSubset(ttf, m)
		fixSubset(ttf, glyphs('A', 36, 'a', 68))
	})
}
