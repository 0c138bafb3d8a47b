package pdfasm

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// part parses a small document shaped as the PDF library writes it: the
// Pages root 1, a page per word with a content stream that shows it, a
// shared resource dictionary, an Info and a Catalog.
func part(t *testing.T, words ...string) *Part {
	t.Helper()
	var kids []string
	objs := []pdfObject{{num: 2, body: []byte("2 0 obj\n<</ProcSet [/PDF /Text]>>\nendobj\n")}}
	n := 3
	for _, w := range words {
		content := "BT /F1 12 Tf 10 10 Td (" + w + ") Tj ET"
		objs = append(objs,
			pdfObject{num: n, body: fmt.Appendf(nil, "%d 0 obj\n<</Type /Page\n/Parent 1 0 R\n/Resources 2 0 R\n/Contents %d 0 R>>\nendobj\n", n, n+1)},
			pdfObject{num: n + 1, body: fmt.Appendf(nil, "%d 0 obj\n<</Length %d>>\nstream\n%s\nendstream\nendobj\n", n+1, len(content), content)})
		kids = append(kids, strconv.Itoa(n)+" 0 R")
		n += 2
	}
	objs = append([]pdfObject{{num: 1, body: fmt.Appendf(nil, "1 0 obj\n<</Type /Pages\n/Kids [%s ]\n/Count %d\n/MediaBox [0 0 595.28 841.89]\n>>\nendobj\n", strings.Join(kids, " "), len(words))}}, objs...)
	objs = append(objs, pdfObject{num: n, body: fmt.Appendf(nil, "%d 0 obj\n<</Producer (test)>>\nendobj\n", n)},
		pdfObject{num: n + 1, body: fmt.Appendf(nil, "%d 0 obj\n<</Type /Catalog /Pages 1 0 R>>\nendobj\n", n+1)})
	raw := joinPDF([]byte("%PDF-1.3\n"), objs, fmt.Appendf(nil, "\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\n", n+2, n+1, n))
	p, err := Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	for i := range raw {
		raw[i] = 'x' // nothing parsed may still point into the library's buffer
	}
	return p
}

// doc is what the tests read back of a document: its objects by number,
// the catalog as 0.
type doc map[int][]byte

func readBack(t *testing.T, pdf []byte) doc {
	t.Helper()
	objs, trailer, err := Objects(pdf)
	if err != nil {
		t.Fatal(err)
	}
	d := doc{}
	for _, o := range objs {
		if _, dup := d[o.Num]; dup {
			t.Errorf("object %d written twice", o.Num)
		}
		d[o.Num] = o.Body
	}
	// Every reference of a dictionary resolves.
	for n, body := range d {
		for _, m := range refRE.FindAllSubmatch(dictOf(body), -1) {
			if r, _ := strconv.Atoi(string(m[1])); d[r] == nil {
				t.Errorf("object %d refers to %d, which does not exist", n, r)
			}
		}
	}
	d[0] = d[refIn(rootRE, trailer)]
	return d
}

// ref is the object the first match of re's group refers to.
func (d doc) ref(t *testing.T, n int, re string) int {
	t.Helper()
	m := regexp.MustCompile(re).FindSubmatch(d[n])
	if m == nil {
		t.Fatalf("object %d has no %s: %s", n, re, d[n])
	}
	r, _ := strconv.Atoi(string(m[1]))
	return r
}

// pages are the page objects of the document, in order, and what each
// shows.
func (d doc) pages(t *testing.T) ([]int, []string) {
	t.Helper()
	root := d.ref(t, 0, `/Pages (\d+) 0 R`)
	var kids []int
	var words []string
	for _, m := range refRE.FindAllSubmatch(kidsRE.FindSubmatch(d[root])[1], -1) {
		k, _ := strconv.Atoi(string(m[1]))
		kids = append(kids, k)
		if p := d.ref(t, k, `/Parent (\d+) 0 R`); p != root {
			t.Errorf("page %d hangs from %d, not the Pages root %d", k, p, root)
		}
		data, err := streamData(d[d.ref(t, k, `/Contents (\d+) 0 R`)])
		if err != nil {
			t.Fatal(err)
		}
		words = append(words, regexp.MustCompile(`\((\w+)\) Tj`).FindStringSubmatch(string(data))[1])
	}
	return kids, words
}

// TestMergeRenumbers: parts merged are one document whose pages are the
// parts' in order, each with its own content; the objects of a part after
// the first are numbered after the previous parts', every reference of
// theirs moved with them (their streams kept, not copied) and every page
// hung from the first Pages root; the parts are let go. Without fonts,
// union is never called.
func TestMergeRenumbers(t *testing.T) {
	parts := []*Part{part(t, "alfa", "beta"), part(t, "gamma"), part(t, "delta", "epsilon")}
	last := make([]int, len(parts))
	for i, p := range parts {
		last[i] = maxNum(p.objs)
	}
	// The second part's first content stream (object 4), where it is.
	var stream *byte
	for _, o := range parts[1].objs {
		if s := bytes.Index(o.body, streamKw); o.num == 4 && s >= 0 {
			stream = &o.body[s]
		}
	}
	m := Merge(parts, nil)
	for _, o := range m.objs {
		if o.num == last[0]+4 && (len(o.stream) == 0 || &o.stream[0] != stream) {
			t.Errorf("object %d: its stream was copied, or lost, by the merge", o.num)
		}
	}
	for i, p := range parts[1:] {
		if p.objs != nil {
			t.Errorf("part %d is still held after the merge", i+1)
		}
	}
	if m.Pages() != 5 {
		t.Fatalf("%d pages, want 5", m.Pages())
	}
	// The second part's first page was object 3: now after the first part's.
	if m.kids[2] != last[0]+3 || m.kids[3] != last[0]+last[1]+3 {
		t.Errorf("pages %v: the parts' objects are not numbered after the previous parts'", m.kids)
	}
	pdf := m.Bytes(0, m.Pages(), &Doc{Meta: Meta{Title: "prova"}})
	d := readBack(t, pdf)
	_, words := d.pages(t)
	if got := strings.Join(words, " "); got != "alfa beta gamma delta epsilon" {
		t.Errorf("pages say %q", got)
	}
	for n, body := range d {
		if bytes.Contains(body, []byte("xxxx")) {
			t.Errorf("object %d still points into the library's buffer", n)
		}
	}
	// A page range keeps only its pages and their content.
	one := m.Bytes(3, 5, &Doc{})
	d = readBack(t, one)
	if _, words := d.pages(t); strings.Join(words, " ") != "delta epsilon" {
		t.Errorf("pages 4-5 say %q", words)
	}
	if bytes.Count(expandedText(t, one), []byte(") Tj")) != 2 {
		t.Error("the range holds other pages' content")
	}
}

// expandedText is every stream of a document inflated, one after the other.
func expandedText(t *testing.T, pdf []byte) []byte {
	t.Helper()
	objs, _, err := Objects(pdf)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, o := range objs {
		if data, err := streamData(o.Body); err == nil {
			b.Write(data)
		}
	}
	return b.Bytes()
}

// TestMergeOnePart: a single part is the document as it is.
func TestMergeOnePart(t *testing.T) {
	p := part(t, "solo")
	if Merge([]*Part{p}, nil) != p {
		t.Error("a single part was copied")
	}
}

// TestWriteAgain: a part written twice gives the same bytes, to a writer
// or as a slice; a document's /ID changes with its content.
func TestWriteAgain(t *testing.T) {
	p := part(t, "uno", "due")
	d := &Doc{Meta: Meta{Title: "prova"}}
	a := p.Bytes(0, 2, d)
	var b bytes.Buffer
	if err := p.Write(&b, 0, 2, d); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b.Bytes()) || !bytes.Equal(a, p.Bytes(0, 2, d)) {
		t.Error("the same document written twice differs")
	}
	other := p.Bytes(0, 2, &Doc{Meta: Meta{Title: "altro"}})
	id := regexp.MustCompile(`/ID \[<([0-9a-f]+)>`)
	if bytes.Equal(id.Find(a), id.Find(other)) {
		t.Error("two documents share an /ID")
	}
}
