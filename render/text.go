package render

import (
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
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
// Line breaks in the text start new lines. Lines break at spaces first; a
// word wider than a line breaks at its Unicode line-break opportunities
// (UAX #14: after "/" or "-"), then after a ".", and only a piece with
// none of these is cut between characters. The first line may be
// narrower by indent.
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
			if w > avail { // break the word, keeping its last piece open
				pieces := breakWord(word, f, avail, width)
				for _, p := range pieces[:len(pieces)-1] {
					lines = append(lines, p)
					avail = width
				}
				word = pieces[len(pieces)-1]
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

// breakWord breaks a word wider than a line into pieces: the first no
// wider than first, the others no wider than width. It packs the word's
// UAX #14 segments greedily; a segment still too wide is split after its
// full stops, and a piece still too wide is cut between characters.
func breakWord(word string, f font, first, width float64) []string {
	var pieces []string
	avail := first
	cur, curW := "", 0.0
	emit := func() {
		pieces = append(pieces, cur)
		cur, curW = "", 0
		avail = width
	}
	for _, seg := range segmentsOf(word) {
		w := f.width(seg)
		if curW+w <= avail {
			cur += seg
			curW += w
			continue
		}
		if cur != "" {
			emit()
		}
		if w <= avail {
			cur, curW = seg, w
			continue
		}
		for _, part := range splitAfterStops(seg) {
			pw := f.width(part)
			if curW+pw <= avail {
				cur += part
				curW += pw
				continue
			}
			if cur != "" {
				emit()
			}
			for pw > avail && !oneRune(part) {
				head := fitPrefix(part, f, avail)
				cur = head
				emit()
				part = part[len(head):]
				pw -= f.width(head) // not measured again: linear in the word's length
				if pw <= avail {
					pw = f.width(part) // exact for the last piece
				}
			}
			cur, curW = part, pw
		}
	}
	if cur != "" || len(pieces) == 0 {
		pieces = append(pieces, cur)
	}
	return pieces
}

// oneRune reports whether s is at most one character long.
func oneRune(s string) bool {
	_, size := utf8.DecodeRuneInString(s)
	return size >= len(s)
}

// segmentsOf splits a word at its line-break opportunities (UAX #14).
func segmentsOf(word string) []string {
	var segs []string
	state := -1
	for word != "" {
		var seg string
		seg, word, _, state = uniseg.FirstLineSegmentInString(word, state)
		segs = append(segs, seg)
	}
	return segs
}

// splitAfterStops splits s after each full stop that is followed by more
// text ("LL.PP." gives "LL.", "PP.").
func splitAfterStops(s string) []string {
	var parts []string
	for {
		i := strings.IndexByte(s, '.')
		if i < 0 || i == len(s)-1 {
			return append(parts, s)
		}
		parts = append(parts, s[:i+1])
		s = s[i+1:]
	}
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
