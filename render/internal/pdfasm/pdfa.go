package pdfasm

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// PDF/A-2a: what the assembly adds to a document for archiving (ISO
// 19005-2, level B), beyond what every pegpdf document already has (fonts
// embedded, a binary header comment, a trailer /ID, link annotations with
// the print flag, no transparency, no embedded files, no JavaScript): XMP
// metadata that agrees with the Info dictionary, and an sRGB OutputIntent.

// printable is meta as both the Info dictionary and the XMP metadata write
// it, so that they always agree (PDF/A asks it): control characters, which
// XML cannot hold, as spaces, and what is not a character (invalid UTF-8,
// U+FFFE, U+FFFF) as U+FFFD.
func (meta Meta) printable() Meta {
	fix := func(s string) string {
		ok := true
		for _, r := range s {
			if r < 0x20 || r >= 0x7F && r <= 0x9F || r == utf8.RuneError || r == 0xFFFE || r == 0xFFFF {
				ok = false
				break
			}
		}
		if ok {
			return s
		}
		var b strings.Builder
		for _, r := range s {
			switch {
			case unicode.Is(unicode.Cc, r):
				b.WriteByte(' ')
			case r == 0xFFFE || r == 0xFFFF:
				b.WriteRune(utf8.RuneError)
			default:
				b.WriteRune(r) // invalid UTF-8 comes out as U+FFFD
			}
		}
		return b.String()
	}
	meta.Title, meta.Author, meta.Subject, meta.Keywords = fix(meta.Title), fix(meta.Author), fix(meta.Subject), fix(meta.Keywords)
	return meta
}

// xmpObject is the metadata stream: uncompressed, as PDF/A wants it
// readable by tools that do not parse PDF.
func xmpObject(n int, meta Meta, created time.Time, pdfa bool) []byte {
	esc := func(s string) string {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	meta = meta.printable()
	date := created.Format("2006-01-02T15:04:05-07:00")
	var x bytes.Buffer
	x.WriteString("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	x.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<dc:format>application/pdf</dc:format>
`)
	if pdfa {
		x.WriteString("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n")
	}
	if meta.Title != "" {
		fmt.Fprintf(&x, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(meta.Title))
	}
	if meta.Author != "" {
		fmt.Fprintf(&x, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(meta.Author))
	}
	if meta.Subject != "" {
		fmt.Fprintf(&x, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(meta.Subject))
	}
	fmt.Fprintf(&x, "<dc:language><rdf:Bag><rdf:li>it-IT</rdf:li></rdf:Bag></dc:language>\n")
	if meta.Keywords != "" {
		fmt.Fprintf(&x, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(meta.Keywords))
	}
	fmt.Fprintf(&x, "<pdf:Producer>%s</pdf:Producer>\n<xmp:CreatorTool>%s</xmp:CreatorTool>\n", producer, producer)
	fmt.Fprintf(&x, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", date, date, date)
	x.WriteString("</rdf:Description>\n" + uaXMP + "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	var b bytes.Buffer
	fmt.Fprintf(&b, "%d 0 obj\n<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n", n, x.Len())
	b.Write(x.Bytes())
	b.WriteString("\nendstream\nendobj\n")
	return b.Bytes()
}

// iccObject is the sRGB profile, compressed.
func iccObject(n int, srgb []byte) []byte {
	body := fmt.Appendf(nil, "%d 0 obj\n<</N 3 /Length %d>>\nstream\n%s\nendstream\nendobj\n", n, len(srgb), srgb)
	out, err := compressObjectOnce(body)
	if err != nil {
		return body
	}
	return out
}

// outputIntent is the catalog's /OutputIntents entry for the profile n.
func outputIntent(n int) string {
	return fmt.Sprintf("/OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) /DestOutputProfile %d 0 R>>]\n", n)
}

// producer names pegpdf in the Info dictionary and the XMP metadata.
const producer = "pegpdf"

// uaXMP is the PDF/UA identification in the XMP metadata (ISO 14289-1
// §5), with the extension schema that PDF/A asks of a schema it does not
// predefine (ISO 19005-2 §6.6.2.3).
const uaXMP = `<rdf:Description rdf:about=""
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
`
