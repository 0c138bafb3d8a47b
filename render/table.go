package render

import "strings"

// column is one column of a table: its header and its share of the width.
type column struct {
	header string
	share  float64
	align  align
}

type align int

const (
	left align = iota
	right
	center
)

// tableRow is one row's cells, already formatted as text.
type tableRow struct {
	cells []string
	fill  []*Color // per cell, optional
	whole []bool   // per cell, optional: its lines are kept whole ("IN RITARDO 2")
	link  int      // 1 + the page index the row links to; 0 for none
}

// table lays out a table with a bold header row on a tinted background.
// Cells wrap. A row is never split across pages unless it is taller than a
// whole page; the header row repeats on each new page.
func (f *flow) table(cols []column, rows []tableRow) {
	th := f.th
	total := 0.0
	for _, c := range cols {
		total += c.share
	}
	body, head := font{regular, th.TableSize}, font{bold, th.TableSize}
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = c.share / total * th.contentWidth()
	}
	fitWords(widths, cols, rows, body, head, th)
	lh := body.lineHeight(th.LineGap)
	pad := th.CellPad

	headerCells := make([][]string, len(cols))
	hLines := 1
	for i, c := range cols {
		headerCells[i] = wrap(c.header, head, widths[i]-2*pad, 0)
		hLines = max(hLines, len(headerCells[i]))
	}
	headerH := float64(hLines)*lh + 2*pad

	// Table / THead / TR / TH (Scope Column), then TBody / TR / TD; the
	// header row repeated on a new page is an artifact.
	table := f.box.child(tagTable)
	headRow := table.child(tagTHead).child(tagTR)
	heads := make([]*snode, len(cols))
	for i := range cols {
		heads[i] = headRow.child(tagTH)
		heads[i].scope, heads[i].col = columnScope, int16(i)
	}
	var tbody *snode
	repeated := false
	drawHeader := func() {
		lay := func() {
			// The cells' boxes, then their text: one artifact, then the
			// cells' marked content, each once.
			x := th.Margin
			fill := th.HeaderFill
			for i := range cols {
				f.rect(x, f.y, widths[i], headerH, &fill, true, th.Border, 0.2)
				x += widths[i]
			}
			x = th.Margin
			for i := range cols {
				f.node = heads[i]
				f.cellText(x, f.y+pad, widths[i], headerCells[i], head, cols[i].align)
				x += widths[i]
			}
			f.y += headerH
		}
		if repeated {
			f.asArtifact(pageArtifact, lay)
		} else {
			lay()
		}
		repeated = true
	}

	f.ensure(headerH + lh + 2*pad)
	drawHeader()
	for ri, r := range rows {
		if tbody == nil {
			tbody = table.child(tagTBody)
		}
		tr := tbody.child(tagTR)
		tds := make([]*snode, len(cols))
		for i := range cols {
			tds[i] = tr.child(tagTD)
			tds[i].row, tds[i].col = int16(ri+1), int16(i)
		}
		var linkNode *snode
		if r.link > 0 {
			linkNode = tds[0].child(tagLink)
		}
		cells := make([][]string, len(cols))
		n := 1
		for i := range cols {
			s := ""
			if i < len(r.cells) {
				s = clean(r.cells[i])
			}
			cells[i] = wrap(s, body, widths[i]-2*pad, 0)
			n = max(n, len(cells[i]))
		}
		h := float64(n)*lh + 2*pad
		if h > f.room() && h <= f.fresh()-headerH {
			f.newPage()
			drawHeader()
		}
		// A row taller than a page: as many lines as fit, then the rest.
		from := 0
		for from < n {
			fit := int((f.room() - 2*pad) / lh)
			if fit < 1 && f.y > th.Margin+headerH+lh { // not a fresh page: break
				f.newPage()
				drawHeader()
				continue
			}
			fit = max(fit, 1)
			to := min(n, from+fit)
			rowH := float64(to-from)*lh + 2*pad
			x := th.Margin
			for i := range cols {
				var fill *Color
				if i < len(r.fill) {
					fill = r.fill[i]
				}
				f.rect(x, f.y, widths[i], rowH, fill, true, th.Border, 0.2)
				x += widths[i]
			}
			x = th.Margin
			for i := range cols {
				part := cells[i][min(from, len(cells[i])):min(to, len(cells[i]))]
				f.node = tds[i]
				if i == 0 && linkNode != nil {
					f.node = linkNode
				}
				f.cellText(x, f.y+pad, widths[i], part, body, cols[i].align)
				x += widths[i]
			}
			if r.link > 0 {
				f.node = linkNode
				f.addLink(th.Margin, f.y, th.contentWidth(), rowH, r.link-1)
			}
			f.y += rowH
			from = to
			if from < n {
				f.newPage()
				drawHeader()
			}
		}
	}
	f.node = nil
}

// cellText lays out lines inside a cell of width w whose text starts at y.
func (f *flow) cellText(x, y, w float64, ls []string, fn font, a align) {
	lh := fn.lineHeight(f.th.LineGap)
	pad := f.th.CellPad
	for _, l := range ls {
		tx := x + pad
		switch a {
		case right:
			tx = x + w - pad - fn.width(l)
		case center:
			tx = x + (w-fn.width(l))/2
		}
		f.text(tx, y, l, fn, f.th.Text)
		y += lh
	}
}

// fitWords widens the columns whose longest word would otherwise be cut
// ("PROFESSIONALE"), taking the room from columns that have some to spare.
// A column never claims more than a third of the table for one word.
func fitWords(widths []float64, cols []column, rows []tableRow, fn, head font, th *Theme) {
	need := make([]float64, len(cols))
	for i := range cols {
		longest := 0.0
		for _, w := range strings.Fields(cols[i].header) {
			longest = max(longest, head.width(w))
		}
		for _, r := range rows {
			if i >= len(r.cells) {
				continue
			}
			units := strings.Fields(r.cells[i])
			if i < len(r.whole) && r.whole[i] {
				units = strings.Split(r.cells[i], "\n")
			}
			for _, w := range units {
				longest = max(longest, fn.width(clean(w)))
			}
		}
		need[i] = min(longest+2*th.CellPad+0.5, th.contentWidth()/3)
	}
	deficit, slack := 0.0, 0.0
	for i := range widths {
		if need[i] > widths[i] {
			deficit += need[i] - widths[i]
		} else {
			slack += widths[i] - need[i]
		}
	}
	if deficit == 0 || slack == 0 {
		return
	}
	take := min(1, deficit/slack)
	for i := range widths {
		if need[i] > widths[i] {
			widths[i] += (need[i] - widths[i]) * min(1, slack/deficit)
		} else {
			widths[i] -= (widths[i] - need[i]) * take
		}
	}
}
