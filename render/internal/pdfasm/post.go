package pdfasm

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strconv"

	"golang.org/x/sync/errgroup"
)

// The PDF library writes its streams uncompressed (it would create a new
// compressor for every page, which costs more than drawing the page); this
// pass compresses them afterwards, on every core, with one reused
// compressor per core, and rebuilds the cross-reference table.

var errLayout = errors.New("pdfasm: unexpected PDF layout from the PDF library")

// pdfObject is one "N 0 obj … endobj" of the file, as bytes.
type pdfObject struct {
	num  int
	body []byte
	// stream, when set, is the rest of the object after body: the stream
	// of an object Merge renumbered, kept where it was instead of copied.
	stream []byte
}

// splitPDF cuts a classic PDF with a cross-reference table into its
// header, objects (in file order) and trailer dictionary text.
func splitPDF(pdf []byte) (header []byte, objs []pdfObject, trailer []byte, err error) {
	sx := bytes.LastIndex(pdf, []byte("startxref"))
	if sx < 0 {
		return nil, nil, nil, errLayout
	}
	xrefAt, _ := leadingInt(bytes.TrimLeft(pdf[sx+len("startxref"):], "\r\n "))
	if xrefAt <= 0 || xrefAt >= sx || !bytes.HasPrefix(pdf[xrefAt:], []byte("xref\n0 ")) {
		return nil, nil, nil, errLayout
	}
	rest := pdf[xrefAt+len("xref\n0 "):]
	count, n := leadingInt(rest)
	if count < 1 || n >= len(rest) || rest[n] != '\n' {
		return nil, nil, nil, errLayout
	}
	entries := rest[n+1:]
	if len(entries) < 20*count {
		return nil, nil, nil, errLayout
	}
	type at struct{ num, off int }
	var offs []at
	for i := 1; i < count; i++ {
		e := entries[20*i : 20*i+20]
		if e[17] != 'n' {
			continue
		}
		off, n := leadingInt(e[:10])
		if n != 10 || off <= 0 || off >= xrefAt {
			return nil, nil, nil, errLayout
		}
		offs = append(offs, at{i, off})
	}
	if len(offs) == 0 {
		return nil, nil, nil, errLayout
	}
	sort.Slice(offs, func(i, j int) bool { return offs[i].off < offs[j].off })
	for i, o := range offs {
		end := xrefAt
		if i+1 < len(offs) {
			end = offs[i+1].off
		}
		if objs == nil {
			objs = make([]pdfObject, 0, len(offs))
		}
		objs = append(objs, pdfObject{num: o.num, body: pdf[o.off:end]})
	}
	tr := entries[20*count:]
	t0 := bytes.Index(tr, []byte("trailer"))
	t1 := bytes.LastIndex(tr, []byte("startxref"))
	if t0 < 0 || t1 < t0 {
		return nil, nil, nil, errLayout
	}
	// The header is copied: a slice of pdf would keep the whole of it alive.
	return bytes.Clone(pdf[:offs[0].off]), objs, tr[t0+len("trailer") : t1], nil
}

// joinPDF writes the header, the objects and a fresh cross-reference table
// (numbers without an object are free entries) and trailer.
func joinPDF(header []byte, objs []pdfObject, trailer []byte) []byte {
	size := len(header) + len(trailer) + 64
	maxNum := 0
	for _, o := range objs {
		size += len(o.body) + len(o.stream)
		maxNum = max(maxNum, o.num)
	}
	size += 20 * (maxNum + 1) // the cross-reference table, free entries too
	out := bytes.NewBuffer(make([]byte, 0, size))
	out.Write(header)
	offsets := make([]int, maxNum+1)
	for _, o := range objs {
		offsets[o.num] = out.Len()
		out.Write(o.body)
		out.Write(o.stream)
	}
	xref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n", maxNum+1)
	// Free entries form a list from entry 0, each pointing to the next.
	nextFree := func(n int) int {
		for m := n + 1; m <= maxNum; m++ {
			if offsets[m] == 0 {
				return m
			}
		}
		return 0
	}
	fmt.Fprintf(out, "%010d 65535 f \n", nextFree(0))
	for n := 1; n <= maxNum; n++ {
		if offsets[n] == 0 {
			fmt.Fprintf(out, "%010d 00001 f \n", nextFree(n))
			continue
		}
		fmt.Fprintf(out, "%010d 00000 n \n", offsets[n])
	}
	out.WriteString("trailer")
	out.Write(trailer)
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", xref)
	return out.Bytes()
}

var (
	streamKw    = []byte("stream\n")
	endstreamKw = []byte("\nendstream")
	lengthKey   = []byte("/Length ")
	filterKey   = []byte("/Filter")
)

// compressObjects deflates every stream that has no filter yet, at zlib's
// fastest level, on every core. Every body it leaves is a copy of its own, so that the library's output, which
// splitPDF's objects are slices of, can be let go at once.
func compressObjects(objs []pdfObject) error {
	workers := min(runtime.GOMAXPROCS(0), max(1, len(objs)/64))
	var g errgroup.Group
	g.SetLimit(workers)
	for w := range workers {
		g.Go(func() error {
			c := fastCompressors.Get().(*compressor) // a new one costs more than a page
			defer fastCompressors.Put(c)
			for i := w; i < len(objs); i += workers {
				body, err := compressObject(objs[i].body, c.zw, &c.buf)
				if err != nil {
					return fmt.Errorf("object %d: %w", objs[i].num, err)
				}
				if len(body) > 0 && len(objs[i].body) > 0 && &body[0] == &objs[i].body[0] {
					body = bytes.Clone(body) // unchanged: copy it out of the library's buffer
				}
				objs[i].body = body
			}
			return nil
		})
	}
	return g.Wait()
}

func compressObject(body []byte, zw *zlib.Writer, buf *bytes.Buffer) ([]byte, error) {
	s := bytes.Index(body, streamKw)
	if s < 0 {
		return body, nil
	}
	dict := body[:s]
	if bytes.Contains(dict, filterKey) {
		return body, nil
	}
	l := bytes.Index(dict, lengthKey)
	if l < 0 {
		return nil, errLayout
	}
	numEnd := l + len(lengthKey)
	for numEnd < len(dict) && dict[numEnd] >= '0' && dict[numEnd] <= '9' {
		numEnd++
	}
	n, err := strconv.Atoi(string(dict[l+len(lengthKey) : numEnd]))
	start := s + len(streamKw)
	if err != nil || start+n > len(body) || !bytes.HasPrefix(body[start+n:], endstreamKw) {
		return nil, errLayout
	}
	buf.Reset()
	zw.Reset(buf)
	if _, err := zw.Write(body[start : start+n]); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(body)-n+buf.Len()+24)
	out = append(out, dict[:l]...)
	out = append(out, "/Filter /FlateDecode /Length "...)
	out = strconv.AppendInt(out, int64(buf.Len()), 10)
	out = append(out, dict[numEnd:]...)
	out = append(out, streamKw...)
	out = append(out, buf.Bytes()...)
	out = append(out, body[start+n:]...)
	return out, nil
}

// leadingInt reads the decimal digits at the start of b: the value and how
// many bytes they took (0 when b does not start with a digit).
func leadingInt(b []byte) (int, int) {
	v, n := 0, 0
	for n < len(b) && n < 18 && b[n] >= '0' && b[n] <= '9' {
		v = v*10 + int(b[n]-'0')
		n++
	}
	return v, n
}

// compressObjectOnce deflates the stream of one object with a compressor of
// its own.
func compressObjectOnce(body []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
	return compressObject(body, zw, &buf)
}
