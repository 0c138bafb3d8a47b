package workbook

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/pegpdf/pegpdf/model"
)

// xlsxSource is an .xlsx read straight from its zip parts: the workbook's
// sheet list, shared strings and cell formats are read once, each sheet is
// streamed row by row when asked for. Nothing is padded: a row holds its
// cells up to its last non-empty one, never past Limits.Columns.
type xlsxSource struct {
	files   map[string]*zip.File
	list    []sheetInfo
	paths   map[string]string // sheet name -> part name
	shared  []string
	formats []cellFormat // by the cell's style index (s="…")
	is1904  bool
	b       *budget
}

func openXLSX(data []byte, b *budget) (*xlsxSource, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, ErrTruncated
	}
	if err := b.declared(zr); err != nil {
		return nil, err
	}
	x := &xlsxSource{files: map[string]*zip.File{}, paths: map[string]string{}, b: b}
	for _, f := range zr.File {
		x.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	rels, err := x.rels("xl/_rels/workbook.xml.rels")
	if err != nil {
		return nil, err
	}
	if err := x.workbook(rels); err != nil {
		return nil, err
	}
	for target, typ := range rels.types {
		switch {
		case strings.HasSuffix(typ, "/sharedStrings"):
			err = x.sharedStrings(target)
		case strings.HasSuffix(typ, "/styles"):
			err = x.styles(target)
		}
		if err != nil {
			return nil, err
		}
	}
	return x, nil
}

func (x *xlsxSource) sheets() []sheetInfo { return x.list }
func (x *xlsxSource) date1904() bool      { return x.is1904 }

// part opens a zip part, counting what it unpacks against the budget. A
// part whose size or CRC does not match its header is a damaged file: the
// reader sees the error, never a shorter part.
func (x *xlsxSource) part(name string) (io.ReadCloser, bool) {
	f := x.files[name]
	if f == nil {
		return nil, false
	}
	rc, err := f.Open()
	if err != nil {
		return io.NopCloser(errReader{ErrTruncated}), true
	}
	return struct {
		io.Reader
		io.Closer
	}{&countingReader{r: rc, b: x.b}, rc}, true
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// countingReader charges every unpacked byte to the budget.
type countingReader struct {
	r io.Reader
	b *budget
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.b.unpacked += int64(n)
	if c.b.unpacked > c.b.lim.UnzipBytes {
		return n, c.b.tooBig()
	}
	if err != nil && err != io.EOF {
		err = ErrTruncated
	}
	return n, err
}

// decode streams the tokens of a part to fn, then reads the part to its end
// so that its CRC is checked.
func (x *xlsxSource) decode(name string, fn func(tok xml.Token) error) error {
	rc, ok := x.part(name)
	if !ok {
		return nil
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return damaged(err)
		}
		if err := fn(tok); err != nil {
			return err
		}
	}
	_, err := io.Copy(io.Discard, rc)
	return damaged(err)
}

// damaged keeps the budget's and the context's own errors and calls
// anything else a damaged file.
func damaged(err error) error {
	var p model.Problem
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrTooBig), errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded), errors.As(err, &p):
		return err
	}
	return ErrTruncated
}

// attrOf is the attribute named local, whatever its prefix (r:id is "id").
func attrOf(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

type relations struct {
	targets map[string]string // id -> part name
	types   map[string]string // part name -> type
}

func (x *xlsxSource) rels(name string) (relations, error) {
	r := relations{targets: map[string]string{}, types: map[string]string{}}
	err := x.decode(name, func(tok xml.Token) error {
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "Relationship" {
			if len(r.targets) >= maxParts {
				return ErrTruncated
			}
			t := attrOf(e, "Target")
			if strings.HasPrefix(t, "/") {
				t = strings.TrimPrefix(t, "/")
			} else {
				t = path.Join("xl", t)
			}
			r.targets[attrOf(e, "Id")] = t
			r.types[t] = attrOf(e, "Type")
		}
		return nil
	})
	return r, err
}

func (x *xlsxSource) workbook(rels relations) error {
	return x.decode("xl/workbook.xml", func(tok xml.Token) error {
		e, ok := tok.(xml.StartElement)
		if !ok {
			return nil
		}
		switch e.Name.Local {
		case "workbookPr":
			v := attrOf(e, "date1904")
			x.is1904 = v == "1" || v == "true"
		case "sheet":
			if len(x.list) >= maxParts {
				return ErrTruncated
			}
			name := attrOf(e, "name")
			state := attrOf(e, "state")
			x.list = append(x.list, sheetInfo{name: name, hidden: state == "hidden" || state == "veryHidden"})
			x.paths[name] = rels.targets[attrOf(e, "id")]
		}
		return nil
	})
}

// maxFormats bounds the cell formats read (Excel's own limit is 64,000),
// maxParts the sheets and relationships of a workbook.
const (
	maxFormats = 1 << 16
	maxParts   = 10_000
)

func (x *xlsxSource) sharedStrings(name string) error {
	var text strings.Builder
	in, skip, inT := false, 0, 0 // only the <t> parts are text: not the layout between runs
	return x.decode(name, func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				in = true
				text.Reset()
			case "t":
				inT++
			case "rPh": // phonetic guide: not part of the text
				skip++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				in = false
				if len(x.shared) >= x.b.lim.Cells {
					return fmt.Errorf("%w: più di %d testi", ErrTooBig, x.b.lim.Cells)
				}
				x.shared = append(x.shared, text.String())
			case "rPh":
				skip--
			case "t":
				inT--
			}
		case xml.CharData:
			if in && skip == 0 && inT > 0 {
				if text.Len()+len(t) > 4*x.b.lim.CellChars {
					return fmt.Errorf("%w: un testo supera %d caratteri", ErrTooBig, x.b.lim.CellChars)
				}
				text.Write(t)
			}
		}
		return nil
	})
}

func (x *xlsxSource) styles(name string) error {
	custom := map[int]string{}
	inXfs := false
	return x.decode(name, func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				if len(custom) >= maxFormats {
					return ErrTruncated
				}
				id, _ := strconv.Atoi(attrOf(t, "numFmtId"))
				custom[id] = attrOf(t, "formatCode")
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					if len(x.formats) >= maxFormats {
						return ErrTruncated
					}
					id, _ := strconv.Atoi(attrOf(t, "numFmtId"))
					x.formats = append(x.formats, formatOf(id, custom[id]))
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
		return nil
	})
}

// formatOf tells from a number format whether it shows a date or a
// percentage.
func formatOf(id int, code string) cellFormat {
	switch {
	case id >= 14 && id <= 22 || id >= 45 && id <= 47:
		return dateCell
	case id == 9 || id == 10:
		return percentCell
	case code != "":
		f := strings.ToLower(code)
		switch {
		case strings.Contains(f, "%"):
			return percentCell
		case strings.Contains(f, "yy") || strings.Contains(f, "dd") || strings.Contains(f, "aa"):
			return dateCell
		}
	}
	return plainCell
}
