package verify

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

func problem(format string, a ...any) []string { return []string{fmt.Sprintf(format, a...)} }

func (c *checker) header() (string, []string) {
	d := c.data
	if len(d) < 9 || !bytes.HasPrefix(d, []byte("%PDF-1.")) || d[7] < '0' || d[7] > '7' || (d[8] != '\n' && d[8] != '\r') {
		return "", problem("l'intestazione non è %%PDF-1.0 … %%PDF-1.7 seguita da un a capo")
	}
	rest := bytes.TrimLeft(d[9:], "\r\n")
	if len(rest) < 5 || rest[0] != '%' {
		return "", problem("manca il commento binario dopo l'intestazione")
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
		return "", problem("il commento dopo l'intestazione ha %d byte binari, ne servono 4", high)
	}
	return string(d[:8]), nil
}

func (c *checker) encrypt() (string, []string) {
	if c.ctx.Encrypt != nil || c.ctx.E != nil {
		return "", problem("il documento è cifrato")
	}
	return "", nil
}

func (c *checker) id() (string, []string) {
	if len(c.ctx.ID) != 2 {
		return "", problem("il trailer non ha /ID")
	}
	return "", nil
}

func (c *checker) xmpRule() (string, []string) {
	p, err := c.xmp, c.xmpErr
	if err != nil {
		return "", problem("%v", err)
	}
	if p.Part != "2" || p.Conformance != "A" && p.Conformance != "B" {
		return "", problem("pdfaid:part %q e pdfaid:conformance %q, attesi 2 e A o B", p.Part, p.Conformance)
	}
	if p.UAPart != "" && !p.Extensions[nsPDFUAID] {
		return "", problem("l'XMP usa pdfuaid ma non lo dichiara in pdfaExtension:schemas (PDF/A lo richiede)")
	}
	return "PDF/A-2" + strings.ToLower(p.Conformance), nil
}

func (c *checker) consistent() (string, []string) {
	p, err := c.xmp, c.xmpErr
	if err != nil {
		return "", problem("nessun XMP da confrontare: %v", err)
	}
	var info types.Dict
	if c.ctx.Info != nil {
		info = c.dict(*c.ctx.Info)
	}
	if info == nil {
		return "", problem("manca il dizionario Info")
	}
	var bad []string
	for _, f := range []struct{ key, xmp string }{
		{"Title", p.Title}, {"Author", p.Creator}, {"Subject", p.Description},
		{"Keywords", p.Keywords}, {"Producer", p.Producer},
	} {
		if v := c.text(info[f.key]); v != f.xmp {
			bad = append(bad, fmt.Sprintf("%s: Info %q, XMP %q", f.key, v, f.xmp))
		}
	}
	for _, f := range []struct{ key, xmp string }{{"CreationDate", p.CreateDate}, {"ModDate", p.ModifyDate}} {
		iv := c.text(info[f.key])
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
	return "", bad
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

func (c *checker) outputIntent() (string, []string) {
	o, ok := c.ctx.RootDict.Find("OutputIntents")
	if !ok {
		return "", problem("il catalogo non ha /OutputIntents")
	}
	arr := c.array(o)
	if arr == nil {
		return "", problem("/OutputIntents non è un array")
	}
	for _, e := range arr {
		d := c.dict(e)
		if d == nil || c.text(d["S"]) != "GTS_PDFA1" {
			continue
		}
		sd, _, err := c.ctx.DereferenceStreamDict(d["DestOutputProfile"])
		if err != nil || sd == nil {
			return "", problem("l'OutputIntent non ha il profilo ICC")
		}
		if n := sd.IntEntry("N"); n == nil || *n != 3 {
			return "", problem("il profilo ICC non è RGB (/N 3)")
		}
		if b, ok := c.decode(sd, objNr(d["DestOutputProfile"])); !ok || len(b) < 40 || string(b[36:40]) != "acsp" {
			return "", problem("il profilo ICC non è un profilo ICC valido")
		}
		return c.text(d["OutputConditionIdentifier"]), nil
	}
	return "", problem("nessun OutputIntent /GTS_PDFA1")
}

func (c *checker) embedded() (string, []string) {
	if names := c.dict(c.ctx.RootDict["Names"]); names != nil {
		if _, ok := names.Find("EmbeddedFiles"); ok {
			return "", problem("il catalogo ha un albero /EmbeddedFiles")
		}
	}
	return "", nil
}
