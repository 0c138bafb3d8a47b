package pdfasm

import "strconv"

// Writing the structure elements of a document, one by one, as they are
// packed into object streams (compact.go) or, for a PDF/A, all at once.

// subtreeEnds is, for each element of t, the index after its last
// descendant: its children are e+1, end[e+1], … up to end[e].
func subtreeEnds(t *Tree) []int32 {
	end := make([]int32, t.Len())
	for e := range end {
		end[e] = int32(e + 1)
	}
	for e := t.Len() - 1; e > 0; e-- {
		if p := t.Parent[e]; p >= 0 {
			end[p] = max(end[p], end[e])
		}
	}
	return end
}

// mcRef is one marked-content sequence: its page (index in the output
// document) and id on the page.
type mcRef struct{ page, mcid int32 }

// elementWriter writes the structure elements of one document, element i
// as object first+i. It is used by one goroutine at a time.
type elementWriter struct {
	el      elements
	kids    []int
	annots  []annot
	objr    map[int32][]int32 // element -> its annotations' indices
	mcs     []mcRef           // marked content, by element (mcAt)
	mcAt    []int32
	first   int
	rootNum int
	orphans int32
	end     []int32 // subtreeEnds of the tree of the element written last
	scratch []int32
	tree    int // the tree of the element written last, -1 before the first
}

func (w *elementWriter) num(i int32) int { return w.first + int(i) }

// write appends the object of element i to b.
func (w *elementWriter) write(b []byte, k int) []byte {
	i := int32(k)
	children := w.scratch[:0]
	switch {
	case i == 0: // the Document
		children = append(children, w.el.base...)
		for k := range w.orphans {
			children = append(children, w.el.n+k)
		}
		w.scratch = children
		return w.element(b, i, TagDocument, -1, NoScope, 0, "", [4]float64{}, children)
	case i >= w.el.n: // a Link without a tree
		return w.element(b, i, TagLink, 0, NoScope, 0, "", [4]float64{}, nil)
	}
	t := max(w.tree, 0) // elements are written in order: the tree is this one or a later one
	if w.el.base[t] > i {
		t = 0
	}
	for t+1 < len(w.el.base) && w.el.base[t+1] <= i {
		t++
	}
	if t != w.tree { // a tree's ends are made when its first element is written
		w.tree, w.end = t, subtreeEnds(w.el.trees[t])
	}
	tr, base, end := w.el.trees[t], w.el.base[t], w.end
	e := i - base
	parent := int32(0) // a root's is the Document
	if p := tr.Parent[e]; p >= 0 {
		parent = base + p
	}
	alt, box := "", [4]float64{}
	if tr.Tag[e] == TagFigure {
		alt, box = tr.alt(e)
	}
	for c := e + 1; c < end[e]; c = end[c] {
		children = append(children, base+c)
	}
	w.scratch = children
	return w.element(b, i, tr.Tag[e], parent, tr.Scope[e], tr.Span[e], alt, box, children)
}

// element appends the object of element i to b: parent -1 is the
// StructTreeRoot.
func (w *elementWriter) element(b []byte, i int32, tag Tag, parent int32, sc Scope, span int16, alt string, box [4]float64, children []int32) []byte {
	b = strconv.AppendInt(b, int64(w.num(i)), 10)
	b = append(b, " 0 obj\n<</S/"...)
	b = append(b, tag.String()...)
	b = append(b, "/P "...)
	if parent >= 0 {
		b = strconv.AppendInt(b, int64(w.num(parent)), 10)
	} else {
		b = strconv.AppendInt(b, int64(w.rootNum), 10)
	}
	b = append(b, " 0 R"...)
	objr := w.objr[i]
	mcs := w.mcs[w.mcAt[i]:w.mcAt[i+1]]
	pg := -1
	if len(mcs) > 0 {
		pg = int(mcs[0].page)
	} else if len(objr) > 0 {
		pg = w.annots[objr[0]].page
	}
	if pg >= 0 {
		b = append(b, "/Pg "...)
		b = strconv.AppendInt(b, int64(w.kids[pg]), 10)
		b = append(b, " 0 R"...)
	}
	switch {
	case sc != NoScope || span > 1:
		b = append(b, " /A <</O /Table"...)
		if sc != NoScope {
			b = append(b, " /Scope /"...)
			b = append(b, sc.String()...)
		}
		if span > 1 {
			b = append(b, " /ColSpan "...)
			b = strconv.AppendInt(b, int64(span), 10)
		}
		b = append(b, ">>"...)
	case tag == TagFigure:
		if box != [4]float64{} {
			b = append(b, " /A <</O /Layout /BBox ["...)
			b = appendFloats(b, box[:]...)
			b = append(b, "]>>"...)
		}
		b = append(b, " /Alt "...)
		b = append(b, textString(alt)...)
	}
	if k := len(mcs) + len(objr) + len(children); k > 0 {
		b = append(b, "/K "...)
		if k > 1 {
			b = append(b, '[')
		}
		for j, m := range mcs {
			if j > 0 {
				b = append(b, ' ')
			}
			if int(m.page) == pg {
				b = strconv.AppendInt(b, int64(m.mcid), 10)
				continue
			}
			b = append(b, "<</Type /MCR /Pg "...)
			b = strconv.AppendInt(b, int64(w.kids[m.page]), 10)
			b = append(b, " 0 R /MCID "...)
			b = strconv.AppendInt(b, int64(m.mcid), 10)
			b = append(b, ">>"...)
		}
		for j, a := range objr {
			if j > 0 || len(mcs) > 0 {
				b = append(b, ' ')
			}
			b = append(b, "<</Type /OBJR /Obj "...)
			b = strconv.AppendInt(b, int64(w.annots[a].num), 10)
			b = append(b, " 0 R>>"...)
		}
		for j, c := range children {
			if j > 0 || len(mcs)+len(objr) > 0 {
				b = append(b, ' ')
			}
			b = strconv.AppendInt(b, int64(w.num(c)), 10)
			b = append(b, " 0 R"...)
		}
		if k > 1 {
			b = append(b, ']')
		}
	}
	b = append(b, ">>\nendobj\n"...)
	return b
}
