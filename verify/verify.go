// Package verify checks a PDF against the rules of PDF/A-2b that pegpdf
// relies on, reading it with an independent parser (pdfcpu), not with the
// knowledge of pegpdf's own writer. It is not a full PDF/A validation: it
// checks the rules listed in Rules, each of which a document of pegpdf's
// kind could break.
package verify

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

func init() {
	model.ConfigPath = "disable" // pdfcpu must not write a configuration folder
}

// Result is the outcome of one rule.
type Result struct {
	Rule   string // short Italian name
	Pass   bool
	Detail string // why it failed, or what was found
}

// Rules are the rules checked, in order, with what each means.
var Rules = []struct{ Name, Meaning string }{
	{"intestazione", "la versione PDF 1.0–1.7 nell'intestazione, seguita da un commento di almeno 4 byte binari"},
	{"non cifrato", "nessuna cifratura (/Encrypt)"},
	{"identificativo", "il trailer ha /ID con due stringhe"},
	{"metadati XMP", "il catalogo ha /Metadata: uno stream XML non compresso con pdfaid:part 2 e pdfaid:conformance A"},
	{"metadati coerenti", "titolo, autore, oggetto, parole chiave, producer e date (con fuso orario) uguali in Info e XMP"},
	{"OutputIntent sRGB", "un OutputIntent /GTS_PDFA1 con un profilo ICC RGB incorporato"},
	{"font incorporati", "ogni font usato ha il suo programma incorporato (FontFile, FontFile2 o FontFile3)"},
	{"niente trasparenza", "nessun gruppo di trasparenza, nessuna SMask, nessuna opacità sotto 1"},
	{"annotazioni stampabili", "ogni annotazione ha il flag di stampa e non è nascosta"},
	{"niente file incorporati", "nessun albero EmbeddedFiles, neanche vuoto"},
	{"niente JavaScript", "nessuna azione o nome JavaScript"},
	{"lingua", "il catalogo dichiara la lingua (/Lang)"},
}

// Check reads data and checks every rule. The error is for a file that is
// not a readable PDF at all.
func Check(data []byte) ([]Result, error) {
	ctx, err := read(data)
	if err != nil {
		if bytes.Contains(data, []byte("/Encrypt")) { // unreadable because encrypted
			c := &checker{data: data}
			return []Result{c.header(), fail("non cifrato", "il documento è cifrato: le altre regole non si possono controllare")}, nil
		}
		return nil, err
	}
	c := &checker{ctx: ctx, data: data}
	c.scan()
	out := []Result{
		c.header(), c.encrypt(), c.id(), c.xmp(), c.consistent(), c.outputIntent(),
		c.fontResult(),
		c.result("niente trasparenza", c.transparency),
		c.result("annotazioni stampabili", c.annotations),
		c.embedded(),
		c.result("niente JavaScript", c.javascript),
		c.lang(),
	}
	return out, nil
}

func read(data []byte) (ctx *model.Context, err error) {
	defer func() {
		if r := recover(); r != nil { // a parser must not take the checker down
			err = fmt.Errorf("il PDF non si può leggere: %v", r)
		}
	}()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err = api.ReadContext(bytes.NewReader(data), conf)
	if err != nil {
		return nil, fmt.Errorf("il PDF non si può leggere: %w", err)
	}
	return ctx, nil
}

type checker struct {
	ctx  *model.Context
	data []byte

	fontProblems, transparency, annotations, javascript []string
	fonts                                               int
}

func (c *checker) result(rule string, problems []string) Result {
	if len(problems) == 0 {
		return Result{Rule: rule, Pass: true}
	}
	sort.Strings(problems)
	if len(problems) > 5 {
		problems = append(problems[:5], fmt.Sprintf("e altri %d", len(problems)-5))
	}
	return Result{Rule: rule, Detail: strings.Join(problems, "; ")}
}

func fail(rule, format string, a ...any) Result {
	return Result{Rule: rule, Detail: fmt.Sprintf(format, a...)}
}

func (c *checker) deref(o types.Object) types.Object {
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

func (c *checker) header() Result {
	const rule = "intestazione"
	d := c.data
	if len(d) < 9 || !bytes.HasPrefix(d, []byte("%PDF-1.")) || d[7] < '0' || d[7] > '7' || (d[8] != '\n' && d[8] != '\r') {
		return fail(rule, "l'intestazione non è %%PDF-1.0 … %%PDF-1.7 seguita da un a capo")
	}
	rest := bytes.TrimLeft(d[9:], "\r\n")
	if len(rest) < 5 || rest[0] != '%' {
		return fail(rule, "manca il commento binario dopo l'intestazione")
	}
	high := 0
	for _, b := range rest[1:min(len(rest), 64)] {
		if b == '\n' || b == '\r' {
			break
		}
		if b > 127 {
			high++
		}
	}
	if high < 4 {
		return fail(rule, "il commento dopo l'intestazione ha %d byte binari, ne servono 4", high)
	}
	return Result{Rule: rule, Pass: true, Detail: string(d[:8])}
}

func (c *checker) encrypt() Result {
	if c.ctx.Encrypt != nil || c.ctx.E != nil {
		return fail("non cifrato", "il documento è cifrato")
	}
	return Result{Rule: "non cifrato", Pass: true}
}

func (c *checker) id() Result {
	if len(c.ctx.ID) != 2 {
		return fail("identificativo", "il trailer non ha /ID")
	}
	return Result{Rule: "identificativo", Pass: true}
}

// xmpPacket is what the checker reads of the XMP metadata.
type xmpPacket struct {
	Part, Conformance                     string
	Title, Creator, Description, Keywords string
	Producer, CreateDate, ModifyDate      string
}

func (c *checker) metadata() (*xmpPacket, error) {
	root := c.ctx.RootDict
	o, ok := root.Find("Metadata")
	if !ok {
		return nil, errors.New("il catalogo non ha /Metadata")
	}
	sd, _, err := c.ctx.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		return nil, errors.New("/Metadata non è uno stream")
	}
	if t := sd.NameEntry("Subtype"); t == nil || *t != "XML" {
		return nil, errors.New("/Metadata non ha /Subtype /XML")
	}
	if _, filtered := sd.Find("Filter"); filtered {
		return nil, errors.New("lo stream /Metadata è compresso")
	}
	if err := sd.Decode(); err != nil {
		return nil, fmt.Errorf("lo stream /Metadata non si legge: %v", err)
	}
	return parseXMP(sd.Content)
}

// parseXMP reads the properties pegpdf checks from an XMP packet, whether
// written as elements or as attributes.
func parseXMP(data []byte) (*xmpPacket, error) {
	p := &xmpPacket{}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var path []string
	// Only these namespaces: the PDF/UA identification (pdfuaid:part) and
	// its extension schema (pdfaProperty:description) use the same names.
	spaces := map[string]bool{"http://www.aiim.org/pdfa/ns/id/": true, "http://purl.org/dc/elements/1.1/": true,
		"http://ns.adobe.com/pdf/1.3/": true, "http://ns.adobe.com/xap/1.0/": true}
	var spacePath []string
	fields := map[string]*string{
		"part": &p.Part, "conformance": &p.Conformance, "title": &p.Title, "creator": &p.Creator,
		"description": &p.Description, "Keywords": &p.Keywords, "Producer": &p.Producer,
		"CreateDate": &p.CreateDate, "ModifyDate": &p.ModifyDate,
	}
	set := func(name, value string) {
		if f, ok := fields[name]; ok {
			*f = strings.TrimSpace(value)
		}
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, fmt.Errorf("l'XMP non è XML valido: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			path, spacePath = append(path, t.Name.Local), append(spacePath, t.Name.Space)
			for _, a := range t.Attr {
				if spaces[a.Name.Space] {
					set(a.Name.Local, a.Value)
				}
			}
		case xml.EndElement:
			path, spacePath = path[:len(path)-1], spacePath[:len(spacePath)-1]
		case xml.CharData:
			if len(path) == 0 || strings.TrimSpace(string(t)) == "" {
				continue
			}
			name, space := path[len(path)-1], spacePath[len(path)-1]
			if name == "li" && len(path) >= 3 { // dc:title/rdf:Alt/rdf:li
				name, space = path[len(path)-3], spacePath[len(path)-3]
			}
			if spaces[space] {
				set(name, string(t))
			}
		}
	}
	return p, nil
}

func (c *checker) xmp() Result {
	const rule = "metadati XMP"
	p, err := c.metadata()
	if err != nil {
		return fail(rule, "%v", err)
	}
	if p.Part != "2" || p.Conformance != "A" {
		return fail(rule, "pdfaid:part %q e pdfaid:conformance %q, attesi 2 e A", p.Part, p.Conformance)
	}
	return Result{Rule: rule, Pass: true, Detail: "PDF/A-2a"}
}

func (c *checker) consistent() Result {
	const rule = "metadati coerenti"
	p, err := c.metadata()
	if err != nil {
		return fail(rule, "nessun XMP da confrontare: %v", err)
	}
	if c.ctx.Info == nil {
		return fail(rule, "manca il dizionario Info")
	}
	info := c.dict(*c.ctx.Info)
	if info == nil {
		return fail(rule, "manca il dizionario Info")
	}
	var bad []string
	for _, f := range []struct{ key, xmp string }{
		{"Title", p.Title}, {"Author", p.Creator}, {"Subject", p.Description},
		{"Keywords", p.Keywords}, {"Producer", p.Producer},
	} {
		o, _ := info.Find(f.key)
		if v := c.text(o); v != f.xmp {
			bad = append(bad, fmt.Sprintf("%s: Info %q, XMP %q", f.key, v, f.xmp))
		}
	}
	for _, f := range []struct{ key, xmp string }{{"CreationDate", p.CreateDate}, {"ModDate", p.ModifyDate}} {
		o, _ := info.Find(f.key)
		iv := c.text(o)
		it, err1 := pdfDate(iv)
		xt, err2 := time.Parse(time.RFC3339, f.xmp)
		switch {
		case err1 != nil:
			bad = append(bad, fmt.Sprintf("%s: %q non è una data PDF con fuso orario", f.key, iv))
		case err2 != nil:
			bad = append(bad, fmt.Sprintf("%s: l'XMP ha %q, non una data con fuso orario", f.key, f.xmp))
		case !it.Equal(xt):
			bad = append(bad, fmt.Sprintf("%s: Info %s, XMP %s", f.key, it, xt))
		}
	}
	return c.result(rule, bad)
}

// pdfDate parses D:YYYYMMDDHHmmSS+HH'mm' (the time zone is required).
func pdfDate(s string) (time.Time, error) {
	s = strings.TrimPrefix(s, "D:")
	if len(s) < 15 {
		return time.Time{}, errors.New("short")
	}
	if s[14] == 'Z' {
		return time.Parse("20060102150405", s[:14])
	}
	return time.Parse("20060102150405-07'00'", s)
}

func (c *checker) outputIntent() Result {
	const rule = "OutputIntent sRGB"
	o, ok := c.ctx.RootDict.Find("OutputIntents")
	if !ok {
		return fail(rule, "il catalogo non ha /OutputIntents")
	}
	arr, err := c.ctx.DereferenceArray(o)
	if err != nil {
		return fail(rule, "/OutputIntents non è un array")
	}
	for _, e := range arr {
		d := c.dict(e)
		if d == nil || c.text(d["S"]) != "GTS_PDFA1" {
			continue
		}
		sd, _, err := c.ctx.DereferenceStreamDict(d["DestOutputProfile"])
		if err != nil || sd == nil {
			return fail(rule, "l'OutputIntent non ha il profilo ICC")
		}
		if n := sd.IntEntry("N"); n == nil || *n != 3 {
			return fail(rule, "il profilo ICC non è RGB (/N 3)")
		}
		if err := sd.Decode(); err != nil || len(sd.Content) < 40 || string(sd.Content[36:40]) != "acsp" {
			return fail(rule, "il profilo ICC non è un profilo ICC valido")
		}
		return Result{Rule: rule, Pass: true, Detail: c.text(d["OutputConditionIdentifier"])}
	}
	return fail(rule, "nessun OutputIntent /GTS_PDFA1")
}

func (c *checker) embedded() Result {
	const rule = "niente file incorporati"
	if names := c.dict(c.ctx.RootDict["Names"]); names != nil {
		if _, ok := names.Find("EmbeddedFiles"); ok {
			return fail(rule, "il catalogo ha un albero /EmbeddedFiles")
		}
	}
	return Result{Rule: rule, Pass: true}
}

func (c *checker) lang() Result {
	if l := c.text(c.ctx.RootDict["Lang"]); l != "" {
		return Result{Rule: "lingua", Pass: true, Detail: l}
	}
	return fail("lingua", "il catalogo non ha /Lang")
}

// scan looks at every object of the file once: fonts, transparency,
// annotations and JavaScript can hide anywhere.
func (c *checker) scan() {
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
		c.visit(fmt.Sprintf("oggetto %d", n), e.Object, 0)
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
		f := 0
		if v := d.IntEntry("F"); v != nil {
			f = *v
		}
		if f&4 == 0 || f&(1|2|32) != 0 {
			c.annotations = append(c.annotations, fmt.Sprintf("%s: annotazione %s con /F %d (serve il flag di stampa 4)", where, c.text(d["Subtype"]), f))
		}
	}
	if typ == "Font" {
		c.fonts++
		sub := c.text(d["Subtype"])
		switch sub {
		case "Type3":
		case "Type0":
			// The descendant font carries the descriptor; it is visited too.
		default:
			fd := c.dict(d["FontDescriptor"])
			if fd == nil {
				c.fontProblems = append(c.fontProblems, fmt.Sprintf("%s: il font %s non ha FontDescriptor (non incorporato)", where, c.text(d["BaseFont"])))
				return
			}
			_, f1 := fd.Find("FontFile")
			_, f2 := fd.Find("FontFile2")
			_, f3 := fd.Find("FontFile3")
			if !f1 && !f2 && !f3 {
				c.fontProblems = append(c.fontProblems, fmt.Sprintf("%s: il font %s non è incorporato", where, c.text(d["BaseFont"])))
			}
		}
	}
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

func (c *checker) fontResult() Result {
	r := c.result("font incorporati", c.fontProblems)
	if r.Pass {
		r.Detail = fmt.Sprintf("%d font", c.fonts)
	}
	return r
}
