package render

import (
	"bytes"
	"fmt"
	"strconv"
)

// The document navigation — the outline (bookmarks) and the links of the
// contents — is written by the assembly pass, not by the PDF library:
// a booklet is drawn in parts on every core, and only the assembly knows
// every page's object. It also gives links the print flag PDF/A asks for.

// navigation is, per page of a document, its links and outline marks.
type navigation struct {
	links      [][]link
	marks      [][]mark
	pageHeight float64 // millimetres, to turn layout y into PDF y
}

// navigationOf keeps the links and marks of pages before drawing frees them.
func navigationOf(th *Theme, pages []*page) *navigation {
	n := &navigation{links: make([][]link, len(pages)), marks: make([][]mark, len(pages)), pageHeight: th.PageHeight}
	for i, p := range pages {
		n.links[i], n.marks[i] = p.links, p.marks
	}
	return n
}

const mmToPt = 72 / 25.4

// annots returns the /Annots entry of page i: link annotations with the
// print flag, their destinations the target pages' objects.
func (n *navigation) annots(i int, kids []int) []byte {
	if n == nil || len(n.links[i]) == 0 {
		return nil
	}
	var b bytes.Buffer
	b.WriteString("/Annots [")
	for _, l := range n.links[i] {
		if l.target < 0 || l.target >= len(kids) {
			continue
		}
		x1, y1 := l.x*mmToPt, (n.pageHeight-l.y-l.h)*mmToPt
		x2, y2 := (l.x+l.w)*mmToPt, (n.pageHeight-l.y)*mmToPt
		fmt.Fprintf(&b, "<</Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] /F 4 /Dest [%d 0 R /XYZ 0 %.2f null]>>",
			x1, y1, x2, y2, kids[l.target], n.pageHeight*mmToPt)
	}
	b.WriteString("]\n")
	return b.Bytes()
}

// outlineNode is one bookmark while the tree is built.
type outlineNode struct {
	m        mark
	page     int
	num      int
	children []*outlineNode
}

// outline writes the outline tree as objects numbered from next; it
// returns them and the root's number (0 when there are no marks).
func (n *navigation) outline(kids []int, next int) ([]pdfObject, int) {
	if n == nil {
		return nil, 0
	}
	root := &outlineNode{m: mark{level: -1}}
	stack := []*outlineNode{root}
	for p, ms := range n.marks {
		for _, m := range ms {
			node := &outlineNode{m: m, page: p}
			for len(stack) > 1 && stack[len(stack)-1].m.level >= m.level {
				stack = stack[:len(stack)-1]
			}
			parent := stack[len(stack)-1]
			parent.children = append(parent.children, node)
			stack = append(stack, node)
		}
	}
	if len(root.children) == 0 {
		return nil, 0
	}
	var number func(*outlineNode)
	number = func(o *outlineNode) {
		o.num = next
		next++
		for _, c := range o.children {
			number(c)
		}
	}
	number(root)
	var objs []pdfObject
	var write func(o, parent *outlineNode, prev, nextSib *outlineNode)
	write = func(o, parent *outlineNode, prev, nextSib *outlineNode) {
		var b bytes.Buffer
		fmt.Fprintf(&b, "%d 0 obj\n<<", o.num)
		if parent == nil {
			b.WriteString("/Type /Outlines")
		} else {
			fmt.Fprintf(&b, "/Title %s /Parent %d 0 R", textString(o.m.title), parent.num)
			if prev != nil {
				fmt.Fprintf(&b, " /Prev %d 0 R", prev.num)
			}
			if nextSib != nil {
				fmt.Fprintf(&b, " /Next %d 0 R", nextSib.num)
			}
			y := (n.pageHeight - o.m.y) * mmToPt
			fmt.Fprintf(&b, " /Dest [%d 0 R /XYZ 0 %.2f null]", kids[o.page], y)
		}
		if len(o.children) > 0 {
			fmt.Fprintf(&b, " /First %d 0 R /Last %d 0 R", o.children[0].num, o.children[len(o.children)-1].num)
			count := len(o.children)
			if parent != nil && o.m.level >= 1 {
				count = -count // Servizi start closed: a booklet has hundreds of sheets
			}
			b.WriteString(" /Count " + strconv.Itoa(count))
		}
		b.WriteString(">>\nendobj\n")
		objs = append(objs, pdfObject{o.num, b.Bytes()})
		for i, c := range o.children {
			var p, nx *outlineNode
			if i > 0 {
				p = o.children[i-1]
			}
			if i+1 < len(o.children) {
				nx = o.children[i+1]
			}
			write(c, o, p, nx)
		}
	}
	write(root, nil, nil, nil)
	return objs, root.num
}

// mergeDrawn joins documents drawn in parts into one: the objects of each
// part after the first are renumbered after the previous parts', every page
// hangs from the first part's Pages root, and each part keeps its own
// resources and fonts.
func mergeDrawn(parts []*drawn) *drawn {
	if len(parts) == 1 {
		return parts[0]
	}
	m := *parts[0]
	m.objs = append([]pdfObject(nil), parts[0].objs...)
	m.kids = append([]int(nil), parts[0].kids...)
	m.contents = map[int]int{}
	for k, v := range parts[0].contents {
		m.contents[k] = v
	}
	offset := maxNum(parts[0].objs)
	for _, p := range parts[1:] {
		skip := map[int]bool{p.pagesNum: true, p.infoNum: true, p.rootNum: true}
		re := func(n int) int {
			if n == p.pagesNum {
				return m.pagesNum
			}
			return n + offset
		}
		for _, o := range p.objs {
			if !skip[o.num] {
				m.objs = append(m.objs, pdfObject{re(o.num), renumber(o.body, re)})
			}
		}
		for _, k := range p.kids {
			m.kids = append(m.kids, re(k))
			m.contents[re(k)] = re(p.contents[k])
		}
		offset += maxNum(p.objs)
	}
	m.index = map[int]int{}
	for i, o := range m.objs {
		m.index[o.num] = i
	}
	return &m
}

// renumber rewrites the object number and the references in the
// dictionary part of an object (never inside its stream).
func renumber(body []byte, re func(int) int) []byte {
	dict, rest := body, []byte(nil)
	if s := bytes.Index(body, streamKw); s >= 0 {
		dict, rest = body[:s], body[s:]
	}
	sp := bytes.IndexByte(dict, ' ')
	num, _ := strconv.Atoi(string(dict[:sp]))
	out := make([]byte, 0, len(body)+16)
	out = strconv.AppendInt(out, int64(re(num)), 10)
	out = append(out, refRE.ReplaceAllFunc(dict[sp:], func(ref []byte) []byte {
		n, _ := strconv.Atoi(string(ref[:bytes.IndexByte(ref, ' ')]))
		return []byte(strconv.Itoa(re(n)) + " 0 R")
	})...)
	return append(out, rest...)
}
