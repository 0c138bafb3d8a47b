package verify

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// checker holds one file and what has been learnt of it; each part is
// computed once, when a rule first needs it.
type checker struct {
	ctx  *model.Context
	data []byte
	// left is what is left of the file's budget of decoded bytes.
	left int64

	// walked are the form XObjects already followed, each with the owner
	// and the coverage it was followed with: following it again would find
	// the same, and a chain of forms drawing the next one many times would
	// otherwise cost exponential time.
	walked map[formWalk]bool

	xmp    *xmpPacket
	xmpErr error

	scanned                                             bool
	fontProblems, transparency, annotations, javascript []string
	noUnicode                                           []string
	fonts                                               int

	pageList  []*page
	pageByObj map[int]string
	tree      *structTree
	marked    *contentScan
}

// newChecker checks ctx, read from data, with left bytes of the file's
// budget of decoded bytes still to spend.
func newChecker(ctx *model.Context, data []byte, left int64) *checker {
	c := &checker{ctx: ctx, data: data, left: left}
	c.xmp, c.xmpErr = c.metadata()
	return c
}

// Claims is what a file says it is.
type Claims struct {
	PDFA   string // "2a", "2b", … from pdfaid:part and conformance; "" if none
	UA     string // pdfuaid:part, "1" for PDF/UA-1; "" if none
	Tagged bool   // /MarkInfo /Marked true
}

// String says the claims in Italian.
func (c Claims) String() string {
	var parts []string
	if c.PDFA != "" {
		parts = append(parts, "PDF/A-"+c.PDFA)
	}
	if c.UA != "" {
		parts = append(parts, "PDF/UA-"+c.UA)
	}
	s := "dichiara " + strings.Join(parts, " e ")
	if len(parts) == 0 {
		s = "non dichiara né PDF/A né PDF/UA"
	}
	if c.Tagged {
		return s + "; marcato (tagged)"
	}
	return s + "; non marcato (untagged)"
}

func (c *checker) claims() Claims {
	var cl Claims
	if p := c.xmp; p != nil {
		if p.Part != "" {
			cl.PDFA = p.Part + strings.ToLower(p.Conformance)
		}
		cl.UA = p.UAPart
	}
	if mi := c.dict(c.ctx.RootDict["MarkInfo"]); mi != nil {
		b, ok := c.deref(mi["Marked"]).(types.Boolean)
		cl.Tagged = ok && b.Value()
	}
	return cl
}

// decode undoes a stream's filters within the budgets (see StreamBudget);
// ok is false when they cannot be undone. Past a budget it panics with the
// *budgetError, which Inspect turns into its error: the file is not
// checked further.
func (c *checker) decode(sd *types.StreamDict, obj int) (b []byte, ok bool) {
	b, err := decodeStream(obj, sd.Raw, sd.FilterPipeline, StreamBudget, &c.left)
	var over *budgetError
	if errors.As(err, &over) {
		panic(over)
	}
	return b, err == nil
}

func (c *checker) deref(o types.Object) types.Object {
	if o == nil {
		return nil
	}
	d, err := c.ctx.Dereference(o)
	if err != nil {
		return nil
	}
	return d
}

func (c *checker) dict(o types.Object) types.Dict {
	switch v := c.deref(o).(type) {
	case types.Dict:
		return v
	case types.StreamDict:
		return v.Dict
	}
	return nil
}

func (c *checker) array(o types.Object) types.Array {
	a, _ := c.deref(o).(types.Array)
	return a
}

func (c *checker) text(o types.Object) string {
	switch v := c.deref(o).(type) {
	case types.StringLiteral:
		s, _ := types.StringLiteralToString(v)
		return s
	case types.HexLiteral:
		s, _ := types.HexLiteralToString(v)
		return s
	case types.Name:
		return v.Value()
	}
	return ""
}

func (c *checker) integer(o types.Object) (int, bool) {
	switch v := c.deref(o).(type) {
	case types.Integer:
		return int(v), true
	case types.Float:
		if float64(v) == float64(int(v)) {
			return int(v), true
		}
	}
	return 0, false
}

// objNr is the object number o refers to, 0 for a direct object.
func objNr(o types.Object) int {
	if r, ok := o.(types.IndirectRef); ok {
		return r.ObjectNumber.Value()
	}
	return 0
}

// page is one page of the document, in page-tree order.
type page struct {
	n     int // 1-based
	obj   int // object number
	dict  types.Dict
	res   types.Dict // resources, inherited if need be
	where string     // "pagina 3"
}

// pages walks the page tree once, inheriting /Resources.
func (c *checker) pages() []*page {
	if c.pageList != nil {
		return c.pageList
	}
	c.pageList = []*page{}
	seen := map[int]bool{}
	var walk func(o types.Object, res types.Dict, depth int)
	walk = func(o types.Object, res types.Dict, depth int) {
		n := objNr(o)
		if depth > 64 || n != 0 && seen[n] {
			return
		}
		seen[n] = true
		d := c.dict(o)
		if d == nil {
			return
		}
		if r := c.dict(d["Resources"]); r != nil {
			res = r
		}
		if kids, ok := d.Find("Kids"); ok || c.text(d["Type"]) == "Pages" {
			for _, k := range c.array(kids) {
				walk(k, res, depth+1)
			}
			return
		}
		p := &page{n: len(c.pageList) + 1, obj: n, dict: d, res: res}
		p.where = fmt.Sprintf("pagina %d", p.n)
		c.pageList = append(c.pageList, p)
	}
	walk(c.ctx.RootDict["Pages"], nil, 0)
	return c.pageList
}

// pageOf names the page with object number n ("pagina 3"), or the object.
func (c *checker) pageOf(n int) string {
	if c.pageByObj == nil {
		c.pageByObj = map[int]string{}
		for _, p := range c.pages() {
			if p.obj != 0 {
				c.pageByObj[p.obj] = p.where
			}
		}
	}
	return c.pageByObj[n]
}
