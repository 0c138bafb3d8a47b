package pdfasm

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io"
	"runtime"
	"slices"
	"strconv"
	"sync"
)

// A tagged booklet has tens of thousands of small objects — its structure
// elements — which a classic cross-reference table and uncompressed
// dictionaries would make cost more than the pages themselves. A document
// that is not PDF/A is therefore written compact (ISO 32000-1 §7.5.7,
// §7.5.8, PDF 1.5 and later): every object that is not a stream packed in
// compressed object streams, and a cross-reference stream. PDF/A documents
// keep the classic table (joinPDF), which every PDF/A validator accepts,
// including PDF/A-1 ones that refuse cross-reference streams.

// objectsPerStream bounds an object stream: large enough to compress well,
// small enough that a reader unpacks little to reach one object.
const objectsPerStream = 400

// objectRun is n objects numbered from first, none a stream, whose
// bodies ("N 0 obj … endobj") write appends to b, object first+i for i:
// made when they are packed, never all at once.
type objectRun struct {
	first, n int
	write    func(b []byte, i int) []byte
}

// objects makes the run's objects.
func (r objectRun) objects() []pdfObject {
	out := make([]pdfObject, r.n)
	var b []byte
	for i := range r.n {
		if cap(b)-len(b) < 2<<10 {
			b = make([]byte, 0, 256<<10)
		}
		s := len(b)
		b = r.write(b, i)
		out[i] = pdfObject{num: r.first + i, body: b[s:len(b):len(b)]}
	}
	return out
}

// joinCompact writes the header, the objects and a cross-reference stream
// whose dictionary holds the trailer entries (trailer: "/Root … /Info …
// /ID […]", without the /Size). The objects keep (the Info dictionary and
// the catalog) stay out of the object streams, readable by tools that do
// not parse PDF. It consumes objs: their bodies are let go as they are
// packed.
func joinCompact(header []byte, objs []pdfObject, trailer string, keep ...int) []byte {
	var b bytes.Buffer
	joinCompactTo(&b, header, objs, objectRun{}, 0, func(string) string { return trailer }, keep...) // a bytes.Buffer does not fail
	return b.Bytes()
}

// joinCompactTo is joinCompact writing to w, with the objects of run
// before objs[at], and the trailer made from the document's /ID: the
// first 16 bytes of the SHA-256 of every object's body in order, in hex.
// The objects are hashed and packed in one pass, in order; a booklet is
// never held whole in memory a second time.
func joinCompactTo(w io.Writer, header []byte, objs []pdfObject, run objectRun, at int, trailer func(id string) string, keep ...int) error {
	packs := func(o pdfObject) bool {
		return o.stream == nil && !slices.Contains(keep, o.num) && !bytes.Contains(o.body, streamKw)
	}
	maxNum, n := 0, run.n // streams stay objects of their own; the others are packed
	if run.n > 0 {
		maxNum = run.first + run.n - 1
	}
	for _, o := range objs {
		maxNum = max(maxNum, o.num)
		if packs(o) {
			n++
		}
	}
	groups := (n + objectsPerStream - 1) / objectsPerStream
	xrefNum := maxNum + 1 + groups
	size := xrefNum + 1

	// The cross-reference stream's data, filled in place: per object, its
	// type, field 2 and field 3 (W [1 4 2]).
	xref := make([]byte, 7*size)
	entry := func(n int, typ byte, f2 uint32, f3 uint16) {
		e := xref[7*n : 7*n+7]
		e[0] = typ
		binary.BigEndian.PutUint32(e[1:], f2)
		binary.BigEndian.PutUint16(e[5:], f3)
	}
	entry(0, 0, 0, 65535)

	// The object streams, compressed on every core (a sheet's one on the
	// caller's, fast), with compressors kept between documents. Each group
	// is let go once compressed.
	streams := make([]pdfObject, groups)
	pool := &compressors
	if groups == 1 {
		pool = &fastCompressors // a sheet: its few kilobytes, fast
	}
	type job struct {
		i    int
		objs []pdfObject
	}
	workers := min(runtime.GOMAXPROCS(0), groups)
	jobs := make(chan job, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			c := pool.Get().(*compressor)
			for j := range jobs {
				streams[j.i] = objectStream(maxNum+1+j.i, j.objs, c.zw, &c.buf)
				clear(j.objs)
			}
			pool.Put(c)
		})
	}
	sum := sha256.New()
	var direct []pdfObject
	group := make([]pdfObject, 0, min(n, objectsPerStream))
	g := 0
	var made []byte // the bodies of the current group's run objects
	add := func(o pdfObject) {
		sum.Write(o.body)
		sum.Write(o.stream)
		if !packs(o) {
			direct = append(direct, o)
			return
		}
		entry(o.num, 2, uint32(maxNum+1+g), uint16(len(group)))
		group = append(group, o)
		if len(group) == objectsPerStream {
			jobs <- job{g, group}
			g++
			group, made = make([]pdfObject, 0, objectsPerStream), nil
		}
	}
	for i := 0; i <= len(objs); i++ {
		if i == at {
			for k := range run.n {
				if made == nil {
					made = make([]byte, 0, 64<<10)
				}
				s := len(made)
				made = run.write(made, k)
				add(pdfObject{num: run.first + k, body: made[s:len(made):len(made)]})
			}
		}
		if i < len(objs) {
			add(objs[i])
			objs[i] = pdfObject{}
		}
	}
	if len(group) > 0 {
		jobs <- job{g, group}
	}
	close(jobs)
	wg.Wait()
	id := hex.EncodeToString(sum.Sum(nil)[:16])

	total := len(header)
	for _, o := range direct {
		total += len(o.body) + len(o.stream)
	}
	for _, s := range streams {
		total += len(s.body)
	}
	out := &countWriter{}
	if b, ok := w.(*bytes.Buffer); ok {
		b.Grow(total + 7*size/2 + 256)
		out.w = b
	} else {
		bw := bufio.NewWriterSize(w, 64<<10)
		out.w, out.flush = bw, bw.Flush
	}
	out.Write(header)
	for _, o := range direct {
		entry(o.num, 1, uint32(out.n), 0)
		out.Write(o.body)
		out.Write(o.stream)
	}
	for _, s := range streams {
		entry(s.num, 1, uint32(out.n), 0)
		out.Write(s.body)
	}
	xrefAt := out.n
	entry(xrefNum, 1, uint32(xrefAt), 0)
	c := fastCompressors.Get().(*compressor)
	defer fastCompressors.Put(c)
	z := &c.buf
	z.Reset()
	c.zw.Reset(z)
	c.zw.Write(xref)
	c.zw.Close()
	out.WriteString(strconv.Itoa(xrefNum))
	out.WriteString(" 0 obj\n<</Type /XRef /Size ")
	out.WriteString(strconv.Itoa(size))
	out.WriteString(" /W [1 4 2] ")
	out.WriteString(trailer(id))
	out.WriteString(" /Filter /FlateDecode /Length ")
	out.WriteString(strconv.Itoa(z.Len()))
	out.WriteString(">>\nstream\n")
	out.Write(z.Bytes())
	out.WriteString("\nendstream\nendobj\nstartxref\n")
	out.WriteString(strconv.Itoa(xrefAt))
	out.WriteString("\n%%EOF\n")
	if out.err == nil && out.flush != nil {
		out.err = out.flush()
	}
	return out.err
}

// countWriter counts what it writes and keeps the first error.
type countWriter struct {
	w     io.Writer
	flush func() error
	n     int
	err   error
}

func (c *countWriter) Write(p []byte) {
	if c.err == nil {
		var k int
		k, c.err = c.w.Write(p)
		c.n += k
	}
}

func (c *countWriter) WriteString(s string) {
	if c.err == nil {
		var k int
		k, c.err = io.WriteString(c.w, s)
		c.n += k
	}
}

// objectStream packs objects (none a stream) into object stream num,
// compressed with zw writing to z.
func objectStream(num int, objs []pdfObject, zw *zlib.Writer, z *bytes.Buffer) pdfObject {
	head := make([]byte, 0, 14*len(objs))
	at := 0
	for _, o := range objs {
		head = strconv.AppendInt(head, int64(o.num), 10)
		head = append(head, ' ')
		head = strconv.AppendInt(head, int64(at), 10)
		head = append(head, ' ')
		at += len(objectValue(o.body)) + 1
	}
	z.Reset()
	zw.Reset(z)
	zw.Write(head)
	for _, o := range objs {
		zw.Write(objectValue(o.body))
		zw.Write(newline)
	}
	zw.Close()
	b := make([]byte, 0, z.Len()+80)
	b = strconv.AppendInt(b, int64(num), 10)
	b = append(b, " 0 obj\n<</Type /ObjStm /N "...)
	b = strconv.AppendInt(b, int64(len(objs)), 10)
	b = append(b, " /First "...)
	b = strconv.AppendInt(b, int64(len(head)), 10)
	b = append(b, " /Filter /FlateDecode /Length "...)
	b = strconv.AppendInt(b, int64(z.Len()), 10)
	b = append(b, ">>\nstream\n"...)
	b = append(b, z.Bytes()...)
	b = append(b, "\nendstream\nendobj\n"...)
	return pdfObject{num: num, body: b}
}

// objectValue is the value of an "N 0 obj … endobj".
func objectValue(body []byte) []byte {
	if i := bytes.Index(body, []byte(" obj")); i >= 0 {
		body = body[i+len(" obj"):]
	}
	if j := bytes.LastIndex(body, []byte("endobj")); j >= 0 {
		body = body[:j]
	}
	return bytes.TrimSpace(body)
}

var newline = []byte{'\n'}

// compressor is a zlib writer and its buffer, reused: a new writer costs
// more than compressing a sheet's objects.
type compressor struct {
	buf bytes.Buffer
	zw  *zlib.Writer
}

// compressors hold compressors at level 2: a 1,000-objective booklet in
// 7.1 MB; level 1 gives 7.4 MB, level 6 6.9 MB for about 0.1 s more.
var compressors = sync.Pool{New: func() any {
	c := &compressor{}
	c.zw, _ = zlib.NewWriterLevel(&c.buf, 2)
	return c
}}

// fastCompressors, at zlib's fastest level, compress the cross-reference
// stream and the one object stream of a sheet.
var fastCompressors = sync.Pool{New: func() any {
	c := &compressor{}
	c.zw, _ = zlib.NewWriterLevel(&c.buf, zlib.BestSpeed)
	return c
}}
