package render

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	pdfcpumodel "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

var countRE = regexp.MustCompile(`/Count (-?\d+)`)

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
	pages, err := layoutBooklet(context.Background(), &th, objs, BookletInfo{Year: 2019}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	number(pages)
	outline(&th, pages)
	part, err := drawParts(context.Background(), &th, pages)
	if err != nil {
		t.Fatal(err)
	}
	d := doc(&th, pages, 0, len(pages), part, Meta{Title: "prova", Created: time.Unix(0, 0)}, Options{PDFA: true})
	d.Tagged = false
	for i := range d.Pages {
		d.Pages[i].Links = nil
	}
	pdf := part.Bytes(0, part.Pages(), d)
	pdfcpumodel.ConfigPath = "disable"
	conf := pdfcpumodel.NewDefaultConfiguration()
	conf.ValidationMode = pdfcpumodel.ValidationStrict
	if err := api.Validate(bytes.NewReader(pdf), conf); err != nil {
		t.Errorf("strict validation: %v", err)
	}
}
