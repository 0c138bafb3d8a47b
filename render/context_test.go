package render

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/pegpdf/pegpdf/model"
)

// TestContextStops: a booklet or a report whose context is done stops
// with the context's error and writes nothing, whether it was given up
// before it started or while it was laid out and drawn.
func TestContextStops(t *testing.T) {
	th := DefaultTheme()
	objs := manyObjectives(300)
	evals := model.Evaluate(objs, model.Date{Year: 2019, Month: 7, Day: 31})
	write := func(ctx context.Context, w *bytes.Buffer, report bool) error {
		if report {
			return ReportContext(ctx, w, &th, evals, ReportInfo{WithSheets: true}, Options{}, Meta{})
		}
		return BookletContext(ctx, w, &th, objs, BookletInfo{Year: 2019}, Options{}, Meta{})
	}
	for _, report := range []bool{false, true} {
		gone, cancel := context.WithCancel(context.Background())
		cancel()
		var b bytes.Buffer
		if err := write(gone, &b, report); !errors.Is(err, context.Canceled) || b.Len() > 0 {
			t.Errorf("report %v, given up before: %v, %d bytes written", report, err, b.Len())
		}
		// 300 sheets take far longer than this to lay out and draw.
		soon, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		err := write(soon, &b, report)
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) || b.Len() > 0 {
			t.Errorf("report %v, given up while drawn: %v, %d bytes written", report, err, b.Len())
		}
	}
	var b bytes.Buffer
	if err := write(context.Background(), &b, false); err != nil || b.Len() == 0 {
		t.Errorf("a context never done: %v, %d bytes", err, b.Len())
	}
}
