package verify

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// fixture is a small tagged PDF written by hand, object by object, so that
// each test can break one thing and still get a well-formed file (the xref
// is computed). Object numbers are the map keys.
type fixture map[int]string

// taggedContent is page 1's content: an artifact, headings, a paragraph,
// a figure (its MCID given through /Properties), a table, a link, and the
// things a tokenizer must not be fooled by (parentheses in strings, hex
// strings, an inline image whose data holds "EMC" and "Tj").
const taggedContent = `/Artifact <</Type /Pagination /Subtype /Header>> BDC 0 0 1 rg 10 800 575 1 re f EMC
/H1 <</MCID 0>> BDC BT /F1 14 Tf 72 760 Td (Obiettivo \(1\) ) Tj ET EMC
/H2 <</MCID 1>> BDC BT /F1 11 Tf 72 740 Td <464153> Tj ET EMC
/P <</MCID 2>> BDC BT /F1 10 Tf 72 720 Td [(De) -20 (scrizione (con) parentesi)] TJ ET EMC
/Figure /P0 BDC q 50 0 0 50 72 600 cm BI /W 4 /H 1 /BPC 8 /CS /G ID EMC Tj
EI Q EMC
/Table <</MCID 4>> BDC EMC
/TH <</MCID 5>> BDC BT 72 560 Td (Voce) Tj ET EMC
/TD <</MCID 6>> BDC BT 200 560 Td (Valore) Tj ET EMC
/Link <</MCID 7>> BDC BT 72 540 Td (vai alla scheda) Tj ET EMC
/Artifact BMC 72 530 m 500 530 l S /Fm1 Do EMC
/Span <</MCID 8>> BDC /Fm2 Do EMC
`

func taggedFixture() fixture {
	return fixture{
		1: `<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 5 0 R /Lang (it-IT)
/ViewerPreferences << /DisplayDocTitle true >> /Metadata 20 0 R >>`,
		2: `<< /Type /Pages /Kids [3 0 R] /Count 1 >>`,
		3: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R
/Resources << /Font << /F1 10 0 R >> /Properties << /P0 << /MCID 3 >> >> /XObject << /Fm1 24 0 R /Fm2 25 0 R >> >>
/StructParents 0 /Tabs /S /Annots [11 0 R] >>`,
		4: "stream\n" + taggedContent,
		5: `<< /Type /StructTreeRoot /K 6 0 R /ParentTree 7 0 R /ParentTreeNextKey 2 /RoleMap << /Scheda /Sect >> >>`,
		6: `<< /Type /StructElem /S /Document /P 5 0 R /K [12 0 R 13 0 R] >>`,
		7: `<< /Nums [0 [12 0 R 14 0 R 15 0 R 16 0 R 17 0 R 21 0 R 22 0 R 19 0 R 26 0 R] 1 19 0 R] >>`,
		// A Type3 font: its glyphs are drawn by the file itself, so it is
		// "embedded" without a font program; it maps to Unicode.
		10: `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750] /FontMatrix [0.001 0 0 0.001 0 0]
/CharProcs << /a 30 0 R >> /Encoding << /Type /Encoding /Differences [97 /a] >> /FirstChar 97 /LastChar 97 /Widths [500]
/Resources << >> /ToUnicode 31 0 R >>`,
		11: `<< /Type /Annot /Subtype /Link /Rect [72 535 200 550] /F 4 /Contents (Vai alla scheda 2019_ZN10) /StructParent 1 /A << /S /URI /URI (https://example.org/) >> >>`,
		12: `<< /Type /StructElem /S /H1 /P 6 0 R /Pg 3 0 R /K 0 >>`,
		13: `<< /Type /StructElem /S /Scheda /P 6 0 R /Pg 3 0 R /K [14 0 R 15 0 R 16 0 R 17 0 R 19 0 R 26 0 R] >>`,
		14: `<< /Type /StructElem /S /H2 /P 13 0 R /Pg 3 0 R /K 1 >>`,
		15: `<< /Type /StructElem /S /P /P 13 0 R /Pg 3 0 R /K [2] >>`,
		16: `<< /Type /StructElem /S /Figure /P 13 0 R /Pg 3 0 R /Alt (Gantt 2019: fase 1, dal 01/01/2019 al 31/03/2019) /K << /Type /MCR /MCID 3 /Pg 3 0 R >> >>`,
		17: `<< /Type /StructElem /S /Table /P 13 0 R /Pg 3 0 R /K [4 18 0 R] >>`,
		18: `<< /Type /StructElem /S /TR /P 17 0 R /Pg 3 0 R /K [21 0 R 22 0 R] >>`,
		19: `<< /Type /StructElem /S /Link /P 13 0 R /Pg 3 0 R /K [7 << /Type /OBJR /Obj 11 0 R /Pg 3 0 R >>] >>`,
		20: "<< /Type /Metadata /Subtype /XML >>\nstream\n" + xmpFixture,
		21: `<< /Type /StructElem /S /TH /P 18 0 R /Pg 3 0 R /K 5 /A << /O /Table /Scope /Row >> >>`,
		22: `<< /Type /StructElem /S /TD /P 18 0 R /Pg 3 0 R /K 6 >>`,
		23: `<< /Title (Scheda 2019_ZN10) /Producer (pegpdf) >>`,
		24: "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] >>\nstream\n0 0 m 10 10 l S",
		25: "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] >>\nstream\n0 0 10 10 re f",
		26: `<< /Type /StructElem /S /P /P 13 0 R /Pg 3 0 R /K 8 >>`,
		30: "stream\n500 0 0 0 750 750 d1 0 0 750 750 re f",
		31: "stream\n" + toUnicode,
	}
}

const toUnicode = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfchar <61> <0061> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end`

const xmpFixture = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Scheda 2019_ZN10</rdf:li></rdf:Alt></dc:title>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`

// set returns a copy with object n replaced.
func (f fixture) set(n int, s string) fixture {
	g := fixture{}
	for k, v := range f {
		g[k] = v
	}
	g[n] = s
	return g
}

// edit returns a copy with old replaced by new in object n, which must
// change.
func (f fixture) edit(n int, old, new string) fixture {
	if !strings.Contains(f[n], old) {
		panic(fmt.Sprintf("object %d has no %q", n, old))
	}
	return f.set(n, strings.Replace(f[n], old, new, 1))
}

// bytes writes the file: objects whose text starts with "stream" (or has a
// dictionary then "stream") become streams with a computed /Length.
func (f fixture) bytes() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
	nums := make([]int, 0, len(f))
	size := 0
	for n := range f {
		nums = append(nums, n)
		size = max(size, n+1)
	}
	sort.Ints(nums)
	offsets := map[int]int{}
	for _, n := range nums {
		offsets[n] = b.Len()
		body := f[n]
		fmt.Fprintf(&b, "%d 0 obj\n", n)
		if i := strings.Index(body, "stream\n"); i >= 0 && (i == 0 || strings.HasSuffix(body[:i], ">>\n")) {
			dict, data := strings.TrimSpace(body[:i]), body[i+len("stream\n"):]
			if dict == "" {
				dict = "<< >>"
			}
			dict = strings.TrimSuffix(dict, ">>") + fmt.Sprintf(" /Length %d >>", len(data))
			fmt.Fprintf(&b, "%s\nstream\n%s\nendstream", dict, data)
		} else {
			b.WriteString(body)
		}
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		if off, ok := offsets[n]; ok {
			fmt.Fprintf(&b, "%010d 00000 n \n", off)
		} else {
			b.WriteString("0000000000 65535 f \n")
		}
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 23 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\nstartxref\n%d\n%%%%EOF\n", size, xref)
	return b.Bytes()
}
