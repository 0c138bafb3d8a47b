package verify

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// This file holds what preflight makes of the cross-references, tables
// and streams alike: how many objects they list, and the bytes pdfcpu will
// parse at each offset in use.

// MaxObjects bounds the objects a file's cross-references may list: pdfcpu
// makes an entry for each (about 250 bytes), and a stream of a few
// kilobytes can list millions. A 10,000-page pegpdf booklet has 456,389.
const MaxObjects = 2_000_000

// entries counts n more listed objects, and charges what pdfcpu will
// parse at each offset in use: from the offset to "endobj" or "stream",
// as many times as it is listed. A few hundred entries pointing at one big
// object would otherwise have it parsed, and held, a few hundred times.
func (p *pre) entries(obj int, offsets []int, n int) error {
	if p.objects += n; p.objects > MaxObjects {
		where := ""
		if obj != 0 {
			where = fmt.Sprintf(" (oggetto %d)", obj)
		}
		return &ReadError{Msg: fmt.Sprintf("i riferimenti incrociati del PDF%s elencano più di %d oggetti (file anomalo o malevolo): il file non viene controllato", where, MaxObjects)}
	}
	for _, off := range offsets {
		for _, at := range []int{off, off + p.shift} {
			if err := p.charge(at, &p.parseLeft, errRepeated); err != nil {
				return err
			}
			if p.shift == 0 {
				break
			}
		}
	}
	return nil
}

// extent is what pdfcpu's parser costs on one object: its bytes, 2^depth
// times with a mistake under depth dictionaries.
type extent struct{ cost, depth int }

// charge counts against *left what pdfcpu's parser costs on the object at
// at, measured once; over is the error when *left runs out.
func (p *pre) charge(at int, left *int64, over error) error {
	x, ok := p.extents[at]
	if !ok {
		e := objectExtent(p.data, at)
		x = extent{cost: e}
		if k := malformedDepth(p.data, at, at+e, true); k > 0 {
			x = extent{parseCost(e, k), k}
		}
		p.extents[at] = x
	}
	if x.depth > 0 && int64(x.cost) > *left {
		return deepError(x.depth)
	}
	if *left -= int64(x.cost); *left < 0 {
		return over
	}
	return nil
}

var errRepeated = &ReadError{Msg: "i riferimenti incrociati del PDF rimandano molte volte agli stessi byte (file anomalo o malevolo): il file non viene controllato"}

// objectExtent is how far pdfcpu reads an object at i, past strings and
// comments: to "endobj" followed by white space, or to "stream" followed
// by white space right after the end of a dictionary. It must never stop
// before pdfcpu does: a mistake after the end it finds costs 2^k unseen
// (at a name like /streamX it stopped, and pdfcpu read on).
func objectExtent(d []byte, i int) int {
	if i < 0 {
		return 0
	}
	start := i
	for i < len(d) {
		switch d[i] {
		case '%':
			for i < len(d) && d[i] != '\n' && d[i] != '\r' {
				i++
			}
			continue
		case '(':
			i = stringEnd(d, i)
			continue
		case 'e':
			if bytes.HasPrefix(d[i:], []byte("endobj")) && keywordEnds(d, i+len("endobj")) {
				return i - start
			}
		case 's':
			if bytes.HasPrefix(d[i:], []byte("stream")) && keywordEnds(d, i+len("stream")) && afterDict(d, start, i) {
				return i - start
			}
		}
		i++
	}
	return i - start
}

// keywordEnds says whether a keyword ending at j ends there for pdfcpu:
// white space (Unicode's, a byte taken as a rune) or a null byte follows.
func keywordEnds(d []byte, j int) bool {
	return j >= len(d) || d[j] == 0 || unicode.IsSpace(rune(d[j]))
}

// afterDict says whether only white space is between ">>" and d[i], within
// d[start:i]: pdfcpu takes "stream" for the keyword only there.
func afterDict(d []byte, start, i int) bool {
	for i > start && strings.IndexByte("\t\n\v\f\r ", d[i-1]) >= 0 {
		i--
	}
	return i-2 >= start && d[i-2] == '>' && d[i-1] == '>'
}

// xrefTable reads a cross-reference table's subsections after "xref" at
// i: the offsets of the objects in use, and how many entries it has.
func (p *pre) xrefTable(i int) (offsets []int, n int) {
	d := p.data
	for {
		first, ok1 := p.integerAt(i)
		i = p.blank(i)
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
		count, ok2 := p.integerAt(i)
		if !ok1 || !ok2 || first < 0 || count < 0 {
			return offsets, n
		}
		i = p.blank(i)
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
		for k := 0; k < count; k++ {
			i = p.blank(i)
			if i+18 > len(d) || p.lexLeft < 0 {
				return offsets, n
			}
			line := d[i : i+18] // "oooooooooo ggggg n"
			off, err := strconv.Atoi(string(line[:10]))
			if err != nil {
				return offsets, n
			}
			n++
			if line[17] == 'n' {
				offsets = append(offsets, off)
			}
			i += 18
		}
	}
}

// rows reads a cross-reference stream's rows as they are decoded: how
// many, and the offsets of the objects in use (type 1).
type rows struct {
	w       []int
	width   int
	row     []byte
	n       int
	offsets []int
}

// xrefRows is a reader of the rows of a stream with /W, nil otherwise.
func xrefRows(d types.Dict) *rows {
	a, ok := d["W"].(types.Array)
	if !ok || len(a) != 3 {
		return nil
	}
	r := &rows{}
	for _, o := range a {
		v, ok := o.(types.Integer)
		if !ok || v < 0 || v > 8 {
			return nil
		}
		r.w = append(r.w, int(v))
		r.width += int(v)
	}
	if r.width == 0 {
		return nil
	}
	return r
}

func (r *rows) Write(p []byte) (int, error) {
	for _, b := range p {
		r.row = append(r.row, b)
		if len(r.row) < r.width {
			continue
		}
		field := func(from, w int) int {
			v := 0
			for _, c := range r.row[from : from+w] {
				v = v<<8 | int(c)
			}
			return v
		}
		typ := 1
		if r.w[0] > 0 {
			typ = field(0, r.w[0])
		}
		if typ == 1 {
			r.offsets = append(r.offsets, field(r.w[0], r.w[1]))
		}
		r.n++
		r.row = r.row[:0]
		if r.n > MaxObjects {
			return 0, errTooMany
		}
	}
	return len(p), nil
}

var errTooMany = errors.New("too many rows")
