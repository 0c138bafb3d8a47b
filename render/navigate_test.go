package render

import (
	"bytes"
	"encoding/hex"
	"encoding/xml"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	pdfcpumodel "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

var (
	titleRE = regexp.MustCompile(`/Title <([0-9a-f]+)>`)
	countRE = regexp.MustCompile(`/Count (-?\d+)`)
)

func decodeTextString(t *testing.T, h string) string {
	t.Helper()
	b, err := hex.DecodeString(h)
	if err != nil || len(b) < 2 || b[0] != 0xFE || b[1] != 0xFF {
		t.Fatalf("not a UTF-16BE text string: %s", h)
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 2; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

// TestOutlineCount: the /Count of the outline root and of each item follow
// ISO 32000-1 Tables 152 and 153: the root counts every visible item, an
// open Direzione its visible descendants, a closed Servizio minus its
// children, a leaf has none.
func TestOutlineCount(t *testing.T) {
	nav := &navigation{pageHeight: 297, marks: [][]mark{
		{{title: "Indice", level: 0}},
		{{title: "Dir A", level: 0}, {title: "Svc a", level: 1}, {title: "a1", level: 2}},
		{{title: "a2", level: 2}},
		{{title: "Svc b", level: 1}, {title: "b1", level: 2}},
		{{title: "Dir B", level: 0}, {title: "Svc c", level: 1}, {title: "c1", level: 2}},
	}}
	nav.links = make([][]link, len(nav.marks))
	objs, root := nav.outline([]int{3, 5, 7, 9, 11}, 100)
	want := map[string]string{
		"":       "6", // Indice, Dir A, Dir B and the three Servizi under the open Direzioni
		"Indice": "", "Dir A": "2", "Dir B": "1",
		"Svc a": "-2", "Svc b": "-1", "Svc c": "-1",
		"a1": "", "a2": "", "b1": "", "c1": "",
	}
	seen := 0
	for _, o := range objs {
		title := ""
		if m := titleRE.FindSubmatch(o.body); m != nil {
			title = decodeTextString(t, string(m[1]))
		} else if o.num != root {
			t.Fatalf("object %d has no title", o.num)
		}
		count := ""
		if m := countRE.FindSubmatch(o.body); m != nil {
			count = string(m[1])
		}
		w, ok := want[title]
		if !ok {
			t.Errorf("unexpected item %q", title)
			continue
		}
		seen++
		if count != w {
			t.Errorf("%q: /Count %q, want %q", title, count, w)
		}
	}
	if seen != len(want) {
		t.Errorf("%d outline objects, want %d", seen, len(want))
	}
}

// TestOutlineCountBooklet: on a real booklet the root's /Count is the
// number of items a reader shows at first: the contents, each Direzione
// and each Servizio.
func TestOutlineCountBooklet(t *testing.T) {
	objs := manyObjectives(3)
	objs[1].Service, objs[2].Direction = "ALTRO SERVIZIO", "ALTRA DIREZIONE"
	model.SortForBooklet(objs)
	th := DefaultTheme()
	var b bytes.Buffer
	if err := Booklet(&b, &th, objs, BookletInfo{Year: 2019}, Options{}, Meta{Created: time.Unix(0, 0)}); err != nil {
		t.Fatal(err)
	}
	p := parseOutput(t, b.Bytes())
	root := regexp.MustCompile(`/Outlines (\d+) 0 R`).FindSubmatch(b.Bytes())
	if root == nil {
		t.Fatal("no outline")
	}
	n, _ := strconv.Atoi(string(root[1]))
	m := countRE.FindSubmatch(p.body(t, n))
	// Indice + 2 Direzioni + 3 Servizi (one Direzione has two).
	if m == nil || string(m[1]) != "6" {
		t.Errorf("root /Count %s, want 6: %s", m, p.body(t, n))
	}
}

var xmpTitleRE = regexp.MustCompile(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)</rdf:li>`)

// TestControlCharacters: a vertical tab (Excel's _x000B_) and other
// control characters in a cell are spaces on the page, in the Info
// dictionary and in the XMP metadata alike, which agree.
func TestControlCharacters(t *testing.T) {
	o := *templates.Example().Objectives[0]
	o.Title = "Primo\vSecondo\x00Terzo\u0085Quarto\r\nQuinto\uFFFFSesto"
	o.Description = "Uno\vDue\tTre"
	th := DefaultTheme()
	var b bytes.Buffer
	if err := Sheet(&b, &th, &o, Options{PDFA: true}, Meta{Created: time.Date(2019, 2, 1, 10, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	doc, err := readPDF(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(allText(doc)), " ")
	for _, w := range []string{"Primo Secondo Terzo Quarto", "Uno Due Tre"} {
		if !strings.Contains(text, w) {
			t.Errorf("the page does not say %q: the words are glued or lost", w)
		}
	}
	info := doc.Meta["Title"]
	xmp := xmpTitleRE.FindSubmatch(b.Bytes())
	if xmp == nil {
		t.Fatal("no dc:title in the XMP")
	}
	want := "2019_ZN10 – Primo Secondo Terzo Quarto  Quinto\uFFFDSesto"
	if info != want {
		t.Errorf("Info title %q, want %q", info, want)
	}
	if string(xmp[1]) != info {
		t.Errorf("XMP title %q and Info title %q disagree", xmp[1], info)
	}
	for _, c := range info {
		if c < 0x20 || c >= 0x7F && c <= 0x9F {
			t.Errorf("a control character %U reached the Info dictionary", c)
		}
	}
}

// TestStrictValidation: pdfcpu's strict validation accepts a booklet,
// outline counts and font descriptors included. The contents' links are
// left out: the assembly writes them as direct annotation dictionaries,
// which strict validation refuses (to be made indirect with the tagging
// of links, which needs them as objects).
func TestStrictValidation(t *testing.T) {
	objs := manyObjectives(4)
	objs[1].Service, objs[3].Direction = "ALTRO SERVIZIO", "ALTRA DIREZIONE"
	model.SortForBooklet(objs)
	th := DefaultTheme()
	pages := layoutBooklet(&th, objs, BookletInfo{Year: 2019}, Options{})
	number(pages)
	nav := navigationOf(&th, pages)
	for i := range nav.links {
		nav.links[i] = nil
	}
	d, err := drawParts(&th, pages)
	if err != nil {
		t.Fatal(err)
	}
	pdf := d.assemble(0, len(d.kids), Meta{Title: "prova", Created: time.Unix(0, 0)}, nav, true)
	pdfcpumodel.ConfigPath = "disable"
	conf := pdfcpumodel.NewDefaultConfiguration()
	conf.ValidationMode = pdfcpumodel.ValidationStrict
	if err := api.Validate(bytes.NewReader(pdf), conf); err != nil {
		t.Errorf("strict validation: %v", err)
	}
}

// FuzzMetaAgree: whatever a cell holds, the title the Info dictionary
// gives a reader is the title the XMP gives, and the XMP is well-formed.
func FuzzMetaAgree(f *testing.F) {
	for _, s := range []string{"Primo\vSecondo", "a\x00b", "\xff\xfe", "Città – più\u0085", "\uFFFE\uFFFF", "😀 & <b>", "\r\n\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" {
			return // neither writes a title
		}
		meta := Meta{Title: s, Created: time.Unix(0, 0).UTC()}
		info := infoObject(1, meta.printable())
		m := titleRE.FindSubmatch(info)
		if m == nil {
			t.Fatalf("no title in %q", info)
		}
		fromInfo := decodeTextString(t, string(m[1]))
		xmp := xmpObject(2, meta, meta.Created)
		body := xmp[bytes.Index(xmp, []byte("stream\n"))+7 : bytes.LastIndex(xmp, []byte("\nendstream"))]
		body = bytes.TrimPrefix(body, []byte("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"))
		body = bytes.TrimSuffix(body, []byte("\n<?xpacket end=\"w\"?>"))
		var doc struct {
			RDF struct {
				Description struct {
					Title struct {
						Li string `xml:"Alt>li"`
					} `xml:"title"`
				} `xml:"Description"`
			} `xml:"RDF"`
		}
		if err := xml.Unmarshal(body, &doc); err != nil {
			t.Fatalf("the XMP is not well-formed: %v", err)
		}
		if fromXMP := doc.RDF.Description.Title.Li; fromXMP != fromInfo {
			t.Errorf("Info %q, XMP %q", fromInfo, fromXMP)
		}
	})
}
