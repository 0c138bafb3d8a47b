package verify

import (
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// owner is a content stream that marked-content ids belong to: a page, or
// a form XObject with its own /StructParents.
// formWalk is a form XObject followed with a coverage and an owner.
type formWalk struct {
	nr      int
	covered bool
	o       *owner
}

type owner struct {
	where         string // "pagina 3" or "pagina 3, form XObject 12"
	obj           int
	structParents int // -1 when absent
	mcids         map[int]bool
}

// contentScan is what the page content streams say about marked content.
type contentScan struct {
	owners   []*owner
	byObj    map[int]*owner
	problems []string // content outside marked content, unbalanced BDC/EMC, …
}

// paints are the operators that put something on the page.
var paints = map[string]bool{
	"Tj": true, "TJ": true, "'": true, `"`: true, // text
	"S": true, "s": true, "f": true, "F": true, "f*": true, // paths
	"B": true, "B*": true, "b": true, "b*": true,
	"sh": true, "BI": true, // shading, inline image ("Do" is decided by the XObject)
}

type mcFrame struct {
	tag  string
	mcid int // -1 when none
}

// label names a marked-content sequence: "/P con MCID 3", "/Artifact".
func (f mcFrame) label() string {
	if f.mcid >= 0 {
		return fmt.Sprintf("/%s con MCID %d", f.tag, f.mcid)
	}
	return "/" + f.tag
}

// innermost is the nearest enclosing sequence that is an artifact or has
// an MCID, nil if none.
func innermost(stack []mcFrame) *mcFrame {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i].mcid >= 0 || stack[i].tag == "Artifact" {
			return &stack[i]
		}
	}
	return nil
}

func (c *checker) content() *contentScan {
	if c.marked != nil {
		return c.marked
	}
	cs := &contentScan{byObj: map[int]*owner{}}
	c.marked = cs
	for _, p := range c.pages() {
		o := &owner{where: p.where, obj: p.obj, structParents: -1, mcids: map[int]bool{}}
		if n, ok := c.integer(p.dict["StructParents"]); ok {
			o.structParents = n
		}
		cs.owners = append(cs.owners, o)
		if p.obj != 0 {
			cs.byObj[p.obj] = o
		}
		data, err := c.pageContent(p.dict)
		if err != "" {
			cs.problems = append(cs.problems, p.where+": "+err)
			continue
		}
		c.walkContent(cs, o, p.where, data, p.res, false, map[int]bool{}, 0)
	}
	return cs
}

// pageContent joins a page's content streams, decoded.
func (c *checker) pageContent(d types.Dict) ([]byte, string) {
	o := d["Contents"]
	var streams []types.Object
	if a := c.array(o); a != nil {
		streams = a
	} else if o != nil {
		streams = []types.Object{o}
	}
	var out []byte
	for _, s := range streams {
		b, err := c.stream(s)
		if err != "" {
			return nil, err
		}
		if len(out)+len(b) >= StreamBudget { // the streams of a page are one content
			panic(&budgetError{obj: objNr(s)})
		}
		out = append(append(out, b...), '\n')
	}
	return out, ""
}

func (c *checker) stream(o types.Object) ([]byte, string) {
	sd, _, err := c.ctx.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		return nil, fmt.Sprintf("il contenuto (oggetto %d) non è uno stream", objNr(o))
	}
	b, ok := c.decode(sd, objNr(o))
	if !ok {
		return nil, fmt.Sprintf("lo stream (oggetto %d) non si decomprime", objNr(o))
	}
	return b, ""
}

// walkContent follows one content stream. covered says whether the
// stream is drawn inside marked content already (a form XObject painted
// from inside a tagged or artifact sequence).
func (c *checker) walkContent(cs *contentScan, o *owner, where string, data []byte, res types.Dict, covered bool, forms map[int]bool, depth int) {
	var stack []mcFrame
	unmarked, first := 0, ""
	isCovered := func() bool {
		if covered {
			return true
		}
		for _, f := range stack {
			if f.mcid >= 0 || f.tag == "Artifact" {
				return true
			}
		}
		return false
	}
	paint := func(op string) {
		if !isCovered() {
			if unmarked == 0 {
				first = op
			}
			unmarked++
		}
	}
	err := operators(data, func(op string, args []any) {
		switch op {
		case "BMC", "BDC":
			f := mcFrame{mcid: -1}
			if len(args) > 0 {
				if n, ok := args[0].(name); ok {
					f.tag = string(n)
				}
			}
			if op == "BDC" && len(args) > 1 {
				f.mcid = c.mcid(args[1], res)
			}
			if enclosing := innermost(stack); enclosing != nil && (f.tag == "Artifact" && enclosing.mcid >= 0 || f.mcid >= 0 && enclosing.tag == "Artifact") {
				cs.problems = append(cs.problems, fmt.Sprintf("%s: %s dentro %s: artefatti e contenuto della struttura non si annidano l'uno nell'altro", where, f.label(), enclosing.label()))
			}
			if f.mcid >= 0 {
				if o.mcids[f.mcid] {
					cs.problems = append(cs.problems, fmt.Sprintf("%s: MCID %d usato due volte", where, f.mcid))
				}
				o.mcids[f.mcid] = true
			}
			stack = append(stack, f)
		case "EMC":
			if len(stack) == 0 {
				cs.problems = append(cs.problems, where+": EMC senza BMC/BDC")
				return
			}
			stack = stack[:len(stack)-1]
		case "Do":
			if len(args) == 0 {
				return
			}
			n, _ := args[0].(name)
			xo := c.dict(res)["XObject"]
			ref := c.dict(xo)[string(n)]
			sd, _, err := c.ctx.DereferenceStreamDict(ref)
			if err != nil || sd == nil {
				return
			}
			switch c.text(sd.Dict["Subtype"]) {
			case "Image":
				paint("Do")
			case "Form":
				nr := objNr(ref)
				if forms[nr] || depth > 16 {
					return // a form drawing itself: already reported or harmless
				}
				data, e := c.stream(ref)
				if e != "" {
					cs.problems = append(cs.problems, where+": "+e)
					return
				}
				fres := c.dict(sd.Dict["Resources"])
				if fres == nil {
					fres = res
				}
				fo := o
				if sp, ok := c.integer(sd.Dict["StructParents"]); ok {
					fo = cs.byObj[nr]
					if fo == nil {
						fo = &owner{where: fmt.Sprintf("%s, form XObject %d", where, nr), obj: nr, structParents: sp, mcids: map[int]bool{}}
						cs.owners = append(cs.owners, fo)
						cs.byObj[nr] = fo
					}
				}
				key := formWalk{nr, isCovered(), fo}
				if c.walked[key] {
					return
				}
				if c.walked == nil {
					c.walked = map[formWalk]bool{}
				}
				c.walked[key] = true
				forms[nr] = true
				c.walkContent(cs, fo, fmt.Sprintf("%s, form XObject %d", where, nr), data, fres, isCovered(), forms, depth+1)
				delete(forms, nr)
			}
		default:
			if paints[op] {
				paint(op)
			}
		}
	})
	if err != nil {
		cs.problems = append(cs.problems, fmt.Sprintf("%s: il contenuto non si legge (%v)", where, err))
	}
	if unmarked > 0 {
		cs.problems = append(cs.problems, fmt.Sprintf("%s: %s fuori da contenuto marcato, né nella struttura (MCID) né artefatto (il primo: %s)", where, plural(unmarked, "operatore di disegno", "operatori di disegno"), first))
	}
	if len(stack) > 0 {
		cs.problems = append(cs.problems, fmt.Sprintf("%s: %d BMC/BDC senza EMC", where, len(stack)))
	}
}

// mcid reads the MCID of a BDC property list, given inline or by name
// from the resources' /Properties; -1 if none.
func (c *checker) mcid(props any, res types.Dict) int {
	switch p := props.(type) {
	case map[string]any:
		if f, ok := p["MCID"].(float64); ok && f >= 0 && f == float64(int(f)) {
			return int(f)
		}
	case name:
		d := c.dict(c.dict(res["Properties"])[string(p)])
		if n, ok := c.integer(d["MCID"]); ok && n >= 0 {
			return n
		}
	}
	return -1
}
