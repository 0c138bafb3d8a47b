// Package pdfread reads a PDF back the way a reader of it would see it —
// the text of each page in reading order, its fonts, outline, links and
// metadata — through pdfium compiled to WebAssembly: an independent reader
// (not our PDF writer), in pure Go, so that tests need nothing but Go.
package pdfread

import (
	"fmt"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/responses"
	"github.com/klippa-app/go-pdfium/webassembly"
)

// Doc is what a reader sees of a PDF.
type Doc struct {
	Pages    []Page
	Outline  []Mark
	Fonts    map[string]bool // base font name -> embedded
	Meta     map[string]string
	Language string
}

// Page is one page.
type Page struct {
	Text  string
	Links []int // target page index of each internal link
}

// Mark is an outline entry.
type Mark struct {
	Title    string
	Page     int // target page index, -1 if none
	Children []Mark
}

var (
	once     sync.Once
	instance pdfium.Pdfium
	initErr  error
	mu       sync.Mutex // one document at a time through the instance
)

func get() (pdfium.Pdfium, error) {
	once.Do(func() {
		pool, err := webassembly.Init(webassembly.Config{MinIdle: 1, MaxIdle: 1, MaxTotal: 1})
		if err != nil {
			initErr = err
			return
		}
		instance, initErr = pool.GetInstance(time.Minute)
	})
	return instance, initErr
}

// Read parses data with pdfium.
func Read(data []byte) (doc *Doc, err error) {
	err = withDocument(data, func(p pdfium.Pdfium, d references.FPDF_DOCUMENT, pages int) error {
		doc, err = readDocument(p, d, pages)
		return err
	})
	return doc, err
}

// withDocument opens data with pdfium, one document at a time, and calls
// fn with it and its number of pages; the document is closed after.
func withDocument(data []byte, fn func(p pdfium.Pdfium, d references.FPDF_DOCUMENT, pages int) error) error {
	p, err := get()
	if err != nil {
		return fmt.Errorf("pdfium: %w", err)
	}
	mu.Lock()
	defer mu.Unlock()
	buf := append([]byte(nil), data...)
	od, err := p.OpenDocument(&requests.OpenDocument{File: &buf})
	if err != nil {
		return err
	}
	d := od.Document
	defer p.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: d})
	n, err := p.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: d})
	if err != nil {
		return err
	}
	return fn(p, d, n.PageCount)
}

func readDocument(p pdfium.Pdfium, d references.FPDF_DOCUMENT, pages int) (*Doc, error) {
	doc := &Doc{Fonts: map[string]bool{}, Meta: map[string]string{}}
	for i := 0; i < pages; i++ {
		pg, err := readPage(p, d, i, doc.Fonts)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i+1, err)
		}
		doc.Pages = append(doc.Pages, pg)
	}
	bm, err := p.GetBookmarks(&requests.GetBookmarks{Document: d})
	if err != nil {
		return nil, err
	}
	doc.Outline = marks(bm.Bookmarks)
	for _, tag := range []string{"Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate"} {
		if m, err := p.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: d, Tag: tag}); err == nil {
			doc.Meta[tag] = m.Value
		}
	}
	if l, err := p.FPDFCatalog_GetLanguage(&requests.FPDFCatalog_GetLanguage{Document: d}); err == nil {
		doc.Language = l.Language
	}
	return doc, nil
}

// eachTextObject calls fn with each text object of a page, in content
// order.
func eachTextObject(p pdfium.Pdfium, page requests.Page, fn func(references.FPDF_PAGEOBJECT) error) error {
	cnt, err := p.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: page})
	if err != nil {
		return err
	}
	for j := 0; j < cnt.Count; j++ {
		obj, err := p.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: page, Index: j})
		if err != nil {
			return err
		}
		typ, err := p.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj.PageObject})
		if err != nil || typ.Type != enums.FPDF_PAGEOBJ_TEXT {
			continue
		}
		if err := fn(obj.PageObject); err != nil {
			return err
		}
	}
	return nil
}

func readPage(p pdfium.Pdfium, d references.FPDF_DOCUMENT, i int, fonts map[string]bool) (Page, error) {
	var pg Page
	page := requests.Page{ByIndex: &requests.PageByIndex{Document: d, Index: i}}
	txt, err := p.GetPageText(&requests.GetPageText{Page: page})
	if err != nil {
		return pg, err
	}
	pg.Text = txt.Text
	err = eachTextObject(p, page, func(obj references.FPDF_PAGEOBJECT) error {
		f, err := p.FPDFTextObj_GetFont(&requests.FPDFTextObj_GetFont{PageObject: obj})
		if err != nil {
			return err
		}
		name, err := p.FPDFFont_GetBaseFontName(&requests.FPDFFont_GetBaseFontName{Font: f.Font})
		if err != nil {
			return err
		}
		emb, err := p.FPDFFont_GetIsEmbedded(&requests.FPDFFont_GetIsEmbedded{Font: f.Font})
		if err != nil {
			return err
		}
		fonts[name.BaseFontName] = emb.IsEmbedded
		return nil
	})
	if err != nil {
		return pg, err
	}
	start := 0
	for {
		l, err := p.FPDFLink_Enumerate(&requests.FPDFLink_Enumerate{Page: page, StartPos: start})
		if err != nil || l.Link == nil {
			break
		}
		target := -1
		if dest, err := p.FPDFLink_GetDest(&requests.FPDFLink_GetDest{Document: d, Link: *l.Link}); err == nil && dest.Dest != nil {
			if idx, err := p.FPDFDest_GetDestPageIndex(&requests.FPDFDest_GetDestPageIndex{Document: d, Dest: *dest.Dest}); err == nil {
				target = idx.Index
			}
		}
		pg.Links = append(pg.Links, target)
		if l.NextStartPos == nil {
			break
		}
		start = *l.NextStartPos
	}
	return pg, nil
}

func marks(bs []responses.GetBookmarksBookmark) []Mark {
	var out []Mark
	for _, b := range bs {
		m := Mark{Title: b.Title, Page: -1, Children: marks(b.Children)}
		if b.DestInfo != nil {
			m.Page = b.DestInfo.PageIndex
		}
		out = append(out, m)
	}
	return out
}
