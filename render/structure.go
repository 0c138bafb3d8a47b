package render

import "strconv"

// The assembly's part of tagging: the structure tree of one output
// document, written from the pages' roots (page.group) and the element of
// each marked-content id the draw pass recorded (page.mcids); the link
// annotations as objects in the tree (Link with OBJR, /Contents); and, per
// page, /StructParents and, with annotations, /Tabs /S.
//
// Pages drawn in parts or many documents to one library document do not
// matter: marked-content ids are per page, the tree is written per output
// document, and its objects are numbered after every other object of it.
// A booklet's sheet is laid out first untagged, to count its pages (its
// root, page.group, keeps no tree), then again before drawing
// (materialize), once per part it falls in: those layouts give equal
// elements, id for id, and the tree written is the first drawn one's.

// tagged is what the assembly needs to tag a drawn document: its pages,
// in the order of the drawn page objects.
type tagged struct {
	pages      []*page
	pageHeight float64 // millimetres

	// once says the pages make one document, assembled once: their trees
	// are let go as they are written (a booklet's are most of its memory).
	once bool
}

// tag gives d the pages it was drawn from, so that the documents assembled
// from it are tagged.
func (d *drawn) tag(th *Theme, pages []*page) {
	if len(pages) == len(d.kids) {
		d.tagged = &tagged{pages: pages, pageHeight: th.PageHeight}
	}
}

// structure is the tagging of one output document.
type structure struct {
	objs  []pdfObject
	extra map[int][]byte // page object -> entries added to its dictionary
	root  int            // the StructTreeRoot
}

// canonical is the element of the tree g that n stands for: n itself,
// or the element with the same id in g when n is of another layout of
// the same flow.
func canonical(g, n *snode) *snode {
	if n == nil || g == nil || n.root() == g {
		return n
	}
	if g.x == nil {
		return nil
	}
	if all := g.x.all; int(n.id) < len(all) && all[n.id].tag == n.tag {
		return all[n.id]
	}
	return nil
}

// structure writes the structure tree of the document made of the pages
// [from, to) whose page objects are kids, numbering objects from next.
func (t *tagged) structure(from, to int, kids []int, next int) structure {
	pages := t.pages[from:to]
	out := structure{extra: map[int][]byte{}}
	doc := &snode{tag: tagDocument}
	var groups []*snode
	seen := map[*snode]bool{}
	var orphans []*snode // links of pages without a tree: Link elements of the Document
	// The tree of each page: its flow's, or for a flow laid out untagged
	// (a root that keeps no tree), the tree of the first layout of it that
	// was drawn; a sheet drawn in two parts was laid out twice, id for id
	// the same.
	drawnAs := map[*snode]*snode{}
	for _, p := range pages {
		if g := p.group; g != nil && g.sink && drawnAs[g] == nil && len(p.mcids) > 0 {
			drawnAs[g] = p.mcids[0].root()
		}
	}
	tree := func(p *page) *snode {
		if g := p.group; g != nil && g.sink {
			return drawnAs[g]
		}
		return p.group
	}
	for i, p := range pages {
		g := tree(p)
		if g != nil && !seen[g] {
			seen[g] = true
			groups = append(groups, g)
		}
		for mcid, n := range p.mcids {
			if c := canonical(g, n); c != nil {
				c.addMC(mcRef{int32(i), int32(mcid)})
			}
		}
	}

	// The annotations: one object per link, each with its StructParent key
	// after the pages'.
	var annots []annot
	key := len(pages)
	for i, p := range pages {
		for _, l := range p.links {
			if l.target < 0 || l.target >= len(pages) {
				continue
			}
			e := canonical(tree(p), l.node)
			if e == nil {
				e = &snode{tag: tagLink}
				orphans = append(orphans, e)
			}
			a := annot{num: next, key: key, page: i, l: l, elem: e}
			next++
			key++
			e.ext().objr = append(e.x.objr, a.num)
			annots = append(annots, a)
		}
	}

	// Number the elements in reading order: the Document, then each tree.
	var all []*snode
	var number func(n *snode)
	number = func(n *snode) {
		n.num = int32(next)
		next++
		all = append(all, n)
		for k := n.first; k != nil; k = k.next {
			number(k)
		}
	}
	rootNum := next
	next++
	top := append(append([]*snode{}, groups...), orphans...) // the Document's children
	doc.num = int32(next)
	next++
	all = append(all, doc)
	for _, g := range top {
		number(g)
	}
	for _, g := range groups {
		g.parent = doc
	}
	for _, o := range orphans {
		o.parent = doc
	}
	orphans = nil

	size := 100 * len(all)
	for _, n := range all {
		if n.tag == tagFigure {
			size += 4*len(n.altText()) + 16 // UTF-16 in hex
		}
	}
	b := make([]byte, 0, 200*len(annots))
	out.objs = make([]pdfObject, 0, len(annots)+len(all)+1)
	for _, a := range annots {
		s := len(b)
		l := a.l
		h := t.pageHeight
		b = strconv.AppendInt(b, int64(a.num), 10)
		b = append(b, " 0 obj\n<</Type /Annot /Subtype /Link /Rect ["...)
		b = appendFloats(b, l.x*mmToPt, (h-l.y-l.h)*mmToPt, (l.x+l.w)*mmToPt, (h-l.y)*mmToPt)
		b = append(b, "] /Border [0 0 0] /F 4 /Dest ["...)
		b = strconv.AppendInt(b, int64(kids[l.target]), 10)
		b = append(b, " 0 R /XYZ 0 "...)
		b = appendFloats(b, h*mmToPt)
		b = append(b, " null] /Contents "...)
		b = append(b, textString(linkContents(a.elem.ext().text, l.target))...)
		b = append(b, " /StructParent "...)
		b = strconv.AppendInt(b, int64(a.key), 10)
		b = append(b, ">>\nendobj\n"...)
		out.objs = append(out.objs, pdfObject{a.num, b[s:len(b):len(b)]})
	}

	// The root, with the parent tree: per page, the element of each
	// marked-content id; per annotation, its Link.
	rb := make([]byte, 0, 12*len(all)+16*len(annots)+16*len(pages)+128)
	b, rb = rb, b // written in b, then b is the annotations' again
	b = strconv.AppendInt(b, int64(rootNum), 10)
	b = append(b, " 0 obj\n<</Type /StructTreeRoot /K "...)
	b = strconv.AppendInt(b, int64(doc.num), 10)
	b = append(b, " 0 R /ParentTree <</Nums ["...)
	for i, p := range pages {
		b = append(b, '\n')
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, " ["...)
		for j, n := range p.mcids {
			if j > 0 {
				b = append(b, ' ')
			}
			if c := canonical(tree(p), n); c != nil {
				b = strconv.AppendInt(b, int64(c.num), 10)
				b = append(b, " 0 R"...)
			} else {
				b = append(b, "null"...)
			}
		}
		b = append(b, ']')
	}
	for _, a := range annots {
		b = append(b, '\n')
		b = strconv.AppendInt(b, int64(a.key), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(a.elem.num), 10)
		b = append(b, " 0 R"...)
	}
	b = append(b, "]>> /ParentTreeNextKey "...)
	b = strconv.AppendInt(b, int64(key), 10)
	b = append(b, ">>\nendobj\n"...)
	rootObj := pdfObject{rootNum, b[:len(b):len(b)]}
	b, rb = rb, nil
	out.root = rootNum

	// The pages' entries.
	perPage := make([][]int, len(pages))
	for _, a := range annots {
		perPage[a.page] = append(perPage[a.page], a.num)
	}
	for i := range pages {
		var e []byte
		e = append(e, "/StructParents "...)
		e = strconv.AppendInt(e, int64(i), 10)
		e = append(e, '\n')
		if len(perPage[i]) > 0 {
			e = append(e, "/Tabs /S\n/Annots ["...)
			for j, a := range perPage[i] {
				if j > 0 {
					e = append(e, ' ')
				}
				e = strconv.AppendInt(e, int64(a), 10)
				e = append(e, " 0 R"...)
			}
			e = append(e, "]\n"...)
		}
		out.extra[kids[i]] = e
	}

	// What is left needs only the elements: with a document assembled
	// once, let the pages' trees go, each as soon as it is written.
	if t.once {
		for _, p := range pages {
			p.mcids, p.group, p.links = nil, nil, nil
		}
		t.pages, pages = nil, nil
		clear(drawnAs)
		clear(seen)
		groups = nil
		for i := range annots {
			annots[i].elem, annots[i].l.node = nil, nil
		}
	}

	chunk := max(min(size, 256<<10), 4<<10) // elements are written in chunks, let go as they are packed
	for i, n := range all {
		if cap(b)-len(b) < 2<<10 {
			b = make([]byte, 0, chunk)
		}
		s := len(b)
		b = strconv.AppendInt(b, int64(n.num), 10)
		b = append(b, " 0 obj\n<</S/"...)
		b = append(b, n.tag.String()...)
		b = append(b, "/P "...)
		if n.parent != nil && n != doc {
			b = strconv.AppendInt(b, int64(n.parent.num), 10)
		} else {
			b = strconv.AppendInt(b, int64(rootNum), 10)
		}
		b = append(b, " 0 R"...)
		var objr []int
		if n.x != nil {
			objr = n.x.objr
		}
		pg := -1
		if n.nmc > 0 {
			pg = int(n.mc0.page)
		} else if len(objr) > 0 {
			pg = annotPage(annots, objr[0])
		}
		if pg >= 0 {
			b = append(b, "/Pg "...)
			b = strconv.AppendInt(b, int64(kids[pg]), 10)
			b = append(b, " 0 R"...)
		}
		switch {
		case n.scope != noScope || n.span > 1:
			b = append(b, " /A <</O /Table"...)
			if n.scope != noScope {
				b = append(b, " /Scope /"...)
				b = append(b, n.scope.String()...)
			}
			if n.span > 1 {
				b = append(b, " /ColSpan "...)
				b = strconv.AppendInt(b, int64(n.span), 10)
			}
			b = append(b, ">>"...)
		case n.tag == tagFigure:
			b = append(b, " /Alt "...)
			b = append(b, textString(n.altText())...)
		}
		nk := n.kids()
		if n == doc {
			nk = len(top)
		}
		if k := int(n.nmc) + len(objr) + nk; k > 0 {
			b = append(b, "/K "...)
			if k > 1 {
				b = append(b, '[')
			}
			for j := range int(n.nmc) {
				m := n.mcAt(j)
				if j > 0 {
					b = append(b, ' ')
				}
				if int(m.page) == pg {
					b = strconv.AppendInt(b, int64(m.mcid), 10)
					continue
				}
				b = append(b, "<</Type /MCR /Pg "...)
				b = strconv.AppendInt(b, int64(kids[m.page]), 10)
				b = append(b, " 0 R /MCID "...)
				b = strconv.AppendInt(b, int64(m.mcid), 10)
				b = append(b, ">>"...)
			}
			for j, a := range objr {
				if j > 0 || n.nmc > 0 {
					b = append(b, ' ')
				}
				b = append(b, "<</Type /OBJR /Obj "...)
				b = strconv.AppendInt(b, int64(a), 10)
				b = append(b, " 0 R>>"...)
			}
			j := 0
			kid := func(c *snode) {
				if j > 0 || int(n.nmc)+len(objr) > 0 {
					b = append(b, ' ')
				}
				b = strconv.AppendInt(b, int64(c.num), 10)
				b = append(b, " 0 R"...)
				j++
			}
			if n == doc {
				for _, c := range top {
					kid(c)
				}
			}
			for c := n.first; c != nil; c = c.next {
				kid(c)
			}
			if k > 1 {
				b = append(b, ']')
			}
		}
		b = append(b, ">>\nendobj\n"...)
		out.objs = append(out.objs, pdfObject{int(n.num), b[s:len(b):len(b)]})
		if t.once {
			all[i] = nil
			if n == doc {
				top = nil
			}
		}
	}
	out.objs = append(out.objs, rootObj)

	// The elements belong to the layout: leave them as they were.
	if t.once {
		return out
	}
	for _, n := range all {
		n.num, n.nmc = 0, 0
		if n.x != nil {
			n.x.mcs = nil
		}
		if n.x != nil {
			n.x.objr = nil
		}
	}
	for _, g := range groups {
		g.parent = nil
	}
	return out
}

// annot is a link annotation of the document.
type annot struct {
	num, key, page int
	l              link
	elem           *snode
}

// annotPage is the page of the annotation object num.
func annotPage(annots []annot, num int) int {
	for _, a := range annots {
		if a.num == num {
			return a.page
		}
	}
	return -1
}

// linkContents is the /Contents of a link annotation: where it leads and
// the text it covers.
func linkContents(text string, target int) string {
	s := "Vai alla pagina " + strconv.Itoa(target+1)
	if text != "" {
		s += ": " + text
	}
	return s
}

func appendFloats(b []byte, vs ...float64) []byte {
	for i, v := range vs {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	return b
}

// uaXMP is the PDF/UA identification in the XMP metadata (ISO 14289-1
// §5), with the extension schema that PDF/A asks of a schema it does not
// predefine (ISO 19005-2 §6.6.2.3).
const uaXMP = `<rdf:Description rdf:about=""
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
`
