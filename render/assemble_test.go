package render

import (
	"bytes"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pegpdf/pegpdf/render/internal/pdfasm"
)

// drawFixture draws pages that each say their word, and cuts the result.
func drawFixture(t *testing.T, words ...string) *pdfasm.Part {
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
	d, err := pdfasm.Parse(raw)
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
		dict := o.Body
		if s := bytes.Index(dict, []byte("stream\n")); s >= 0 {
			dict = dict[:s]
		}
		for _, m := range anyRefRE.FindAllSubmatch(dict, -1) {
			n, _ := strconv.Atoi(string(m[1]))
			if _, ok := p.index[n]; !ok {
				t.Errorf("object %d refers to %d, which does not exist", o.Num, n)
			}
		}
	}
}

// TestMergeParts: three parts drawn apart by the PDF library merge into
// one document whose pages are in order, each with its own content, whose
// references all resolve, with one subset per face (made by union)
// holding the characters of every part.
func TestMergeParts(t *testing.T) {
	parts := []*pdfasm.Part{drawFixture(t, "alfa", "beta"), drawFixture(t, "gamma"), drawFixture(t, "delta", "èpsilon", "zeta")}
	m := pdfasm.Merge(parts, union)
	if m.Pages() != 6 {
		t.Fatalf("%d pages, want 6", m.Pages())
	}
	pdf := m.Bytes(0, m.Pages(), &pdfasm.Doc{Meta: pdfasm.Meta{Title: "prova", Created: time.Unix(0, 0)}})
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
	one := m.Bytes(2, 3, &pdfasm.Doc{})
	checkReferences(t, one)
	if doc, err := readPDF(one); err != nil || len(doc.Pages) != 1 || !strings.Contains(doc.Pages[0].Text, "gamma") {
		t.Errorf("page 3 alone: %v", err)
	}
}

// TestCompressCopies: after parsing, no object body aliases the library's
// buffer (drawFixture overwrote it): the document is still intact, every
// stream compressed.
func TestCompressCopies(t *testing.T) {
	d := drawFixture(t, "uno", "due")
	pdf := d.Bytes(0, 2, &pdfasm.Doc{})
	if bytes.Contains(pdf, []byte("xxxxxxxx")) {
		t.Fatal("a body still points into the library's buffer")
	}
	doc, err := readPDF(pdf)
	if err != nil || len(doc.Pages) != 2 || !strings.Contains(doc.Pages[1].Text, "due") {
		t.Errorf("%v", err)
	}
	for _, o := range parseOutput(t, pdf).objs {
		if s := bytes.Index(o.Body, []byte("stream\n")); s >= 0 && !bytes.Contains(o.Body[:s], []byte("/Filter")) {
			t.Errorf("object %d: a stream left uncompressed", o.Num)
		}
	}
}

// TestMergeFallback: when the fonts cannot be unified (here: union
// fails), each part keeps its own and the document is still whole.
func TestMergeFallback(t *testing.T) {
	parts := []*pdfasm.Part{drawFixture(t, "alfa"), drawFixture(t, "beta")}
	called := false
	m := pdfasm.Merge(parts, func(map[string][]rune) (*pdfasm.Part, error) {
		called = true
		return nil, errors.New("a face this package does not know")
	})
	if !called {
		t.Fatal("union was not asked for the fonts")
	}
	if _, err := union(map[string][]rune{"Sconosciuto": {'a'}}); err == nil {
		t.Error("union embedded a face it does not know")
	}
	pdf := m.Bytes(0, m.Pages(), &pdfasm.Doc{})
	checkReferences(t, pdf)
	fonts, err := pdfasm.Fonts(pdf)
	if err != nil || len(fonts) != 4 {
		t.Errorf("%d fonts (%v), want each part's two", len(fonts), err)
	}
	doc, err := readPDF(pdf)
	if err != nil || len(doc.Pages) != 2 || !strings.Contains(doc.Pages[1].Text, "beta") {
		t.Errorf("%v", err)
	}
}

// TestFlatten: a tree whose elements were made out of reading order (a
// child added to an earlier element later, as the contents' TOC entries
// are) is flat in reading order, a parent before its children; each
// marked-content id and link of a page finds its element by id, also in
// another layout of the same flow (a sheet drawn in two parts), and a
// Figure keeps its alternative text.
func TestFlatten(t *testing.T) {
	th := DefaultTheme()
	layout := func() (*snode, []*snode) {
		root := newRoot(tagSect)
		h := root.child(tagH1)
		toc := root.child(tagTOC)
		fig := root.child(tagFigure)
		fig.ext().altOf = func() string { return "Grafico" }
		entry := toc.child(tagTOCI) // made after the Figure, read before it
		link := entry.child(tagLink)
		link.ext().text = "2019_ZN10"
		return root, []*snode{h, entry, link, fig}
	}
	root, els := layout()
	_, els2 := layout() // the same flow laid out again
	first := &page{group: root, mcids: []*snode{els[0], els[2]}, links: []link{{x: 10, y: 20, w: 30, h: 5, target: 1, node: els[2]}}}
	second := &page{group: root, mcids: []*snode{els2[3], els2[2]}}
	fl := newFlattener(&th)
	fl.drawn([]*page{first})
	fl.drawn([]*page{second})
	fl.resolve([]*page{first, second})
	tr := first.asm.Tree
	if tr == nil || second.asm.Tree != tr {
		t.Fatal("the pages of one flow do not share one tree")
	}
	want := []pdfasm.Tag{tagSect, tagH1, tagTOC, tagTOCI, tagLink, tagFigure}
	if !slices.Equal(tr.Tag, want) || !slices.Equal(tr.Parent, []int32{-1, 0, 0, 2, 3, 0}) {
		t.Errorf("flat tree %v parents %v, want %v in reading order", tr.Tag, tr.Parent, want)
	}
	if !slices.Equal(first.asm.MCIDs, []int32{1, 4}) || !slices.Equal(second.asm.MCIDs, []int32{5, 4}) {
		t.Errorf("marked content: %v, %v", first.asm.MCIDs, second.asm.MCIDs)
	}
	if len(tr.Alt) != 1 || tr.Alt[0].Elem != 5 || tr.Alt[0].Text() != "Grafico" {
		t.Errorf("alternative texts %v", tr.Alt)
	}
	l := first.asm.Links
	if len(l) != 1 || l[0].Elem != 4 || l[0].Target != 1 || l[0].Contents != "Vai alla pagina 2: 2019_ZN10" {
		t.Errorf("links %+v", l)
	}
	if first.group != nil || first.mcids != nil || first.links != nil {
		t.Error("the layout's tree is still held by the page")
	}
}
