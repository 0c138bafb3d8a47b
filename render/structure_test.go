package render

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pegpdf/pegpdf/internal/pdfread"
	"github.com/pegpdf/pegpdf/internal/peggen"
	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/render/internal/pdfasm"
	"github.com/pegpdf/pegpdf/templates"
)

// screenReader is what a screen reader announces of a document, as pdfium
// reads its structure: per page, each element's type with its text, in
// the tree's order, a Figure by its alternative text.
func screenReader(pages []pdfread.PageTree) string {
	var b strings.Builder
	var walk func(e *pdfread.Elem, depth int)
	walk = func(e *pdfread.Elem, depth int) {
		fmt.Fprintf(&b, "%s%s", strings.Repeat("  ", depth), e.Type)
		switch {
		case e.Type == "Figure":
			fmt.Fprintf(&b, " [%s]\n", e.Alt)
			return // its drawing is not read
		case e.Text != "":
			fmt.Fprintf(&b, ": %s", e.Text)
		}
		b.WriteByte('\n')
		for _, c := range e.Children {
			walk(c, depth+1)
		}
	}
	for i, p := range pages {
		fmt.Fprintf(&b, "=== page %d\n", i+1)
		for _, e := range p.Elems {
			walk(e, 0)
		}
	}
	return b.String()
}

// structureText is the text of a document in structure order, the
// figures' drawn text included.
func structureText(pages []pdfread.PageTree) string {
	var parts []string
	var walk func(e *pdfread.Elem)
	walk = func(e *pdfread.Elem) {
		if e.Text != "" {
			parts = append(parts, e.Text)
		}
		for _, c := range e.Children {
			walk(c)
		}
	}
	for _, p := range pages {
		for _, e := range p.Elems {
			walk(e)
		}
	}
	return strings.Join(parts, "\n")
}

// checkMarked fails unless every marked-content id of every page's text is
// held by an element of the page's tree.
func checkMarked(t *testing.T, name string, pages []pdfread.PageTree) {
	t.Helper()
	for i, p := range pages {
		held := map[int]bool{}
		var walk func(e *pdfread.Elem)
		walk = func(e *pdfread.Elem) {
			for _, id := range e.MCIDs { // an element over pages lists every page's ids
				held[id] = true
			}
			for _, c := range e.Children {
				walk(c)
			}
		}
		for _, e := range p.Elems {
			walk(e)
		}
		for _, id := range p.Marked {
			if !held[id] {
				t.Errorf("%s page %d: text with marked-content id %d is in no element", name, i+1, id)
			}
		}
		if len(p.Marked) == 0 {
			t.Errorf("%s page %d: no tagged text", name, i+1)
		}
	}
}

// TestScreenReaderView compares what a screen reader gets of the
// reference sheet, as pdfium reads its structure tree, with
// testdata/2019_ZN10.structure.golden (rewritten with -update).
func TestScreenReaderView(t *testing.T) {
	cases := []struct {
		name string
		o    *model.Objective
		opt  Options
	}{
		{"2019_ZN10", templates.Example().Objectives[0], Options{}},
		{"monitored", peggen.Plan(peggen.Options{N: 3, Seed: 5, Monitoring: 1}).Objectives[1], Options{AsOf: model.Date{Year: 2019, Month: 7, Day: 31}}},
		{"piao", piaoObjective(), Options{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, data := renderSheet(t, c.o, c.opt)
			pages, err := pdfread.Structure(data)
			if err != nil {
				t.Fatal(err)
			}
			checkMarked(t, c.name, pages)
			got := screenReader(pages)
			path := filepath.Join("testdata", c.name+".structure.golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("the screen reader's view of %s changed; if intended, run with -update.\ngot:\n%s", c.name, got)
			}
		})
	}
}

// TestStructureOrder: the reference sheet's text, read in structure order,
// has every word of the reference in the reference's order (the logic of
// ../shared/tools/fidelity.py: recall 1.0, order at least 0.95).
func TestStructureOrder(t *testing.T) {
	ref, err := os.ReadFile("testdata/2019_ZN10.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, data := renderSheet(t, templates.Example().Objectives[0], Options{})
	pages, err := pdfread.Structure(data)
	if err != nil {
		t.Fatal(err)
	}
	want, got := words(string(ref)), words(structureText(pages))
	have := map[string]int{}
	for _, w := range got {
		have[w]++
	}
	var missing []string
	for _, w := range want {
		if have[w] == 0 {
			missing = append(missing, w)
		}
		have[w]--
	}
	if len(missing) > 0 {
		t.Errorf("recall < 1: words of the reference missing in structure order: %v", missing)
	}
	if order := float64(lcs(want, got)) / float64(len(want)); order < 0.95 {
		t.Errorf("structure order %.3f < 0.95", order)
	}
	// The Figure's alternative text says each phase with its dates.
	view := screenReader(pages)
	for _, s := range []string{"Figure [Diagramma di Gantt dell'anno 2019, 2 fasi. Fase 1, Promuovere", "prevista dal 01/01/2019 al 31/07/2019",
		"TH: Direzione", "TD: SERVIZI SOCIALI", "TH: Centro di Responsabilità", "H2: FASI", "H1: 2019_ZN10 Promuovere"} {
		if !strings.Contains(view, s) {
			t.Errorf("the screen reader's view lacks %q", s)
		}
	}
}

// TestTaggedAcrossParts: a booklet drawn in several parts and merged, and
// sheets drawn many to a document and split, each have one tree per file
// in which every marked text is held, a Sect per objective, and links in
// the tree.
func TestTaggedAcrossParts(t *testing.T) {
	th := DefaultTheme()
	objs := peggen.Plan(peggen.Options{N: 140, Seed: 3, Monitoring: 0.5}).Objectives
	model.SortForBooklet(objs)
	var b bytes.Buffer
	if err := Booklet(&b, &th, objs, BookletInfo{Year: 2019}, Options{}, Meta{Created: time.Date(2019, 2, 1, 10, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	pages, err := pdfread.Structure(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) <= pagesPerPart {
		t.Fatalf("%d pages: not drawn in parts", len(pages))
	}
	checkMarked(t, "booklet", pages)
	// Every objective's heading is read once, in the booklet's order.
	var headings []string
	for _, p := range pages {
		for _, e := range p.Elems {
			for _, s := range e.Children {
				if s.Type == "Sect" && len(s.Children) > 0 && s.Children[0].Type == "H1" && s.Children[0].Text != "" {
					headings = append(headings, s.Children[0].Text)
				}
			}
		}
	}
	var codes []string
	for _, h := range headings {
		if f := strings.Fields(h); len(f) > 0 && strings.HasPrefix(f[0], "2019_") {
			codes = append(codes, f[0])
		}
	}
	if len(codes) != len(objs) {
		t.Fatalf("%d objective headings, want %d", len(codes), len(objs))
	}
	for i, o := range objs {
		if codes[i] != o.Code {
			t.Fatalf("heading %d is %s, want %s", i, codes[i], o.Code)
		}
	}
	view := screenReader(pages[1:2])
	if !strings.Contains(view, "TOCI") || !strings.Contains(view, "Link: "+objs[0].Code) {
		t.Errorf("the contents are not a TOC of links:\n%s", view)
	}

	// Sheets drawn 25 to a document: each file its own tree.
	metas := make([]Meta, 30)
	docs, err := Sheets(&th, objs[:30], Options{}, metas)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		pages, err := pdfread.Structure(d)
		if err != nil {
			t.Fatal(err)
		}
		checkMarked(t, objs[i].Code, pages)
		v := screenReader(pages)
		if c := strings.Count(v, "\n  H1: "); c != 1 && !strings.Contains(v, "H1: "+objs[i].Code) {
			t.Errorf("sheet %s: %d headings", objs[i].Code, c)
		}
		if !strings.Contains(v, "H1: "+objs[i].Code) {
			t.Errorf("sheet %d does not start with its own heading %s:\n%s", i, objs[i].Code, v[:min(300, len(v))])
		}
	}
}

// TestPdfinfoTagged: poppler says Tagged: yes, for plain and PDF/A output.
func TestPdfinfoTagged(t *testing.T) {
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo (poppler-utils) is not installed")
	}
	for _, pdfa := range []bool{false, true} {
		th := DefaultTheme()
		var b bytes.Buffer
		if err := Sheet(&b, &th, templates.Example().Objectives[0], Options{PDFA: pdfa}, Meta{}); err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(t.TempDir(), "s.pdf")
		if err := os.WriteFile(f, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdfinfo", f).CombinedOutput()
		if err != nil {
			t.Fatalf("pdfinfo: %v\n%s", err, out)
		}
		if !slices.Contains(strings.Split(string(out), "\n"), "Tagged:          yes") {
			t.Errorf("pdfa %v: pdfinfo says\n%s", pdfa, out)
		}
	}
}

// TestEverythingMarked: in the drawn content of a sheet, a monitored
// sheet, a booklet and a report, every text, path and image is inside a
// marked-content sequence — an element's (with an MCID) or an Artifact —
// and sequences are never nested or left open.
func TestEverythingMarked(t *testing.T) {
	th := DefaultTheme()
	for name, pages := range goldenLayouts() {
		raw, err := draw(&th, pages)
		if err != nil {
			t.Fatal(err)
		}
		for pi, content := range pageContents(raw) {
			depth, mcid := 0, 0
			for _, line := range strings.Split(content, "\n") {
				f := strings.Fields(line)
				if len(f) == 0 {
					continue
				}
				switch op := f[len(f)-1]; {
				case op == "BDC" || op == "BMC":
					if depth != 0 {
						t.Fatalf("%s page %d: nested marked content: %q", name, pi+1, line)
					}
					depth++
					if strings.Contains(line, "/MCID") {
						if want := fmt.Sprintf("<</MCID %d>>", mcid); !strings.Contains(line, want) {
							t.Fatalf("%s page %d: %q, want MCID %d", name, pi+1, line, mcid)
						}
						mcid++
					} else if !strings.HasPrefix(line, "/Artifact") {
						t.Fatalf("%s page %d: marked content neither an element's nor an artifact: %q", name, pi+1, line)
					}
				case op == "EMC":
					depth--
					if depth < 0 {
						t.Fatalf("%s page %d: EMC without BDC", name, pi+1)
					}
				case depth == 0 && (strings.Contains(line, " Tj") || op == "re" || op == "l" || op == "S" || op == "f" || op == "B" || op == "Do"):
					t.Fatalf("%s page %d: unmarked content %q", name, pi+1, line)
				}
			}
			if depth != 0 {
				t.Errorf("%s page %d: marked content left open", name, pi+1)
			}
			if mcid == 0 {
				t.Errorf("%s page %d: no element", name, pi+1)
			}
		}
	}
}

// pageContents returns the uncompressed content streams of the drawn
// document raw, in page order.
func pageContents(raw []byte) []string {
	objs, _, err := pdfasm.Objects(raw)
	if err != nil {
		panic(err)
	}
	streamKw, endstreamKw := []byte("stream\n"), []byte("\nendstream")
	var out []string
	for _, o := range objs {
		b := o.Body
		s := bytes.Index(b, streamKw)
		if s < 0 || !bytes.Contains(b[:s], []byte("/Length")) || bytes.Contains(b[:s], []byte("/Filter")) || bytes.Contains(b[:s], []byte("/Length1")) {
			continue
		}
		e := bytes.LastIndex(b, endstreamKw)
		body := string(b[s+len(streamKw) : e])
		if strings.Contains(body, "BT ") || strings.Contains(body, " re ") {
			out = append(out, body)
		}
	}
	return out
}

// TestHostileTagged: the objectives that push the layout (300 phases, a
// description over pages, a 2,000-character word, phases from 1990 to
// 2040, empty fields) are tagged too, every marked text in the tree.
func TestHostileTagged(t *testing.T) {
	for name, o := range hostile() {
		t.Run(name, func(t *testing.T) {
			_, data := renderSheet(t, o, Options{AsOf: model.Date{Year: 2019, Month: 7, Day: 31}})
			pages, err := pdfread.Structure(data)
			if err != nil {
				t.Fatal(err)
			}
			checkMarked(t, name, pages)
			if v := screenReader(pages); !strings.Contains(v, "Figure [Diagramma di Gantt") {
				t.Errorf("no Gantt figure with its text")
			}
		})
	}
}
