package verify

import (
	"fmt"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// elem is one structure element.
type elem struct {
	obj     int    // object number, 0 if direct
	typ     string // standard type, after the RoleMap
	raw     string // type as written (/S)
	dict    types.Dict
	page    int // object number of /Pg, inherited from the parent
	parent  *elem
	kids    []*elem
	mcids   []mcr
	mcidSet map[mcr]bool // mcids as a set, made by has
	objrs   []int        // object numbers of the OBJR's /Obj
}

// mcr is a marked-content reference: an MCID on a page or form stream.
type mcr struct {
	owner int // object number of the page (or of the form for /Stm)
	mcid  int
}

// where says where an element is: its page when known, and its object.
func (c *checker) elemWhere(e *elem) string {
	s := fmt.Sprintf("%s (oggetto %d)", e.typ, e.obj)
	if e.obj == 0 {
		s = e.typ + " (diretto)"
	}
	if p := c.pageOf(firstPage(e, 0)); p != "" {
		return p + ", " + s
	}
	return s
}

// firstPage is the page an element starts on: its first marked content's,
// else its /Pg, else its first kid's.
func firstPage(e *elem, depth int) int {
	if len(e.mcids) > 0 {
		return e.mcids[0].owner
	}
	if e.page != 0 || depth > 64 {
		return e.page
	}
	for _, k := range e.kids {
		if p := firstPage(k, depth+1); p != 0 {
			return p
		}
	}
	return 0
}

// structTree is the document's logical structure, in reading order.
type structTree struct {
	root     types.Dict
	elems    []*elem // depth first: the reading order
	byObj    map[int]*elem
	parent   map[int]types.Object // the ParentTree: key -> value
	roles    types.Dict           // the RoleMap
	problems []string             // a tree that cannot be walked as written
}

func (c *checker) structure() *structTree {
	if c.tree != nil {
		return c.tree
	}
	t := &structTree{byObj: map[int]*elem{}, parent: map[int]types.Object{}}
	c.tree = t
	t.root = c.dict(c.ctx.RootDict["StructTreeRoot"])
	if t.root == nil {
		return t
	}
	roles := c.dict(t.root["RoleMap"])
	t.roles = roles
	std := func(s string) string {
		for i := 0; i < 8 && !standard[s]; i++ {
			m := c.text(roles[s])
			if m == "" || m == s {
				break
			}
			s = m
		}
		return s
	}
	seen := map[int]bool{}
	var walk func(parent *elem, k types.Object, depth int)
	walk = func(parent *elem, k types.Object, depth int) {
		if depth > 256 {
			t.problems = append(t.problems, "la struttura è annidata oltre 256 livelli")
			return
		}
		if n := objNr(k); n != 0 {
			if seen[n] {
				t.problems = append(t.problems, fmt.Sprintf("l'oggetto %d compare due volte nella struttura", n))
				return
			}
			seen[n] = true
		}
		switch v := c.deref(k).(type) {
		case types.Array:
			for _, x := range v {
				walk(parent, x, depth+1)
			}
		case types.Integer:
			if parent != nil {
				parent.mcids = append(parent.mcids, mcr{parent.page, int(v)})
			}
		case types.Dict:
			switch c.text(v["Type"]) {
			case "MCR":
				if parent == nil {
					return
				}
				m := mcr{owner: parent.page, mcid: -1}
				if pg := objNr(v["Pg"]); pg != 0 {
					m.owner = pg
				}
				if stm := objNr(v["Stm"]); stm != 0 {
					m.owner = stm
				}
				if n, ok := c.integer(v["MCID"]); ok {
					m.mcid = n
				}
				parent.mcids = append(parent.mcids, m)
			case "OBJR":
				if parent != nil {
					parent.objrs = append(parent.objrs, objNr(v["Obj"]))
				}
			default:
				raw := c.text(v["S"])
				e := &elem{obj: objNr(k), typ: std(raw), raw: raw, dict: v, parent: parent}
				if parent != nil {
					e.page = parent.page
					parent.kids = append(parent.kids, e)
				}
				if pg := objNr(v["Pg"]); pg != 0 {
					e.page = pg
				}
				t.elems = append(t.elems, e)
				if e.obj != 0 {
					t.byObj[e.obj] = e
				}
				walk(e, v["K"], depth+1)
			}
		}
	}
	walk(nil, t.root["K"], 0)
	c.numberTree(t, t.root["ParentTree"], map[int]bool{}, 0)
	return t
}

// numberTree collects a number tree's /Nums, following /Kids.
func (c *checker) numberTree(t *structTree, o types.Object, seen map[int]bool, depth int) {
	if n := objNr(o); depth > 32 || n != 0 && seen[n] {
		return
	} else if n != 0 {
		seen[n] = true
	}
	d := c.dict(o)
	if d == nil {
		return
	}
	nums := c.array(d["Nums"])
	for i := 0; i+1 < len(nums); i += 2 {
		if k, ok := c.integer(nums[i]); ok {
			t.parent[k] = nums[i+1]
		}
	}
	for _, kid := range c.array(d["Kids"]) {
		c.numberTree(t, kid, seen, depth+1)
	}
}

// standard are the standard structure types of ISO 32000-1 §14.8.4.
var standard = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
		P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot
		Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP
		Figure Formula Form`) {
		standard[s] = true
	}
}
