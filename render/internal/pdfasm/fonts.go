package pdfasm

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"sync"
)

// The PDF library embeds each font as a Type0 font whose codes are CIDs
// equal to Unicode code points (Identity-H), with a CIDToGIDMap to the
// subset's glyphs. What it writes needs three repairs, made here on its
// output before the streams are compressed: the ToUnicode map is a fixed
// identity over 0000–FFFF (undefined for codes without a glyph, and not
// what PDF/A-2u and PDF/UA ask for), the subset's cmap is malformed, and
// the subset has no tag. A document drawn in parts (a long booklet) also
// gets one subset per face for all its parts when they are merged
// (unifyFonts, merge.go).

// embeddedFont is the objects of one Type0 font in a document.
type embeddedFont struct {
	base string // the BaseFont, without a subset tag

	// Object numbers. aux is the CIDSystemInfo dictionary in the library's
	// output; fixFonts moves that into the CIDFont and makes aux the
	// CIDSet stream.
	type0, cidFont, toUnicode, aux, descriptor, cidToGID, file int
}

// objects returns the object numbers of the font, the Type0 font first.
func (f embeddedFont) objects() [7]int {
	return [7]int{f.type0, f.cidFont, f.toUnicode, f.aux, f.descriptor, f.cidToGID, f.file}
}

var (
	baseFontRE   = regexp.MustCompile(`/BaseFont /([^\s/<>\[\]()]+)`)
	fontNameRE   = regexp.MustCompile(`/FontName /([^\s/<>\[\]()]+)`)
	descendantRE = regexp.MustCompile(`/DescendantFonts \[(\d+) 0 R\]`)
	toUnicodeRE  = regexp.MustCompile(`/ToUnicode (\d+) 0 R`)
	sysInfoRE    = regexp.MustCompile(`/CIDSystemInfo (\d+) 0 R`)
	descriptorRE = regexp.MustCompile(`/FontDescriptor (\d+) 0 R`)
	cidToGIDRE   = regexp.MustCompile(`/CIDToGIDMap (\d+) 0 R`)
	fontFile2RE  = regexp.MustCompile(`/FontFile2 (\d+) 0 R`)
	cidSetRE     = regexp.MustCompile(`/CIDSet (\d+) 0 R`)
	type0Kw      = []byte("/Subtype /Type0")
)

// dictOf is the dictionary part of an object body (before its stream).
func dictOf(body []byte) []byte {
	if s := bytes.Index(body, streamKw); s >= 0 {
		return body[:s]
	}
	return body
}

// refIn is the object number of the first match of re in dict, 0 if none.
func refIn(re *regexp.Regexp, dict []byte) int {
	m := re.FindSubmatch(dict)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// findFonts finds the Type0 fonts among objs and their objects, in the
// order of objs.
func findFonts(objs []pdfObject, index map[int]int) ([]embeddedFont, error) {
	get := func(n int) []byte {
		i, ok := index[n]
		if !ok {
			return nil
		}
		return dictOf(objs[i].body)
	}
	var fonts []embeddedFont
	for _, o := range objs {
		d := dictOf(o.body)
		if !bytes.Contains(d, type0Kw) {
			continue
		}
		f := embeddedFont{type0: o.num, cidFont: refIn(descendantRE, d), toUnicode: refIn(toUnicodeRE, d)}
		if m := baseFontRE.FindSubmatch(d); m != nil {
			f.base = untagged(string(m[1]))
		}
		cid := get(f.cidFont)
		f.aux, f.descriptor, f.cidToGID = refIn(sysInfoRE, cid), refIn(descriptorRE, cid), refIn(cidToGIDRE, cid)
		f.file = refIn(fontFile2RE, get(f.descriptor))
		if f.aux == 0 { // repaired: the CIDSet
			f.aux = refIn(cidSetRE, get(f.descriptor))
		}
		for _, n := range f.objects() {
			if get(n) == nil {
				return nil, fmt.Errorf("%w: font %s, object %d", errLayout, f.base, n)
			}
		}
		fonts = append(fonts, f)
	}
	return fonts, nil
}

// untagged is a font name without its subset tag.
func untagged(name string) string {
	if len(name) > 7 && name[6] == '+' {
		for i := range 6 {
			if name[i] < 'A' || name[i] > 'Z' {
				return name
			}
		}
		return name[7:]
	}
	return name
}

// streamData returns an object's stream, inflated if it is compressed.
func streamData(body []byte) ([]byte, error) {
	s := bytes.Index(body, streamKw)
	if s < 0 {
		return nil, errLayout
	}
	dict := body[:s]
	l := bytes.Index(dict, lengthKey)
	if l < 0 {
		return nil, errLayout
	}
	n, _ := leadingInt(dict[l+len(lengthKey):])
	start := s + len(streamKw)
	if start+n > len(body) {
		return nil, errLayout
	}
	data := body[start : start+n]
	if !bytes.Contains(dict, []byte("/FlateDecode")) {
		return data, nil
	}
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}

// glyphMapOf reads a CIDToGIDMap stream: every CID (a code point) with a
// glyph, in order.
func glyphMapOf(body []byte) (glyphMap, error) {
	data, err := streamData(body)
	if err != nil {
		return nil, err
	}
	var m glyphMap
	for cid := 0; 2*cid+1 < len(data); cid++ {
		if gid := uint16(data[2*cid])<<8 | uint16(data[2*cid+1]); gid != 0 {
			m = append(m, Glyph{rune(cid), gid})
		}
	}
	return m, nil
}

// streamObject writes object n with the stream data and extra dictionary
// entries.
func streamObject(n int, extra string, data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data) + 80)
	fmt.Fprintf(&b, "%d 0 obj\n<</Length %d%s>>\nstream\n", n, len(data), extra)
	b.Write(data)
	b.WriteString("\nendstream\nendobj\n")
	return b.Bytes()
}

// renameFont replaces the name matched by re's first group in body.
func renameFont(body []byte, re *regexp.Regexp, name string) []byte {
	d := dictOf(body)
	m := re.FindSubmatchIndex(d)
	if m == nil {
		return body
	}
	out := make([]byte, 0, len(body)+8)
	out = append(out, body[:m[2]]...)
	out = append(out, name...)
	return append(out, body[m[3]:]...)
}

// fixFonts repairs every Type0 font of the library's uncompressed output
// in place: a ToUnicode entry per glyph of the subset, a well-formed cmap
// in the subset, and the subset tag on its names.
func fixFonts(objs []pdfObject) error {
	index := make(map[int]int, len(objs))
	for i, o := range objs {
		index[o.num] = i
	}
	fonts, err := findFonts(objs, index)
	if err != nil {
		return err
	}
	for _, f := range fonts {
		r, err := repair(objs[index[f.cidToGID]].body, objs[index[f.file]].body, f.base)
		if err != nil {
			return fmt.Errorf("font %s: %w", f.base, err)
		}
		sysInfo := dictOf(objs[index[f.aux]].body)
		lo, hi := bytes.Index(sysInfo, []byte("<<")), bytes.LastIndex(sysInfo, []byte(">>"))
		if lo < 0 || hi < lo {
			return fmt.Errorf("font %s: %w", f.base, errLayout)
		}
		sysInfo = sysInfo[lo : hi+2]
		objs[index[f.file]].body = streamObject(f.file, fmt.Sprintf("\n/Filter /FlateDecode\n/Length1 %d", r.length1), r.file)
		objs[index[f.toUnicode]].body = streamObject(f.toUnicode, "", r.toUnicode)
		objs[index[f.cidToGID]].body = streamObject(f.cidToGID, "/Filter /FlateDecode", r.cidToGID)
		objs[index[f.aux]].body = streamObject(f.aux, "/Filter /FlateDecode", r.cidSet)
		objs[index[f.type0]].body = renameFont(objs[index[f.type0]].body, baseFontRE, r.name)
		cid := renameFont(objs[index[f.cidFont]].body, baseFontRE, r.name)
		objs[index[f.cidFont]].body = sysInfoRE.ReplaceAllLiteral(cid, append([]byte("/CIDSystemInfo "), sysInfo...))
		objs[index[f.descriptor]].body = renameFont(objs[index[f.descriptor]].body, fontNameRE, r.name+r.descriptor+" /CIDSet "+strconv.Itoa(f.aux)+" 0 R")
	}
	return nil
}

// repaired is what fixFonts writes for one subset.
type repaired struct {
	file       []byte // the subset with its new cmap, compressed
	length1    int    // its length uncompressed
	toUnicode  []byte
	cidToGID   []byte // compressed
	cidSet     []byte // compressed
	name       string // tag + PostScript name
	descriptor string // entries added to the font descriptor
}

// repairs remembers the latest repairs by the subset and map they came
// from: sheets drawn 25 at a time often use the same characters, and
// deflating a font at the best level costs more than drawing a page.
var repairs = struct {
	sync.Mutex
	m map[[32]byte]*repaired
}{m: map[[32]byte]*repaired{}}

var bestWriters = sync.Pool{New: func() any {
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestCompression)
	return zw
}}

// repair makes the repaired subset of the CIDToGIDMap and FontFile2
// objects of one font.
func repair(mapBody, fileBody []byte, base string) (*repaired, error) {
	h := sha256.New()
	for _, b := range [][]byte{mapBody, fileBody} {
		if s := bytes.Index(b, streamKw); s >= 0 {
			h.Write(b[s:])
		}
	}
	var key [32]byte
	h.Sum(key[:0])
	repairs.Lock()
	r := repairs.m[key]
	repairs.Unlock()
	if r != nil {
		return r, nil
	}
	m, err := glyphMapOf(mapBody)
	if err != nil {
		return nil, err
	}
	ttf, err := streamData(fileBody)
	if err != nil {
		return nil, err
	}
	fixed, m, names, err := fixSubset(ttf, m)
	if err != nil {
		return nil, err
	}
	ps := names.postScript
	if ps == "" {
		ps = base
	}
	r = &repaired{length1: len(fixed), toUnicode: toUnicodeCMap(m), name: SubsetTag(fixed) + "+" + ps}
	deflate := func(data []byte) []byte {
		var z bytes.Buffer
		zw := bestWriters.Get().(*zlib.Writer)
		zw.Reset(&z)
		zw.Write(data)
		zw.Close()
		bestWriters.Put(zw)
		return z.Bytes()
	}
	r.file, r.cidToGID, r.cidSet = deflate(fixed), deflate(cidToGIDMap(m)), deflate(cidSet(m))
	// FontFamily, optional in ISO 32000-1, is what strict validators
	// (pdfcpu) and screen readers look for.
	if names.family != "" {
		r.descriptor += " /FontFamily (" + names.family + ")"
	}
	if names.weight >= 100 && names.weight <= 900 && names.weight%100 == 0 {
		r.descriptor += " /FontWeight " + strconv.Itoa(names.weight)
	}
	repairs.Lock()
	if len(repairs.m) >= 16 { // recent batches of sheets; a booklet's parts never repeat
		clear(repairs.m)
	}
	repairs.m[key] = r
	repairs.Unlock()
	return r, nil
}

// unionFonts has union embed one subset per face holding the runes given,
// and returns that document's objects (fonts repaired, streams
// compressed) and its fonts by base name.
func unionFonts(union Union, runes map[string][]rune) ([]pdfObject, map[int]int, map[string]embeddedFont, error) {
	p, err := union(runes)
	if err != nil {
		return nil, nil, nil, err
	}
	index := p.indexed()
	fonts, err := findFonts(p.objs, index)
	if err != nil {
		return nil, nil, nil, err
	}
	byBase := map[string]embeddedFont{}
	for _, f := range fonts {
		byBase[f.base] = f
	}
	return p.objs, index, byBase, nil
}

// PostScriptName is the PostScript name of a TrueType font (its name
// table's id 6): the name its subsets are embedded under.
func PostScriptName(ttf []byte) string {
	tables, err := sfntTables(ttf)
	if err != nil {
		return ""
	}
	for _, t := range tables {
		if t.tag == "name" {
			return postScriptName(t.data)
		}
	}
	return ""
}
