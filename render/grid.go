package render

// The header grid of a sheet: rows of label and value cells, tagged as one
// Table whose labels are TH (Scope Row) and values TD.

// grid lays out rows of label/value pairs in bordered cells, labels on a
// tint, values in bold.
func (f *flow) grid(rows [][]string) {
	for _, r := range rows {
		f.gridRow(f.th.GridShares[:], r)
	}
}

// linkedTo lays out the "Collegato a" row, its label as wide as the
// grid's first column so that their borders line up.
func (f *flow) linkedTo(label, value string) {
	total := 0.0
	for _, s := range f.th.GridShares {
		total += s
	}
	first := f.th.GridShares[0]
	f.gridRow([]float64{first, total - first}, []string{label, value})
}

// gridRow lays out one row of alternating label and value cells whose
// widths are the given shares of the content width.
func (f *flow) gridRow(shares []float64, cells []string) {
	fills := make([]*Color, len(cells))
	for i := 0; i < len(cells); i += 2 {
		fills[i] = &f.th.LabelFill
	}
	f.gridRowFilled(shares, cells, fills)
}

// gridRowFilled is gridRow with each cell's background given; cells at
// even positions are labels, the others values in bold.
func (f *flow) gridRowFilled(shares []float64, cells []string, fills []*Color) {
	th := f.th
	total := 0.0
	for _, s := range shares {
		total += s
	}
	lab, val := font{regular, th.SmallSize + 0.5}, font{bold, th.SmallSize + 0.5}
	lh := val.lineHeight(th.LineGap)
	pad := th.CellPad
	widths := make([]float64, len(cells))
	wrapped := make([][]string, len(cells))
	n := 1
	for i, c := range cells {
		widths[i] = shares[i] / total * th.contentWidth()
		fn := lab
		if i%2 == 1 {
			fn = val
		}
		wrapped[i] = wrap(clean(c), fn, widths[i]-2*pad, 0)
		n = max(n, len(wrapped[i]))
	}
	h := float64(n)*lh + 2*pad
	f.ensure(h)
	// A row of the open grid's Table, or a Table of its own: labels are TH
	// (Scope Row), values TD.
	if f.gridNode == nil || !f.gridOpen {
		f.gridNode = f.box.child(tagTable)
	}
	tr := f.gridNode.child(tagTR)
	row := f.gridNode.kids() - 1
	// A row with fewer cells than the grid's first (Collegato a) has its
	// last cell span the rest, so that the table stays regular.
	span := 1
	if row > 0 && f.gridNode.first.kids() > len(cells) {
		span = f.gridNode.first.kids() - len(cells) + 1
	}
	x := th.Margin
	for i := range cells { // the boxes, then the text
		f.rect(x, f.y, widths[i], h, fills[i], true, th.Border, 0.25)
		x += widths[i]
	}
	x = th.Margin
	for i := range cells {
		fn := lab
		if i%2 == 1 {
			fn = val
		}
		if i%2 == 0 && fills[i] != nil {
			f.node = tr.child(tagTH)
			f.node.scope = rowScope
		} else {
			f.node = tr.child(tagTD)
		}
		f.node.row, f.node.col = int16(row), int16(i)
		if i == len(cells)-1 {
			f.node.span = int16(span)
		}
		f.cellText(x, f.y+pad, widths[i], wrapped[i], fn, left)
		x += widths[i]
	}
	f.node = nil
	if !f.gridOpen {
		f.gridNode = nil
	}
	f.y += h
}
