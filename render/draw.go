package render

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pegpdf/pegpdf/render/internal/pdfasm"
)

// Meta is the document's metadata, written in the Info dictionary (and in
// the XMP metadata of a PDF/A).
type Meta struct {
	Title, Author, Subject, Keywords string
	Created                          time.Time // also the modification date; the caller's clock (zero: 1970)
}

const family = "go"

const logoName = "logo"

// draw draws laid-out pages with the PDF library and returns its output,
// streams uncompressed and without metadata: pdfasm makes the finished
// documents from it (assemble.go). It only draws: every position was decided by
// the layout pass. Each page's footer says page.num of page.of.
func draw(th *Theme, pages []*page) ([]byte, error) {
	pdf := fpdf.NewCustom(&fpdf.InitType{
		UnitStr: "mm",
		Size:    fpdf.SizeType{Wd: th.PageWidth, Ht: th.PageHeight},
	})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCompression(false) // assemble compresses, faster and on every core
	pdf.SetCatalogSort(true)
	fs := faces()
	pdf.AddUTF8FontFromBytes(family, "", fs[regular].ttf)
	pdf.AddUTF8FontFromBytes(family, "B", fs[bold].ttf)

	if th.Logo != nil {
		pdf.RegisterImageOptionsReader(logoName, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(th.Logo))
	}
	st := &drawState{pdf: pdf}
	for i, p := range pages {
		if p.lazy != nil {
			materialize(th, pages[i:], true)
		}
		pdf.AddPage()
		st.reset()
		for _, it := range p.items {
			st.mark(it.node, it.art)
			st.item(it)
		}
		if !p.noFooter {
			st.mark(nil, pageArtifact)
			st.footer(th, p.footer, p.num, p.of)
		}
		st.mark(nil, notArtifact)
		p.mcids = nil
		if len(st.mcids) > 0 { // kept until assembly: a copy without spare room
			p.mcids = slices.Clone(st.mcids)
		}
		st.mcids = st.mcids[:0]
		p.items = nil // drawn: let its items be collected while the PDF grows
		if err := pdf.Error(); err != nil {
			return nil, err
		}
	}
	var raw retain
	if err := pdf.Output(&raw); err != nil {
		return nil, err
	}
	return raw.b, nil
}

// number sets the footer numbers of pages: 1 to len(pages).
func number(pages []*page) {
	for i, p := range pages {
		p.num, p.of = i+1, len(pages)
	}
}

// drawState remembers the PDF's current font and colours, so that each is
// set only when it changes.
type drawState struct {
	pdf   *fpdf.Fpdf
	font  font
	color [3]Color // text, draw, fill
	lw    float64
	valid bool

	// Marked content (ISO 32000-1 §14.6): the open sequence and the
	// element of each marked-content id of the page.
	open    bool
	node    *snode
	art     artifact
	mcids   []*snode
	scratch []byte
}

func (s *drawState) reset() { s.valid = false }

// mark makes the content that follows belong to the element n, or be an
// artifact of kind art: it closes the open marked-content sequence unless
// it is the same, and opens one with the next marked-content id (or an
// Artifact). mark(nil, notArtifact) only closes.
func (s *drawState) mark(n *snode, art artifact) {
	if n == nil && art == notArtifact && !s.open {
		return
	}
	if s.open && n == s.node && (n != nil || art == s.art) {
		return
	}
	b := s.scratch[:0]
	if s.open {
		b = append(b, "EMC\n"...)
	}
	s.open, s.node, s.art = true, n, art
	if len(b) > 0 && n != nil { // close apart, so that the open can be shared
		s.pdf.RawWriteStr("EMC")
		b = b[:0]
	}
	switch {
	case n != nil:
		if len(b) == 0 && len(s.mcids) < len(openTag[0]) { // the common case, without allocating
			s.pdf.RawWriteStr(openTag[n.tag][len(s.mcids)])
			s.mcids = append(s.mcids, n)
			return
		}
		b = append(b, '/')
		b = append(b, n.tag.String()...)
		b = append(b, " <</MCID "...)
		b = strconv.AppendInt(b, int64(len(s.mcids)), 10)
		b = append(b, ">> BDC\n"...)
		s.mcids = append(s.mcids, n)
	case art == pageArtifact:
		b = append(b, "/Artifact <</Type /Pagination>> BDC\n"...)
	case art == layoutArtifact:
		b = append(b, "/Artifact <</Type /Layout>> BDC\n"...) // rules, borders, fills
	default:
		s.open = false
	}
	s.scratch = b
	if len(b) > 0 {
		s.pdf.RawWriteStr(string(b[:len(b)-1])) // the library adds the newline
	}
}

func (s *drawState) setFont(fn font) {
	if s.valid && s.font == fn {
		return
	}
	st := ""
	if fn.style == bold {
		st = "B"
	}
	s.pdf.SetFont(family, st, fn.size)
	s.font = fn
}

func (s *drawState) setColor(i int, c Color) {
	if s.valid && s.color[i] == c {
		return
	}
	s.color[i] = c
	switch i {
	case 0:
		s.pdf.SetTextColor(c.R, c.G, c.B)
	case 1:
		s.pdf.SetDrawColor(c.R, c.G, c.B)
	case 2:
		s.pdf.SetFillColor(c.R, c.G, c.B)
	}
}

func (s *drawState) setLineWidth(w float64) {
	if s.valid && s.lw == w {
		return
	}
	s.lw = w
	s.pdf.SetLineWidth(w)
}

func (s *drawState) item(it item) {
	pdf := s.pdf
	switch it.kind {
	case textItem:
		s.ensureValid()
		s.setFont(it.font)
		s.setColor(0, it.color)
		pdf.Text(it.x, baseline(it.y, it.font), it.text)
	case rectItem:
		s.ensureValid()
		style := ""
		if it.fill != nil {
			s.setColor(2, *it.fill)
			style = "F"
		}
		if it.stroke {
			s.setColor(1, it.color)
			s.setLineWidth(it.lineWidth)
			style += "D"
		}
		if style != "" {
			pdf.Rect(it.x, it.y, it.w, it.h, style)
		}
	case imageItem:
		pdf.ImageOptions(logoName, it.x, it.y, it.w, it.h, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	case lineItem:
		s.ensureValid()
		s.setColor(1, it.color)
		s.setLineWidth(it.lineWidth)
		pdf.Line(it.x, it.y, it.x+it.w, it.y+it.h)
	}
}

// ensureValid sets every piece of state once on a new page, after which
// the cache matches the PDF.
func (s *drawState) ensureValid() {
	if s.valid {
		return
	}
	s.setFont(font{regular, 9})
	s.setColor(0, Color{})
	s.setColor(1, Color{})
	s.setColor(2, Color{})
	s.setLineWidth(0.2)
	s.valid = true
}

// baseline is the baseline of a line of text whose box starts at top.
func baseline(top float64, fn font) float64 { return top + fn.size*ptToMM*0.92 }

func (s *drawState) footer(th *Theme, code string, n, total int) {
	s.ensureValid()
	fn := font{regular, th.FooterSize}
	y := th.PageHeight - th.FooterHeight + 5
	s.setColor(1, th.GridLine)
	s.setLineWidth(0.2)
	s.pdf.Line(th.Margin, y-1.5, th.PageWidth-th.Margin, y-1.5)
	s.setFont(fn)
	s.setColor(0, th.Muted)
	if code != "" {
		s.pdf.Text(th.Margin, baseline(y, fn), code)
	}
	label := fmt.Sprintf(th.Labels.Page, n, total)
	s.pdf.Text(th.PageWidth-th.Margin-fn.width(label), baseline(y, fn), label)
}

// retain keeps the slice the PDF library writes its finished document with,
// in one Write of its whole internal buffer, instead of copying 15 MB of a
// large booklet; the library does not touch the buffer after Output.
type retain struct{ b []byte }

func (r *retain) Write(p []byte) (int, error) {
	if r.b == nil {
		r.b = p
	} else {
		r.b = append(r.b, p...)
	}
	return len(p), nil
}

// openTag[t][mcid] is the operator opening marked content of type t with
// that id: made once, shared by every page.
var openTag = func() [][128]string {
	ops := make([][128]string, pdfasm.NumTags)
	for t := range ops {
		for id := range ops[t] {
			ops[t][id] = "/" + stype(t).String() + " <</MCID " + strconv.Itoa(id) + ">> BDC"
		}
	}
	return ops
}()
