package verify

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"

	"github.com/hhrutter/lzw"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// The budgets of decoded bytes. A few kilobytes of a PDF can inflate to
// gigabytes (a flate bomb, or filters stacked on each other), so every
// stream the checker reads is decoded here, one filter after the other,
// each filter's output counted as it comes: one stream (or one page's
// content streams, joined) may not give more than StreamBudget bytes, all
// the streams of a file together not more than FileBudget. Past either the
// file is not checked further (a *ReadError naming the object).
//
// A pegpdf page's content is a few kilobytes; a 10,000-page booklet takes
// 132 MB of the file's budget (its object streams 47 MB, its pages 85 MB);
// fonts, images and attachments are never decoded. The streams pdfcpu
// decodes itself are decoded once more before it reads, with a FileBudget
// of their own (see preflight).
const (
	StreamBudget = 64 << 20
	FileBudget   = 256 << 20
)

// budgetError says which budget a stream passed.
type budgetError struct {
	obj  int
	file bool // the file's budget, not the stream's
}

func (e *budgetError) Error() string {
	if e.file {
		return fmt.Sprintf("oggetto %d: i flussi decompressi superano in tutto %d MB: il file non viene controllato oltre", e.obj, FileBudget>>20)
	}
	return fmt.Sprintf("oggetto %d: flusso troppo grande una volta decompresso (oltre %d MB): il file non viene controllato oltre", e.obj, StreamBudget>>20)
}

// errUndecodable is a stream whose filters cannot be undone (an image
// filter, an unknown filter, bad data).
var errUndecodable = errors.New("undecodable")

// counted counts what one filter gives, against the stream's and the
// file's budgets.
type counted struct {
	r        io.Reader
	n, limit int64
	left     *int64 // the file's budget
	over     *budgetError
	obj      int
}

func (c *counted) Read(p []byte) (int, error) {
	if c.over != nil {
		return 0, c.over
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	*c.left -= int64(n)
	switch {
	case c.n > c.limit:
		c.over = &budgetError{obj: c.obj}
	case *c.left < 0:
		c.over = &budgetError{obj: c.obj, file: true}
	}
	if c.over != nil {
		return n, c.over
	}
	return n, err
}

// decodeStream undoes a stream's filters within the budgets: limit for
// each filter's output, *left for the file (decreased by what was
// decoded). The error is a *budgetError or errUndecodable.
func decodeStream(obj int, raw []byte, filters []types.PDFFilter, limit int, left *int64) ([]byte, error) {
	if len(filters) == 0 {
		return raw, nil
	}
	b := &growing{limit: limit + 64<<10}
	if err := decodeTo(b, obj, raw, filters, limit, left); err != nil {
		return nil, err
	}
	return b.b, nil
}

// growing is a buffer that doubles up to its limit and no further, so
// that a stream at the budget holds 1.5 times the budget at most while
// it grows (a bytes.Buffer would hold 3.5 times).
type growing struct {
	b     []byte
	limit int
}

func (g *growing) Write(p []byte) (int, error) {
	if need := len(g.b) + len(p); need > cap(g.b) {
		n := min(max(2*cap(g.b), need, 4096), max(g.limit, need))
		g.b = append(make([]byte, 0, n), g.b...)
	}
	g.b = append(g.b, p...)
	return len(p), nil
}

// decodeTo is decodeStream writing to w.
func decodeTo(w io.Writer, obj int, raw []byte, filters []types.PDFFilter, limit int, left *int64) error {
	var r io.Reader = bytes.NewReader(raw)
	var stages []*counted
	for _, f := range filters {
		parms := intParms(f.DecodeParms)
		var err error
		switch f.Name {
		case "FlateDecode":
			var z io.ReadCloser
			if z, err = zlib.NewReader(r); err == nil {
				r, err = predicted(tolerant{z}, parms)
			}
		case "LZWDecode":
			ec, ok := parms["EarlyChange"]
			r, err = predicted(lzw.NewReader(r, !ok || ec == 1), parms)
		case "ASCIIHexDecode":
			r = &hexReader{r: bufio.NewReader(r)}
		case "ASCII85Decode":
			r = &a85Reader{r: bufio.NewReader(r)}
		case "RunLengthDecode":
			r = &runLengthReader{r: bufio.NewReader(r)}
		default: // image filters, Crypt, unknown names: not for the streams checked here
			return errUndecodable
		}
		if err != nil {
			return errUndecodable
		}
		c := &counted{r: r, limit: int64(limit), left: left, obj: obj}
		stages = append(stages, c)
		r = c
	}
	_, err := io.Copy(w, r)
	for _, s := range stages {
		if s.over != nil {
			return s.over
		}
	}
	if err != nil {
		return errUndecodable
	}
	return nil
}

// tolerant ends a zlib stream quietly where it is cut short or its
// checksum is wrong, as readers (and pdfcpu) do.
type tolerant struct{ r io.Reader }

func (t tolerant) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, zlib.ErrChecksum) {
		err = io.EOF
	}
	return n, err
}

func intParms(d types.Dict) map[string]int {
	m := map[string]int{}
	for k, v := range d {
		switch v := v.(type) {
		case types.Integer:
			m[k] = v.Value()
		case types.Boolean:
			m[k] = 0
			if v.Value() {
				m[k] = 1
			}
		}
	}
	return m
}

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

// hexReader undoes ASCIIHexDecode: pairs of hex digits, white space
// ignored, ">" the end (an odd last digit is followed by 0).
type hexReader struct {
	r    *bufio.Reader
	done bool
}

func (h *hexReader) Read(p []byte) (int, error) {
	n := 0
	var hi int = -1
	for n < len(p) && !h.done {
		c, err := h.r.ReadByte()
		if err != nil {
			h.done = true
			break
		}
		if isSpace(c) {
			continue
		}
		if c == '>' {
			h.done = true
			break
		}
		v := unhex(c)
		if v < 0 {
			return n, errUndecodable
		}
		if hi < 0 {
			hi = v
			continue
		}
		p[n] = byte(hi<<4 | v)
		n, hi = n+1, -1
	}
	if hi >= 0 { // only at the end: a pair is never split between reads
		p[n] = byte(hi << 4)
		n++
	}
	if n == 0 && h.done {
		return 0, io.EOF
	}
	return n, nil
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// a85Reader undoes ASCII85Decode: groups of five characters '!'…'u' give
// four bytes, "z" four zeros, "~>" ends.
type a85Reader struct {
	r    *bufio.Reader
	out  []byte
	buf  [4]byte
	done bool
}

func (a *a85Reader) Read(p []byte) (int, error) {
	for len(a.out) == 0 {
		if a.done {
			return 0, io.EOF
		}
		if err := a.group(); err != nil {
			return 0, err
		}
	}
	n := copy(p, a.out)
	a.out = a.out[n:]
	return n, nil
}

func (a *a85Reader) group() error {
	var digits [5]byte
	k := 0
	for k < 5 {
		c, err := a.r.ReadByte()
		if err != nil || c == '~' {
			a.done = true
			break
		}
		switch {
		case isSpace(c):
			continue
		case c == 'z' && k == 0:
			a.buf = [4]byte{}
			a.out = a.buf[:]
			return nil
		case c < '!' || c > 'u':
			return errUndecodable
		}
		digits[k] = c - '!'
		k++
	}
	if k == 0 {
		return nil
	}
	if k == 1 {
		return errUndecodable
	}
	for i := k; i < 5; i++ {
		digits[i] = 84 // 'u'
	}
	var v uint64
	for _, d := range digits {
		v = v*85 + uint64(d)
	}
	if v > 0xFFFFFFFF {
		return errUndecodable
	}
	a.buf = [4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
	a.out = a.buf[:k-1]
	return nil
}

// runLengthReader undoes RunLengthDecode: a length byte n, then n+1 bytes
// to copy (n < 128) or one byte to repeat 257-n times (n > 128); 128 ends.
type runLengthReader struct {
	r      *bufio.Reader
	copyN  int  // bytes still to copy
	repeat int  // times still to repeat b
	b      byte // the byte repeated
	done   bool
}

func (l *runLengthReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		switch {
		case l.repeat > 0:
			p[n] = l.b
			n, l.repeat = n+1, l.repeat-1
			continue
		case l.copyN > 0:
			c, err := l.r.ReadByte()
			if err != nil {
				l.done, l.copyN = true, 0
				continue
			}
			p[n] = c
			n, l.copyN = n+1, l.copyN-1
			continue
		case l.done:
			if n == 0 {
				return 0, io.EOF
			}
			return n, nil
		}
		c, err := l.r.ReadByte()
		switch {
		case err != nil || c == 128:
			l.done = true
		case c < 128:
			l.copyN = int(c) + 1
		default:
			b, err := l.r.ReadByte()
			if err != nil {
				l.done = true
				continue
			}
			l.b, l.repeat = b, 257-int(c)
		}
	}
	return n, nil
}
