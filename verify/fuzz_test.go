package verify

import (
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"strings"
	"testing"
)

// FuzzOperators: the tokenizer never panics or loops, whatever the bytes.
func FuzzOperators(f *testing.F) {
	for _, s := range []string{taggedContent, "(unterminated", "<< /A [ 1 2", "BI /W 1 ID xx", "[(a) <41> 1 /N << /K [1] >>] TJ", "%comment\n1 0 0 rg", ")", "<<>>>>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		n := 0
		_ = operators(b, func(string, []any) { n++ })
		if n > len(b) {
			t.Fatalf("%d operators in %d bytes", n, len(b))
		}
	})
}

// FuzzInspect: a mutated tagged file gives results or a ReadError, never a
// panic; every message is Italian.
func FuzzInspect(f *testing.F) {
	f.Add(taggedFixture().bytes())
	f.Add(taggedFixture().edit(4, "EMC", "").bytes())
	f.Add([]byte("%PDF-1.7\n"))
	// The shapes of the hostile files, small: an object stream listed by a
	// compressed cross-reference stream, pages sharing a ParentTree key.
	objStm := "<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n" + string(compress([]byte("1 0 << /Type /Catalog /Pages 2 0 R >>"), 1)) + "\nendstream"
	f.Add(xrefStreamFile([]string{"", "<< /Type /Pages /Kids [] /Count 0 >>", objStm}, 3, "/Filter /FlateDecode", compress([]byte{0, 0, 0, 0, 0, 0xff, 2, 0, 0, 0, 3, 0, 1, 0, 0, 0, 20, 0, 1, 0, 0, 0, 80, 0, 1, 0, 0, 1, 0, 0}, 1)))
	f.Add(sharedParents(3, 3))
	f.Fuzz(func(t *testing.T, b []byte) {
		rep, err := Inspect(b)
		if err != nil {
			if _, ok := err.(*ReadError); !ok {
				t.Fatalf("%T %v", err, err)
			}
			return
		}
		for _, r := range rep.Results {
			if strings.Contains(r.Detail, "pdfcpu") {
				t.Errorf("%s: %s", r.Rule, r.Detail)
			}
		}
	})
}

// TestGarbage: the tagged file cut at every length, and with bytes
// flipped, never panics.
func TestGarbage(t *testing.T) {
	good := taggedFixture().bytes()
	for i := 0; i < len(good); i += 97 {
		Inspect(good[:i])
		b := append([]byte(nil), good...)
		b[i] ^= 0x55
		Inspect(b)
	}
}

// FuzzMalformedDepth: where malformedDepth finds no mistake, pdfcpu's
// parser reads the dictionary: the check is never more lenient than pdfcpu,
// whose parser costs 2^k on a mistake under k dictionaries.
func FuzzMalformedDepth(f *testing.F) {
	for _, s := range []string{"<< /A 1 >>", "<< /A << /B [1 0 R (x) <41>] >> >>", "<< /A >>", "<< /A#20 /B#41 >>", "<< /A (a\\)b) /C .5 /D -1 /E true >>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.TrimSpace(s)
		if !strings.HasPrefix(s, "<<") || malformedDepth([]byte(s), 0, len(s), false) > 0 {
			return
		}
		l := s
		if _, err := model.ParseObject(&l); err != nil {
			t.Fatalf("%q: no mistake found, pdfcpu: %v", s, err)
		}
	})
}
