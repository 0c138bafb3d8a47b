package verify

import (
	"errors"
	"io"
)

// This file holds the PNG and TIFF predictors that may follow FlateDecode
// or LZWDecode, undone a row at a time.

// maxRow bounds a predictor's row: a content stream has no business with
// rows wider than this, and a crafted /Columns must not allocate gigabytes.
const maxRow = 1 << 20

// predicted undoes a PNG or TIFF predictor (ISO 32000-1 §7.4.4.4), a row
// at a time.
func predicted(r io.Reader, parms map[string]int) (io.Reader, error) {
	p, ok := parms["Predictor"]
	if !ok || p == 1 {
		return r, nil
	}
	get := func(k string, def int) int {
		if v, ok := parms[k]; ok {
			return v
		}
		return def
	}
	colors, bpc, columns := get("Colors", 1), get("BitsPerComponent", 8), get("Columns", 1)
	if colors < 1 || colors > 32 || columns < 1 || columns > maxRow || (bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 && bpc != 16) {
		return nil, errUndecodable
	}
	row := (bpc*colors*columns + 7) / 8
	if row > maxRow {
		return nil, errUndecodable
	}
	pr := &predictor{r: r, bpp: (bpc*colors + 7) / 8, prev: make([]byte, row), cur: make([]byte, row)}
	switch {
	case p == 2 && bpc == 8:
		pr.tiff = true
	case p >= 10 && p <= 15:
		pr.filter = make([]byte, 1)
	default:
		return nil, errUndecodable
	}
	return pr, nil
}

type predictor struct {
	r         io.Reader
	bpp       int
	tiff      bool
	filter    []byte // the PNG row's filter byte
	prev, cur []byte
	out       []byte // what is left of the current row
	err       error
}

func (p *predictor) Read(b []byte) (int, error) {
	for len(p.out) == 0 {
		if p.err != nil {
			return 0, p.err
		}
		p.err = p.row()
	}
	n := copy(b, p.out)
	p.out = p.out[n:]
	return n, nil
}

// row reads and undoes one row.
func (p *predictor) row() error {
	if p.filter != nil {
		if _, err := io.ReadFull(p.r, p.filter); err != nil {
			if errors.Is(err, io.EOF) {
				return io.EOF
			}
			return err
		}
	}
	p.prev, p.cur = p.cur, p.prev
	if _, err := io.ReadFull(p.r, p.cur); err != nil {
		if errors.Is(err, io.EOF) && p.filter == nil {
			return io.EOF
		}
		return errUndecodable
	}
	cur, prev, bpp := p.cur, p.prev, p.bpp
	ft := byte(1) // TIFF: the left neighbour, like PNG's Sub
	if p.filter != nil {
		ft = p.filter[0]
	}
	switch ft {
	case 0:
	case 1:
		for i := bpp; i < len(cur); i++ {
			cur[i] += cur[i-bpp]
		}
	case 2:
		for i := range cur {
			cur[i] += prev[i]
		}
	case 3:
		for i := range cur {
			var left int
			if i >= bpp {
				left = int(cur[i-bpp])
			}
			cur[i] += byte((left + int(prev[i])) / 2)
		}
	case 4:
		for i := range cur {
			var a, c int
			if i >= bpp {
				a, c = int(cur[i-bpp]), int(prev[i-bpp])
			}
			cur[i] += paeth(a, int(prev[i]), c)
		}
	default:
		return errUndecodable
	}
	p.out = cur
	return nil
}

func paeth(a, b, c int) byte {
	p := a + b - c
	pa, pb, pc := abs(p-a), abs(p-b), abs(p-c)
	switch {
	case pa <= pb && pa <= pc:
		return byte(a)
	case pb <= pc:
		return byte(b)
	}
	return byte(c)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
