package render

import (
	"strings"
	"unicode/utf8"
)

// font is a face at a size.
type font struct {
	style style
	size  float64 // points
}

func (f font) face() *face { return faces()[f.style] }

// width of s in millimetres.
func (f font) width(s string) float64 { return f.face().width(s, f.size) }

// lineHeight is the distance between baselines, in millimetres.
func (f font) lineHeight(gap float64) float64 { return f.size * (1 + gap) * ptToMM }

// wrap breaks cleaned text into lines no wider than width (millimetres).
// Line breaks in the text start new lines; a word wider than a line is cut
// between characters. The first line may be narrower by indent.
func wrap(text string, f font, width, indent float64) []string {
	var lines []string
	avail := width - indent
	for _, para := range strings.Split(text, "\n") {
		para = strings.TrimRight(para, " ")
		if para == "" {
			lines = append(lines, "")
			avail = width
			continue
		}
		var cur strings.Builder
		curW := 0.0
		space := f.width(" ")
		flush := func() {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
			avail = width
		}
		for _, word := range strings.Fields(para) {
			w := f.width(word)
			if cur.Len() > 0 && curW+space+w <= avail {
				cur.WriteByte(' ')
				cur.WriteString(word)
				curW += space + w
				continue
			}
			if cur.Len() > 0 {
				flush()
			}
			for w > avail && utf8.RuneCountInString(word) > 1 { // cut a long word
				head := fitPrefix(word, f, avail)
				lines = append(lines, head)
				avail = width
				word = word[len(head):]
				w = f.width(word)
			}
			cur.WriteString(word)
			curW = w
		}
		if cur.Len() > 0 {
			flush()
		}
	}
	return lines
}

// fitPrefix returns the longest prefix of s (at least one character) no
// wider than width.
func fitPrefix(s string, f font, width float64) string {
	fc := f.face()
	total := 0.0
	scale := f.size / 1000 * ptToMM
	for i, r := range s {
		if r < 0x10000 {
			total += float64(fc.advance[r]) * scale
		}
		if total > width && i > 0 {
			return s[:i]
		}
	}
	return s
}

// shorten cuts s to fit width, ending it with "…" when it was cut.
func shorten(s string, f font, width float64) string {
	s = strings.Join(strings.Fields(s), " ")
	if f.width(s) <= width {
		return s
	}
	const ellipsis = "…"
	head := fitPrefix(s, f, width-f.width(ellipsis))
	if head == s { // not even one character and the ellipsis fit
		return ""
	}
	return strings.TrimRight(head, " ,.;:-") + ellipsis
}
