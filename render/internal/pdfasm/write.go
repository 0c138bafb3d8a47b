package pdfasm

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"time"
	"unicode/utf16"
)

// Part is a PDF cut into objects, its fonts repaired and its streams
// compressed, ready to be written as one or more finished documents of
// its pages.
type Part struct {
	header   []byte
	objs     []pdfObject
	index    map[int]int // object number -> position in objs, while Parse needs it (indexed)
	kids     []int       // page object numbers, in page order
	contents map[int]int // page object -> its content stream object
	mediaBox []byte
	pagesNum int // the Pages root
	infoNum  int
	rootNum  int
}

var (
	refRE      = regexp.MustCompile(`(\d+) 0 R`)
	kidsRE     = regexp.MustCompile(`/Kids \[([^\]]*)\]`)
	contentsRE = regexp.MustCompile(`/Contents (\d+) 0 R`)
	mediaRE    = regexp.MustCompile(`/MediaBox \[[^\]]*\]`)
	rootRE     = regexp.MustCompile(`/Root (\d+) 0 R`)
	infoRE     = regexp.MustCompile(`/Info (\d+) 0 R`)
)

// Parse cuts the PDF library's output into objects, repairs its fonts,
// compresses its streams on every core and finds the document structure.
// It keeps nothing of raw.
func Parse(raw []byte) (*Part, error) {
	header, objs, trailer, err := splitPDF(raw)
	if err != nil {
		return nil, err
	}
	if err := fixFonts(objs); err != nil {
		return nil, err
	}
	if err := compressObjects(objs); err != nil {
		return nil, err
	}
	d := &Part{header: header, objs: objs, index: map[int]int{}, contents: map[int]int{}}
	for i, o := range objs {
		d.index[o.num] = i
	}
	num := func(re *regexp.Regexp, b []byte) int {
		m := re.FindSubmatch(b)
		if m == nil {
			return 0
		}
		n, _ := strconv.Atoi(string(m[1]))
		return n
	}
	d.rootNum, d.infoNum = num(rootRE, trailer), num(infoRE, trailer)
	if _, ok := d.object(d.rootNum); !ok || d.infoNum == 0 {
		return nil, errLayout
	}
	d.pagesNum = 1 // the library always numbers the Pages root 1
	pages, ok := d.object(d.pagesNum)
	if !ok {
		return nil, errLayout
	}
	d.mediaBox = mediaRE.Find(pages)
	kids := kidsRE.FindSubmatch(pages)
	if kids == nil || d.mediaBox == nil {
		return nil, errLayout
	}
	for _, m := range refRE.FindAllSubmatch(kids[1], -1) {
		n, _ := strconv.Atoi(string(m[1]))
		page, ok := d.object(n)
		if !ok {
			return nil, errLayout
		}
		d.kids = append(d.kids, n)
		d.contents[n] = num(contentsRE, page)
	}
	d.index = nil // a booklet keeps its parts until they are merged: Merge makes it again
	return d, nil
}

// indexed is the position of each object in d.objs.
func (d *Part) indexed() map[int]int {
	if d.index != nil {
		return d.index
	}
	index := make(map[int]int, len(d.objs))
	for i, o := range d.objs {
		index[o.num] = i
	}
	return index
}

// Pages is the number of pages.
func (d *Part) Pages() int { return len(d.kids) }

// object returns the dictionary part of object n (up to its stream).
func (d *Part) object(n int) ([]byte, bool) {
	i, ok := d.index[n]
	if !ok {
		return nil, false
	}
	b := d.objs[i].body
	if s := bytes.Index(b, streamKw); s >= 0 {
		b = b[:s]
	}
	return b, true
}

// Bytes is the document of the pages [from, to) as Write writes it.
func (d *Part) Bytes(from, to int, doc *Doc) []byte {
	b, _ := d.write(nil, from, to, doc) // no writer, no error
	return b
}

// Write writes the document of the pages [from, to) to w, with its own
// Pages root, Info and Catalog, and a trailer /ID computed from its
// content, so that the same content always gives the same bytes. A
// tagged document that is not PDF/A is written compact (compact.go).
// The part can be written again, other pages or the same.
func (d *Part) Write(w io.Writer, from, to int, doc *Doc) error {
	_, err := d.write(w, from, to, doc)
	return err
}

// write is Write, or with w nil returning the document.
func (d *Part) write(w io.Writer, from, to int, doc *Doc) ([]byte, error) {
	meta, pdfa := doc.Meta, doc.PDFA
	if meta.Created.IsZero() {
		// The assembly never reads the clock: the caller passes the time,
		// and a document made without one says 1970, the same on every run.
		meta.Created = time.Unix(0, 0).UTC()
	}
	meta = meta.printable() // the same text in Info and XMP
	keep := map[int]bool{}
	for _, k := range d.kids[from:to] {
		keep[k] = true
	}
	drop := map[int]bool{d.pagesNum: true, d.infoNum: true, d.rootNum: true}
	for _, k := range d.kids {
		if !keep[k] {
			drop[k] = true
			drop[d.contents[k]] = true
		}
	}
	objs := make([]pdfObject, 0, len(d.objs))
	var kids bytes.Buffer
	for _, k := range d.kids[from:to] {
		fmt.Fprintf(&kids, "%d 0 R ", k)
	}
	objs = append(objs, pdfObject{num: d.pagesNum, body: []byte(fmt.Sprintf(
		"%d 0 obj\n<</Type /Pages\n/Kids [%s]\n/Count %d\n%s\n>>\nendobj\n", d.pagesNum, kids.Bytes(), to-from, d.mediaBox))})
	next := maxNum(d.objs) + 1
	annotated := map[int][]byte{}
	var st structure
	if doc.Tagged {
		st = writeStructure(doc.Pages, doc.Height, d.kids[from:to], next)
		next += len(st.objs) + st.elements.n + 1 // the annotations, the elements, the root
		annotated = st.extra
		objs = slices.Grow(objs, len(d.objs)+len(st.objs)+len(d.kids)+16) // and the outline's
	} else {
		for i, k := range d.kids[from:to] {
			if a := annots(doc, i, d.kids[from:to]); a != nil {
				annotated[k] = a
			}
		}
	}
	for _, o := range d.objs {
		switch {
		case drop[o.num]:
		case annotated[o.num] != nil:
			end := bytes.LastIndex(o.body, []byte(">>"))
			body := append(append(append([]byte{}, o.body[:end]...), annotated[o.num]...), o.body[end:]...)
			objs = append(objs, pdfObject{num: o.num, body: body, stream: o.stream})
		default:
			objs = append(objs, o)
		}
	}
	objs = append(objs, st.objs...)
	st.objs = nil           // objs holds them now, and joinCompact lets them go
	elementsAt := len(objs) // the structure elements go here, made as they are packed
	if st.root != 0 {
		objs = append(objs, st.rootObj)
	}
	outline, outlineRoot := outline(doc, d.kids[from:to], next)
	objs = append(objs, outline...)
	next += len(outline)
	xmpNum, iccNum := 0, 0
	if pdfa || st.root != 0 { // a tagged document says it is PDF/UA-1 in its XMP
		xmpNum = next
		objs = append(objs, pdfObject{num: xmpNum, body: xmpObject(xmpNum, meta, meta.Created, pdfa)})
	}
	if pdfa {
		iccNum = next + 1
		objs = append(objs, pdfObject{num: iccNum, body: iccObject(iccNum, doc.SRGB)})
	}
	objs = append(objs, pdfObject{num: d.infoNum, body: infoObject(d.infoNum, meta)})
	var cat bytes.Buffer
	fmt.Fprintf(&cat, "%d 0 obj\n<<\n/Type /Catalog\n/Pages %d 0 R\n/Lang (it-IT)\n", d.rootNum, d.pagesNum)
	cat.WriteString("/ViewerPreferences << /DisplayDocTitle true >>\n")
	if outlineRoot != 0 {
		fmt.Fprintf(&cat, "/Outlines %d 0 R\n/PageMode /UseOutlines\n", outlineRoot)
	}
	if st.root != 0 {
		fmt.Fprintf(&cat, "/MarkInfo << /Marked true >>\n/StructTreeRoot %d 0 R\n", st.root)
	}
	if xmpNum != 0 {
		fmt.Fprintf(&cat, "/Metadata %d 0 R\n", xmpNum)
	}
	if pdfa {
		cat.WriteString(outputIntent(iccNum))
	}
	cat.WriteString(">>\nendobj\n")
	objs = append(objs, pdfObject{num: d.rootNum, body: cat.Bytes()})

	if !pdfa && st.root != 0 { // see compact.go
		trailer := func(id string) string {
			return fmt.Sprintf("/Root %d 0 R /Info %d 0 R /ID [<%s> <%s>]", d.rootNum, d.infoNum, id, id)
		}
		if w == nil {
			var b bytes.Buffer
			joinCompactTo(&b, pdfHeader, objs, st.elements, elementsAt, trailer, d.infoNum, d.rootNum) // a bytes.Buffer does not fail
			return b.Bytes(), nil
		}
		return nil, joinCompactTo(w, pdfHeader, objs, st.elements, elementsAt, trailer, d.infoNum, d.rootNum)
	}
	if st.elements.n > 0 {
		objs = slices.Insert(objs, elementsAt, st.elements.objects()...)
	}
	sum := sha256.New()
	for _, o := range objs {
		sum.Write(o.body)
		sum.Write(o.stream)
	}
	id := hex.EncodeToString(sum.Sum(nil)[:16])
	trailer := fmt.Sprintf("\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n/ID [<%s> <%s>]\n>>\n",
		maxNum(objs)+1, d.rootNum, d.infoNum, id, id)
	pdf := joinPDF(pdfHeader, objs, []byte(trailer))
	if w == nil {
		return pdf, nil
	}
	_, err := w.Write(pdf)
	return nil, err
}

func maxNum(objs []pdfObject) int {
	m := 0
	for _, o := range objs {
		m = max(m, o.num)
	}
	return m
}

// pdfHeader is the header of every document: PDF 1.7 (ISO 32000-1, the
// base of PDF/A-2), then a comment of bytes above 127 that marks the file
// as binary.
var pdfHeader = []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")

// infoObject writes the Info dictionary of meta.
func infoObject(n int, meta Meta) []byte {
	created := meta.Created
	var b bytes.Buffer
	fmt.Fprintf(&b, "%d 0 obj\n<<\n", n)
	for _, kv := range [][2]string{
		{"Title", meta.Title}, {"Author", meta.Author}, {"Subject", meta.Subject},
		{"Keywords", meta.Keywords}, {"Creator", producer}, {"Producer", producer},
	} {
		if kv[1] != "" {
			fmt.Fprintf(&b, "/%s %s\n", kv[0], textString(kv[1]))
		}
	}
	fmt.Fprintf(&b, "/CreationDate (%s)\n/ModDate (%s)\n>>\nendobj\n", pdfDate(created), pdfDate(created))
	return b.Bytes()
}

// textString encodes s as a PDF text string: UTF-16BE with a byte-order
// mark, in hex.
func textString(s string) string {
	units := utf16.Encode([]rune(s))
	b := make([]byte, 0, 2+2*len(units))
	b = append(b, 0xFE, 0xFF)
	for _, u := range units {
		b = append(b, byte(u>>8), byte(u))
	}
	return "<" + hex.EncodeToString(b) + ">"
}

// pdfDate is a PDF date with its time zone: D:20190731120000+02'00'.
func pdfDate(t time.Time) string {
	_, off := t.Zone()
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("D:%s%c%02d'%02d'", t.Format("20060102150405"), sign, off/3600, off%3600/60)
}
