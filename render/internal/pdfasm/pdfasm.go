// Package pdfasm assembles finished PDF documents from the output of the
// PDF library render draws with: it cuts that output into objects (Parse),
// repairs its fonts, compresses its streams on every core, joins parts
// drawn apart into one (Merge) and writes documents of a range of pages
// (Part.Write) with their metadata, outline, links, structure tree
// (PDF/UA-1) and, on request, what PDF/A-2a adds.
//
// It knows PDF and nothing of what is drawn: it never imports the PDF
// library, model or render. render turns its own pages, structure trees,
// links and outline marks into the types of this file (Doc, Page, Tree,
// Link, Mark).
package pdfasm

import (
	"sort"
	"time"
)

// Meta is a document's metadata, written in the Info dictionary and in the
// XMP metadata (the same text in both).
type Meta struct {
	Title, Author, Subject, Keywords string
	Created                          time.Time // also the modification date; zero: 1970
}

// Doc is what a document is made of besides its pages' content.
type Doc struct {
	Meta Meta
	// Pages describes each page of the document (to - from of them):
	// its links, outline marks and tagged content. nil: none.
	Pages []Page
	// Tagged writes the structure tree of Pages (PDF/UA-1): the links
	// become annotation objects of Link elements. Untagged, the links are
	// written in the pages' dictionaries.
	Tagged bool
	// Height is the height of the pages in points, where a link or an
	// outline item leads (the top of its page).
	Height float64
	// PDFA makes the document PDF/A-2a: XMP metadata that says so and an
	// OutputIntent with the ICC profile SRGB (sRGB IEC61966-2.1).
	PDFA bool
	SRGB []byte // the profile, with PDFA
}

// Page is one page of a document as the assembly sees it.
type Page struct {
	Tree  *Tree   // the structure tree its content belongs to; nil: none
	MCIDs []int32 // the element of Tree of each marked-content id of the page, -1 for none
	Links []Link
	Marks []Mark // outline items that lead to this page
}

// Link is a clickable area of a page leading to another page.
type Link struct {
	Rect   [4]float64 // lower left x, y, upper right x, y, in points
	Target int        // index of the page it leads to, in the document
	Elem   int32      // its Link element in the page's Tree, -1 for none
	// Contents describes it, for those who cannot see it: where it leads
	// and the text it covers (written tagged only).
	Contents string
}

// Mark is an outline item. Items follow each other in page order; an item
// is the child of the nearest earlier item of a lower level.
type Mark struct {
	Title string
	Level int     // 0 for the top level; levels 1 and below start closed
	Top   float64 // where on its page it leads, in points from the bottom
}

// Tag is a standard structure type (ISO 32000-1 §14.8.4).
type Tag uint8

const (
	TagDocument Tag = iota
	TagSect
	TagH1
	TagH2
	TagP
	TagTable
	TagTHead
	TagTBody
	TagTR
	TagTH
	TagTD
	TagFigure
	TagTOC
	TagTOCI
	TagLink
	NumTags = iota // how many tags there are
)

var tagNames = [NumTags]string{"Document", "Sect", "H1", "H2", "P", "Table", "THead", "TBody", "TR", "TH", "TD", "Figure", "TOC", "TOCI", "Link"}

func (t Tag) String() string { return tagNames[t] }

// Scope is a TH element's /Scope.
type Scope uint8

const (
	NoScope Scope = iota
	ColumnScope
	RowScope
)

func (s Scope) String() string { return [...]string{"", "Column", "Row"}[s] }

// Tree is one structure tree — a flow of content: a sheet, the contents —
// in flat form, its elements in reading order (depth first, a parent
// before its children, children in order), element 0 its root. A booklet
// keeps thousands until it is written: a few bytes an element, no
// pointers. Add builds one.
type Tree struct {
	Tag    []Tag
	Parent []int32 // the parent's index; -1 for the root
	Scope  []Scope // TH
	Span   []int16 // a table cell's /ColSpan when over 1
	Alt    []Alt   // the Figures' alternative texts, in element order
}

// Alt is the alternative text of a Figure of a Tree. Text makes it when a
// document is written, so that a booklet's thousands are not held until
// then: it may be called from any goroutine, and once per document.
type Alt struct {
	Elem int32
	Text func() string
	BBox [4]float64 // the Figure's /BBox on its page, in points (llx lly urx ury); all zero: none written
}

// Add appends an element of type tag, child of parent (-1 for the root),
// and returns its index. Elements must be added in reading order: parent
// is the last element added or one of its ancestors.
func (t *Tree) Add(tag Tag, parent int32, sc Scope, span int16) int32 {
	t.Tag = append(t.Tag, tag)
	t.Parent = append(t.Parent, parent)
	t.Scope = append(t.Scope, sc)
	t.Span = append(t.Span, span)
	return int32(len(t.Tag) - 1)
}

// Len is the number of elements.
func (t *Tree) Len() int { return len(t.Tag) }

// alt is the alternative text of element e, "" for none, and its bounding
// box.
func (t *Tree) alt(e int32) (string, [4]float64) {
	i := sort.Search(len(t.Alt), func(i int) bool { return t.Alt[i].Elem >= e })
	if i < len(t.Alt) && t.Alt[i].Elem == e {
		a := t.Alt[i]
		text := ""
		if a.Text != nil {
			text = a.Text()
		}
		return text, a.BBox
	}
	return "", [4]float64{}
}
