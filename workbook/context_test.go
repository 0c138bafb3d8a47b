package workbook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestContext: a done context stops the reading and is the error.
func TestContext(t *testing.T) {
	var rows strings.Builder
	rows.WriteString(xObjectives)
	for n := 2; n < 2000; n++ {
		rows.WriteString(xrow(n, fmt.Sprintf("2019_%d", n), "T", "D"))
	}
	data := rawXLSX(t, true, xsheet{name: "Obiettivi", data: rows.String()})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	plan, ps, err := ReadContext(ctx, bytes.NewReader(data), Limits{})
	if !errors.Is(err, context.Canceled) || plan != nil || ps != nil {
		t.Errorf("got %v, %v, %v", plan, ps, err)
	}
}

// countdown is a context that ends after its Err has been asked n times:
// it proves the reading asks between rows, not only at the start.
type countdown struct {
	context.Context
	n int
}

func (c *countdown) Err() error {
	if c.n--; c.n < 0 {
		return context.Canceled
	}
	return nil
}

func TestContextInTheRowLoop(t *testing.T) {
	var rows strings.Builder
	rows.WriteString(xObjectives)
	for n := 2; n < 2000; n++ {
		rows.WriteString(xrow(n, fmt.Sprintf("2019_%d", n), "T", "D"))
	}
	for _, data := range [][]byte{rawXLSX(t, true, xsheet{name: "Obiettivi", data: rows.String()}), odsBig(t, 2000)} {
		_, _, err := ReadContext(&countdown{Context: context.Background(), n: 2}, bytes.NewReader(data), Limits{})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("not stopped: %v", err)
		}
	}
}
