package render

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/pegpdf/pegpdf/internal/peggen"
	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// layoutItem is how a laid-out item is written in a golden layout file.
type layoutItem struct {
	Kind  string     `json:"kind"`
	Role  string     `json:"role"`
	Rect  [4]float64 `json:"rect"` // x, y, w, h in mm, rounded to 0.01
	Color string     `json:"color,omitempty"`
	Fill  string     `json:"fill,omitempty"`
	Font  string     `json:"font,omitempty"`
	Text  string     `json:"text,omitempty"`
	Alt   string     `json:"alt,omitempty"`
}

func hexColor(c Color) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// layoutJSON writes pages as the golden layout files hold them: per page,
// every item with its kind, role, rectangle, colours and text, as JSON, one
// item a line.
func layoutJSON(pages []*page) []byte {
	// One item a line, so that a change shows as the lines it changes.
	var b bytes.Buffer
	line := func(v any) {
		j, err := json.Marshal(v)
		if err != nil {
			panic(err)
		}
		b.WriteString("  ")
		b.Write(j)
		b.WriteString(",\n")
	}
	seenAlt := map[*snode]bool{}
	for i, p := range pages {
		fmt.Fprintf(&b, "page %d\n", i+1)
		for _, it := range p.items {
			li := layoutItem{
				Kind: [...]string{"text", "rect", "line", "image"}[it.kind],
				Role: it.roleName(),
				Rect: [4]float64{round2(it.x), round2(it.y), round2(it.w), round2(it.h)},
			}
			switch it.kind {
			case textItem:
				li.Rect[2], li.Rect[3] = round2(it.font.width(it.text)), round2(it.font.size*ptToMM)
				li.Color, li.Text = hexColor(it.color), it.text
				li.Font = fmt.Sprintf("%s %.1f", [...]string{"regular", "bold"}[it.font.style], it.font.size)
			case rectItem:
				if it.stroke {
					li.Color = hexColor(it.color)
				}
				if it.fill != nil {
					li.Fill = hexColor(*it.fill)
				}
			case lineItem:
				li.Color = hexColor(it.color)
			}
			if n := it.node; n != nil && n.tag == tagFigure && !seenAlt[n] {
				li.Alt, seenAlt[n] = n.altText(), true
			}
			line(li)
		}
		for _, l := range p.links {
			line(layoutItem{Kind: "link", Role: "Link", Rect: [4]float64{round2(l.x), round2(l.y), round2(l.w), round2(l.h)},
				Text: fmt.Sprintf("pagina %d", l.target+1)})
		}
	}
	return b.Bytes()
}

// goldenLayouts are the documents whose layout is kept in testdata: the
// reference sheet, a monitored sheet, a Gantt crossing years, a booklet's
// contents page and a report's summary page.
func goldenLayouts() map[string][]*page {
	th := DefaultTheme()
	asOf := model.Date{Year: 2019, Month: 7, Day: 31}
	monitored := peggen.Plan(peggen.Options{N: 3, Seed: 5, Monitoring: 1}).Objectives[1]

	crossing := templates.Example().Objectives[0]
	d := func(s string) model.Date { v, _ := model.ParseDate(s); return v }
	crossing.Phases[0].Start, crossing.Phases[0].End = d("01/10/2019"), d("31/03/2020")
	crossing.Phases[1].Start, crossing.Phases[1].End = d("15/02/2020"), d("30/06/2020")

	plan := peggen.Plan(peggen.Options{N: 12, Seed: 7, Monitoring: 0.8})
	objs := plan.Objectives
	model.SortForBooklet(objs)
	booklet, err := layoutBooklet(context.Background(), &th, objs, BookletInfo{Entity: "Comune di Esempio", Year: 2019}, Options{})
	if err != nil {
		panic(err)
	}
	materialize(&th, booklet, false)

	evals := model.Evaluate(objs, asOf)
	report := layoutReport(&th, evals, ReportInfo{Entity: "Comune di Esempio", Title: "Stato di attuazione al 31/07/2019", Year: 2019}, make([]int, len(evals)))

	return map[string][]*page{
		"2019_ZN10":      layoutSheet(&th, templates.Example().Objectives[0], Options{}),
		"monitored":      layoutSheet(&th, monitored, Options{AsOf: asOf}),
		"gantt-crossing": layoutSheet(&th, crossing, Options{})[:1],
		"contents":       booklet[1:2],
		"report":         report[1:2],
		"piao":           layoutSheet(&th, piaoObjective(), Options{}),
	}
}

// TestLayoutGolden compares the layout of goldenLayouts with
// testdata/*.layout.json, as go/printer does with its golden files; after
// an intended change: go test ./render -run LayoutGolden -update
func TestLayoutGolden(t *testing.T) {
	for name, pages := range goldenLayouts() {
		t.Run(name, func(t *testing.T) {
			got := layoutJSON(pages)
			path := filepath.Join("testdata", name+".layout.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
				for i := range min(len(gl), len(wl)) {
					if !bytes.Equal(gl[i], wl[i]) {
						t.Fatalf("the layout of %s changed at line %d:\n got: %s\nwant: %s\n(if intended, run with -update)", name, i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("the layout of %s changed: %d lines, want %d (if intended, run with -update)", name, len(gl), len(wl))
			}
		})
	}
}
