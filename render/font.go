package render

import (
	"strings"
	"sync"
	"unicode"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

// style picks a face of the embedded font family.
type style int

const (
	regular style = iota
	bold
)

// face is a parsed TrueType font: what the layout pass needs to measure
// text without the PDF library. It is immutable once built and shared.
type face struct {
	ttf     []byte
	advance []uint16 // per BMP rune, in thousandths of an em; 0 with has false
	has     []bool   // per BMP rune: the font has a glyph
}

var faces = sync.OnceValue(func() [2]*face {
	return [2]*face{mustFace(goregular.TTF), mustFace(gobold.TTF)}
})

func mustFace(ttf []byte) *face {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		panic("render: embedded font: " + err.Error()) // the font is compiled in
	}
	var buf sfnt.Buffer
	upem := f.UnitsPerEm()
	fc := &face{ttf: ttf, advance: make([]uint16, 0x10000), has: make([]bool, 0x10000)}
	for r := rune(0); r < 0x10000; r++ {
		idx, err := f.GlyphIndex(&buf, r)
		if err != nil || idx == 0 {
			continue
		}
		adv, err := f.GlyphAdvance(&buf, idx, fixed.I(int(upem)), xfont.HintingNone)
		if err != nil {
			continue
		}
		fc.has[r] = true
		fc.advance[r] = uint16((int(adv)*1000/64 + int(upem)/2) / int(upem))
	}
	return fc
}

// width is the width of s in millimetres at size points.
func (f *face) width(s string, size float64) float64 {
	total := 0
	for _, r := range s {
		if r < 0x10000 {
			total += int(f.advance[r])
		}
	}
	return float64(total) * size / 1000 * ptToMM
}

const ptToMM = 25.4 / 72

// replacement stands for a character the font cannot draw.
const replacement = '?'

// clean prepares text for the PDF: composed (NFC), control characters
// (a tab, a vertical tab that Excel stores as _x000B_, a lone carriage
// return) as spaces so that the words they separate stay apart, a carriage
// return before a line feed dropped, format characters dropped, and every
// character the font lacks (emoji, anything outside the Basic Multilingual
// Plane) replaced, so that no input can break a document.
func clean(s string) string {
	if isPlain(s) {
		return s
	}
	fc := faces()[0]
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\r' && i+1 < len(s) && s[i+1] == '\n':
			// a Windows line break is one break
		case unicode.Is(unicode.Cc, r):
			b.WriteByte(' ')
		case r == 0xFE0F || r == 0x200D || unicode.Is(unicode.Cf, r):
			// variation selectors, joiners and format characters draw nothing
		case r >= 0x10000 || !fc.has[r] || !faces()[1].has[r]:
			b.WriteRune(replacement)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII, which needs no cleaning.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' || c >= 0x7F {
			return false
		}
	}
	return true
}
