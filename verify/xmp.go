package verify

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// XMP namespaces the checker reads.
const (
	nsPDFAID    = "http://www.aiim.org/pdfa/ns/id/"
	nsPDFUAID   = "http://www.aiim.org/pdfua/ns/id/"
	nsDC        = "http://purl.org/dc/elements/1.1/"
	nsXMP       = "http://ns.adobe.com/xap/1.0/"
	nsPDF       = "http://ns.adobe.com/pdf/1.3/"
	nsPDFSchema = "http://www.aiim.org/pdfa/ns/schema#"
)

// xmpPacket is what the checker reads of the XMP metadata.
type xmpPacket struct {
	Part, Conformance, UAPart             string
	Title, Creator, Description, Keywords string
	Producer, CreateDate, ModifyDate      string
	// Extensions are the namespaces declared in pdfaExtension:schemas.
	Extensions map[string]bool
}

func (c *checker) metadata() (*xmpPacket, error) {
	o, ok := c.ctx.RootDict.Find("Metadata")
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
	b, decoded := c.decode(sd, objNr(o))
	if !decoded {
		return nil, errors.New("lo stream /Metadata non si legge")
	}
	return parseXMP(b)
}

// parseXMP reads the properties pegpdf checks from an XMP packet, whether
// written as elements or as attributes, telling namespaces apart
// (pdfaid:part and pdfuaid:part share a local name).
func parseXMP(data []byte) (*xmpPacket, error) {
	p := &xmpPacket{Extensions: map[string]bool{}}
	dec := xml.NewDecoder(bytes.NewReader(data))
	fields := map[xml.Name]*string{
		{Space: nsPDFAID, Local: "part"}: &p.Part, {Space: nsPDFAID, Local: "conformance"}: &p.Conformance,
		{Space: nsPDFUAID, Local: "part"}: &p.UAPart,
		{Space: nsDC, Local: "title"}:     &p.Title, {Space: nsDC, Local: "creator"}: &p.Creator,
		{Space: nsDC, Local: "description"}: &p.Description, {Space: nsPDF, Local: "Keywords"}: &p.Keywords,
		{Space: nsPDF, Local: "Producer"}: &p.Producer, {Space: nsXMP, Local: "CreateDate"}: &p.CreateDate,
		{Space: nsXMP, Local: "ModifyDate"}: &p.ModifyDate,
	}
	set := func(name xml.Name, value string) {
		if name == (xml.Name{Space: nsPDFSchema, Local: "namespaceURI"}) {
			p.Extensions[strings.TrimSpace(value)] = true
		}
		if f, ok := fields[name]; ok && *f == "" {
			*f = strings.TrimSpace(value)
		}
	}
	var path []xml.Name
	for {
		tok, err := dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, fmt.Errorf("l'XMP non è XML valido (%s)", xmlWhere(dec))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			path = append(path, t.Name)
			for _, a := range t.Attr {
				set(a.Name, a.Value)
			}
		case xml.EndElement:
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
		case xml.CharData:
			if len(path) == 0 || strings.TrimSpace(string(t)) == "" {
				continue
			}
			name := path[len(path)-1]
			if name.Local == "li" && len(path) >= 3 { // dc:title/rdf:Alt/rdf:li
				name = path[len(path)-3]
			}
			set(name, string(t))
		}
	}
	return p, nil
}

func xmlWhere(dec *xml.Decoder) string {
	line, col := dec.InputPos()
	return fmt.Sprintf("riga %d, colonna %d", line, col)
}
