package render

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pegpdf/pegpdf/render/internal/pdfasm"
	"github.com/pegpdf/pegpdf/templates"
)

// The assembly pass is pdfasm's: it cuts what the PDF library drew into
// objects, joins parts and writes the finished documents. This file gives
// it what render knows in its own terms: each page's structure tree in
// flat form, the element of each marked-content id, the links and the
// outline marks, in points; and the fonts, to embed one subset per face
// for every part of a booklet.

const mmToPt = 72 / 25.4

// parse draws pages with the PDF library and cuts the result.
func parse(th *Theme, pages []*page) (*pdfasm.Part, error) {
	raw, err := draw(th, pages)
	if err != nil {
		return nil, err
	}
	return pdfasm.Parse(raw)
}

// flattener turns the structure trees of drawn pages into pdfasm's flat
// trees, each once: by the root of the flow that laid the page out
// (page.group). It is safe for concurrent use by the parts of a document.
type flattener struct {
	th    *Theme
	mu    sync.Mutex
	trees map[*snode]*pdfasm.Tree
}

// flatTree is a flat tree and the element of each id of a layout of it,
// kept only while that layout's pages are converted.
type flatTree struct {
	t     *pdfasm.Tree
	index []int32 // snode id -> element
}

func newFlattener(th *Theme) *flattener {
	return &flattener{th: th, trees: map[*snode]*pdfasm.Tree{}}
}

// drawn converts pages just drawn: their trees, marked content and links
// become p.asm, and the snodes they held are let go. A booklet's sheet
// is drawn from a layout of its own in each part it falls in: the tree
// kept is the first converted (the layouts are equal, id for id).
func (fl *flattener) drawn(pages []*page) {
	laid := map[*snode]*flatTree{} // by the layout's root
	for _, p := range pages {
		g := p.group
		if g == nil {
			continue
		}
		root := g
		if g.sink { // laid out untagged: the tree is the drawn layout's
			if len(p.mcids) == 0 {
				continue // its tree comes from another page (resolve)
			}
			root = p.mcids[0].root()
		}
		ft := laid[root]
		if ft == nil {
			fl.mu.Lock()
			t := fl.trees[g]
			fl.mu.Unlock()
			if t != nil { // made by another part: the ids of this layout
				ft = &flatTree{t, indexOf(root)}
			} else {
				// Flattened unlocked: another part may do the same sheet
				// at the same time, and the first to finish is kept.
				ft = flatten(root)
				fl.mu.Lock()
				if t = fl.trees[g]; t == nil {
					fl.trees[g] = ft.t
				} else {
					ft.t = t
				}
				fl.mu.Unlock()
			}
			laid[root] = ft
		}
		p.asm.Tree = ft.t
		p.asm.MCIDs = make([]int32, len(p.mcids))
		for i, n := range p.mcids {
			p.asm.MCIDs[i] = ft.elem(n)
		}
		p.asm.Links = fl.links(p, ft)
		p.mcids, p.links = nil, nil
	}
}

// resolve gives the pages that drawn left without a tree the tree of
// their flow, and lets the layouts' roots go.
func (fl *flattener) resolve(pages []*page) {
	for _, p := range pages {
		if p.group != nil && p.asm.Tree == nil {
			if t := fl.trees[p.group]; t != nil {
				p.asm.Tree = t
				var ft *flatTree
				if len(p.links) > 0 && p.links[0].node != nil {
					ft = &flatTree{t, indexOf(p.links[0].node.root())}
				}
				p.asm.Links = fl.links(p, ft)
			}
		}
		if p.asm.Links == nil && len(p.links) > 0 {
			p.asm.Links = fl.links(p, nil)
		}
		p.group, p.mcids, p.links = nil, nil, nil
	}
	clear(fl.trees)
}

// links converts the links of p, their elements in ft.
func (fl *flattener) links(p *page, ft *flatTree) []pdfasm.Link {
	if len(p.links) == 0 {
		return nil
	}
	h := fl.th.PageHeight
	out := make([]pdfasm.Link, len(p.links))
	for i, l := range p.links {
		e, text := int32(-1), ""
		if ft != nil {
			e = ft.elem(l.node)
		}
		if l.node != nil && l.node.x != nil {
			text = l.node.x.text
		}
		out[i] = pdfasm.Link{
			Rect:     [4]float64{l.x * mmToPt, (h - l.y - l.h) * mmToPt, (l.x + l.w) * mmToPt, (h - l.y) * mmToPt},
			Target:   l.target,
			Elem:     e,
			Contents: linkContents(text, l.target),
		}
	}
	return out
}

// elem is the element of ft that n stands for: the element with n's id,
// when it is of n's type; -1 for none.
func (ft *flatTree) elem(n *snode) int32 {
	if n == nil || int(n.id) >= len(ft.index) {
		return -1
	}
	if e := ft.index[n.id]; ft.t.Tag[e] == n.tag {
		return e
	}
	return -1
}

// flatten writes the tree of root in reading order.
func flatten(root *snode) *flatTree {
	n := 1
	if root.x != nil && root.x.all != nil {
		n = len(root.x.all)
	}
	ft := &flatTree{
		t: &pdfasm.Tree{
			Tag:    make([]pdfasm.Tag, 0, n),
			Parent: make([]int32, 0, n),
			Scope:  make([]pdfasm.Scope, 0, n),
			Span:   make([]int16, 0, n),
		},
		index: make([]int32, n),
	}
	inOrder(root, func(s *snode, parent int32) int32 {
		e := ft.t.Add(s.tag, parent, s.scope, s.span)
		if int(s.id) < len(ft.index) {
			ft.index[s.id] = e
		}
		if x := s.x; s.tag == tagFigure && x != nil {
			// Its text is made when written. x holds no other element (a
			// Figure is never a root), so the layout's tree can go.
			ft.t.Alt = append(ft.t.Alt, pdfasm.Alt{Elem: e, Text: x.altText, BBox: x.box})
		}
		return e
	})
	return ft
}

// indexOf is the element of each id of the tree of root, flat.
func indexOf(root *snode) []int32 {
	n := 1
	if root.x != nil && root.x.all != nil {
		n = len(root.x.all)
	}
	index := make([]int32, n)
	next := int32(0)
	inOrder(root, func(s *snode, _ int32) int32 {
		if int(s.id) < len(index) {
			index[s.id] = next
		}
		next++
		return next - 1
	})
	return index
}

// inOrder calls visit on each element of root's tree in reading order,
// with what visit returned for its parent (-1 for the root).
func inOrder(root *snode, visit func(s *snode, parent int32) int32) {
	var walk func(s *snode, parent int32)
	walk = func(s *snode, parent int32) {
		e := visit(s, parent)
		for c := s.first; c != nil; c = c.next {
			walk(c, e)
		}
	}
	walk(root, -1)
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

// outline gives the pages their outline marks, in points.
func outline(th *Theme, pages []*page) {
	for _, p := range pages {
		if len(p.marks) == 0 {
			continue
		}
		p.asm.Marks = make([]pdfasm.Mark, len(p.marks))
		for i, m := range p.marks {
			p.asm.Marks[i] = pdfasm.Mark{Title: m.title, Level: m.level, Top: (th.PageHeight - m.y) * mmToPt}
		}
	}
}

// doc is the description of the document of pages [from, to) of a part
// drawn from all.
func doc(th *Theme, all []*page, from, to int, part *pdfasm.Part, meta Meta, opt Options) *pdfasm.Doc {
	d := &pdfasm.Doc{
		Meta:   pdfasm.Meta(meta),
		Tagged: len(all) == part.Pages(),
		Height: th.PageHeight * mmToPt,
		PDFA:   opt.PDFA,
	}
	if opt.PDFA {
		d.SRGB = templates.SRGB
	}
	d.Pages = make([]pdfasm.Page, to-from)
	for i, p := range all[from:to] {
		d.Pages[i] = p.asm
	}
	return d
}

// union is pdfasm.Union with the theme's faces: a page that shows the
// runes of each face, drawn and cut.
func union(runes map[string][]rune) (*pdfasm.Part, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.SetCatalogSort(true)
	fs := faces()
	pdf.AddUTF8FontFromBytes(family, "", fs[regular].ttf)
	pdf.AddUTF8FontFromBytes(family, "B", fs[bold].ttf)
	pdf.AddPage()
	bases := make([]string, 0, len(runes))
	for b := range runes {
		bases = append(bases, b)
	}
	sort.Strings(bases)
	for _, b := range bases {
		st, ok := faceStyles()[b]
		if !ok {
			return nil, fmt.Errorf("render: unknown font %s", b)
		}
		pdf.SetFont(family, map[style]string{regular: "", bold: "B"}[st], 10)
		pdf.Text(10, 10, string(runes[b]))
	}
	var raw bytes.Buffer
	if err := pdf.Output(&raw); err != nil {
		return nil, err
	}
	return pdfasm.Parse(raw.Bytes())
}

// faceStyles maps the PostScript name of each embedded face to its style.
var faceStyles = sync.OnceValue(func() map[string]style {
	out := map[string]style{}
	for st, fc := range faces() {
		if name := pdfasm.PostScriptName(fc.ttf); name != "" {
			out[name] = style(st)
		}
	}
	return out
})
