package verify

import (
	"fmt"
	"regexp"
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
	} else {
		if b, ok := c.deref(mi["Marked"]).(types.Boolean); !ok || !b.Value() {
			bad = append(bad, "/MarkInfo non ha /Marked true")
		}
		if b, ok := c.deref(mi["Suspects"]).(types.Boolean); ok && b.Value() {
			bad = append(bad, "/MarkInfo ha /Suspects true: la marcatura è dichiarata inaffidabile")
		}
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
	// From the content to the tree. Each owner has its own key: owners
	// sharing one are said once, and the key's array is read once (a
	// thousand pages on one long array would take a million steps).
	keyOf := map[int]*owner{}
	for _, o := range cs.owners {
		if len(o.mcids) == 0 {
			continue
		}
		if o.structParents < 0 {
			bad = append(bad, fmt.Sprintf("%s: usa MCID ma non ha /StructParents", o.where))
			continue
		}
		if first := keyOf[o.structParents]; first != nil {
			bad = append(bad, fmt.Sprintf("%s: ha lo stesso /StructParents %d di %s", o.where, o.structParents, first.where))
			continue
		}
		keyOf[o.structParents] = o
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

// has says whether the element holds the MCID on that owner (a set made
// on first use: an element may hold every MCID of a page).
func (e *elem) has(owner, mcid int) bool {
	if e.mcidSet == nil {
		e.mcidSet = make(map[mcr]bool, len(e.mcids))
		for _, m := range e.mcids {
			e.mcidSet[m] = true
		}
	}
	return e.mcidSet[mcr{owner, mcid}]
}

func sortedKeys(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
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
		if f, _ := c.integer(a["F"]); sub == "Popup" || sub == "PrinterMark" || f&2 != 0 {
			return // not content (PDF/UA-1 7.18.1)
		}
		where := fmt.Sprintf("%s, annotazione %s (oggetto %d)", p.where, sub, obj)
		e := objr[obj]
		described := strings.TrimSpace(c.text(a["Contents"])) != ""
		switch {
		case sub == "Link":
			n++
			if !described {
				bad = append(bad, where+": senza /Contents (il testo che un lettore di schermo annuncia)")
			}
		case sub != "Widget" && !described && (e == nil || strings.TrimSpace(c.text(e.dict["Alt"])) == ""):
			bad = append(bad, where+": senza /Contents né /Alt nell'elemento che la contiene")
		}
		if obj == 0 || e == nil {
			bad = append(bad, where+": non è nella struttura (nessun OBJR la indica)")
			return
		}
		want := map[string]string{"Link": "Link", "Widget": "Form"}[sub]
		if want == "" {
			want = "Annot"
		}
		if e.typ != want {
			bad = append(bad, fmt.Sprintf("%s: l'OBJR è in %s, non in un elemento %s", where, c.elemWhere(e), want))
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
	l := strings.TrimSpace(c.text(c.ctx.RootDict["Lang"]))
	switch {
	case l == "":
		return "", problem("il catalogo non ha /Lang")
	case !langTag.MatchString(l):
		return "", problem("/Lang %q non è un codice di lingua (come it-IT)", l)
	}
	return l, nil
}

// langTag is the shape of a BCP 47 language tag (RFC 5646), loosely.
var langTag = regexp.MustCompile(`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`)

func (c *checker) uaid() (string, []string) {
	if c.xmpErr != nil {
		return "", problem("nessun XMP: %v", c.xmpErr)
	}
	if c.xmp.UAPart != "1" {
		return "", problem("pdfuaid:part %q, atteso 1", c.xmp.UAPart)
	}
	return "PDF/UA-1", nil
}
