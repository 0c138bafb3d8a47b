package pdfasm

import (
	"bytes"
	"sort"
	"strconv"
)

// Union makes a document (the PDF library's output, parsed) that embeds,
// for each font named, one subset holding the characters given: faces are
// named by their PostScript name (the BaseFont without a subset tag).
type Union func(faces map[string][]rune) (*Part, error)

// Merge joins documents drawn in parts into one: the objects of each part
// after the first are renumbered after the previous parts', every page
// hangs from the first part's Pages root, and each face of the font is
// embedded once, as one subset of the characters of every part (made by
// union), its objects where the first part that used it had them. When
// the fonts cannot be joined, each part keeps its own. The parts are
// consumed: their objects are let go as they are merged.
func Merge(parts []*Part, union Union) *Part {
	if len(parts) == 1 {
		return parts[0]
	}
	offsets := make([]int, len(parts))
	total := 0
	for i, p := range parts {
		if i > 0 {
			offsets[i] = offsets[i-1] + maxNum(parts[i-1].objs)
		}
		total += len(p.objs)
	}
	uf := unifyFonts(parts, offsets, union)
	m := *parts[0]
	m.objs = make([]pdfObject, 0, total)
	m.kids = nil
	m.contents = map[int]int{}
	for i, p := range parts {
		offset := offsets[i]
		skip := map[int]bool{}
		if i > 0 {
			skip[p.pagesNum], skip[p.infoNum], skip[p.rootNum] = true, true, true
		}
		for n := range uf.drop[i] {
			skip[n] = true
		}
		re := func(n int) int {
			if i > 0 && n == p.pagesNum {
				return m.pagesNum
			}
			if t, ok := uf.to[i][n]; ok {
				return t
			}
			return n + offset
		}
		for _, o := range p.objs {
			switch body, replaced := uf.bodies[i][o.num]; {
			case skip[o.num]:
			case replaced:
				m.objs = append(m.objs, pdfObject{num: re(o.num), body: body})
			case i == 0 && len(uf.to[0]) == 0:
				m.objs = append(m.objs, o)
			default:
				m.objs = append(m.objs, renumbered(o, re))
			}
		}
		for _, k := range p.kids {
			m.kids = append(m.kids, re(k))
			m.contents[re(k)] = re(p.contents[k])
		}
		p.objs = nil // merged: let the part go
	}
	return &m
}

// unified says, per part, how its fonts become one per face: objects to
// drop, references to redirect (part's number -> merged number) and
// bodies to put in place of the home part's font objects.
type unified struct {
	drop   []map[int]bool
	to     []map[int]int
	bodies []map[int][]byte
}

// unifyFonts plans the merge of the parts' fonts: the first part that has
// a face is its home, its font objects receive the subset of the union of
// the characters of all parts (embedded by union), and the other
// parts' copies of that face are dropped, their references sent home.
// When anything is unexpected, every part keeps its own fonts: a valid
// document still, only larger.
func unifyFonts(parts []*Part, offsets []int, union Union) unified {
	u := unified{drop: make([]map[int]bool, len(parts)), to: make([]map[int]int, len(parts)), bodies: make([]map[int][]byte, len(parts))}
	keep := u // nil maps: every part keeps its fonts
	type home struct {
		part int
		f    embeddedFont
	}
	homes := map[string]home{}
	runes := map[string]map[rune]bool{}
	perPart := make([][]embeddedFont, len(parts))
	for i, p := range parts {
		index := p.indexed()
		fonts, err := findFonts(p.objs, index)
		if err != nil {
			return keep
		}
		perPart[i] = fonts
		for _, f := range fonts {
			if f.base == "" {
				return keep
			}
			gm, err := glyphMapOf(p.objs[index[f.cidToGID]].body)
			if err != nil {
				return keep
			}
			if _, ok := homes[f.base]; !ok {
				homes[f.base] = home{i, f}
				runes[f.base] = map[rune]bool{}
			}
			for _, e := range gm {
				runes[f.base][e.R] = true
			}
		}
	}
	sorted := map[string][]rune{}
	for b, set := range runes {
		for r := range set {
			sorted[b] = append(sorted[b], r)
		}
		sort.Slice(sorted[b], func(i, j int) bool { return sorted[b][i] < sorted[b][j] })
	}
	if len(sorted) == 0 {
		return keep // no fonts
	}
	objs, index, fonts, err := unionFonts(union, sorted)
	if err != nil {
		return keep
	}
	for b := range homes {
		if _, ok := fonts[b]; !ok {
			return keep
		}
	}
	for i := range parts {
		u.drop[i], u.to[i], u.bodies[i] = map[int]bool{}, map[int]int{}, map[int][]byte{}
		for _, f := range perPart[i] {
			h := homes[f.base]
			if h.part == i {
				from, to := fonts[f.base].objects(), f.objects()
				move := map[int]int{}
				for k := range from {
					move[from[k]] = to[k] + offsets[i]
				}
				for k := range from {
					body := objs[index[from[k]]].body
					u.bodies[i][to[k]] = renumber(body, func(n int) int {
						if t, ok := move[n]; ok {
							return t
						}
						return n
					})
				}
				continue
			}
			for _, n := range f.objects() {
				u.drop[i][n] = true
			}
			u.to[i][f.type0] = h.f.type0 + offsets[h.part]
		}
	}
	return u
}

// renumbered is o with its number and the references of its dictionary
// rewritten; its stream, if any, is not copied but kept as o.stream.
func renumbered(o pdfObject, re func(int) int) pdfObject {
	dict, rest := o.body, o.stream
	if s := bytes.Index(o.body, streamKw); s >= 0 && o.stream == nil {
		dict, rest = o.body[:s], o.body[s:]
	}
	return pdfObject{num: re(o.num), body: renumber(dict, re), stream: rest}
}

// renumber rewrites the object number and the references in the
// dictionary part of an object (never inside its stream).
func renumber(body []byte, re func(int) int) []byte {
	dict, rest := body, []byte(nil)
	if s := bytes.Index(body, streamKw); s >= 0 {
		dict, rest = body[:s], body[s:]
	}
	sp := bytes.IndexByte(dict, ' ')
	num, _ := strconv.Atoi(string(dict[:sp]))
	out := make([]byte, 0, len(body)+16)
	out = strconv.AppendInt(out, int64(re(num)), 10)
	out = append(out, refRE.ReplaceAllFunc(dict[sp:], func(ref []byte) []byte {
		n, _ := strconv.Atoi(string(ref[:bytes.IndexByte(ref, ' ')]))
		return []byte(strconv.Itoa(re(n)) + " 0 R")
	})...)
	return append(out, rest...)
}
