package main

import (
	"bytes"
	"encoding/hex"
	"html"
	"regexp"
	"strings"
	"unicode/utf16"

	"github.com/pegpdf/pegpdf/produce"
)

// Telling pegpdf's own PDFs, and a Codice's own sheet, from a person's:
// the Producer, the revisions, the Info dictionary or the XMP metadata.

// isSheetOf reports whether the pegpdf PDF data is the sheet whose file
// name is name: its Info /Title is «Codice – Titolo» and its /Subject ends
// with the Codice (a sheet's are; a booklet's or a report's are not), and
// that Codice's file name is name (compared as the sheets' names are,
// without case).
func isSheetOf(data []byte, name string) bool {
	info := infoDict(data)
	title, subject := pdfText(info, "/Title"), pdfText(info, "/Subject")
	if title == "" { // the Info dictionary out of sight: the XMP metadata says the same
		title, subject = xmpText(data, "dc:title"), xmpText(data, "dc:description")
	}
	for rest := title; ; {
		i := strings.Index(rest, " – ")
		if i < 0 {
			return false
		}
		code := title[:len(title)-len(rest)+i]
		if strings.HasSuffix(subject, " "+code) && strings.EqualFold(produce.SafeName(code)+".pdf", name) {
			return true
		}
		rest = rest[i+len(" – "):]
	}
}

// xmpText is the x-default text of the XMP property tag (dc:title,
// dc:description) in data, unescaped; "" when none.
func xmpText(data []byte, tag string) string {
	_, v, ok := bytes.Cut(data, []byte("<"+tag+"><rdf:Alt><rdf:li xml:lang=\"x-default\">"))
	if !ok {
		return ""
	}
	v, _, ok = bytes.Cut(v[:min(len(v), producerWindow)], []byte("</rdf:li>"))
	if !ok {
		return ""
	}
	return html.UnescapeString(string(v))
}

// infoRef is the trailer's reference to the Info dictionary.
var infoRef = regexp.MustCompile(`/Info\s+(\d+)\s+0\s+R`)

// infoDict is the body of the Info dictionary of the PDF data (pegpdf
// keeps it out of the object streams), or nil.
func infoDict(data []byte) []byte {
	refs := infoRef.FindAllSubmatch(data, -1)
	if len(refs) == 0 {
		return nil
	}
	obj := append(append([]byte("\n"), refs[len(refs)-1][1]...), " 0 obj"...)
	i := bytes.Index(data, obj)
	if i < 0 {
		return nil
	}
	body := data[i+len(obj):]
	if j := bytes.Index(body, []byte("endobj")); j >= 0 {
		return body[:j]
	}
	return nil
}

// pdfText is the value of the text string after key in the dictionary
// dict: UTF-16BE in hex, as pegpdf writes it, or a literal; "" when none.
func pdfText(dict []byte, key string) string {
	i := bytes.Index(dict, []byte(key))
	if i < 0 {
		return ""
	}
	v := bytes.TrimLeft(dict[i+len(key):], " \t\r\n")
	switch {
	case bytes.HasPrefix(v, []byte("<")) && !bytes.HasPrefix(v, []byte("<<")):
		end := bytes.IndexByte(v, '>')
		if end < 0 {
			return ""
		}
		b, err := hex.DecodeString(string(bytes.Join(bytes.Fields(v[1:end]), nil)))
		if err != nil {
			return ""
		}
		return textOf(b)
	case bytes.HasPrefix(v, []byte("(")):
		var b []byte
		depth := 0
		for j := 1; j < len(v); j++ {
			c := v[j]
			switch {
			case c == '\\' && j+1 < len(v):
				j++
				c = v[j]
				if e, ok := pdfEscapes[c]; ok {
					c = e
				}
			case c == '(':
				depth++
			case c == ')' && depth == 0:
				return textOf(b)
			case c == ')':
				depth--
			}
			b = append(b, c)
		}
	}
	return ""
}

// isPegpdfPDF: one revision (one %%EOF, at the end), and the Info
// dictionary's Producer is pegpdf, as a literal or a UTF-16 hex string.
func isPegpdfPDF(data []byte) bool {
	if bytes.Count(data, []byte("%%EOF")) != 1 || !bytes.HasSuffix(bytes.TrimRight(data, "\r\n \t"), []byte("%%EOF")) {
		return false
	}
	// The expression only where a Producer begins: run over a whole PDF
	// it would take milliseconds a sheet, seconds a rerun of a batch.
	for _, key := range [][]byte{[]byte("/Producer"), []byte("<pdf:Producer>")} {
		for rest := data; ; {
			i := bytes.Index(rest, key)
			if i < 0 {
				break
			}
			if pegpdfProducer.Match(rest[i:min(len(rest), i+producerWindow)]) {
				return true
			}
			rest = rest[i+len(key):]
		}
	}
	return false
}

// producerWindow is how far a Producer's value is looked for after its key.
const producerWindow = 4096

// pegpdfProducer is an Info /Producer that begins with pegpdf ("pegpdf",
// "pegpdf 1.2.0"), as a literal or a UTF-16 hex string, or the same in the
// XMP metadata (where the Info dictionary is compressed out of sight).
var pegpdfProducer = regexp.MustCompile(`^(?:/Producer\s*(?:\(pegpdf[^)]*\)|<(?i:feff007000650067007000640066)[0-9A-Fa-f\s]*>)|<pdf:Producer>pegpdf)`)

// pdfEscapes are the escapes of a PDF literal string (\\, \( and \) are
// the character itself).
var pdfEscapes = map[byte]byte{'n': '\n', 'r': '\r', 't': '\t', 'b': '\b', 'f': '\f'}

// textOf decodes a PDF text string: UTF-16BE after its byte-order mark,
// or else one byte a character (PDFDocEncoding, as Latin-1).
func textOf(b []byte) string {
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		units := make([]uint16, 0, len(b)/2)
		for i := 2; i+1 < len(b); i += 2 {
			units = append(units, uint16(b[i])<<8|uint16(b[i+1]))
		}
		return string(utf16.Decode(units))
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}
