package pdfasm

import (
	"bytes"
	"slices"
	"testing"
)

// TestCompactRoundTrip: a document written compact gives back, object for
// object, what was written; the kept objects stay readable in the file.
func TestCompactRoundTrip(t *testing.T) {
	header, objs, _ := fixture()
	pdf := joinCompact(header, slices.Clone(objs), "/Root 1 0 R", 1)
	if !bytes.Contains(pdf, objs[0].body) {
		t.Error("the kept object is not in the file as it was")
	}
	h, got, trailer, err := splitOutput(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(h, header) || !bytes.Contains(trailer, []byte("/Root 1 0 R")) {
		t.Errorf("header %q, trailer %q", h, trailer)
	}
	if len(got) != len(objs) {
		t.Fatalf("%d objects, want %d", len(got), len(objs))
	}
	want := map[int][]byte{}
	for _, o := range objs {
		want[o.num] = objectValue(o.body)
	}
	for _, o := range got {
		if !bytes.Equal(objectValue(o.body), want[o.num]) {
			t.Errorf("object %d: %q, want %q", o.num, objectValue(o.body), want[o.num])
		}
	}
}
