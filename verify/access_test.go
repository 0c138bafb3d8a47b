package verify

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// TestTaggedFixturePasses: the hand-made tagged file passes every
// accessibility rule, claims PDF/UA-1 and no PDF/A.
func TestTaggedFixturePasses(t *testing.T) {
	rep, err := Inspect(taggedFixture().bytes())
	if err != nil {
		t.Fatal(err)
	}
	if f := failed(rep.Results); len(f) > 0 {
		t.Fatalf("fails: %v", f)
	}
	if rep.PDFAChecked || len(rep.Results) != count(Accessibility) {
		t.Errorf("PDF/A checked %v, %d results", rep.PDFAChecked, len(rep.Results))
	}
	if got, want := rep.Claims.String(), "dichiara PDF/UA-1; marcato (tagged)"; got != want {
		t.Errorf("claims %q, want %q", got, want)
	}
	for _, r := range rep.Results {
		if r.Rule == "tabelle con TH" && r.Detail != "1 tabella" || r.Rule == "titoli annidati" && r.Detail != "2 titoli" {
			t.Errorf("%s: %s", r.Rule, r.Detail)
		}
	}
}

// TestBrokenAccessibility: each copy of the tagged fixture breaks one
// rule on purpose and fails that rule alone, saying where.
func TestBrokenAccessibility(t *testing.T) {
	f := taggedFixture()
	cases := []struct {
		name  string
		rule  string
		doc   fixture
		where string // a piece of the detail
	}{
		{"not marked", "marcato", f.edit(1, "/Marked true", "/Marked false"), "/Marked true"},
		{"no MarkInfo", "marcato", f.edit(1, "/MarkInfo << /Marked true >>", ""), "/MarkInfo"},
		{"text outside", "contenuto marcato", f.edit(4, "/Artifact BMC", "BT (nascosto) Tj ET /Artifact BMC"), "pagina 1: 1 operatore di disegno fuori da contenuto marcato, né nella struttura (MCID) né artefatto (il primo: Tj)"},
		{"path outside", "contenuto marcato", f.edit(4, "EMC\n/H1", "EMC 0 0 m 1 1 l S\n/H1"), "il primo: S"},
		{"form outside", "contenuto marcato", f.edit(4, "/Span <</MCID 8>> BDC /Fm2 Do EMC", "/Fm2 Do /Span <</MCID 8>> BDC EMC"), "pagina 1, form XObject 25"},
		{"unbalanced", "contenuto marcato", f.edit(4, "(Valore) Tj ET EMC", "(Valore) Tj ET"), "BMC/BDC senza EMC"},
		{"not an artifact", "contenuto marcato", f.edit(4, "/Artifact BMC", "/Span BMC"), "fuori da contenuto marcato"},
		{"artifact in tagged", "contenuto marcato", f.edit(4, "(Valore) Tj ET EMC", "(Valore) Tj ET /Artifact BMC 0 0 m 1 1 l S EMC EMC"), "/Artifact dentro /TD con MCID 6"},
		{"tagged in artifact", "contenuto marcato", f.edit(4, "/Fm1 Do EMC\n/Span <</MCID 8>> BDC /Fm2 Do EMC", "/Fm1 Do /Span <</MCID 8>> BDC /Fm2 Do EMC EMC"), "/Span con MCID 8 dentro /Artifact"},
		{"unmapped type", "tipi di struttura", f.edit(13, "/S /Scheda", "/S /Schedina"), "tipo \"Schedina\" non standard"},
		{"standard remapped", "tipi di struttura", f.edit(5, "/Scheda /Sect", "/Scheda /Sect /P /Span"), "ridefinisce il tipo standard P"},
		{"TH without Scope", "tabelle con TH", f.edit(21, "/A << /O /Table /Scope /Row >>", ""), "TH (oggetto 21): cella TH senza /Scope"},
		{"parent tree swapped", "MCID e ParentTree", f.edit(7, "[12 0 R 14 0 R", "[14 0 R 12 0 R"), "pagina 1: per MCID 0 il ParentTree punta a pagina 1, H2 (oggetto 14)"},
		{"MCID not in tree", "MCID e ParentTree", f.edit(4, "/Span <</MCID 8>>", "/Span <</MCID 9>>"), "MCID 9 non è nel ParentTree"},
		{"element MCID unused", "MCID e ParentTree", f.edit(15, "/K [2]", "/K [2 11]"), "MCID 11, che il contenuto di pagina 1 non usa"},
		{"no StructParents", "MCID e ParentTree", f.edit(3, "/StructParents 0", ""), "usa MCID ma non ha /StructParents"},
		{"row not a TR", "annidamento", f.edit(18, "/S /TR", "/S /Div"), "pagina 1, TH (oggetto 21): TH sta dentro Div, deve stare in TR"},
		{"LI outside L", "annidamento", f.set(27, `<< /Type /StructElem /S /LI /P 13 0 R /Pg 3 0 R >>`).edit(13, "26 0 R]", "26 0 R 27 0 R]"), "LI sta dentro Sect, deve stare in L"},
		{"skipped level", "titoli annidati", f.edit(14, "/S /H2", "/S /H3"), "H3 dopo H1"},
		{"first not H1", "titoli annidati", f.edit(12, "/S /H1", "/S /H2"), "il primo titolo è H2"},
		{"no TH", "tabelle con TH", f.edit(21, "/S /TH", "/S /TD"), "Table (oggetto 17): tabella senza celle di intestazione TH"},
		{"irregular table", "tabelle regolari", f.set(27, `<< /Type /StructElem /S /TR /P 17 0 R /Pg 3 0 R /K [<< /S /TD /Pg 3 0 R >>] >>`).edit(17, "/K [4 18 0 R]", "/K [4 18 0 R 27 0 R]"), "Table (oggetto 17): la riga 2 ha 1 colonna, la prima 2"},
		{"no Alt", "figure con Alt", f.edit(16, "/Alt (Gantt", "/Xlt (Gantt"), "pagina 1, Figure (oggetto 16)"},
		{"empty Alt", "figure con Alt", f.edit(16, "/Alt (Gantt 2019: fase 1, dal 01/01/2019 al 31/03/2019)", "/Alt ( )"), "senza testo alternativo"},
		{"role-mapped figure", "figure con Alt", f.set(27, `<< /Type /StructElem /S /Grafico /P 13 0 R /Pg 3 0 R >>`).edit(5, "/Scheda /Sect", "/Scheda /Sect /Grafico /Figure").edit(13, "26 0 R]", "26 0 R 27 0 R]"), "Figure (oggetto 27)"},
		{"link without Contents", "collegamenti", f.edit(11, "/Contents (Vai alla scheda 2019_ZN10)", ""), "annotazione Link (oggetto 11): senza /Contents"},
		{"link without OBJR", "collegamenti", f.edit(19, "<< /Type /OBJR /Obj 11 0 R /Pg 3 0 R >>", ""), "non è nella struttura"},
		{"link StructParent wrong", "collegamenti", f.edit(7, "1 19 0 R", "1 15 0 R"), "/StructParent 1"},
		{"link in a P", "collegamenti", f.edit(19, "/S /Link", "/S /P"), "l'OBJR è in pagina 1, P (oggetto 19), non in un elemento Link"},
		{"note without text", "collegamenti", f.edit(11, "/Subtype /Link", "/Subtype /Text").edit(11, "/Contents (Vai alla scheda 2019_ZN10)", "").edit(19, "/S /Link", "/S /Annot"), "annotazione Text (oggetto 11): senza /Contents né /Alt"},
		{"no Tabs", "ordine di tabulazione", f.edit(3, "/Tabs /S", ""), "pagina 1: ha annotazioni"},
		{"Type3 without ToUnicode", "testo in Unicode", f.edit(10, " /ToUnicode 31 0 R", ""), "oggetto 10: il font senza nome (Type3) non ha /ToUnicode"},
		{"simple font without encoding", "testo in Unicode", f.set(28, `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FontDescriptor 29 0 R >>`).set(29, "<< /Type /FontDescriptor /FontName /Helvetica >>\nstream\nx").edit(29, "/FontName /Helvetica", "/FontName /Helvetica /FontFile3 29 0 R"), "oggetto 28: il font Helvetica (Type1) non ha /ToUnicode"},
		{"font not embedded", "font incorporati", f.set(28, `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>`), "oggetto 28: il font Helvetica non ha FontDescriptor"},
		{"Type0 without ToUnicode", "testo in Unicode", f.set(28, `<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Lato /Encoding /Identity-H /DescendantFonts [29 0 R] >>`).set(29, `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Lato /FontDescriptor << /FontFile2 30 0 R >> >>`), "oggetto 28: il font ABCDEF+Lato (Type0)"},
		{"no DisplayDocTitle", "titolo del documento", f.edit(1, "/DisplayDocTitle true", "/DisplayDocTitle false"), "DisplayDocTitle"},
		{"no Info title", "titolo del documento", f.edit(23, "/Title (Scheda 2019_ZN10)", ""), "Info non ha /Title"},
		{"no dc:title", "titolo del documento", f.edit(20, "<rdf:li xml:lang=\"x-default\">Scheda 2019_ZN10</rdf:li>", ""), "dc:title"},
		{"suspects", "marcato", f.edit(1, "/Marked true", "/Marked true /Suspects true"), "/Suspects true"},
		{"Lang not a language", "lingua", f.edit(1, "/Lang (it-IT)", "/Lang (italiano corrente)"), "non è un codice di lingua"},
		{"no Lang", "lingua", f.edit(1, "/Lang (it-IT)", ""), "/Lang"},
		{"no pdfuaid", "identificazione PDF/UA", f.edit(20, "<pdfuaid:part>1</pdfuaid:part>", ""), "pdfuaid:part"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rs, err := Check(c.doc.bytes())
			if err != nil {
				t.Fatal(err)
			}
			got := failed(rs)
			if len(got) != 1 || !strings.HasPrefix(got[0], c.rule+":") {
				t.Fatalf("failed %v, want only %q", got, c.rule)
			}
			if !strings.Contains(got[0], c.where) {
				t.Errorf("%q does not say %q", got[0], c.where)
			}
		})
	}
}

// TestSpans: a cell spanning two columns, or two rows, keeps a table
// regular.
func TestSpans(t *testing.T) {
	f := taggedFixture().set(27, `<< /Type /StructElem /S /TR /P 17 0 R /Pg 3 0 R /K [<< /S /TD /Pg 3 0 R /A << /O /Table /ColSpan 2 >> >>] >>`).edit(17, "/K [4 18 0 R]", "/K [4 18 0 R 27 0 R]")
	g := taggedFixture().edit(21, "/Scope /Row", "/Scope /Row /RowSpan 2").set(27, `<< /Type /StructElem /S /TR /P 17 0 R /Pg 3 0 R /K [<< /S /TD /Pg 3 0 R >>] >>`).edit(17, "/K [4 18 0 R]", "/K [4 18 0 R 27 0 R]")
	for _, doc := range []fixture{f, g} {
		rs, err := Check(doc.bytes())
		if err != nil {
			t.Fatal(err)
		}
		if bad := failed(rs); len(bad) > 0 {
			t.Error(bad)
		}
	}
}

// TestHeadersInsteadOfScope: a table whose data cells name their headers
// needs no Scope.
func TestHeadersInsteadOfScope(t *testing.T) {
	f := taggedFixture().edit(21, "/A << /O /Table /Scope /Row >>", "/ID (h1)").edit(22, "/K 6", "/K 6 /A << /O /Table /Headers [(h1)] >>")
	rs, err := Check(f.bytes())
	if err != nil {
		t.Fatal(err)
	}
	if bad := failed(rs); len(bad) > 0 {
		t.Error(bad)
	}
}

// TestAnnotWithAlt: an annotation other than a link may be described by
// the /Alt of its Annot element instead of /Contents.
func TestAnnotWithAlt(t *testing.T) {
	f := taggedFixture().edit(11, "/Subtype /Link", "/Subtype /Text").edit(11, "/Contents (Vai alla scheda 2019_ZN10)", "").edit(19, "/S /Link", "/S /Annot /Alt (Nota del redattore)")
	rs, err := Check(f.bytes())
	if err != nil {
		t.Fatal(err)
	}
	if bad := failed(rs); len(bad) > 0 {
		t.Error(bad)
	}
}

// TestUntagged: a file with no structure at all fails the structure rules
// with one clear sentence each, not a crash.
func TestUntagged(t *testing.T) {
	f := taggedFixture().edit(1, "/StructTreeRoot 5 0 R", "").edit(1, "/MarkInfo << /Marked true >>", "")
	rep, err := Inspect(f.bytes())
	if err != nil {
		t.Fatal(err)
	}
	if rep.Claims.Tagged {
		t.Error("claims tagged")
	}
	bad := map[string]string{}
	for _, r := range rep.Results {
		if !r.Pass {
			bad[r.Rule] = r.Detail
		}
	}
	for _, rule := range []string{"marcato", "MCID e ParentTree", "titoli annidati", "tabelle con TH", "figure con Alt", "collegamenti"} {
		if bad[rule] == "" {
			t.Errorf("%s passes", rule)
		}
	}
	if !strings.Contains(bad["titoli annidati"], "non è marcato") {
		t.Errorf("titoli annidati: %s", bad["titoli annidati"])
	}
}

// TestXMPNamespaces: pdfaid:part and pdfuaid:part share a local name and
// are told apart, as elements and as attributes.
func TestXMPNamespaces(t *testing.T) {
	for _, x := range []string{
		`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part><pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance></rdf:Description></rdf:RDF></x:xmpmeta>`,
		`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfaid:part="2" pdfaid:conformance="A" pdfuaid:part="1"/></rdf:RDF></x:xmpmeta>`,
	} {
		p, err := parseXMP([]byte(x))
		if err != nil {
			t.Fatal(err)
		}
		if p.Part != "2" || p.Conformance != "A" || p.UAPart != "1" {
			t.Errorf("%+v", p)
		}
	}
}

var update = flag.Bool("update", false, "rewrite testdata/tagged.pdf")

// TestFixtureFile: testdata/tagged.pdf, which the command's tests use, is
// the tagged fixture (go test ./verify -update rewrites it).
func TestFixtureFile(t *testing.T) {
	want := taggedFixture().bytes()
	if *update {
		if err := os.WriteFile("testdata/tagged.pdf", want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile("testdata/tagged.pdf")
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("testdata/tagged.pdf is not the fixture (%v): run go test ./verify -run FixtureFile -update", err)
	}
}

// TestUAExtensionSchema: a PDF/A file that uses pdfuaid must declare it
// as an extension schema, as written in the XMP.
func TestUAExtensionSchema(t *testing.T) {
	const head = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfaid:part="2" pdfaid:conformance="A" pdfuaid:part="1"/>`
	const ext = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource"><pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType><pdfaProperty:category>internal</pdfaProperty:category><pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description></rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>`
	const tail = `</rdf:RDF></x:xmpmeta>`
	for _, c := range []struct {
		xmp  string
		pass bool
	}{{head + ext + tail, true}, {head + tail, false}} {
		p, err := parseXMP([]byte(c.xmp))
		if err != nil {
			t.Fatal(err)
		}
		detail, problems := (&checker{xmp: p}).xmpRule()
		if (len(problems) == 0) != c.pass {
			t.Errorf("pass %v: %v", c.pass, problems)
		}
		if c.pass && detail != "PDF/A-2a" {
			t.Errorf("detail %q", detail)
		}
	}
}

// TestFormChain: forms that each draw the next one many times are followed
// once each, not once per path (10^16 paths here).
func TestFormChain(t *testing.T) {
	f := taggedFixture()
	draw := strings.Repeat("/X Do ", 10)
	f = f.set(24, "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X 40 0 R >> >> >>\nstream\n"+draw)
	for i := 40; i < 60; i++ {
		f = f.set(i, fmt.Sprintf("<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X %d 0 R >> >> >>\nstream\n%s", i+1, draw))
	}
	f = f.set(60, "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] >>\nstream\n0 0 m 10 10 l S")
	done := make(chan error, 1)
	go func() { _, err := Check(f.bytes()); done <- err }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("a chain of forms took over 10 s")
	}
}
