package verify

import (
	"fmt"
	"sort"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

func (c *checker) fontRule() (string, []string) {
	c.scan()
	return fmt.Sprintf("%d font", c.fonts), c.fontProblems
}

func (c *checker) transparencyRule() (string, []string) { c.scan(); return "", c.transparency }
func (c *checker) annotationRule() (string, []string)   { c.scan(); return "", c.annotations }
func (c *checker) javascriptRule() (string, []string)   { c.scan(); return "", c.javascript }

// scan looks at every object of the file once: fonts, transparency,
// annotations and JavaScript can hide anywhere.
func (c *checker) scan() {
	if c.scanned {
		return
	}
	c.scanned = true
	nums := make([]int, 0, len(c.ctx.Table))
	for n := range c.ctx.Table {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		e := c.ctx.Table[n]
		if e == nil || e.Free || e.Object == nil {
			continue
		}
		o := e.Object
		if _, lazy := o.(types.LazyObjectStreamObject); lazy { // in an object stream
			o = c.deref(*types.NewIndirectRef(n, 0))
		}
		c.visit(fmt.Sprintf("oggetto %d", n), o, 0)
	}
	if names := c.dict(c.ctx.RootDict["Names"]); names != nil {
		if _, ok := names.Find("JavaScript"); ok {
			c.javascript = append(c.javascript, "il catalogo ha un albero /JavaScript")
		}
	}
}

func (c *checker) visit(where string, o types.Object, depth int) {
	if depth > 32 {
		return
	}
	var d types.Dict
	switch v := o.(type) {
	case types.Dict:
		d = v
	case types.StreamDict:
		d = v.Dict
	case types.Array:
		for _, e := range v {
			c.visit(where, e, depth+1)
		}
		return
	default:
		return
	}
	c.checkDict(where, d)
	for _, v := range d {
		switch v.(type) {
		case types.Dict, types.Array:
			c.visit(where, v, depth+1)
		}
	}
}

func (c *checker) checkDict(where string, d types.Dict) {
	typ := c.text(d["Type"])
	if s := c.text(d["S"]); s == "JavaScript" {
		c.javascript = append(c.javascript, where+": azione JavaScript")
	}
	if _, ok := d.Find("JS"); ok {
		c.javascript = append(c.javascript, where+": /JS")
	}
	if g := c.dict(d["Group"]); g != nil && c.text(g["S"]) == "Transparency" {
		c.transparency = append(c.transparency, where+": gruppo di trasparenza")
	}
	if sm, ok := d.Find("SMask"); ok {
		if n, isName := c.deref(sm).(types.Name); !isName || n.Value() != "None" {
			c.transparency = append(c.transparency, where+": SMask")
		}
	}
	for _, k := range []string{"CA", "ca"} {
		if v, ok := d.Find(k); ok {
			if f, isNum := number(c.deref(v)); isNum && f < 1 {
				c.transparency = append(c.transparency, fmt.Sprintf("%s: opacità /%s %.2f", where, k, f))
			}
		}
	}
	if typ == "Annot" || d["Subtype"] != nil && c.text(d["Subtype"]) == "Link" {
		f, _ := c.integer(d["F"])
		if f&4 == 0 || f&(1|2|32) != 0 {
			c.annotations = append(c.annotations, fmt.Sprintf("%s: annotazione %s con /F %d (serve il flag di stampa 4)", where, c.text(d["Subtype"]), f))
		}
	}
	if typ == "Font" {
		c.fonts++
		c.unicode(where, d)
		switch c.text(d["Subtype"]) {
		case "Type3":
		case "Type0":
			// The descendant font carries the descriptor; it is visited too.
		default:
			fd := c.dict(d["FontDescriptor"])
			if fd == nil {
				c.fontProblems = append(c.fontProblems, fmt.Sprintf("%s: il font %s non ha FontDescriptor (non incorporato)", where, c.fontName(d)))
				return
			}
			_, f1 := fd.Find("FontFile")
			_, f2 := fd.Find("FontFile2")
			_, f3 := fd.Find("FontFile3")
			if !f1 && !f2 && !f3 {
				c.fontProblems = append(c.fontProblems, fmt.Sprintf("%s: il font %s non è incorporato", where, c.fontName(d)))
			}
		}
	}
}

func (c *checker) unicodeRule() (string, []string) { c.scan(); return "", c.noUnicode }

// unicode checks that a font's text can be read as Unicode (PDF/UA-1
// §7.21.7): a ToUnicode map, or for a simple font a standard encoding.
// CIDFonts are reached through their Type0 font, which holds the map.
func (c *checker) unicode(where string, d types.Dict) {
	sub := c.text(d["Subtype"])
	if sub == "CIDFontType0" || sub == "CIDFontType2" {
		return
	}
	if _, ok := d.Find("ToUnicode"); ok {
		return
	}
	if sub != "Type0" && sub != "Type3" {
		switch c.text(d["Encoding"]) {
		case "WinAnsiEncoding", "MacRomanEncoding", "StandardEncoding":
			return
		}
		if e := c.dict(d["Encoding"]); e != nil && c.text(e["BaseEncoding"]) != "" {
			return
		}
	}
	c.noUnicode = append(c.noUnicode, fmt.Sprintf("%s: il font %s (%s) non ha /ToUnicode: un lettore di schermo non ne legge il testo", where, c.fontName(d), sub))
}

// fontName is a font's BaseFont, or /Name for a Type3 font.
func (c *checker) fontName(d types.Dict) string {
	for _, k := range []string{"BaseFont", "Name"} {
		if n := c.text(d[k]); n != "" {
			return n
		}
	}
	return "senza nome"
}

func number(o types.Object) (float64, bool) {
	switch v := o.(type) {
	case types.Integer:
		return float64(v), true
	case types.Float:
		return float64(v), true
	}
	return 0, false
}
