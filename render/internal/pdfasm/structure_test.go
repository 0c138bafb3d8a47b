package pdfasm

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// elem is a structure element as read back.
type elem struct {
	num      int
	tag      string
	parent   int
	page     int // its /Pg, 0 for none
	k        string
	attrs    string
	alt      string
	children []int
}

var (
	elemRE = regexp.MustCompile(`^<</S/(\w+)/P (\d+) 0 R(?:/Pg (\d+) 0 R)?( /A <<[^>]*>>)?(?: /Alt <([0-9a-f]+)>)?(?:/K (.*))?>>$`)
	kidRE  = regexp.MustCompile(`(?:^|[ \[])(\d+) 0 R`)
)

// elements reads the structure tree back from the StructTreeRoot down.
func (d doc) elements(t *testing.T) (root int, byNum map[int]*elem) {
	t.Helper()
	root = d.ref(t, 0, `/StructTreeRoot (\d+) 0 R`)
	byNum = map[int]*elem{}
	var read func(n int)
	read = func(n int) {
		v := string(objectValue(d[n]))
		m := elemRE.FindStringSubmatch(v)
		if m == nil {
			t.Fatalf("element %d: %s", n, v)
		}
		e := &elem{num: n, tag: m[1], k: m[6], attrs: strings.TrimSpace(m[4])}
		e.parent, _ = strconv.Atoi(m[2])
		e.page, _ = strconv.Atoi(m[3])
		if m[5] != "" {
			e.alt = decodeTextString(t, m[5])
		}
		byNum[n] = e
		// Children are the references not inside a << >> (MCR, OBJR).
		k := regexp.MustCompile(`<<[^>]*>>`).ReplaceAllString(e.k, "")
		for _, c := range kidRE.FindAllStringSubmatch(k, -1) {
			c, _ := strconv.Atoi(c[1])
			e.children = append(e.children, c)
			read(c)
		}
	}
	read(d.ref(t, root, `/K (\d+) 0 R`))
	return root, byNum
}

// TestStructureTree: a document of two pages with one tree and links is
// written as its elements in reading order, each with its parent, its
// page, its marked content (on another page than its /Pg as an MCR), its
// attributes and alternative text; the parent tree gives each
// marked-content id and each link its element; a link without an element
// is a Link of the Document; the tree given is left as it was, so that a
// second document of it is the same.
func TestStructureTree(t *testing.T) {
	p := part(t, "uno", "due")
	var tr Tree
	sect := tr.Add(TagSect, -1, NoScope, 0)
	h1 := tr.Add(TagH1, sect, NoScope, 0)
	table := tr.Add(TagTable, sect, NoScope, 0)
	row := tr.Add(TagTR, table, NoScope, 0)
	th := tr.Add(TagTH, row, ColumnScope, 0)
	td := tr.Add(TagTD, row, NoScope, 2)
	fig := tr.Add(TagFigure, sect, NoScope, 0)
	link := tr.Add(TagLink, sect, NoScope, 0)
	tr.Alt = []Alt{{fig, func() string { return "Un grafico" }, [4]float64{10, 20, 110.5, 70}}}
	before := slices.Clone(tr.Parent)
	pages := []Page{
		{Tree: &tr, MCIDs: []int32{h1, th, -1}, Links: []Link{{Rect: [4]float64{1, 2, 3, 4}, Target: 1, Elem: link, Contents: "Vai alla pagina 2"}}},
		{Tree: &tr, MCIDs: []int32{td, td, fig, h1}, Links: []Link{{Target: 0, Elem: -1, Contents: "Vai alla pagina 1"}, {Target: 9, Elem: link}}},
	}
	pdf := p.Bytes(0, 2, &Doc{Tagged: true, Pages: pages, Height: 842})
	if !bytes.Equal(pdf, p.Bytes(0, 2, &Doc{Tagged: true, Pages: pages, Height: 842})) || !slices.Equal(before, tr.Parent) {
		t.Fatal("writing the document changed its tree")
	}
	d := readBack(t, pdf)
	kids, _ := d.pages(t)
	root, els := d.elements(t)
	var docElem *elem
	for _, e := range els {
		if e.tag == "Document" {
			docElem = e
		}
	}
	if docElem == nil || docElem.parent != root || len(docElem.children) != 2 {
		t.Fatalf("Document %+v: want the root's child with the Sect and a Link", docElem)
	}
	s, orphan := els[docElem.children[0]], els[docElem.children[1]]
	if s.tag != "Sect" || s.parent != docElem.num || orphan.tag != "Link" || orphan.parent != docElem.num {
		t.Fatalf("the Document's children: %+v, %+v", s, orphan)
	}
	var tags []string
	var walk func(e *elem)
	walk = func(e *elem) {
		tags = append(tags, e.tag)
		for _, c := range e.children {
			if els[c].parent != e.num {
				t.Errorf("%s %d: /P %d, want %d", els[c].tag, c, els[c].parent, e.num)
			}
			walk(els[c])
		}
	}
	walk(s)
	if got := strings.Join(tags, " "); got != "Sect H1 Table TR TH TD Figure Link" {
		t.Errorf("reading order %q", got)
	}
	// Element numbers follow the reading order.
	for i, n := range []int{s.num, s.children[0], s.children[1]} {
		if i > 0 && n <= s.num {
			t.Errorf("element %d numbered before its parent", n)
		}
	}
	find := func(tag string) *elem {
		for _, e := range els {
			if e.tag == tag && e != orphan {
				return e
			}
		}
		t.Fatalf("no %s", tag)
		return nil
	}
	h := find("H1")
	if h.page != kids[0] || h.k != "[0 <</Type /MCR /Pg "+strconv.Itoa(kids[1])+" 0 R /MCID 3>>]" {
		t.Errorf("H1 on two pages: /Pg %d /K %s", h.page, h.k)
	}
	if e := find("TH"); e.attrs != "/A <</O /Table /Scope /Column>>" || e.k != "1" {
		t.Errorf("TH: %s /K %s", e.attrs, e.k)
	}
	if e := find("TD"); e.attrs != "/A <</O /Table /ColSpan 2>>" || e.page != kids[1] || e.k != "[0 1]" {
		t.Errorf("TD: %s /Pg %d /K %s", e.attrs, e.page, e.k)
	}
	if e := find("Figure"); e.alt != "Un grafico" || e.k != "2" || e.attrs != "/A <</O /Layout /BBox [10.00 20.00 110.50 70.00]>>" {
		t.Errorf("Figure: %s /Alt %q /K %s", e.attrs, e.alt, e.k)
	}
	l := find("Link")
	annot := regexp.MustCompile(`<</Type /OBJR /Obj (\d+) 0 R>>`).FindStringSubmatch(l.k)
	if annot == nil || l.page != kids[0] {
		t.Fatalf("Link: /Pg %d /K %s", l.page, l.k)
	}
	a, _ := strconv.Atoi(annot[1])
	body := string(d[a])
	if !strings.Contains(body, "/Rect [1.00 2.00 3.00 4.00]") || !strings.Contains(body, "/Dest ["+strconv.Itoa(kids[1])+" 0 R /XYZ 0 842.00 null]") ||
		!strings.Contains(body, "/StructParent 2") || !strings.Contains(body, "/F 4") {
		t.Errorf("annotation: %s", body)
	}
	if c := regexp.MustCompile(`/Contents <([0-9a-f]+)>`).FindStringSubmatch(body); c == nil || decodeTextString(t, c[1]) != "Vai alla pagina 2" {
		t.Errorf("annotation /Contents: %s", body)
	}
	if !bytes.Contains(d[kids[0]], []byte("/StructParents 0\n/Tabs /S\n/Annots ["+annot[1]+" 0 R]")) {
		t.Errorf("page 1: %s", d[kids[0]])
	}
	if !bytes.Contains(d[kids[1]], []byte("/StructParents 1\n")) {
		t.Errorf("page 2: %s", d[kids[1]])
	}
	// The parent tree: per page each id's element, then per link its element.
	want := "0 [" + strconv.Itoa(h.num) + " 0 R " + strconv.Itoa(find("TH").num) + " 0 R null]" +
		"1 [" + strconv.Itoa(find("TD").num) + " 0 R " + strconv.Itoa(find("TD").num) + " 0 R " + strconv.Itoa(find("Figure").num) + " 0 R " + strconv.Itoa(h.num) + " 0 R]" +
		"2 " + strconv.Itoa(l.num) + " 0 R3 " + strconv.Itoa(orphan.num) + " 0 R"
	nums := regexp.MustCompile(`/Nums \[([^\]]*(?:\][^\]]*)*)\]>>`).FindSubmatch(d[root])
	if nums == nil || strings.ReplaceAll(string(nums[1]), "\n", "") != want {
		t.Errorf("parent tree %q, want %q", nums, want)
	}
	if !bytes.Contains(d[root], []byte("/ParentTreeNextKey 4")) {
		t.Errorf("root: %s", d[root])
	}
}

// TestStructurePerDocument: a part's pages written as two documents give
// each its own tree of the trees of its pages only.
func TestStructurePerDocument(t *testing.T) {
	p := part(t, "uno", "due")
	var a, b Tree
	a.Add(TagSect, -1, NoScope, 0)
	a.Add(TagP, 0, NoScope, 0)
	b.Add(TagSect, -1, NoScope, 0)
	b.Add(TagH1, 0, NoScope, 0)
	pages := []Page{{Tree: &a, MCIDs: []int32{1}}, {Tree: &b, MCIDs: []int32{1}}}
	for i, want := range []string{"Sect P", "Sect H1"} {
		d := readBack(t, p.Bytes(i, i+1, &Doc{Tagged: true, Pages: pages[i : i+1]}))
		_, els := d.elements(t)
		var nums []int
		for n := range els {
			nums = append(nums, n)
		}
		slices.Sort(nums)
		var tags []string
		for _, n := range nums {
			tags = append(tags, els[n].tag)
		}
		if strings.Join(tags, " ") != "Document "+want {
			t.Errorf("document %d: %v", i, tags)
		}
	}
}
