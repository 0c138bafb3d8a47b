package render

import (
	"fmt"
	"math"
	"strings"

	"github.com/pegpdf/pegpdf/render/internal/pdfasm"
)

// The logical structure of a document (ISO 32000-1 §14.7, PDF/UA-1): the
// layout pass builds, per flow, a tree of structure elements (snode) and
// gives every item its role — the element its content belongs to, or the
// kind of artifact it is. The draw pass marks each item's content with the
// element's marked-content id (draw.go); the assembly writes the tree
// (assemble.go, pdfasm).

// artifact is the kind of an item that is not real content.
type artifact uint8

const (
	notArtifact    artifact = iota
	layoutArtifact          // rules, borders, fills, the Gantt's grid
	pageArtifact            // the band, the running header, the footer, a repeated table header
)

// stype is a structure type (ISO 32000-1 §14.8.4, standard types only):
// pdfasm's, which writes them.
type stype = pdfasm.Tag

const (
	tagDocument = pdfasm.TagDocument
	tagSect     = pdfasm.TagSect
	tagH1       = pdfasm.TagH1
	tagH2       = pdfasm.TagH2
	tagP        = pdfasm.TagP
	tagTable    = pdfasm.TagTable
	tagTHead    = pdfasm.TagTHead
	tagTBody    = pdfasm.TagTBody
	tagTR       = pdfasm.TagTR
	tagTH       = pdfasm.TagTH
	tagTD       = pdfasm.TagTD
	tagFigure   = pdfasm.TagFigure
	tagTOC      = pdfasm.TagTOC
	tagTOCI     = pdfasm.TagTOCI
	tagLink     = pdfasm.TagLink
)

// snode is a structure element as laid out. Children are kept in reading
// order, which is the order they are created in.
// A part of a booklet keeps its trees until it is drawn, then converts
// them to pdfasm's flat form (assemble.go): an element is kept small (48
// bytes, a size class of the allocator), its children a list; its root
// and its last child are found by walking.
type snode struct {
	tag      stype
	scope    scope // TH
	sink     bool  // a root that keeps no tree (untagged)
	id       int32 // position in root.all; the same in every layout of the same flow
	row, col int16 // table cells: 0-based
	span     int16 // a table cell's /ColSpan when over 1

	parent      *snode
	first, next *snode // its first child, the others following in reading order; its next sibling
	x           *snodeExtra
}

// snodeExtra holds what few elements have: kept apart so that the many
// table cells stay small.
type snodeExtra struct {
	alt   string        // Figure: the alternative text
	altOf func() string // or how to make it, when the tree is flattened
	box   [4]float64    // Figure: its bounding box on its page, in points (llx lly urx ury); zero if unknown
	text  string        // Link: the text of its content, for the annotation's /Contents
	all   []*snode      // a root: every element of its tree, by id
}

// scope is a TH's /Scope.
type scope = pdfasm.Scope

const (
	noScope     = pdfasm.NoScope
	columnScope = pdfasm.ColumnScope
	rowScope    = pdfasm.RowScope
)

func (n *snode) ext() *snodeExtra {
	if n.x == nil {
		n.x = &snodeExtra{}
	}
	return n.x
}

// altText is a Figure's alternative text.
func (n *snode) altText() string {
	if n.x == nil {
		return ""
	}
	return n.x.altText()
}

// altText is the alternative text of the Figure x belongs to. It changes
// nothing: parts drawn on other cores may read the same tree.
func (x *snodeExtra) altText() string {
	if x.alt == "" && x.altOf != nil {
		return x.altOf()
	}
	return x.alt
}

// newRoot starts the structure tree of a flow. Its list of elements is
// made with its first child: a sheet laid out only to count its pages
// keeps its root, which stays bare.
func newRoot(tag stype) *snode {
	return &snode{tag: tag}
}

// child adds an element of type tag as the last child of n.
func (n *snode) child(tag stype) *snode {
	root := n.root()
	if root.sink {
		return root
	}
	r := root.ext()
	if r.all == nil {
		r.all = make([]*snode, 1, 64)
		r.all[0] = root
	}
	c := &snode{tag: tag, parent: n, id: int32(len(r.all))}
	r.all = append(r.all, c)
	if last := n.lastChild(); last == nil {
		n.first = c
	} else {
		last.next = c
	}
	return c
}

// root is the root of n's tree.
func (n *snode) root() *snode {
	for n.parent != nil {
		n = n.parent
	}
	return n
}

// lastChild is n's last child, if any.
func (n *snode) lastChild() *snode {
	c := n.first
	for c != nil && c.next != nil {
		c = c.next
	}
	return c
}

// kids counts n's children.
func (n *snode) kids() int {
	k := 0
	for c := n.first; c != nil; c = c.next {
		k++
	}
	return k
}

// roleName describes the role of an item for the golden layout files.
func (it item) roleName() string {
	switch {
	case it.node != nil:
		n := it.node
		switch n.tag {
		case tagTH:
			return fmt.Sprintf("TH %s r%d c%d", strings.ToLower(n.scope.String()), n.row, n.col)
		case tagTD:
			return fmt.Sprintf("TD r%d c%d", n.row, n.col)
		case tagLink:
			if n.parent != nil {
				return n.parent.tag.String() + "/Link"
			}
		}
		return n.tag.String()
	case it.art == pageArtifact:
		return "Artifact/Pagination"
	}
	return "Artifact/Layout"
}

// block starts an element of type tag in the flow's current container and
// makes it the element of the text that follows.
func (f *flow) block(tag stype) *snode {
	n := f.box.child(tag)
	f.node = n
	return n
}

// heading starts a heading of level 1 or 2.
func (f *flow) heading(level int) *snode {
	if level <= 1 {
		return f.block(tagH1)
	}
	return f.block(tagH2)
}

// asArtifact lays out what fn adds as artifacts of kind a.
func (f *flow) asArtifact(a artifact, fn func()) {
	prev := f.art
	f.art = a
	fn()
	f.art = prev
}

// figure lays out what fn adds — text, bars and rules alike — as one
// Figure whose alternative text alt makes when the tree is written.
func (f *flow) figure(alt func() string, fn func()) *snode {
	fig := f.box.child(tagFigure)
	fig.ext().altOf = alt
	prevNode, prevPaths := f.node, f.paths
	f.node, f.paths = fig, true
	p, n := f.cur(), len(f.cur().items)
	fn()
	if q := f.cur(); q == p && len(q.items) > n {
		fig.x.box = boundingBox(q.items[n:], f.th.PageHeight)
	}
	f.node, f.paths = prevNode, prevPaths
	f.node = nil
	return fig
}

// boundingBox is the rectangle that holds items, in points from the
// bottom left of a page of the given height in millimetres: a Figure's
// /BBox.
func boundingBox(items []item, pageHeight float64) [4]float64 {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, it := range items {
		x0, x1 = min(x0, it.x, it.x+it.w), max(x1, it.x, it.x+it.w)
		y0, y1 = min(y0, it.y, it.y+it.h), max(y1, it.y, it.y+it.h)
	}
	r := func(v float64) float64 { return math.Round(v*100) / 100 }
	return [4]float64{r(x0 * mmToPt), r((pageHeight - y1) * mmToPt), r(x1 * mmToPt), r((pageHeight - y0) * mmToPt)}
}

// tocEntry starts an entry of the table of contents at level (0 for a
// Direzione, 1 for a Servizio, 2 for an objective): a TOCI in the TOC of
// the level above; the text that follows is its P, or for an objective its
// Link.
func (f *flow) tocEntry(level int) {
	level = max(0, min(level, len(f.tocs)))
	f.tocs = f.tocs[:level]
	var list *snode
	if level == 0 {
		if f.toc == nil {
			f.toc = f.box.child(tagTOC)
		}
		list = f.toc
	} else {
		up := f.tocs[level-1]
		if last := up.lastChild(); last != nil && last.tag == tagTOC {
			list = last
		} else {
			list = up.child(tagTOC)
		}
	}
	entry := list.child(tagTOCI)
	f.tocs = append(f.tocs, entry)
	if level >= 2 {
		f.node = entry.child(tagLink)
	} else {
		f.node = entry.child(tagP)
	}
}

// addLink makes the area a link to the page with index target; its
// element is the current Link element, if any.
func (f *flow) addLink(x, y, w, h float64, target int) {
	var n *snode
	if f.node != nil && f.node.tag == tagLink {
		n = f.node
	}
	f.cur().links = append(f.cur().links, link{x: x, y: y, w: w, h: h, target: target, node: n})
}

// roleOf gives an item its role from the flow's state: an artifact while
// one is laid out; otherwise text and images belong to the current element
// (a new P when there is none) and rules and fills are artifacts, except
// inside a figure.
func (f *flow) roleOf(it *item) {
	if it.node != nil || it.art != notArtifact {
		return
	}
	if f.art != notArtifact {
		it.art = f.art
		return
	}
	if it.kind == textItem || f.paths { // a logo is decorative: an artifact
		if f.node == nil {
			f.block(tagP)
		}
		it.node = f.node
		if f.node.tag == tagLink && it.kind == textItem {
			x := f.node.ext()
			if x.text != "" {
				x.text += " "
			}
			x.text += it.text
		}
		return
	}
	it.art = layoutArtifact
}

// counting marks a layout whose structure is not kept — the first layout
// of a booklet's sheets, made only to count their pages and dropped: its
// flow's root stands for the sheet (page.group) and every element is that
// root, so that no tree is built. The tree written is the one of the
// layout drawn (see materialize, and flattener.drawn in assemble.go).
func counting(opt Options) Options {
	opt.untagged = true
	return opt
}
