package pdfasm

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"unicode/utf16"
)

// The font subsets the PDF library embeds are TrueType files whose cmap
// table is malformed (the format 4 subtable's length field counts bytes as
// if they were words), so that font tools refuse them. This file rewrites
// a subset's cmap from the mapping the PDF already states (CIDToGIDMap,
// where a CID is the Unicode code point) and names the subset with the
// tag ISO 32000-1 §9.6.4 asks for.

var errFont = errors.New("pdfasm: unexpected font program from the PDF library")

// glyphMap is a subset's mapping of characters to its glyphs, sorted by
// character.
type glyphMap = []Glyph

// cmapFormat4 writes a cmap table with one subtable, Windows Unicode BMP
// (3, 1), format 4: one segment per run of consecutive characters with
// consecutive glyphs, each mapped by idDelta, and the closing 0xFFFF
// segment.
func cmapFormat4(m glyphMap) []byte {
	type seg struct{ start, end, delta uint16 }
	var segs []seg
	for i, e := range m {
		if e.R >= 0xFFFF {
			break
		}
		if i > 0 && len(segs) > 0 {
			last := &segs[len(segs)-1]
			prev := m[i-1]
			if rune(last.end)+1 == e.R && prev.GID+1 == e.GID {
				last.end = uint16(e.R)
				continue
			}
		}
		segs = append(segs, seg{uint16(e.R), uint16(e.R), e.GID - uint16(e.R)})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	segX2 := 2 * len(segs)
	searchRange, entrySelector := 2, 0
	for searchRange*2 <= segX2 {
		searchRange *= 2
		entrySelector++
	}
	length := 16 + 8*len(segs)
	b := make([]byte, 0, 12+length)
	u16 := func(v uint16) { b = binary.BigEndian.AppendUint16(b, v) }
	u16(0) // version
	u16(1) // one subtable
	u16(3) // Windows
	u16(1) // Unicode BMP
	b = binary.BigEndian.AppendUint32(b, 12)
	u16(4)
	u16(uint16(length))
	u16(0) // language
	u16(uint16(segX2))
	u16(uint16(searchRange))
	u16(uint16(entrySelector))
	u16(uint16(segX2 - searchRange))
	for _, s := range segs {
		u16(s.end)
	}
	u16(0) // reservedPad
	for _, s := range segs {
		u16(s.start)
	}
	for _, s := range segs {
		u16(s.delta)
	}
	for range segs {
		u16(0) // idRangeOffset: every segment maps by idDelta
	}
	return b
}

// fontNames is what a subset says of itself for its PDF font dictionaries.
type fontNames struct {
	postScript, family string // "" when the font has none
	weight             int    // usWeightClass, 0 when unknown
}

// fixSubset drops the glyphs no character of m reaches, replaces the
// cmap with one made from m, and returns the new file, m with the glyphs
// renumbered, and the font's names.
func fixSubset(ttf []byte, m glyphMap) ([]byte, glyphMap, fontNames, error) {
	var names fontNames
	tables, err := sfntTables(ttf)
	if err != nil {
		return nil, nil, names, err
	}
	if tables, m, err = pruneGlyphs(tables, m); err != nil {
		return nil, nil, names, err
	}
	found := false
	for i := range tables {
		switch t := tables[i].data; tables[i].tag {
		case "cmap":
			tables[i].data = cmapFormat4(m)
			found = true
		case "name":
			names.postScript, names.family = nameString(t, 6), nameString(t, 1)
		case "OS/2":
			if len(t) >= 6 {
				names.weight = int(binary.BigEndian.Uint16(t[4:]))
			}
		}
	}
	if !found {
		return nil, nil, names, errFont
	}
	out, err := sfntJoin(tables)
	return out, m, names, err
}

// postScriptName reads name ID 6 from a name table (Windows, Unicode, or
// Macintosh Roman), keeping only the characters a PDF name allows plainly.
func postScriptName(name []byte) string { return nameString(name, 6) }

// nameString reads name id from a name table, keeping only printable
// ASCII that needs no escape in a PDF name or string.
func nameString(name []byte, id uint16) string {
	if len(name) < 6 {
		return ""
	}
	count, strOff := int(binary.BigEndian.Uint16(name[2:])), int(binary.BigEndian.Uint16(name[4:]))
	for i := range count {
		at := 6 + 12*i
		if at+12 > len(name) {
			return ""
		}
		rec := name[at:]
		platform, nameID := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[6:])
		length, off := int(binary.BigEndian.Uint16(rec[8:])), int(binary.BigEndian.Uint16(rec[10:]))
		if nameID != id || strOff+off+length > len(name) {
			continue
		}
		raw := name[strOff+off : strOff+off+length]
		var s []rune
		switch platform {
		case 3, 0:
			units := make([]uint16, len(raw)/2)
			for k := range units {
				units[k] = binary.BigEndian.Uint16(raw[2*k:])
			}
			s = utf16.Decode(units)
		case 1:
			for _, c := range raw {
				s = append(s, rune(c))
			}
		default:
			continue
		}
		var b []byte
		for _, r := range s {
			if r > ' ' && r < 0x7F && !isPDFDelimiter(byte(r)) && r != '#' && r != '\\' {
				b = append(b, byte(r))
			}
		}
		if len(b) > 0 {
			return string(b)
		}
	}
	return ""
}

func isPDFDelimiter(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// SubsetTag is the six capital letters that name a subset (ISO 32000-1
// §9.6.4), derived from its content so that the same subset always gets
// the same tag and different subsets practically never share one.
func SubsetTag(ttf []byte) string {
	sum := sha256.Sum256(ttf)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// pruneGlyphs removes from a subset every glyph that no character of m
// reaches, directly or as a component of a composite glyph, keeping glyph
// 0 (.notdef): the library keeps the glyph of U+0000, which no code can
// show, and PDF/A's CIDSet must list every glyph of the program. It
// returns the tables and m with the glyphs renumbered.
func pruneGlyphs(tables []sfntTable, m glyphMap) ([]sfntTable, glyphMap, error) {
	get := func(tag string) []byte {
		for _, t := range tables {
			if t.tag == tag {
				return t.data
			}
		}
		return nil
	}
	head, maxp, hhea, loca, glyf, hmtx := get("head"), get("maxp"), get("hhea"), get("loca"), get("glyf"), get("hmtx")
	if len(head) < 54 || len(maxp) < 6 || len(hhea) < 36 || loca == nil || glyf == nil {
		return nil, nil, errFont
	}
	n := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	if nh < 1 || nh > n || len(hmtx) < 4*nh+2*(n-nh) {
		return nil, nil, errFont
	}
	offset := func(g int) int {
		if long {
			if 4*g+4 > len(loca) {
				return -1
			}
			return int(binary.BigEndian.Uint32(loca[4*g:]))
		}
		if 2*g+2 > len(loca) {
			return -1
		}
		return 2 * int(binary.BigEndian.Uint16(loca[2*g:]))
	}
	glyph := func(g int) ([]byte, error) {
		a, b := offset(g), offset(g+1)
		if a < 0 || b < a || b > len(glyf) {
			return nil, errFont
		}
		return glyf[a:b], nil
	}
	// components calls f with the position of each component's glyph
	// index in a composite glyph's data.
	components := func(data []byte, f func(at int)) error {
		if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
			return nil
		}
		for at := 10; ; {
			if at+4 > len(data) {
				return errFont
			}
			flags := binary.BigEndian.Uint16(data[at:])
			f(at + 2)
			at += 4
			if flags&0x0001 != 0 {
				at += 4
			} else {
				at += 2
			}
			switch {
			case flags&0x0008 != 0:
				at += 2
			case flags&0x0040 != 0:
				at += 4
			case flags&0x0080 != 0:
				at += 8
			}
			if flags&0x0020 == 0 {
				return nil
			}
		}
	}
	keep := make([]bool, n)
	var visit func(g int) error
	visit = func(g int) error {
		if g < 0 || g >= n || keep[g] {
			return nil
		}
		keep[g] = true
		data, err := glyph(g)
		if err != nil {
			return err
		}
		var inner error
		err = components(data, func(at int) {
			if e := visit(int(binary.BigEndian.Uint16(data[at:]))); e != nil {
				inner = e
			}
		})
		return errors.Join(err, inner)
	}
	if err := visit(0); err != nil {
		return nil, nil, err
	}
	for _, e := range m {
		if int(e.GID) >= n {
			return nil, nil, errFont
		}
		if err := visit(int(e.GID)); err != nil {
			return nil, nil, err
		}
	}
	newID := make([]uint16, n)
	kept := 0
	for g := range n {
		if keep[g] {
			newID[g] = uint16(kept)
			kept++
		}
	}
	if kept == n {
		return tables, m, nil
	}
	var newGlyf, newHmtx []byte
	newLoca := make([]byte, 0, 4*(kept+1))
	for g := range n {
		if !keep[g] {
			continue
		}
		data, _ := glyph(g)
		data = append([]byte(nil), data...)
		components(data, func(at int) {
			if c := int(binary.BigEndian.Uint16(data[at:])); c < n {
				binary.BigEndian.PutUint16(data[at:], newID[c])
			}
		})
		newLoca = binary.BigEndian.AppendUint32(newLoca, uint32(len(newGlyf)))
		newGlyf = append(newGlyf, data...)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
		adv := hmtx[4*min(g, nh-1):]
		lsb := hmtx[4*g+2:]
		if g >= nh {
			lsb = hmtx[4*nh+2*(g-nh):]
		}
		newHmtx = append(newHmtx, adv[0], adv[1], lsb[0], lsb[1])
	}
	newLoca = binary.BigEndian.AppendUint32(newLoca, uint32(len(newGlyf)))
	out := make([]sfntTable, 0, len(tables))
	for _, t := range tables {
		data := t.data
		switch t.tag {
		case "glyf":
			data = newGlyf
		case "loca":
			data = newLoca
		case "hmtx":
			data = newHmtx
		case "head":
			data = append([]byte(nil), data...)
			binary.BigEndian.PutUint16(data[50:], 1) // long offsets
		case "maxp":
			data = append([]byte(nil), data...)
			binary.BigEndian.PutUint16(data[4:], uint16(kept))
		case "hhea":
			data = append([]byte(nil), data...)
			binary.BigEndian.PutUint16(data[34:], uint16(kept))
		}
		out = append(out, sfntTable{t.tag, data})
	}
	pruned := make(glyphMap, len(m))
	for i, e := range m {
		pruned[i] = e
		pruned[i].GID = newID[e.GID]
	}
	return out, pruned, nil
}

// cidSet is the CIDSet stream of a subset (ISO 32000-1 Table 124): one
// bit per CID, the first CID in the high-order bit of the first byte, set
// for CID 0 (.notdef) and every CID of m.
func cidSet(m glyphMap) []byte {
	top := rune(0)
	for _, e := range m {
		top = max(top, e.R)
	}
	b := make([]byte, top/8+1)
	b[0] = 0x80
	for _, e := range m {
		b[e.R/8] |= 0x80 >> (e.R % 8)
	}
	return b
}

// cidToGIDMap is the CIDToGIDMap stream of m: two bytes for each of the
// 65,536 CIDs, as the library writes it.
func cidToGIDMap(m glyphMap) []byte {
	b := make([]byte, 2*0x10000)
	for _, e := range m {
		binary.BigEndian.PutUint16(b[2*e.R:], e.GID)
	}
	return b
}
