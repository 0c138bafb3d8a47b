package render

import (
	"context"
	"io"
	"runtime"
	"strconv"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/render/internal/pdfasm"
)

// BookletInfo is what the cover of a booklet says and how it is bound.
type BookletInfo struct {
	Entity   string // "Comune di …"
	Title    string // defaults to Labels.PlanTitle
	Subtitle string // "Allegato A alla deliberazione …"
	Year     int
	Duplex   bool // every sheet starts on an odd page
}

// Booklet writes one PDF with a cover, a table of contents grouped by
// Direzione and Servizio, and the sheets of objs in the order given (see
// model.SortForBooklet), with an outline of the same tree and page numbers
// through the whole booklet.
func Booklet(w io.Writer, th *Theme, objs []*model.Objective, info BookletInfo, opt Options, meta Meta) error {
	return BookletContext(context.Background(), w, th, objs, info, opt, meta)
}

// BookletContext is Booklet stopping, with ctx's error and nothing
// written, once ctx is done: it is checked before each sheet is laid out
// and each part of the booklet is drawn, so that a request given up stops
// drawing.
func BookletContext(ctx context.Context, w io.Writer, th *Theme, objs []*model.Objective, info BookletInfo, opt Options, meta Meta) error {
	pages, err := layoutBooklet(ctx, th, objs, info, opt)
	if err != nil {
		return err
	}
	number(pages)
	if meta.Title == "" {
		meta.Title = bookletTitle(th, info)
	}
	if meta.Subject == "" {
		meta.Subject = meta.Title + ": " + th.Labels.objectives(len(objs))
	}
	if meta.Keywords == "" {
		meta.Keywords = th.Labels.PlanKeywords + ", " + strconv.Itoa(info.Year)
	}
	return writeDocument(ctx, w, th, pages, meta, opt)
}

// writeDocument draws laid-out pages as one document and writes it to w.
func writeDocument(ctx context.Context, w io.Writer, th *Theme, pages []*page, meta Meta, opt Options) error {
	outline(th, pages)
	part, err := drawParts(ctx, th, pages)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return part.Write(w, 0, part.Pages(), doc(th, pages, 0, len(pages), part, meta, opt))
}

// drawParts draws the pages in parts of at most pagesPerPart pages, each
// with the PDF library on its own, on every core, and merges them. The
// parts depend only on the number of pages, so the bytes are the same on
// any machine. ctx is checked before each part.
func drawParts(ctx context.Context, th *Theme, pages []*page) (*pdfasm.Part, error) {
	n := (len(pages) + pagesPerPart - 1) / pagesPerPart
	parts := make([]*pdfasm.Part, n)
	fl := newFlattener(th)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range n {
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			chunk := pages[i*len(pages)/n : (i+1)*len(pages)/n]
			var err error
			parts[i], err = parse(th, chunk) // draw lays out each sheet again (materialize)
			fl.drawn(chunk)                  // the part's trees, flat: its snodes can go
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	fl.resolve(pages)
	return pdfasm.Merge(parts, union), nil
}

// pagesPerPart bounds a part: small enough to share the work between
// cores and keep each part's buffers small, large enough that the fonts
// embedded once per part cost little.
const pagesPerPart = 256

func bookletTitle(th *Theme, info BookletInfo) string {
	title := info.Title
	if title == "" {
		title = th.Labels.PlanTitle
	}
	if info.Year != 0 {
		title += " " + strconv.Itoa(info.Year)
	}
	if info.Entity != "" {
		title = info.Entity + " – " + title
	}
	return title
}

// layoutSheets lays out every sheet, in parallel: layout is pure. The
// pages it returns are light: their items are dropped at once and laid out
// again, sheet by sheet, just before they are drawn (see materialize), so
// that a booklet of thousands of pages never holds them all. ctx is
// checked before each sheet.
func layoutSheets(ctx context.Context, th *Theme, objs []*model.Objective, opt Options) ([][]*page, error) {
	out := make([][]*page, len(objs))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, o := range objs {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			if err := gctx.Err(); err != nil {
				return err
			}
			pages := layoutSheet(th, o, counting(opt))
			for k, p := range pages {
				p.items = nil
				p.lazy = &lazySheet{o: o, opt: opt, page: k}
			}
			out[i] = pages
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return out, ctx.Err()
}

// lazySheet is where a light page's items come from: page k of the sheet
// of o.
type lazySheet struct {
	o    *model.Objective
	opt  Options
	page int
}

// materialize lays out again the sheets of the light pages among pages,
// once per sheet, and gives each page its items. draw calls it on the
// pages it has yet to draw, sheet by sheet (one reports whether to stop
// after the first sheet), so that a part holds the items of one sheet at
// a time.
func materialize(th *Theme, pages []*page, one bool) {
	var o *model.Objective
	var laid []*page
	for _, p := range pages {
		if p == nil || p.lazy == nil || p.items != nil {
			continue
		}
		if p.lazy.o != o {
			if one && o != nil {
				return
			}
			o = p.lazy.o
			laid = layoutSheet(th, o, p.lazy.opt)
		}
		if p.lazy.page < len(laid) {
			p.items = laid[p.lazy.page].items
		}
		p.lazy = nil
	}
}

func layoutBooklet(ctx context.Context, th *Theme, objs []*model.Objective, info BookletInfo, opt Options) ([]*page, error) {
	sheets, err := layoutSheets(ctx, th, objs, opt)
	if err != nil {
		return nil, err
	}
	cover := layoutCover(th, info)

	// The contents' length does not depend on the page numbers it prints,
	// so lay it out once to count its pages, then again with the numbers.
	tocStart := 1
	if info.Duplex {
		tocStart = 2 // the back of the cover stays blank
	}
	tocLen := len(layoutContents(th, objs, make([]int, len(objs)), tocStart))
	starts := make([]int, len(objs)) // 0-based page index of each sheet
	n := tocStart + tocLen
	for i, s := range sheets {
		if info.Duplex && n%2 == 1 {
			n++ // a blank page so that the sheet starts on an odd page
		}
		starts[i] = n
		n += len(s)
	}
	toc := layoutContents(th, objs, starts, tocStart)

	pages := make([]*page, 0, n)
	pages = append(pages, cover)
	for len(pages) < tocStart {
		pages = append(pages, &page{})
	}
	toc[0].marks = append(toc[0].marks, mark{title: th.Labels.Contents, level: 0})
	pages = append(pages, toc...)
	prevDir, prevSvc := "\x00", "\x00"
	for i, s := range sheets {
		for len(pages) < starts[i] {
			pages = append(pages, &page{})
		}
		o := objs[i]
		first := s[0]
		if dir := o.Direction; model.Key(dir) != prevDir {
			first.marks = append(first.marks, mark{title: clean(dir), level: 0})
			prevDir, prevSvc = model.Key(dir), "\x00"
		}
		if svc := o.Service; model.Key(svc) != prevSvc {
			first.marks = append(first.marks, mark{title: clean(serviceName(th, svc)), level: 1})
			prevSvc = model.Key(svc)
		}
		first.marks = append(first.marks, mark{title: clean(o.Code + " – " + o.Title), level: 2})
		pages = append(pages, s...)
	}
	return pages, nil
}

// serviceName is how a group without Servizio is named.
func serviceName(th *Theme, s string) string {
	if s == "" {
		return th.Labels.NoService
	}
	return s
}

// layoutCover lays out the cover: entity, title, year, subtitle.
func layoutCover(th *Theme, info BookletInfo) *page {
	plain := *th // the cover has its own header
	plain.Entity, plain.ActsLine, plain.Logo = "", "", nil
	f := newFlow(&plain, "")
	f.cur().noFooter = true
	f.y = th.PageHeight * 0.22
	if w, h := logoSize(th.Logo); w > 0 {
		lh := 30.0
		lw := min(lh*float64(w)/float64(h), 80)
		f.add(item{kind: imageItem, x: (th.PageWidth - lw) / 2, y: f.y, w: lw, h: lh})
		f.y += lh + 8
	}
	if info.Entity == "" {
		info.Entity = th.Entity
	}
	center := func(s string, fn font, c Color) {
		f.block(tagP)
		for _, l := range wrap(clean(s), fn, th.contentWidth(), 0) {
			f.text((th.PageWidth-fn.width(l))/2, f.y, l, fn, c)
			f.y += fn.lineHeight(th.LineGap)
		}
	}
	if info.Entity != "" {
		center(info.Entity, font{bold, th.Cover.Entity}, th.Text)
		f.y += 10
	}
	f.line(th.Margin+30, f.y, th.PageWidth-th.Margin-30, f.y, th.BarDone, 0.6)
	f.y += 10
	title := info.Title
	if title == "" {
		title = th.Labels.PlanTitle
	}
	center(title, font{bold, th.Cover.Title}, th.BarDone)
	f.y += 4
	if info.Year != 0 {
		center(strconv.Itoa(info.Year), font{regular, th.Cover.Year}, th.Text)
	}
	f.y += 10
	f.line(th.Margin+30, f.y, th.PageWidth-th.Margin-30, f.y, th.BarDone, 0.6)
	f.y += 14
	if info.Subtitle != "" {
		center(info.Subtitle, font{regular, th.Cover.Subtitle}, th.Muted)
	}
	return f.pages[0]
}

// layoutContents lays out the table of contents: Direzione, then Servizio,
// then one line per objective with its code, title and first page, each a
// link to the sheet. starts are 0-based page indices; first is the page
// index the contents begin at. The code column widens to the longest code
// (up to ContentsCodeMax of the width; a longer code wraps, never cut); a
// Direzione continued on a new page repeats its heading with "(segue)".
func layoutContents(th *Theme, objs []*model.Objective, starts []int, first int) []*page {
	f := newFlow(th, "")
	title := font{bold, th.TitleSize + 2}
	dirFont, svcFont := font{bold, th.TextSize + 1}, font{bold, th.TextSize}
	dirBand := func(f *flow, name string) {
		f.y += 2
		fill := th.HeaderFill
		h := dirFont.lineHeight(th.LineGap) + 1.5
		f.rect(th.Margin, f.y, th.contentWidth(), h, &fill, false, th.Border, 0)
		f.text(th.Margin+1.5, f.y+0.75, shorten(clean(name), dirFont, th.contentWidth()-3), dirFont, th.Text)
		f.y += h + 1.5
	}
	continued := ""            // the Direzione whose entries go on
	f.header = func(f *flow) { // on every page of the contents
		f.text(th.Margin, f.y, th.Labels.Contents, title, th.Text)
		f.y += title.lineHeight(th.LineGap) + 3
		if continued != "" {
			dirBand(f, continued+" "+th.Labels.Continued)
		}
	}
	f.heading(1)
	f.header(f)

	code, body := font{bold, th.TableSize + 0.5}, font{regular, th.TableSize + 0.5}
	lh := body.lineHeight(th.LineGap)
	const indent, gap = 5.0, 3.0
	codeW := th.ContentsCode
	for _, o := range objs {
		codeW = max(codeW, indent+code.width(clean(o.Code))+gap)
	}
	codeW = min(codeW, max(th.ContentsCode, th.ContentsCodeMax*th.contentWidth()))
	numW := th.ContentsNumber
	titleW := th.contentWidth() - codeW - numW - 4
	prevDir, prevSvc := "\x00", "\x00"
	for i, o := range objs {
		dirKey, svcKey := model.Key(o.Direction), model.Key(o.Service)
		codeLines := wrap(clean(o.Code), code, codeW-indent-gap, 0)
		if len(codeLines) > 6 { // only an absurd code is cut, so that the entry fits a page
			codeLines = append(codeLines[:5], shorten(strings.Join(codeLines[5:], ""), code, codeW-indent-gap))
		}
		titleLines := wrap(clean(o.Title), body, titleW, 0)
		if len(titleLines) > 2 {
			titleLines = []string{titleLines[0], shorten(titleLines[1]+" "+titleLines[2], body, titleW)}
		}
		if len(titleLines) == 0 {
			titleLines = []string{""}
		}
		lines := max(len(codeLines), len(titleLines))
		entryH := float64(lines)*lh + 1.2
		if dirKey != prevDir {
			continued = ""
			f.ensure(dirFont.lineHeight(th.LineGap) + svcFont.lineHeight(th.LineGap) + entryH + 6)
			f.tocEntry(0)
			dirBand(f, o.Direction)
			continued = o.Direction
			prevDir, prevSvc = dirKey, "\x00"
		}
		if svcKey != prevSvc {
			f.ensure(svcFont.lineHeight(th.LineGap) + entryH + 2)
			f.y += 0.8
			f.tocEntry(1)
			f.text(th.Margin+3, f.y, clean(serviceName(th, o.Service)), svcFont, th.Muted)
			f.y += svcFont.lineHeight(th.LineGap) + 0.8
			prevSvc = svcKey
		}
		f.ensure(entryH)
		f.tocEntry(2)
		top := f.y
		for k, l := range codeLines {
			f.text(th.Margin+indent, top+float64(k)*lh, l, code, th.Text)
		}
		for k, l := range titleLines {
			f.text(th.Margin+codeW, top+float64(k)*lh, l, body, th.Text)
		}
		f.y = top + float64(lines)*lh
		num := strconv.Itoa(starts[i] + 1)
		last := titleLines[len(titleLines)-1]
		dotsFrom := th.Margin + codeW + body.width(last) + 2
		if len(codeLines) > len(titleLines) {
			dotsFrom = th.Margin + codeW
		}
		dotsTo := th.PageWidth - th.Margin - body.width(num) - 2
		if dotsTo > dotsFrom {
			y := f.y - lh*0.3
			f.add(item{kind: lineItem, x: dotsFrom, y: y, w: dotsTo - dotsFrom, color: th.GridLine, lineWidth: 0.2})
		}
		f.text(th.PageWidth-th.Margin-body.width(num), f.y-lh, num, body, th.Text)
		f.addLink(th.Margin, top, th.contentWidth(), f.y-top, starts[i])
		f.y += 1.2
	}
	return f.pages
}
