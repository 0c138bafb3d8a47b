package render

import (
	"strings"
	"testing"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// hostile returns objectives that push the layout: Excel's longest cell in
// the description, a phase and a note, 300 phases, a 2,000-character word,
// phases from 1990 to 2040, and every optional field empty.
func hostile() map[string]*model.Objective {
	const maxCell = 32767
	long := strings.Repeat("Testo molto lungo incollato da una pagina web, con parole e punteggiatura; ", 500)[:maxCell]
	d := func(s string) model.Date { v, _ := model.ParseDate(s); return v }

	longCells := templates.Example().Objectives[0]
	longCells.Description = long
	longCells.Phases[0].Description = long
	longCells.Phases[1].Notes = long

	many := longObjective(500, 300)

	word := templates.Example().Objectives[0]
	word.Title = strings.Repeat("W", 2000)
	word.Phases[0].Owner = strings.Repeat("X", 2000)
	word.Indicators[0].Target = model.ParseTarget(strings.Repeat("9", 2000))

	span := templates.Example().Objectives[0]
	span.Phases[0].Start, span.Phases[0].End = d("01/01/1990"), d("31/12/2040")

	empty := &model.Objective{Code: "2019_VUOTO", Title: "Solo i campi obbligatori", Direction: "D"}
	return map[string]*model.Objective{"long cells": longCells, "300 phases": many, "long word": word, "1990-2040": span, "empty": empty, "piao": piaoObjective()}
}

// TestLayoutStaysOnThePage: for every hostile objective, every item lies
// inside the page above the footer, and no two texts overlap.
func TestLayoutStaysOnThePage(t *testing.T) {
	th := DefaultTheme()
	for name, o := range hostile() {
		t.Run(name, func(t *testing.T) {
			pages := layoutSheet(&th, o, Options{AsOf: model.Date{Year: 2019, Month: 7, Day: 31}})
			for n, p := range pages {
				var texts []item
				for _, it := range p.items {
					x1, y1, x2, y2 := box(it)
					if x1 < th.Margin-0.01 || x2 > th.PageWidth-th.Margin+0.01 || y1 < th.Margin-0.01 || y2 > th.bottom()+0.01 {
						t.Fatalf("page %d: %v item %q at (%.1f,%.1f)-(%.1f,%.1f) leaves the page", n+1, it.kind, clip(it.text), x1, y1, x2, y2)
					}
					if it.kind == textItem {
						texts = append(texts, it)
					}
				}
				for i := range texts {
					for j := i + 1; j < len(texts); j++ {
						if overlap(texts[i], texts[j]) {
							t.Fatalf("page %d: %q and %q overlap", n+1, clip(texts[i].text), clip(texts[j].text))
						}
					}
				}
			}
		})
	}
}

func box(it item) (x1, y1, x2, y2 float64) {
	switch it.kind {
	case textItem:
		return it.x, it.y, it.x + it.font.width(it.text), it.y + it.font.size*ptToMM
	case lineItem:
		return min(it.x, it.x+it.w), min(it.y, it.y+it.h), max(it.x, it.x+it.w), max(it.y, it.y+it.h)
	}
	return it.x, it.y, it.x + it.w, it.y + it.h
}

func overlap(a, b item) bool {
	const eps = 0.05
	ax1, ay1, ax2, ay2 := box(a)
	bx1, by1, bx2, by2 := box(b)
	return ax1 < bx2-eps && bx1 < ax2-eps && ay1 < by2-eps && by1 < ay2-eps
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// TestHostileRenders: the same objectives render to PDFs that pdfium reads,
// the long texts complete.
func TestHostileRenders(t *testing.T) {
	for name, o := range hostile() {
		t.Run(name, func(t *testing.T) {
			doc, _ := renderSheet(t, o, Options{})
			if len(doc.Pages) < 2 && name != "empty" { // a sparse sheet fits on one page
				t.Fatalf("pages: %d", len(doc.Pages))
			}
			n := len(doc.Pages)
			if !strings.Contains(doc.Pages[n-1].Text, "Pagina "+itoa(n)+" di "+itoa(n)) {
				t.Errorf("last page footer: %q", tail(doc.Pages[n-1].Text, 40))
			}
		})
	}
	doc, _ := renderSheet(t, hostile()["long cells"], Options{})
	text := strings.Join(strings.Fields(strings.ReplaceAll(allText(doc), "\r\n", " ")), " ")
	if c := strings.Count(text, "Testo molto lungo"); c < 3*400 {
		t.Errorf("the three long cells kept %d of their %d sentences", c, 3*437)
	}
}
