package verify

// The rules on structure elements: their types, headings, tables, figures.

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

func (c *checker) types() (string, []string) {
	t := c.structure()
	if t.root == nil {
		return "", []string{noTree}
	}
	var bad []string
	for k, v := range t.roles {
		if standard[k] {
			bad = append(bad, fmt.Sprintf("la RoleMap ridefinisce il tipo standard %s come %s", k, c.text(v)))
		}
	}
	for _, e := range t.elems {
		if !standard[e.typ] {
			bad = append(bad, fmt.Sprintf("%s: tipo %q non standard e non ricondotto a uno standard dalla RoleMap", c.elemWhere(e), e.raw))
		}
	}
	sort.Strings(bad)
	return "", bad
}

// level is n for Hn (1–6), 0 for anything else.
func level(typ string) int {
	if len(typ) == 2 && typ[0] == 'H' && typ[1] >= '1' && typ[1] <= '6' {
		return int(typ[1] - '0')
	}
	return 0
}

func (c *checker) headings() (string, []string) {
	t := c.structure()
	if t.root == nil {
		return "", []string{noTree}
	}
	var bad []string
	prev, count, generic := 0, 0, false
	for _, e := range t.elems {
		if e.typ == "H" {
			generic = true
		}
		n := level(e.typ)
		if n == 0 {
			continue
		}
		count++
		switch {
		case prev == 0 && n != 1:
			bad = append(bad, fmt.Sprintf("%s: il primo titolo è H%d, deve essere H1", c.elemWhere(e), n))
		case prev > 0 && n > prev+1:
			bad = append(bad, fmt.Sprintf("%s: H%d dopo H%d (livello saltato: manca H%d)", c.elemWhere(e), n, prev, prev+1))
		}
		prev = n
	}
	if generic && count > 0 {
		bad = append(bad, "la struttura mescola titoli H e titoli numerati H1–H6")
	}
	return plural(count, "titolo", "titoli"), bad
}

func (c *checker) tables() (string, []string) {
	t := c.structure()
	if t.root == nil {
		return "", []string{noTree}
	}
	var bad []string
	n := 0
	for _, e := range t.elems {
		if e.typ != "Table" {
			continue
		}
		n++
		if !hasTH(e, 0) {
			bad = append(bad, fmt.Sprintf("%s: tabella senza celle di intestazione TH", c.elemWhere(e)))
			continue
		}
		if headers := c.cells(e, "TD", "Headers", 0); len(headers) == 0 {
			for _, th := range c.cells(e, "TH", "", 0) {
				if c.attribute(th, "Scope") == "" {
					bad = append(bad, fmt.Sprintf("%s: cella TH senza /Scope (né /Headers nelle TD)", c.elemWhere(th)))
				}
			}
		}
	}
	return plural(n, "tabella", "tabelle"), bad
}

// hasTH looks for a TH in a table, not in the tables nested in it.
func hasTH(e *elem, depth int) bool {
	for _, k := range e.kids {
		if k.typ == "TH" || k.typ != "Table" && depth < 64 && hasTH(k, depth+1) {
			return true
		}
	}
	return false
}

func (c *checker) regularTables() (string, []string) {
	t := c.structure()
	if t.root == nil {
		return "", []string{noTree}
	}
	var bad []string
	for _, e := range t.elems {
		if e.typ != "Table" {
			continue
		}
		if msg := c.regular(e); msg != "" {
			bad = append(bad, fmt.Sprintf("%s: %s", c.elemWhere(e), msg))
		}
	}
	return "", bad
}

// regular says how a table's rows differ in width (cells, counting
// ColSpan, and cells spanning down with RowSpan), "" if they agree.
func (c *checker) regular(table *elem) string {
	var rows []*elem
	var collect func(e *elem, depth int)
	collect = func(e *elem, depth int) {
		for _, k := range e.kids {
			switch {
			case k.typ == "TR":
				rows = append(rows, k)
			case (k.typ == "THead" || k.typ == "TBody" || k.typ == "TFoot") && depth < 2:
				collect(k, depth+1)
			}
		}
	}
	collect(table, 0)
	// Columns taken by cells spanning from the rows above: what changes at
	// each row (+span on the row below a cell, -span past its last row),
	// summed as the rows go.
	delta := map[int]int{}
	carry, width := 0, -1
	for i, r := range rows {
		carry += delta[i]
		w := carry
		for _, cell := range r.kids {
			span := max(1, c.intAttribute(cell, "ColSpan"))
			w += span
			if down := min(c.intAttribute(cell, "RowSpan"), 1000); down > 1 {
				delta[i+1] += span
				delta[i+down] -= span
			}
		}
		if width < 0 {
			width = w
		} else if w != width {
			return fmt.Sprintf("la riga %d ha %s, la prima %d (una cella che occupa più colonne deve dirlo con /ColSpan)", i+1, plural(w, "colonna", "colonne"), width)
		}
	}
	return ""
}

// maxAttributes bounds the attribute dictionaries read of an element: a
// real one has a few (one per owner, with revision numbers); a crafted
// array shared by every cell of a table would be read once per cell.
const maxAttributes = 32

// attributes is an element's /A as a list, at most maxAttributes long.
func (c *checker) attributes(e *elem) types.Array {
	a := e.dict["A"]
	list := c.array(a)
	if list == nil {
		list = types.Array{a}
	}
	return list[:min(len(list), maxAttributes)]
}

func (c *checker) intAttribute(e *elem, key string) int {
	for _, x := range c.attributes(e) {
		if n, ok := c.integer(c.dict(x)[key]); ok {
			return n
		}
	}
	return 0
}

// cells lists the cells of type typ in a table (not in nested tables);
// with attr, only those that have that attribute.
func (c *checker) cells(e *elem, typ, attr string, depth int) []*elem {
	var out []*elem
	for _, k := range e.kids {
		switch {
		case k.typ == typ && (attr == "" || c.attribute(k, attr) != ""):
			out = append(out, k)
		case k.typ != "Table" && depth < 64:
			out = append(out, c.cells(k, typ, attr, depth+1)...)
		}
	}
	return out
}

// attribute reads a Table attribute of an element (/A, a dictionary or an
// array of them, possibly with revision numbers), "" if absent.
func (c *checker) attribute(e *elem, key string) string {
	for _, x := range c.attributes(e) {
		d := c.dict(x)
		if d == nil {
			continue
		}
		if v, ok := d.Find(key); ok {
			if s := c.text(v); s != "" {
				return s
			}
			if arr := c.array(v); len(arr) > 0 {
				return "array"
			}
		}
	}
	return ""
}

func (c *checker) figures() (string, []string) {
	t := c.structure()
	if t.root == nil {
		return "", []string{noTree}
	}
	var bad []string
	n := 0
	for _, e := range t.elems {
		if e.typ != "Figure" {
			continue
		}
		n++
		if strings.TrimSpace(c.text(e.dict["Alt"])) == "" {
			bad = append(bad, fmt.Sprintf("%s: figura senza testo alternativo (/Alt)", c.elemWhere(e)))
		}
	}
	return plural(n, "figura", "figure"), bad
}

// parents and children are the nesting rules of ISO 32000-1 §14.8.4 for
// tables, lists and tables of contents (PDF/UA-1 §7.2): where an element
// may stand, and what it may hold.
var (
	parents = map[string][]string{
		"TR": {"Table", "THead", "TBody", "TFoot"}, "TH": {"TR"}, "TD": {"TR"},
		"THead": {"Table"}, "TBody": {"Table"}, "TFoot": {"Table"},
		"LI": {"L"}, "LBody": {"LI"}, "Lbl": {"LI", "TOCI"}, "TOCI": {"TOC"},
	}
	children = map[string][]string{
		"Table": {"TR", "THead", "TBody", "TFoot", "Caption"},
		"THead": {"TR"}, "TBody": {"TR"}, "TFoot": {"TR"}, "TR": {"TH", "TD"},
		"L": {"L", "LI", "Caption"}, "LI": {"Lbl", "LBody"},
		"TOC": {"TOC", "TOCI", "Caption"},
	}
)

func (c *checker) nesting() (string, []string) {
	t := c.structure()
	if t.root == nil {
		return "", []string{noTree}
	}
	var bad []string
	for _, e := range t.elems {
		if want, ok := parents[e.typ]; ok {
			p := ""
			if e.parent != nil {
				p = e.parent.typ
			}
			if !slices.Contains(want, p) {
				where := "alla radice della struttura"
				if p != "" {
					where = "dentro " + p
				}
				bad = append(bad, fmt.Sprintf("%s: %s sta %s, deve stare in %s", c.elemWhere(e), e.typ, where, strings.Join(want, " o ")))
			}
		}
		if allowed, ok := children[e.typ]; ok {
			for _, k := range e.kids {
				if !slices.Contains(allowed, k.typ) {
					bad = append(bad, fmt.Sprintf("%s: contiene %s, ammessi solo %s", c.elemWhere(e), k.typ, strings.Join(allowed, ", ")))
				}
			}
		}
	}
	return "", bad
}
