package verify

import (
	"bytes"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// This file holds preflight's readers of the raw bytes: an object header,
// an integer, the span of a dictionary, the keyword stream, and a
// dictionary and its filters read as pdfcpu reads them.

// header says whether the "obj" at i ends an object header "N G obj",
// and gives N and where the header starts.
func (p *pre) header(i int) (nr, at int, ok bool) {
	d := p.data
	if e := i + 3; e < len(d) && !isSpace(d[e]) && !isDelim(d[e]) {
		return 0, 0, false
	}
	j := i
	digits := func() (int, bool) {
		end := j
		for j > 0 && d[j-1] >= '0' && d[j-1] <= '9' && end-j < 10 {
			j--
		}
		if j == end {
			return 0, false
		}
		n, err := strconv.Atoi(string(d[j:end]))
		return n, err == nil
	}
	spaces := func() bool {
		end := j
		for j > 0 && isSpace(d[j-1]) && end-j < 16 {
			j--
		}
		return j < end
	}
	if !spaces() {
		return 0, 0, false
	}
	if _, ok := digits(); !ok || !spaces() {
		return 0, 0, false
	}
	nr, ok = digits()
	if !ok || j > 0 && !isSpace(d[j-1]) && !isDelim(d[j-1]) {
		return 0, 0, false
	}
	return nr, j, true
}

// integerAt reads an integer after white space at i.
func (p *pre) integerAt(i int) (int, bool) {
	d := p.data
	for i < len(d) && isSpace(d[i]) {
		i++
	}
	j := i
	for j < len(d) && j-i < 12 && d[j] >= '0' && d[j] <= '9' {
		j++
	}
	n, err := strconv.Atoi(string(d[i:j]))
	return n, err == nil
}

// dictSpan finds the dictionary that starts after white space and
// comments at i, if any: from where to where (end -1 if none).
func (p *pre) dictSpan(i int) (from, end int, err error) {
	d := p.data
	if i = p.blank(i); p.lexLeft < 0 {
		return i, -1, errOverlap
	}
	if i+1 >= len(d) || d[i] != '<' || d[i+1] != '<' {
		return i, -1, nil
	}
	end = dictEnd(d, i, &p.lexLeft)
	if p.lexLeft < 0 {
		return i, -1, errOverlap
	}
	return i, end, nil
}

// dict parses the dictionary at data[from:end] as parseDict does, after
// counting against foundLeft what a mistake in it costs pdfcpu's parser
// (2^k parses for one under k dictionaries).
func (p *pre) dict(from, end int) (types.Dict, error) {
	if k := malformedDepth(p.data, from, end, false); k > 0 {
		if p.foundLeft -= int64(parseCost(end-from, k)); p.foundLeft < 0 {
			return nil, deepError(k)
		}
	}
	return parseDict(p.data[from:end]), nil
}

// parseDict parses a dictionary with pdfcpu's own parser, as pdfcpu
// will; nil if it is not one.
func parseDict(b []byte) (dict types.Dict) {
	defer func() {
		if recover() != nil { // on bytes pdfcpu would parse anyway; still, never a crash
			dict = nil
		}
	}()
	s := string(b)
	o, _ := model.ParseObject(&s)
	dict, _ = o.(types.Dict)
	return dict
}

// blank is skipBlank on the file, counting what it skips against the
// bytes preflight may read: a keyword written again and again inside one
// long comment would otherwise have the rest of the comment skipped as
// many times.
func (p *pre) blank(i int) int {
	j := skipBlank(p.data, i)
	p.lexLeft -= int64(j - i)
	return j
}

func skipBlank(d []byte, i int) int {
	for i < len(d) {
		switch {
		case isSpace(d[i]):
			i++
		case d[i] == '%':
			for i < len(d) && d[i] != '\n' && d[i] != '\r' {
				i++
			}
		default:
			return i
		}
	}
	return i
}

// dictEnd finds the end of the dictionary that starts at i ("<<"), past
// strings and comments, counting each byte it reads against *left; -1 if
// it does not end.
func dictEnd(d []byte, i int, left *int64) int {
	depth := 0
	start := i
	defer func() { *left -= int64(i - start) }()
	for i < len(d) {
		if int64(i-start) > *left {
			return -1
		}
		switch c := d[i]; c {
		case '%':
			for i < len(d) && d[i] != '\n' && d[i] != '\r' {
				i++
			}
		case '(':
			nest := 0
			for ; i < len(d); i++ {
				if d[i] == '\\' {
					i++
				} else if d[i] == '(' {
					nest++
				} else if d[i] == ')' {
					if nest--; nest == 0 {
						break
					}
				}
			}
			i++
		case '<':
			if i+1 < len(d) && d[i+1] == '<' {
				depth++
				i += 2
				continue
			}
			for i < len(d) && d[i] != '>' {
				i++
			}
			i++
		case '>':
			if i+1 < len(d) && d[i+1] == '>' {
				depth--
				i += 2
				if depth == 0 {
					return i
				}
				continue
			}
			i++
		default:
			i++
		}
	}
	return -1
}

// streamAt says whether the keyword "stream" follows at i, and where its
// data starts.
func (p *pre) streamAt(i int) (int, bool) {
	d := p.data
	i = p.blank(i)
	if !bytes.HasPrefix(d[i:], []byte("stream")) {
		return 0, false
	}
	i += len("stream")
	if bytes.HasPrefix(d[i:], []byte("\r\n")) {
		return i + 2, true
	}
	if i < len(d) && (d[i] == '\n' || d[i] == '\r') {
		return i + 1, true
	}
	return i, true
}

// filterPipeline reads /Filter and /DecodeParms, written directly.
func filterPipeline(d types.Dict) ([]types.PDFFilter, bool) {
	o, found := d.Find("Filter")
	if !found {
		return nil, true
	}
	var names types.Array
	switch v := o.(type) {
	case types.Name:
		names = types.Array{v}
	case types.Array:
		names = v
	default:
		return nil, false
	}
	parms, _ := d.Find("DecodeParms")
	var out []types.PDFFilter
	for i, n := range names {
		name, ok := n.(types.Name)
		if !ok {
			return nil, false
		}
		f := types.PDFFilter{Name: name.Value()}
		switch v := parms.(type) {
		case types.Dict:
			if len(names) == 1 {
				f.DecodeParms = v
			}
		case types.Array:
			if i < len(v) {
				f.DecodeParms, _ = v[i].(types.Dict)
			}
		}
		out = append(out, f)
	}
	return out, true
}
