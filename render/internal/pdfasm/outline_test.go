package pdfasm

import (
	"bytes"
	"encoding/hex"
	"encoding/xml"
	"regexp"
	"testing"
	"time"
	"unicode/utf16"
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
	doc := &Doc{Height: 842, Pages: []Page{
		{Marks: []Mark{{Title: "Indice", Level: 0}}},
		{Marks: []Mark{{Title: "Dir A", Level: 0}, {Title: "Svc a", Level: 1}, {Title: "a1", Level: 2}}},
		{Marks: []Mark{{Title: "a2", Level: 2}}},
		{Marks: []Mark{{Title: "Svc b", Level: 1}, {Title: "b1", Level: 2}}},
		{Marks: []Mark{{Title: "Dir B", Level: 0}, {Title: "Svc c", Level: 1}, {Title: "c1", Level: 2}}},
	}}
	objs, root := outline(doc, []int{3, 5, 7, 9, 11}, 100)
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
		xmp := xmpObject(2, meta, meta.Created, true)
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
