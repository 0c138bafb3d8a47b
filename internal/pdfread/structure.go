package pdfread

import (
	"fmt"
	"strings"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// Elem is a structure element as pdfium reads it from one page's tree:
// its type, alternative text, the marked-content ids it holds on the page
// and their text, and its children in the tree's order.
type Elem struct {
	Type     string
	Alt      string
	MCIDs    []int
	Text     string // the text of its own marked content on the page
	Children []*Elem
}

// PageTree is what pdfium reads of a page's logical structure: the
// structure tree for the page (the elements with content on it, with their
// ancestors) and the marked-content ids of its text objects.
type PageTree struct {
	Elems  []*Elem
	Marked []int
}

// Structure reads the structure tree of every page of a PDF.
func Structure(data []byte) (pages []PageTree, err error) {
	err = withDocument(data, func(p pdfium.Pdfium, d references.FPDF_DOCUMENT, n int) error {
		for i := 0; i < n; i++ {
			pt, err := pageStructure(p, d, i)
			if err != nil {
				return fmt.Errorf("page %d: %w", i+1, err)
			}
			pages = append(pages, pt)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return pages, nil
}

func pageStructure(p pdfium.Pdfium, d references.FPDF_DOCUMENT, i int) (PageTree, error) {
	var pt PageTree
	page := requests.Page{ByIndex: &requests.PageByIndex{Document: d, Index: i}}
	tp, err := p.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: page})
	if err != nil {
		return pt, err
	}
	defer p.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	// The text of each marked-content id, in content order.
	text := map[int][]string{}
	err = eachTextObject(p, page, func(obj references.FPDF_PAGEOBJECT) error {
		id, err := p.FPDFPageObj_GetMarkedContentID(&requests.FPDFPageObj_GetMarkedContentID{PageObject: obj})
		if err != nil || id.MarkedContentID < 0 {
			return nil
		}
		t, err := p.FPDFTextObj_GetText(&requests.FPDFTextObj_GetText{PageObject: obj, TextPage: tp.TextPage})
		if err != nil {
			return err
		}
		if _, ok := text[id.MarkedContentID]; !ok {
			pt.Marked = append(pt.Marked, id.MarkedContentID)
		}
		text[id.MarkedContentID] = append(text[id.MarkedContentID], strings.TrimSpace(t.Text))
		return nil
	})
	if err != nil {
		return pt, err
	}

	tree, err := p.FPDF_StructTree_GetForPage(&requests.FPDF_StructTree_GetForPage{Page: page})
	if err != nil {
		return pt, err
	}
	defer p.FPDF_StructTree_Close(&requests.FPDF_StructTree_Close{StructTree: tree.StructTree})
	kids, err := p.FPDF_StructTree_CountChildren(&requests.FPDF_StructTree_CountChildren{StructTree: tree.StructTree})
	if err != nil {
		return pt, err
	}
	for k := 0; k < kids.Count; k++ {
		c, err := p.FPDF_StructTree_GetChildAtIndex(&requests.FPDF_StructTree_GetChildAtIndex{StructTree: tree.StructTree, Index: k})
		if err != nil {
			return pt, err
		}
		e, err := elem(p, c.StructElement, text, 0)
		if err != nil {
			return pt, err
		}
		pt.Elems = append(pt.Elems, e)
	}
	return pt, nil
}

func elem(p pdfium.Pdfium, se references.FPDF_STRUCTELEMENT, text map[int][]string, depth int) (*Elem, error) {
	if depth > 64 {
		return nil, fmt.Errorf("structure deeper than 64")
	}
	e := &Elem{}
	if t, err := p.FPDF_StructElement_GetType(&requests.FPDF_StructElement_GetType{StructElement: se}); err == nil {
		e.Type = t.Type
	}
	if a, err := p.FPDF_StructElement_GetAltText(&requests.FPDF_StructElement_GetAltText{StructElement: se}); err == nil {
		e.Alt = a.AltText
	}
	if n, err := p.FPDF_StructElement_GetMarkedContentIdCount(&requests.FPDF_StructElement_GetMarkedContentIdCount{StructElement: se}); err == nil {
		var parts []string
		for k := 0; k < n.Count; k++ {
			id, err := p.FPDF_StructElement_GetMarkedContentIdAtIndex(&requests.FPDF_StructElement_GetMarkedContentIdAtIndex{StructElement: se, Index: k})
			if err != nil || id.MarkedContentID < 0 {
				continue
			}
			e.MCIDs = append(e.MCIDs, id.MarkedContentID)
			parts = append(parts, text[id.MarkedContentID]...)
		}
		e.Text = strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
	}
	n, err := p.FPDF_StructElement_CountChildren(&requests.FPDF_StructElement_CountChildren{StructElement: se})
	if err != nil {
		return e, nil
	}
	for k := 0; k < n.Count; k++ {
		c, err := p.FPDF_StructElement_GetChildAtIndex(&requests.FPDF_StructElement_GetChildAtIndex{StructElement: se, Index: k})
		if err != nil {
			continue // a marked-content or object reference, not an element
		}
		ce, err := elem(p, c.StructElement, text, depth+1)
		if err != nil {
			return nil, err
		}
		e.Children = append(e.Children, ce)
	}
	return e, nil
}
