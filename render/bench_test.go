package render

import (
	"io"
	"testing"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// BenchmarkSheet is the time to lay out and draw one objective sheet.
func BenchmarkSheet(b *testing.B) {
	th := DefaultTheme()
	o := templates.Example().Objectives[0]
	for b.Loop() {
		if err := Sheet(io.Discard, &th, o, Options{}, Meta{}); err != nil {
			b.Fatal(err)
		}
	}
}

func manyObjectives(n int) []*model.Objective {
	base := templates.Example().Objectives[0]
	out := make([]*model.Objective, n)
	for i := range out {
		o := *base
		o.Code = base.Code + "_" + itoa(i)
		out[i] = &o
	}
	return out
}

// BenchmarkBookletDraw is the time to lay out and draw a 1,000-sheet booklet.
func BenchmarkBookletDraw(b *testing.B) {
	th := DefaultTheme()
	objs := manyObjectives(1000)
	for b.Loop() {
		if err := Booklet(io.Discard, &th, objs, BookletInfo{Year: 2019}, Options{}, Meta{}); err != nil {
			b.Fatal(err)
		}
	}
}
