package render

import "github.com/pegpdf/pegpdf/render/internal/pdfasm"

// The layout pass turns objectives into pages of positioned items; the draw
// pass (draw.go) only draws them. Coordinates are millimetres from the top
// left corner of the page.

type itemKind int

const (
	textItem itemKind = iota
	rectItem
	lineItem
	imageItem // the theme's logo
)

// item is one thing to draw.
type item struct {
	kind       itemKind
	x, y, w, h float64 // for a line: from (x, y) to (x+w, y+h)
	text       string  // cleaned; y is the top of its line box
	font       font
	color      Color // text, stroke or line colour
	fill       *Color
	stroke     bool
	art        artifact // the kind of artifact it is, or
	lineWidth  float64
	node       *snode // the structure element of its content (tag.go)
}

// page is one laid-out page.
type page struct {
	items    []item
	footer   string      // the code printed in the footer
	noFooter bool        // the cover has none
	num, of  int         // "Pagina num di of"
	marks    []mark      // outline entries that start on this page
	links    []link      // clickable areas leading to other pages
	lazy     *lazySheet  // set while the items are yet to be laid out again
	group    *snode      // the structure root of the flow that laid it out
	mcids    []*snode    // set by draw: the element of each marked-content id
	asm      pdfasm.Page // once drawn, all the assembly needs (assemble.go)
}

// link is a clickable area leading to the page with index target.
type link struct {
	x, y, w, h float64
	target     int
	node       *snode // its Link element
}

// mark is an outline (bookmark) entry.
type mark struct {
	title string
	level int
	y     float64
}

// flow places blocks top to bottom, starting new pages as needed.
type flow struct {
	th     *Theme
	pages  []*page
	y      float64
	footer string
	// header, when set, is laid out at the top of every new page after the
	// first (the sheet's code and title), as a running header (an artifact)
	// unless headerContent is set.
	header        func(*flow)
	headerContent bool

	// The logical structure (tag.go).
	root  *snode   // the flow's element: a Sect
	box   *snode   // the element new blocks are added to
	node  *snode   // the element of the text that follows; nil starts a P
	art   artifact // set while artifacts are laid out
	paths bool     // rules and fills belong to node (a figure)
	toc   *snode   // the contents' TOC
	tocs  []*snode // its open entries, one per level
	// gridNode is the Table of the grid's rows while gridOpen.
	gridNode *snode
	gridOpen bool
}

func newFlow(th *Theme, footer string) *flow {
	f := &flow{th: th, footer: footer, root: newRoot(tagSect)}
	f.box = f.root
	f.pages = append(f.pages, &page{footer: footer, group: f.root})
	f.y = th.Margin
	f.asArtifact(pageArtifact, f.band)
	return f
}

// band lays out the entity's header at the top of a page, when the theme
// has one: the logo, the entity's name and the line for acts, then a rule.
func (f *flow) band() {
	th := f.th
	if th.Entity == "" && th.ActsLine == "" && th.Logo == nil {
		return
	}
	name, acts := font{bold, th.TextSize + 1}, font{regular, th.SmallSize}
	h := 1.0 // the band's height: the logo's, or the lines'
	if th.Entity != "" {
		h += name.lineHeight(th.LineGap)
	}
	if th.ActsLine != "" {
		h += acts.lineHeight(th.LineGap)
	}
	x := th.Margin
	if w, lh := logoSize(th.Logo); w > 0 {
		h = 12
		lw := min(h*float64(w)/float64(lh), 40)
		f.add(item{kind: imageItem, x: x, y: f.y, w: lw, h: h})
		x += lw + 3
	}
	y := f.y + 1
	if th.Entity != "" {
		f.text(x, y, shorten(clean(th.Entity), name, th.PageWidth-th.Margin-x), name, th.Text)
		y += name.lineHeight(th.LineGap)
	}
	if th.ActsLine != "" {
		f.text(x, y, shorten(clean(th.ActsLine), acts, th.PageWidth-th.Margin-x), acts, th.Muted)
	}
	f.y += h + 2
	f.line(th.Margin, f.y, th.PageWidth-th.Margin, f.y, th.GridLine, 0.3)
	f.y += 3
}

func (f *flow) cur() *page { return f.pages[len(f.pages)-1] }

func (f *flow) newPage() {
	f.pages = append(f.pages, &page{footer: f.footer, group: f.root})
	f.y = f.th.Margin
	f.asArtifact(pageArtifact, f.band)
	if f.header != nil {
		if f.headerContent {
			f.headerContent = false
			f.block(tagP)
			f.header(f)
		} else {
			f.asArtifact(pageArtifact, func() { f.header(f) })
		}
	}
	f.node = nil
}

// room is the height left on the current page.
func (f *flow) room() float64 { return f.th.bottom() - f.y }

// fresh is the room of a new page once its header is laid out.
func (f *flow) fresh() float64 {
	h := 0.0
	probe := &flow{th: f.th, pages: []*page{{}}, y: f.th.Margin, root: newRoot(tagSect), art: pageArtifact}
	probe.box = probe.root
	probe.band()
	if f.header != nil {
		f.header(probe)
	}
	h = probe.y - f.th.Margin
	return f.th.bottom() - f.th.Margin - h
}

// ensure starts a new page unless h fits in the room left; it reports
// whether it did.
func (f *flow) ensure(h float64) bool {
	if h <= f.room() {
		return false
	}
	f.newPage()
	return true
}

func (f *flow) add(it item) {
	f.roleOf(&it)
	f.cur().items = append(f.cur().items, it)
}

func (f *flow) text(x, y float64, s string, fn font, c Color) {
	if s == "" {
		return
	}
	f.add(item{kind: textItem, x: x, y: y, text: s, font: fn, color: c})
}

func (f *flow) rect(x, y, w, h float64, fill *Color, stroke bool, c Color, lw float64) {
	f.add(item{kind: rectItem, x: x, y: y, w: w, h: h, fill: fill, stroke: stroke, color: c, lineWidth: lw})
}

func (f *flow) line(x1, y1, x2, y2 float64, c Color, lw float64) {
	f.add(item{kind: lineItem, x: x1, y: y1, w: x2 - x1, h: y2 - y1, color: c, lineWidth: lw})
}

// lines lays out wrapped lines at x from the flow's y, breaking pages
// between lines, and moves y below them.
func (f *flow) lines(x float64, ls []string, fn font, c Color) {
	lh := fn.lineHeight(f.th.LineGap)
	for _, l := range ls {
		f.ensure(lh)
		f.text(x, f.y, l, fn, c)
		f.y += lh
	}
}

// paragraph wraps and lays out text across the content width.
func (f *flow) paragraph(s string, fn font, c Color) {
	f.lines(f.th.Margin, wrap(s, fn, f.th.contentWidth(), 0), fn, c)
}

// labelled lays out a bold label followed on the same line by wrapped text,
// as in "INDIRIZZO STRATEGICO D.U.P.: 2019_IND_…".
func (f *flow) labelled(label, value string, size float64) {
	th := f.th
	b, r := font{bold, size}, font{regular, size}
	lw := b.width(label) + r.width(" ")
	ls := wrap(value, r, th.contentWidth(), lw)
	if len(ls) == 0 {
		ls = []string{""}
	}
	lh := r.lineHeight(th.LineGap)
	f.ensure(lh)
	f.block(tagP)
	f.text(th.Margin, f.y, label, b, th.Text)
	f.text(th.Margin+lw, f.y, ls[0], r, th.Text)
	f.y += lh
	f.lines(th.Margin, ls[1:], r, th.Text)
}
