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

// This file holds the budgets of decoded bytes and the pipeline that
// undoes a stream's filters within them. The filters written out here are
// in filters.go, the predictors in predictor.go.

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

// maxFilters bounds the filters of one stream: each holds buffers while
// the stream is decoded (up to 2 MB for a predictor's rows), and a few
// kilobytes of /Filter and /DecodeParms can ask for thousands. Real files
// use one or two.
const maxFilters = 8

// budgetError says which budget a stream passed: its decoded bytes, the
// file's, or the number of its filters.
type budgetError struct {
	obj     int
	file    bool // the file's budget, not the stream's
	filters int  // more filters than maxFilters: how many
}

func (e *budgetError) Error() string {
	if e.filters > 0 {
		return fmt.Sprintf("oggetto %d: il flusso ha %d filtri, più di %d (file anomalo o malevolo): il file non viene controllato oltre", e.obj, e.filters, maxFilters)
	}
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

// decodeTo is decodeStream writing to w. A stream without filters is
// copied to w, and its bytes counted as a filter's output would be:
// preflight copies streams whose data may run to the end of the file, and
// many of them would otherwise copy the same bytes again and again.
func decodeTo(w io.Writer, obj int, raw []byte, filters []types.PDFFilter, limit int, left *int64) error {
	if len(filters) > maxFilters {
		return &budgetError{obj: obj, filters: len(filters)}
	}
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
	if len(filters) == 0 {
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
