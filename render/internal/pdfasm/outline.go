package pdfasm

import (
	"bytes"
	"fmt"
	"strconv"
)

// The document navigation — the outline (bookmarks) and the links — is
// written by the assembly, not by the PDF library: a booklet is drawn in
// parts on every core, and only the assembly knows every page's object.
// It also gives links the print flag PDF/A asks for.

// annots returns the /Annots entry of page i of an untagged document:
// link annotations with the print flag, their destinations the target
// pages' objects.
func annots(doc *Doc, i int, kids []int) []byte {
	if i >= len(doc.Pages) || len(doc.Pages[i].Links) == 0 {
		return nil
	}
	var b bytes.Buffer
	b.WriteString("/Annots [")
	for _, l := range doc.Pages[i].Links {
		if l.Target < 0 || l.Target >= len(kids) {
			continue
		}
		fmt.Fprintf(&b, "<</Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] /F 4 /Dest [%d 0 R /XYZ 0 %.2f null]>>",
			l.Rect[0], l.Rect[1], l.Rect[2], l.Rect[3], kids[l.Target], doc.Height)
	}
	b.WriteString("]\n")
	return b.Bytes()
}

// outlineNode is one bookmark while the tree is built.
type outlineNode struct {
	m        Mark
	page     int
	num      int
	children []*outlineNode
}

// startsOpen reports whether an outline item starts open: level 1 (a
// Servizio) and below start closed, since a booklet has hundreds of
// sheets.
func startsOpen(o *outlineNode) bool { return o.m.Level < 1 }

// outline writes the outline tree of the pages' marks as objects numbered
// from next; it returns them and the root's number (0 when there are no
// marks).
func outline(doc *Doc, kids []int, next int) ([]pdfObject, int) {
	root := &outlineNode{m: Mark{Level: -1}}
	stack := []*outlineNode{root}
	for p, pg := range doc.Pages {
		for _, m := range pg.Marks {
			node := &outlineNode{m: m, page: p}
			for len(stack) > 1 && stack[len(stack)-1].m.Level >= m.Level {
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
		k := 0
		for _, c := range o.children {
			k++
			if startsOpen(c) {
				k += visible(c)
			}
		}
		return k
	}
	var objs []pdfObject
	var write func(o, parent *outlineNode, prev, nextSib *outlineNode)
	write = func(o, parent *outlineNode, prev, nextSib *outlineNode) {
		var b bytes.Buffer
		fmt.Fprintf(&b, "%d 0 obj\n<<", o.num)
		if parent == nil {
			b.WriteString("/Type /Outlines")
		} else {
			fmt.Fprintf(&b, "/Title %s /Parent %d 0 R", textString(o.m.Title), parent.num)
			if prev != nil {
				fmt.Fprintf(&b, " /Prev %d 0 R", prev.num)
			}
			if nextSib != nil {
				fmt.Fprintf(&b, " /Next %d 0 R", nextSib.num)
			}
			fmt.Fprintf(&b, " /Dest [%d 0 R /XYZ 0 %.2f null]", kids[o.page], o.m.Top)
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
		objs = append(objs, pdfObject{num: o.num, body: b.Bytes()})
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
