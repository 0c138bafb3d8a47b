package pdfasm

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// fixture is a small classic PDF written by joinPDF: a Pages root (1),
// two pages with their contents, a font, an Info and a Catalog, and a
// hole in the numbering (object 9 is free).
func fixture() (header []byte, objs []pdfObject, trailer []byte) {
	content := "BT /F1 12 Tf 10 10 Td (1 0 R) Tj ET"
	objs = []pdfObject{
		{num: 1, body: []byte("1 0 obj\n<</Type /Pages\n/Kids [3 0 R 5 0 R ]\n/Count 2\n/MediaBox [0 0 595.28 841.89]\n>>\nendobj\n")},
		{num: 2, body: []byte("2 0 obj\n<</Font <</F1 7 0 R>>>>\nendobj\n")},
		{num: 3, body: []byte("3 0 obj\n<</Type /Page\n/Parent 1 0 R\n/Resources 2 0 R\n/Contents 4 0 R>>\nendobj\n")},
		{num: 4, body: []byte(fmt.Sprintf("4 0 obj\n<</Length %d>>\nstream\n%s\nendstream\nendobj\n", len(content), content))},
		{num: 5, body: []byte("5 0 obj\n<</Type /Page\n/Parent 1 0 R\n/Resources 2 0 R\n/Contents 6 0 R>>\nendobj\n")},
		{num: 6, body: []byte(fmt.Sprintf("6 0 obj\n<</Length %d>>\nstream\n%s\nendstream\nendobj\n", len(content), content))},
		{num: 7, body: []byte("7 0 obj\n<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>\nendobj\n")},
		{num: 8, body: []byte("8 0 obj\n<</Producer (test)>>\nendobj\n")},
		{num: 10, body: []byte("10 0 obj\n<</Type /Catalog /Pages 1 0 R>>\nendobj\n")},
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
