package render

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fixture is a small classic PDF written by joinPDF: a Pages root (1),
// two pages with their contents, a font, an Info and a Catalog, and a
// hole in the numbering (object 9 is free).
func fixture() (header []byte, objs []pdfObject, trailer []byte) {
	content := "BT /F1 12 Tf 10 10 Td (1 0 R) Tj ET"
	objs = []pdfObject{
		{1, []byte("1 0 obj\n<</Type /Pages\n/Kids [3 0 R 5 0 R ]\n/Count 2\n/MediaBox [0 0 595.28 841.89]\n>>\nendobj\n")},
		{2, []byte("2 0 obj\n<</Font <</F1 7 0 R>>>>\nendobj\n")},
		{3, []byte("3 0 obj\n<</Type /Page\n/Parent 1 0 R\n/Resources 2 0 R\n/Contents 4 0 R>>\nendobj\n")},
		{4, []byte(fmt.Sprintf("4 0 obj\n<</Length %d>>\nstream\n%s\nendstream\nendobj\n", len(content), content))},
		{5, []byte("5 0 obj\n<</Type /Page\n/Parent 1 0 R\n/Resources 2 0 R\n/Contents 6 0 R>>\nendobj\n")},
		{6, []byte(fmt.Sprintf("6 0 obj\n<</Length %d>>\nstream\n%s\nendstream\nendobj\n", len(content), content))},
		{7, []byte("7 0 obj\n<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>\nendobj\n")},
		{8, []byte("8 0 obj\n<</Producer (test)>>\nendobj\n")},
		{10, []byte("10 0 obj\n<</Type /Catalog /Pages 1 0 R>>\nendobj\n")},
	}
	return []byte("%PDF-1.3\n"), objs, []byte("\n<<\n/Size 11\n/Root 10 0 R\n/Info 8 0 R\n>>\n")
}

// TestSplitJoin: joinPDF writes a cross-reference table whose offsets
// point at each object and whose free entries chain; splitPDF gives back
// the same header, objects and trailer.
func TestSplitJoin(t *testing.T) {
	header, objs, trailer := fixture()
	pdf := joinPDF(header, objs, trailer)
	h, got, tr, err := splitPDF(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(h, header) || !bytes.Equal(tr, trailer) || len(got) != len(objs) {
		t.Fatalf("header %q trailer %q, %d objects", h, tr, len(got))
	}
	for i := range objs {
		if got[i].num != objs[i].num || !bytes.Equal(got[i].body, objs[i].body) {
			t.Errorf("object %d: got %d %q", objs[i].num, got[i].num, got[i].body)
		}
	}
	xref := pdf[bytes.LastIndex(pdf, []byte("\nxref\n"))+1:]
	lines := strings.Split(string(xref), "\n")[2:13]
	if lines[0] != "0000000009 65535 f " || lines[9] != "0000000000 00001 f " {
		t.Errorf("free entries: %q, %q", lines[0], lines[9])
	}
	for n, l := range lines {
		if strings.HasSuffix(l, " n ") {
			off, _ := strconv.Atoi(l[:10])
			if !bytes.HasPrefix(pdf[off:], []byte(strconv.Itoa(n)+" 0 obj")) {
				t.Errorf("entry %d points at %q", n, pdf[off:off+10])
			}
		}
	}
}

// TestSplitRefusesOtherShapes: what is not a classic PDF with a
// cross-reference table is errLayout, never a panic, even cut anywhere.
func TestSplitRefusesOtherShapes(t *testing.T) {
	header, objs, trailer := fixture()
	pdf := joinPDF(header, objs, trailer)
	for _, bad := range [][]byte{nil, []byte("%PDF-1.7\n"), []byte("startxref\n999999\n%%EOF"), bytes.Replace(pdf, []byte("xref\n0 "), []byte("xref\n1 "), 1)} {
		if _, _, _, err := splitPDF(bad); !errors.Is(err, errLayout) {
			t.Errorf("%.30q: %v, want errLayout", bad, err)
		}
	}
	for n := range len(pdf) {
		splitPDF(pdf[:n]) // must not panic
	}
}

// TestCompressObject: a stream without a filter is deflated and its
// /Length updated; a stream with a filter and a dictionary are left as
// they are; a /Length that does not match is errLayout.
func TestCompressObject(t *testing.T) {
	_, objs, _ := fixture()
	var buf bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
	out, err := compressObject(objs[3].body, zw, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte("/Filter /FlateDecode")) {
		t.Fatalf("not compressed: %q", out)
	}
	data, err := streamData(out)
	if err != nil || string(data) != "BT /F1 12 Tf 10 10 Td (1 0 R) Tj ET" {
		t.Errorf("round trip: %q, %v", data, err)
	}
	again, err := compressObject(out, zw, &buf)
	if err != nil || !bytes.Equal(again, out) {
		t.Errorf("a compressed stream was compressed again")
	}
	if dict, _ := compressObject(objs[0].body, zw, &buf); !bytes.Equal(dict, objs[0].body) {
		t.Errorf("a dictionary changed")
	}
	broken := bytes.Replace(objs[3].body, []byte("/Length 35"), []byte("/Length 99"), 1)
	if _, err := compressObject(broken, zw, &buf); !errors.Is(err, errLayout) {
		t.Errorf("a wrong /Length: %v, want errLayout", err)
	}
}

// TestRenumber: the object's number and the references of its dictionary
// move; the bytes of its stream, which may look like references, do not.
func TestRenumber(t *testing.T) {
	_, objs, _ := fixture()
	re := func(n int) int { return n + 100 }
	got := string(renumber(objs[2].body, re))
	if want := "103 0 obj\n<</Type /Page\n/Parent 101 0 R\n/Resources 102 0 R\n/Contents 104 0 R>>\nendobj\n"; got != want {
		t.Errorf("page: %q", got)
	}
	got = string(renumber(objs[3].body, re))
	if !strings.HasPrefix(got, "104 0 obj") || !strings.Contains(got, "(1 0 R) Tj") {
		t.Errorf("content stream: %q", got)
	}
}

// drawFixture draws pages that each say their word, and cuts the result.
func drawFixture(t *testing.T, words ...string) *drawn {
	t.Helper()
	th := DefaultTheme()
	var pages []*page
	for _, w := range words {
		pages = append(pages, &page{items: []item{{kind: textItem, x: 20, y: 20, text: w, font: font{bold, 12}}, {kind: textItem, x: 20, y: 40, text: w + "!", font: font{regular, 10}}}})
	}
	number(pages)
	raw, err := draw(&th, pages)
	if err != nil {
		t.Fatal(err)
	}
	d, err := parseDrawn(raw)
	if err != nil {
		t.Fatal(err)
	}
	for i := range raw {
		raw[i] = 'x' // nothing drawn may still point into the library's buffer
	}
	return d
}

var anyRefRE = regexp.MustCompile(`(\d+) 0 R`)

// checkReferences fails if a dictionary refers to an object the document
// does not have.
func checkReferences(t *testing.T, pdf []byte) {
	t.Helper()
	p := parseOutput(t, pdf)
	for _, o := range p.objs {
		for _, m := range anyRefRE.FindAllSubmatch(dictOf(o.body), -1) {
			n, _ := strconv.Atoi(string(m[1]))
			if _, ok := p.index[n]; !ok {
				t.Errorf("object %d refers to %d, which does not exist", o.num, n)
			}
		}
	}
}

// TestMergeParts: three parts drawn apart merge into one document whose
// pages are in order, each with its own content, whose references all
// resolve, with one subset per face holding the characters of every part;
// the parts are let go.
func TestMergeParts(t *testing.T) {
	parts := []*drawn{drawFixture(t, "alfa", "beta"), drawFixture(t, "gamma"), drawFixture(t, "delta", "èpsilon", "zeta")}
	m := mergeDrawn(parts)
	for i, p := range parts[1:] {
		if p.objs != nil {
			t.Errorf("part %d is still held after the merge", i+1)
		}
	}
	if len(m.kids) != 6 {
		t.Fatalf("%d pages, want 6", len(m.kids))
	}
	seen := map[int]bool{}
	for _, k := range m.kids {
		c := m.contents[k]
		if seen[c] || c == 0 {
			t.Errorf("page %d: content %d shared or missing", k, c)
		}
		seen[c] = true
	}
	pdf := m.assemble(0, len(m.kids), Meta{Title: "prova", Created: time.Unix(0, 0)}, nil, false)
	checkReferences(t, pdf)
	doc, err := readPDF(pdf)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range []string{"alfa", "beta", "gamma", "delta", "èpsilon", "zeta"} {
		if got := doc.Pages[i].Text; !strings.Contains(got, w+"\r\n"+w+"!") && !strings.Contains(got, w+"\n"+w+"!") {
			t.Errorf("page %d says %q, want %s", i+1, got, w)
		}
	}
	fonts, shown := checkFonts(t, pdf)
	if n := faceCounts(fonts); len(fonts) != 2 || n["GoRegular"] != 1 || n["Go-Bold"] != 1 {
		t.Errorf("fonts %v, want each face once", n)
	}
	for _, r := range "abdeglimnpstzè!" {
		if !shown[r] {
			t.Errorf("%q is in no subset", r)
		}
	}
	// Assembling a page range of the merged document keeps only its pages.
	one := m.assemble(2, 3, Meta{Created: time.Unix(0, 0)}, nil, false)
	checkReferences(t, one)
	if doc, err := readPDF(one); err != nil || len(doc.Pages) != 1 || !strings.Contains(doc.Pages[0].Text, "gamma") {
		t.Errorf("page 3 alone: %v", err)
	}
}

// TestMergeOnePart: a single part is the document as it is.
func TestMergeOnePart(t *testing.T) {
	d := drawFixture(t, "solo")
	if m := mergeDrawn([]*drawn{d}); m != d {
		t.Error("a single part was copied")
	}
}

// TestCompressCopies: after parsing, no object body aliases the library's
// buffer (drawFixture overwrote it): the document is still intact.
func TestCompressCopies(t *testing.T) {
	d := drawFixture(t, "uno", "due")
	pdf := d.assemble(0, 2, Meta{Created: time.Unix(0, 0)}, nil, false)
	if bytes.Contains(pdf, []byte("xxxxxxxx")) {
		t.Fatal("a body still points into the library's buffer")
	}
	doc, err := readPDF(pdf)
	if err != nil || len(doc.Pages) != 2 || !strings.Contains(doc.Pages[1].Text, "due") {
		t.Errorf("%v", err)
	}
	for _, o := range d.objs {
		if s := bytes.Index(o.body, streamKw); s >= 0 && !bytes.Contains(o.body[:s], []byte("/Filter")) {
			t.Errorf("object %d: a stream left uncompressed", o.num)
		}
	}
}

// TestMergeFallback: when the fonts cannot be unified (here: a face this
// package does not know), each part keeps its own and the document is
// still whole.
func TestMergeFallback(t *testing.T) {
	parts := []*drawn{drawFixture(t, "alfa"), drawFixture(t, "beta")}
	for _, p := range parts {
		for i, o := range p.objs {
			p.objs[i].body = bytes.ReplaceAll(o.body, []byte("+GoRegular"), []byte("+Sconosciuto"))
		}
	}
	m := mergeDrawn(parts)
	pdf := m.assemble(0, len(m.kids), Meta{Created: time.Unix(0, 0)}, nil, false)
	checkReferences(t, pdf)
	p := parseOutput(t, pdf)
	fonts, err := findFonts(p.objs, p.index)
	if err != nil || len(fonts) != 4 {
		t.Errorf("%d fonts (%v), want each part's two", len(fonts), err)
	}
	doc, err := readPDF(pdf)
	if err != nil || len(doc.Pages) != 2 || !strings.Contains(doc.Pages[1].Text, "beta") {
		t.Errorf("%v", err)
	}
}
