package render

import (
	"bytes"
	"fmt"
	"sort"
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

// startsOpen reports whether an outline item starts open: Servizi (level 1)
// and below start closed, since a booklet has hundreds of sheets.
func startsOpen(o *outlineNode) bool { return o.m.level < 1 }

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
	// ISO 32000-1 Table 152 and 153: the root's /Count is the number of
	// items visible at every level; an open item's, the number of its
	// visible descendants; a closed item's, minus the number that would be
	// visible if it were opened.
	var visible func(*outlineNode) int
	visible = func(o *outlineNode) int {
		n := 0
		for _, c := range o.children {
			n++
			if startsOpen(c) {
				n += visible(c)
			}
		}
		return n
	}
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
			count := visible(o)
			if parent != nil && !startsOpen(o) {
				count = -count
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
// hangs from the first part's Pages root, and each face of the font is
// embedded once, as one subset of the characters of every part (see
// unifyFonts), its objects where the first part that used it had them.
// The parts are consumed: their objects are let go as they are merged.
func mergeDrawn(parts []*drawn) *drawn {
	if len(parts) == 1 {
		return parts[0]
	}
	offsets := make([]int, len(parts))
	total := 0
	for i, p := range parts {
		if i > 0 {
			offsets[i] = offsets[i-1] + maxNum(parts[i-1].objs)
		}
		total += len(p.objs)
	}
	uf := unifyFonts(parts, offsets)
	m := *parts[0]
	m.objs = make([]pdfObject, 0, total)
	m.kids = nil
	m.contents = map[int]int{}
	for i, p := range parts {
		offset := offsets[i]
		skip := map[int]bool{}
		if i > 0 {
			skip[p.pagesNum], skip[p.infoNum], skip[p.rootNum] = true, true, true
		}
		for n := range uf.drop[i] {
			skip[n] = true
		}
		re := func(n int) int {
			if i > 0 && n == p.pagesNum {
				return m.pagesNum
			}
			if t, ok := uf.to[i][n]; ok {
				return t
			}
			return n + offset
		}
		for _, o := range p.objs {
			switch body, replaced := uf.bodies[i][o.num]; {
			case skip[o.num]:
			case replaced:
				m.objs = append(m.objs, pdfObject{re(o.num), body})
			case i == 0 && len(uf.to[0]) == 0:
				m.objs = append(m.objs, o)
			default:
				m.objs = append(m.objs, pdfObject{re(o.num), renumber(o.body, re)})
			}
		}
		for _, k := range p.kids {
			m.kids = append(m.kids, re(k))
			m.contents[re(k)] = re(p.contents[k])
		}
		p.objs, p.index = nil, nil // merged: let the part go
	}
	m.index = map[int]int{}
	for i, o := range m.objs {
		m.index[o.num] = i
	}
	return &m
}

// unified says, per part, how its fonts become one per face: objects to
// drop, references to redirect (part's number -> merged number) and
// bodies to put in place of the home part's font objects.
type unified struct {
	drop   []map[int]bool
	to     []map[int]int
	bodies []map[int][]byte
}

// unifyFonts plans the merge of the parts' fonts: the first part that has
// a face is its home, its font objects receive the subset of the union of
// the characters of all parts (embedded by unionFonts), and the other
// parts' copies of that face are dropped, their references sent home.
// When anything is unexpected, every part keeps its own fonts: a valid
// document still, only larger.
func unifyFonts(parts []*drawn, offsets []int) unified {
	u := unified{drop: make([]map[int]bool, len(parts)), to: make([]map[int]int, len(parts)), bodies: make([]map[int][]byte, len(parts))}
	keep := u // nil maps: every part keeps its fonts
	type home struct {
		part int
		f    embeddedFont
	}
	homes := map[string]home{}
	runes := map[string]map[rune]bool{}
	perPart := make([][]embeddedFont, len(parts))
	for i, p := range parts {
		fonts, err := findFonts(p.objs, p.index)
		if err != nil {
			return keep
		}
		perPart[i] = fonts
		for _, f := range fonts {
			if f.base == "" {
				return keep
			}
			gm, err := glyphMapOf(p.objs[p.index[f.cidToGID]].body)
			if err != nil {
				return keep
			}
			if _, ok := homes[f.base]; !ok {
				homes[f.base] = home{i, f}
				runes[f.base] = map[rune]bool{}
			}
			for _, e := range gm {
				runes[f.base][e.r] = true
			}
		}
	}
	sorted := map[string][]rune{}
	for b, set := range runes {
		for r := range set {
			sorted[b] = append(sorted[b], r)
		}
		sort.Slice(sorted[b], func(i, j int) bool { return sorted[b][i] < sorted[b][j] })
	}
	objs, index, fonts, err := unionFonts(sorted)
	if err != nil {
		return keep
	}
	for b := range homes {
		if _, ok := fonts[b]; !ok {
			return keep
		}
	}
	for i := range parts {
		u.drop[i], u.to[i], u.bodies[i] = map[int]bool{}, map[int]int{}, map[int][]byte{}
		for _, f := range perPart[i] {
			h := homes[f.base]
			if h.part == i {
				from, to := fonts[f.base].objects(), f.objects()
				move := map[int]int{}
				for k := range from {
					move[from[k]] = to[k] + offsets[i]
				}
				for k := range from {
					body := objs[index[from[k]]].body
					u.bodies[i][to[k]] = renumber(body, func(n int) int {
						if t, ok := move[n]; ok {
							return t
						}
						return n
					})
				}
				continue
			}
			for _, n := range f.objects() {
				u.drop[i][n] = true
			}
			u.to[i][f.type0] = h.f.type0 + offsets[h.part]
		}
	}
	return u
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
