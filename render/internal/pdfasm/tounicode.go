package pdfasm

import (
	"bytes"
	"fmt"
	"unicode/utf16"
)

// toUnicodeCMap is the ToUnicode CMap of a font whose codes are two-byte
// CIDs equal to the Unicode code points of m (Identity-H, as the PDF
// library encodes text): one bfchar entry per glyph the subset has, in
// blocks of at most 100 as ISO 32000-1 §9.10.3 and the CMap format ask.
func toUnicodeCMap(m glyphMap) []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(m); i += 100 {
		block := m[i:min(i+100, len(m))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(block))
		for _, e := range block {
			fmt.Fprintf(&b, "<%04X> <", e.R)
			for _, u := range utf16.Encode([]rune{e.R}) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.Bytes()
}

// ParseToUnicode reads the bfchar and bfrange entries of a ToUnicode CMap
// with two-byte codes: code -> text. It is the reading side of
// toUnicodeCMap, for tests and for checking a document.
func ParseToUnicode(cmap []byte) (map[uint16]string, error) {
	out := map[uint16]string{}
	toks := cmapTokens(cmap)
	hexVal := func(t string) ([]uint16, bool) {
		if len(t) < 2 || t[0] != '<' || (len(t)-2)%4 != 0 {
			return nil, false
		}
		var us []uint16
		for i := 1; i+4 <= len(t)-1; i += 4 {
			var v uint16
			if _, err := fmt.Sscanf(t[i:i+4], "%04X", &v); err != nil {
				return nil, false
			}
			us = append(us, v)
		}
		return us, len(us) > 0
	}
	for i := 0; i < len(toks); i++ {
		switch toks[i] {
		case "beginbfchar":
			for i++; i+1 < len(toks) && toks[i] != "endbfchar"; i += 2 {
				src, ok1 := hexVal(toks[i])
				dst, ok2 := hexVal(toks[i+1])
				if !ok1 || !ok2 || len(src) != 1 {
					return nil, fmt.Errorf("bfchar %s %s", toks[i], toks[i+1])
				}
				out[src[0]] = string(utf16.Decode(dst))
			}
		case "beginbfrange":
			for i++; i+2 < len(toks) && toks[i] != "endbfrange"; i += 3 {
				lo, ok1 := hexVal(toks[i])
				hi, ok2 := hexVal(toks[i+1])
				dst, ok3 := hexVal(toks[i+2])
				if !ok1 || !ok2 || !ok3 || len(lo) != 1 || len(hi) != 1 || hi[0] < lo[0] || hi[0]-lo[0] > 0x1000 {
					return nil, fmt.Errorf("bfrange %s %s %s", toks[i], toks[i+1], toks[i+2])
				}
				for c := uint32(lo[0]); c <= uint32(hi[0]); c++ {
					d := append([]uint16(nil), dst...)
					d[len(d)-1] += uint16(c - uint32(lo[0]))
					out[uint16(c)] = string(utf16.Decode(d))
				}
			}
		}
	}
	return out, nil
}

// cmapTokens splits a CMap into whitespace-separated tokens, keeping
// <…> hex strings whole.
func cmapTokens(b []byte) []string {
	var toks []string
	for i := 0; i < len(b); {
		switch c := b[i]; {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			i++
		case c == '<' && i+1 < len(b) && b[i+1] != '<':
			j := bytes.IndexByte(b[i:], '>')
			if j < 0 {
				return toks
			}
			toks = append(toks, string(b[i:i+j+1]))
			i += j + 1
		default:
			j := i
			for j < len(b) && b[j] != ' ' && b[j] != '\n' && b[j] != '\r' && b[j] != '\t' && !(b[j] == '<' && j > i) {
				j++
			}
			toks = append(toks, string(b[i:j]))
			i = j
		}
	}
	return toks
}
