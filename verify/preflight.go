package verify

import (
	"bytes"
	"fmt"
	"io"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// This file holds preflight's scan of the whole file: the offsets the
// cross-references point at, the streams pdfcpu would decode itself, and
// the cross-reference tables, each charged against the budgets before
// pdfcpu reads a byte. The pieces it uses are in rawdict.go (reading the
// raw bytes), xref.go (what the cross-references list) and syntaxdepth.go
// (what a syntax mistake costs pdfcpu's parser).

// pdfcpu decodes two kinds of streams itself while it reads a file, with
// no limit: cross-reference streams (the object at a startxref, /Prev or
// /XRefStm offset, whatever its type) and object streams (/Type /ObjStm).
// preflight finds them in the bytes before pdfcpu does, the way pdfcpu
// parses them, and decodes them within the budgets, keeping nothing: a
// bomb among them stops the check before pdfcpu inflates it.
//
// It looks at every "N G obj" in the file, not only where the
// cross-reference table points (a table can point anywhere, even inside
// another stream), so its work is bounded apart: the dictionaries it reads,
// and the blanks and comments it skips to find them, may not add up to
// more than twice the file (plus 1 MB); objects written inside each other
// (or inside one comment) to make it read the same bytes again and again
// are refused.
func preflight(data []byte, left *int64) error {
	p := &pre{data: data, lexLeft: 2*int64(len(data)) + 1<<20, parseLeft: 2*int64(len(data)) + 1<<20, foundLeft: 2*int64(len(data)) + 1<<20, extents: map[int]extent{}}
	p.shift = max(bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-")), 0)
	offsets := map[int]bool{}
	addOffset := func(n int) {
		offsets[n], offsets[n+p.shift] = true, true
	}
	// startxref N, anywhere.
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("startxref"))
		if j < 0 {
			break
		}
		i += j + len("startxref")
		if n, ok := p.integerAt(i); ok {
			addOffset(n)
		}
	}
	// trailer << … /Prev N /XRefStm N >>
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("trailer"))
		if j < 0 {
			break
		}
		i += j + len("trailer")
		from, end, err := p.dictSpan(i)
		if err != nil {
			return err
		}
		var d types.Dict
		if end >= 0 {
			if d, err = p.dict(from, end); err != nil {
				return err
			}
		}
		for _, k := range []string{"Prev", "XRefStm"} {
			if n := d.IntEntry(k); n != nil {
				addOffset(*n)
			}
		}
	}
	// The stream objects.
	type candidate struct {
		nr, at, data int // object number, offset of "N G obj", start of the stream's data
		dict         types.Dict
	}
	var streams []candidate
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("obj"))
		if j < 0 {
			break
		}
		i += j + len("obj")
		nr, at, ok := p.header(i - len("obj"))
		if !ok {
			continue
		}
		// pdfcpu parses it if it rebuilds a broken cross-reference table.
		if err := p.charge(at, &p.foundLeft, errOverlap); err != nil {
			return err
		}
		from, end, err := p.dictSpan(i)
		if err != nil {
			return err
		}
		if end < 0 {
			continue
		}
		start, ok := p.streamAt(end)
		if p.lexLeft < 0 {
			return errOverlap
		}
		if !ok {
			continue
		}
		d, err := p.dict(from, end)
		if err != nil {
			return err
		}
		if d == nil {
			continue
		}
		for _, k := range []string{"Prev", "XRefStm"} {
			if n := d.IntEntry(k); n != nil {
				addOffset(*n)
			}
		}
		streams = append(streams, candidate{nr, at, start, d})
	}
	for _, s := range streams {
		typ := s.dict.NameEntry("Type")
		if !offsets[s.at] && (typ == nil || *typ != "XRef" && *typ != "ObjStm") {
			continue
		}
		raw := data[s.data:]
		if n := s.dict.IntEntry("Length"); n != nil && *n >= 0 && *n < len(raw) {
			raw = raw[:*n]
		}
		filters, ok := filterPipeline(s.dict)
		if !ok {
			return &ReadError{Msg: fmt.Sprintf("oggetto %d: i filtri del flusso non sono scritti nel suo dizionario: il file non viene controllato", s.nr)}
		}
		var w io.Writer = io.Discard
		rows := xrefRows(s.dict)
		if rows != nil {
			w = rows
		}
		// pdfcpu parses the objects of an object stream while it reads:
		// their syntax is checked as the other objects' is (see entries).
		var objects *growing
		if typ != nil && *typ == "ObjStm" {
			objects = &growing{limit: StreamBudget + 64<<10}
			w = objects
		}
		if err := decodeTo(w, s.nr, raw, filters, StreamBudget, left); err != nil {
			if over, ok := err.(*budgetError); ok {
				return &ReadError{Msg: over.Error(), Err: over}
			}
			// Not decodable: pdfcpu will say so in its way.
		}
		if rows != nil {
			if err := p.entries(s.nr, rows.offsets, rows.n); err != nil {
				return err
			}
		}
		if first := s.dict.IntEntry("First"); objects != nil && first != nil && *first >= 0 && *first < len(objects.b) {
			if k := malformedDepth(objects.b, *first, len(objects.b), false); k > 0 {
				if p.parseLeft -= int64(parseCost(len(objects.b)-*first, k)); p.parseLeft < 0 {
					return deepError(k)
				}
			}
		}
	}
	// Cross-reference tables: "xref", then "first count" and count lines.
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("xref"))
		if j < 0 {
			break
		}
		i += j + len("xref")
		if i-len("xref") >= 5 && string(data[i-9:i-4]) == "start" {
			continue
		}
		offs, n := p.xrefTable(i)
		if p.lexLeft < 0 {
			return errOverlap
		}
		if err := p.entries(0, offs, n); err != nil {
			return err
		}
	}
	return nil
}

// pre is the state of a preflight.
type pre struct {
	data    []byte
	shift   int   // where "%PDF-" is: pdfcpu counts offsets from there
	lexLeft int64 // bytes the dictionaries, and the blanks before them, may still take
	// What the cross-references list: objects, and the bytes pdfcpu will
	// parse (at most twice the file, plus 1 MB), each offset's extent
	// measured once.
	objects   int
	parseLeft int64
	extents   map[int]extent
	// What pdfcpu parses of the objects found by their header "N G obj"
	// when it rebuilds a broken cross-reference table, and what preflight
	// parses of their dictionaries (at most twice the file, plus 1 MB).
	foundLeft int64
}

var errOverlap = &ReadError{Msg: "il PDF ha oggetti scritti uno dentro l'altro (file anomalo o malevolo): il file non viene controllato"}
