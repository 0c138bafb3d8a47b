package pdfasm

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
)

// Reading back: what the tests of render and of this package check a
// document with, and what tells, before a booklet comes out broken, that
// the PDF library no longer writes what Parse expects (Check).

// Object is one object of a document: its number and its bytes,
// "N 0 obj … endobj".
type Object struct {
	Num  int
	Body []byte
}

// Objects cuts a document into its objects, sorted by number, whether it
// was written with a classic cross-reference table or compact: then the
// objects of its object streams are given back as objects of their own
// and the trailer is the cross-reference stream's dictionary.
func Objects(pdf []byte) (objs []Object, trailer []byte, err error) {
	_, o, tr, err := splitOutput(pdf)
	if err != nil {
		return nil, nil, err
	}
	objs = make([]Object, len(o))
	for i, x := range o {
		objs[i] = Object{x.num, x.body}
	}
	return objs, tr, nil
}

var firstRE = regexp.MustCompile(`/First (\d+)`)

// splitOutput is Objects in the package's own terms, with the header.
func splitOutput(pdf []byte) (header []byte, objs []pdfObject, trailer []byte, err error) {
	if h, o, t, err := splitPDF(pdf); err == nil {
		sort.SliceStable(o, func(i, j int) bool { return o[i].num < o[j].num })
		return h, o, t, nil
	}
	sx := bytes.LastIndex(pdf, []byte("startxref"))
	if sx < 0 {
		return nil, nil, nil, errLayout
	}
	xrefAt, _ := leadingInt(bytes.TrimLeft(pdf[sx+len("startxref"):], "\r\n "))
	if xrefAt <= 0 || xrefAt >= sx {
		return nil, nil, nil, errLayout
	}
	dict, data, err := streamOf(pdf[xrefAt:sx])
	if err != nil || !bytes.Contains(dict, []byte("/Type /XRef")) || !bytes.Contains(dict, []byte("/W [1 4 2]")) || len(data)%7 != 0 {
		return nil, nil, nil, errLayout
	}
	type at struct{ num, off int }
	var direct []at
	packed := map[int][]int{} // object stream -> its objects, in order
	for n := 0; n < len(data)/7; n++ {
		e := data[7*n : 7*n+7]
		f2 := int(binary.BigEndian.Uint32(e[1:5]))
		switch e[0] {
		case 1:
			direct = append(direct, at{n, f2})
		case 2:
			packed[f2] = append(packed[f2], n)
		}
	}
	if len(direct) == 0 {
		return nil, nil, nil, errLayout
	}
	sort.Slice(direct, func(i, j int) bool { return direct[i].off < direct[j].off })
	for i, d := range direct {
		end := sx
		if i+1 < len(direct) {
			end = direct[i+1].off
		}
		if d.off < 0 || d.off >= end || end > len(pdf) {
			return nil, nil, nil, errLayout
		}
		body := pdf[d.off:end]
		if _, ok := packed[d.num]; ok {
			d2, stm, err := streamOf(body)
			m := firstRE.FindSubmatch(d2)
			if err != nil || m == nil || !bytes.Contains(d2, []byte("/Type /ObjStm")) {
				return nil, nil, nil, errLayout
			}
			first, _ := strconv.Atoi(string(m[1]))
			if first > len(stm) {
				return nil, nil, nil, errLayout
			}
			head := bytes.Fields(stm[:first])
			for k := 0; k+1 < len(head); k += 2 {
				num, _ := strconv.Atoi(string(head[k]))
				from, _ := strconv.Atoi(string(head[k+1]))
				to := len(stm) - first
				if k+3 < len(head) {
					to, _ = strconv.Atoi(string(head[k+3]))
				}
				if from < 0 || to < from || first+to > len(stm) {
					return nil, nil, nil, errLayout
				}
				v := bytes.TrimSpace(stm[first+from : first+to])
				objs = append(objs, pdfObject{num: num, body: []byte(strconv.Itoa(num) + " 0 obj\n" + string(v) + "\nendobj\n")})
			}
			continue
		}
		if d.off != xrefAt {
			objs = append(objs, pdfObject{num: d.num, body: body})
		}
	}
	sort.SliceStable(objs, func(i, j int) bool { return objs[i].num < objs[j].num })
	return pdf[:direct[0].off], objs, dict, nil
}

// streamOf is the dictionary and the inflated data of "N 0 obj <<…>>
// stream … endstream".
func streamOf(body []byte) (dict, data []byte, err error) {
	s := bytes.Index(body, streamKw)
	e := bytes.LastIndex(body, endstreamKw)
	if s < 0 || e < s+len(streamKw) {
		return nil, nil, errLayout
	}
	data, err = inflate(body[s+len(streamKw) : e])
	if err != nil {
		return nil, nil, err
	}
	return body[:s], data, nil
}

// Font is an embedded Type0 font of a document, as read back.
type Font struct {
	Base string // the font's name without the subset tag
	// Names are the BaseFont of the Type0 font and of its CIDFont, and
	// the FontName of its descriptor: the same tagged name.
	Names     [3]string
	Encoding  string  // the Type0 font's /Encoding
	Glyphs    []Glyph // its CIDToGIDMap: the CID (a code point) of each glyph
	Program   []byte  // the FontFile2, inflated
	ToUnicode []byte  // the ToUnicode CMap, inflated
	CIDSet    []byte  // the CIDSet, inflated; nil without one
}

// Glyph is one entry of a font's CIDToGIDMap.
type Glyph struct {
	R   rune
	GID uint16
}

var encodingRE = regexp.MustCompile(`/Encoding /([^\s/<>\[\]()]+)`)

// Fonts finds the Type0 fonts of a document (the library's output or a
// finished one) and reads their objects.
func Fonts(pdf []byte) ([]Font, error) {
	_, objs, _, err := splitOutput(pdf)
	if err != nil {
		return nil, err
	}
	index := make(map[int]int, len(objs))
	for i, o := range objs {
		index[o.num] = i
	}
	found, err := findFonts(objs, index)
	if err != nil {
		return nil, err
	}
	body := func(n int) []byte { return objs[index[n]].body }
	name := func(re *regexp.Regexp, n int) string {
		if m := re.FindSubmatch(dictOf(body(n))); m != nil {
			return string(m[1])
		}
		return ""
	}
	var out []Font
	for _, f := range found {
		r := Font{Base: f.base, Names: [3]string{name(baseFontRE, f.type0), name(baseFontRE, f.cidFont), name(fontNameRE, f.descriptor)}}
		r.Encoding = name(encodingRE, f.type0)
		gm, err := glyphMapOf(body(f.cidToGID))
		if err != nil {
			return nil, fmt.Errorf("font %s: CIDToGIDMap: %w", f.base, err)
		}
		r.Glyphs = gm
		if r.Program, err = streamData(body(f.file)); err != nil {
			return nil, fmt.Errorf("font %s: FontFile2: %w", f.base, err)
		}
		if r.ToUnicode, err = streamData(body(f.toUnicode)); err != nil {
			return nil, fmt.Errorf("font %s: ToUnicode: %w", f.base, err)
		}
		if n := refIn(cidSetRE, dictOf(body(f.descriptor))); n != 0 {
			if _, ok := index[n]; ok {
				if r.CIDSet, err = streamData(body(n)); err != nil {
					return nil, fmt.Errorf("font %s: CIDSet: %w", f.base, err)
				}
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// Check checks, on the PDF library's raw output, every assumption Parse
// makes with its regular expressions and fixed positions, and returns
// each one the output does not meet.
func Check(raw []byte) error {
	var errs []error
	fail := func(what string) { errs = append(errs, errors.New(what)) }
	if !bytes.HasPrefix(raw, []byte("%PDF-1.")) {
		fail("the header %PDF-1.x")
	}
	_, objs, trailer, err := splitPDF(raw)
	if err != nil {
		fail("a classic cross-reference table (xref, 0 N, 20-byte entries, trailer, startxref): " + err.Error())
		return errors.Join(errs...)
	}
	index := map[int]int{}
	for i, o := range objs {
		index[o.num] = i
		if !bytes.HasPrefix(o.body, []byte(strconv.Itoa(o.num)+" 0 obj\n")) {
			fail("each object starting \"N 0 obj\\n\" at its cross-reference offset")
		}
		if s := bytes.Index(o.body, streamKw); s >= 0 {
			if _, err := streamData(o.body); err != nil {
				fail("streams as \"/Length N\" then \"stream\\n\", N bytes, \"\\nendstream\"")
			}
			if !bytes.Contains(o.body[:s], filterKey) && !bytes.Contains(o.body[s:], endstreamKw) {
				fail("uncompressed streams ending \"\\nendstream\" (SetCompression(false))")
			}
		}
	}
	root, info := refIn(rootRE, trailer), refIn(infoRE, trailer)
	if _, ok := index[root]; !ok {
		fail("a trailer /Root N 0 R")
	}
	if _, ok := index[info]; !ok || info == 0 {
		fail("a trailer /Info N 0 R")
	}
	i, ok := index[1]
	if !ok || !bytes.Contains(objs[i].body, []byte("/Type /Pages")) {
		fail("the Pages root as object 1")
		return errors.Join(errs...)
	}
	pagesObj := objs[i].body
	if mediaRE.Find(pagesObj) == nil {
		fail("a /MediaBox [...] on the Pages root")
	}
	kids := kidsRE.FindSubmatch(pagesObj)
	if kids == nil || len(refRE.FindAll(kids[1], -1)) == 0 {
		fail("/Kids [N 0 R ...] listing the pages in the Pages root")
		return errors.Join(errs...)
	}
	for _, m := range refRE.FindAllSubmatch(kids[1], -1) {
		n := refIn(refRE, m[0])
		pi, ok := index[n]
		if !ok || refIn(contentsRE, objs[pi].body) == 0 {
			fail("each page with /Contents N 0 R")
		}
		if ok && !bytes.HasSuffix(bytes.TrimRight(dictOf(objs[pi].body), "\nendobj"), []byte(">>")) {
			fail("each page dictionary ending \">>\" (the assembler adds /Annots before it)")
		}
	}
	fonts, err := findFonts(objs, index)
	if err != nil || len(fonts) == 0 {
		fail("Type0 fonts, each /DescendantFonts [N 0 R] /ToUnicode N 0 R, a CIDFontType2 with /CIDSystemInfo, /FontDescriptor and /CIDToGIDMap N 0 R, a descriptor with /FontFile2 N 0 R")
	}
	for _, f := range fonts {
		if !bytes.Contains(objs[index[f.type0]].body, []byte("/Encoding /Identity-H")) {
			fail("Identity-H encoding, codes being CIDs")
		}
		gm, err := glyphMapOf(objs[index[f.cidToGID]].body)
		if err != nil || len(gm) == 0 {
			fail("a compressed CIDToGIDMap stream of two bytes per CID")
			continue
		}
		ttf, err := streamData(objs[index[f.file]].body)
		if err != nil {
			fail("a FlateDecode FontFile2")
			continue
		}
		if _, _, _, err := fixSubset(ttf, gm); err != nil {
			fail("a TrueType subset with a cmap table: " + err.Error())
		}
	}
	if _, err := Parse(bytes.Clone(raw)); err != nil {
		fail("what Parse reads: " + err.Error())
	}
	return errors.Join(errs...)
}

// inflate is zlib data inflated; data cut short gives what it holds.
func inflate(data []byte) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(zr)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	return out, nil
}
