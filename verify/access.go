package verify

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

const noTree = "il PDF non ha /StructTreeRoot (non è marcato): manca la struttura da controllare"

func (c *checker) tagged() (string, []string) {
	var bad []string
	mi := c.dict(c.ctx.RootDict["MarkInfo"])
	if mi == nil {
		bad = append(bad, "il catalogo non ha /MarkInfo")
	} else if b, ok := c.deref(mi["Marked"]).(types.Boolean); !ok || !b.Value() {
		bad = append(bad, "/MarkInfo non ha /Marked true")
	}
	t := c.structure()
	if t.root == nil {
		bad = append(bad, "il catalogo non ha /StructTreeRoot")
	} else if len(t.elems) == 0 {
		bad = append(bad, "lo StructTreeRoot non ha elementi (/K vuoto)")
	}
	bad = append(bad, t.problems...)
	if len(bad) > 0 {
		return "", bad
	}
	return plural(len(t.elems), "elemento", "elementi") + " di struttura", nil
}

func (c *checker) markedContent() (string, []string) {
	cs := c.content()
	return plural(len(c.pages()), "pagina", "pagine"), cs.problems
}

func (c *checker) parentTree() (string, []string) {
	t := c.structure()
	if t.root == nil {
		return "", []string{noTree}
	}
	cs := c.content()
	if _, ok := t.root.Find("ParentTree"); !ok {
		return "", problem("lo StructTreeRoot non ha /ParentTree")
	}
	var bad []string
	// From the content to the tree.
	for _, o := range cs.owners {
		if len(o.mcids) == 0 {
			continue
		}
		if o.structParents < 0 {
			bad = append(bad, fmt.Sprintf("%s: usa MCID ma non ha /StructParents", o.where))
			continue
		}
		arr := c.array(t.parent[o.structParents])
		if arr == nil {
			bad = append(bad, fmt.Sprintf("%s: il ParentTree non ha un array per /StructParents %d", o.where, o.structParents))
			continue
		}
		for _, m := range sortedKeys(o.mcids) {
			if m >= len(arr) || c.deref(arr[m]) == nil {
				bad = append(bad, fmt.Sprintf("%s: MCID %d non è nel ParentTree (/StructParents %d)", o.where, m, o.structParents))
				continue
			}
			e := t.byObj[objNr(arr[m])]
			if e == nil {
				bad = append(bad, fmt.Sprintf("%s: per MCID %d il ParentTree punta all'oggetto %d, che non è un elemento della struttura", o.where, m, objNr(arr[m])))
				continue
			}
			if !e.has(o.obj, m) {
				bad = append(bad, fmt.Sprintf("%s: per MCID %d il ParentTree punta a %s, che non ha quell'MCID nel /K", o.where, m, c.elemWhere(e)))
			}
		}
		for i, v := range arr {
			if c.deref(v) != nil && !o.mcids[i] {
				bad = append(bad, fmt.Sprintf("%s: il ParentTree (/StructParents %d) ha MCID %d, che il contenuto non usa", o.where, o.structParents, i))
			}
		}
	}
	// From the tree to the content.
	for _, e := range t.elems {
		for _, m := range e.mcids {
			o := cs.byObj[m.owner]
			switch {
			case m.mcid < 0:
				bad = append(bad, fmt.Sprintf("%s: riferimento a contenuto marcato senza MCID", c.elemWhere(e)))
			case m.owner == 0:
				bad = append(bad, fmt.Sprintf("%s: MCID %d senza pagina (/Pg)", c.elemWhere(e), m.mcid))
			case o == nil:
				bad = append(bad, fmt.Sprintf("%s: MCID %d su un oggetto %d che non è una pagina", c.elemWhere(e), m.mcid, m.owner))
			case !o.mcids[m.mcid]:
				bad = append(bad, fmt.Sprintf("%s: MCID %d, che il contenuto di %s non usa", c.elemWhere(e), m.mcid, o.where))
			}
		}
	}
	return "", bad
}

func (e *elem) has(owner, mcid int) bool {
	for _, m := range e.mcids {
		if m.owner == owner && m.mcid == mcid {
			return true
		}
	}
	return false
}

func sortedKeys(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

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
	a := e.dict["A"]
	list := c.array(a)
	if list == nil {
		list = types.Array{a}
	}
	for _, x := range list {
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

// annots calls fn for each annotation of each page, with its object number
// (0 when written directly in /Annots).
func (c *checker) annots(fn func(p *page, obj int, a types.Dict)) {
	for _, p := range c.pages() {
		for _, o := range c.array(p.dict["Annots"]) {
			if a := c.dict(o); a != nil {
				fn(p, objNr(o), a)
			}
		}
	}
}

func (c *checker) links() (string, []string) {
	t := c.structure()
	objr := map[int]*elem{}
	for _, e := range t.elems {
		for _, n := range e.objrs {
			objr[n] = e
		}
	}
	var bad []string
	n := 0
	c.annots(func(p *page, obj int, a types.Dict) {
		sub := c.text(a["Subtype"])
		if sub == "Popup" {
			return
		}
		where := fmt.Sprintf("%s, annotazione %s (oggetto %d)", p.where, sub, obj)
		if sub == "Link" {
			n++
			if strings.TrimSpace(c.text(a["Contents"])) == "" {
				bad = append(bad, where+": senza /Contents (il testo che un lettore di schermo annuncia)")
			}
		}
		e := objr[obj]
		if obj == 0 || e == nil {
			bad = append(bad, where+": non è nella struttura (nessun OBJR la indica)")
			return
		}
		if sub == "Link" && e.typ != "Link" {
			bad = append(bad, fmt.Sprintf("%s: l'OBJR è in %s, non in un elemento Link", where, c.elemWhere(e)))
		}
		sp, ok := c.integer(a["StructParent"])
		if !ok {
			bad = append(bad, where+": senza /StructParent")
		} else if objNr(t.parent[sp]) != e.obj {
			bad = append(bad, fmt.Sprintf("%s: il ParentTree per /StructParent %d non indica l'elemento che ha l'OBJR", where, sp))
		}
	})
	return plural(n, "collegamento", "collegamenti"), bad
}

func (c *checker) tabs() (string, []string) {
	var bad []string
	counted := map[int]bool{}
	c.annots(func(p *page, _ int, _ types.Dict) {
		if counted[p.n] {
			return
		}
		counted[p.n] = true
		if tab := c.text(p.dict["Tabs"]); tab != "S" {
			bad = append(bad, fmt.Sprintf("%s: ha annotazioni ma /Tabs è %q, non /S", p.where, tab))
		}
	})
	return "", bad
}

func (c *checker) title() (string, []string) {
	var bad []string
	var info types.Dict
	if c.ctx.Info != nil {
		info = c.dict(*c.ctx.Info)
	}
	title := strings.TrimSpace(c.text(info["Title"]))
	if title == "" {
		bad = append(bad, "Info non ha /Title")
	}
	if c.xmpErr != nil {
		bad = append(bad, fmt.Sprintf("nessun dc:title: %v", c.xmpErr))
	} else if c.xmp.Title == "" {
		bad = append(bad, "l'XMP non ha dc:title")
	}
	vp := c.dict(c.ctx.RootDict["ViewerPreferences"])
	if b, ok := c.deref(vp["DisplayDocTitle"]).(types.Boolean); !ok || !b.Value() {
		bad = append(bad, "/ViewerPreferences non ha /DisplayDocTitle true (il lettore mostrerebbe il nome del file)")
	}
	if r := []rune(title); len(r) > 60 {
		title = string(r[:59]) + "…"
	}
	return title, bad
}

func (c *checker) lang() (string, []string) {
	if l := strings.TrimSpace(c.text(c.ctx.RootDict["Lang"])); l != "" {
		return l, nil
	}
	return "", problem("il catalogo non ha /Lang")
}

func (c *checker) uaid() (string, []string) {
	if c.xmpErr != nil {
		return "", problem("nessun XMP: %v", c.xmpErr)
	}
	if c.xmp.UAPart != "1" {
		return "", problem("pdfuaid:part %q, atteso 1", c.xmp.UAPart)
	}
	return "PDF/UA-1", nil
}
