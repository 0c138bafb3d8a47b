package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pegpdf/pegpdf/internal/pdfread"
	"github.com/pegpdf/pegpdf/internal/peggen"
	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/workbook"
)

// writePlan writes plan as a workbook at path.
func writePlan(t *testing.T, path string, plan *model.Plan) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := workbook.Write(f, plan); err != nil {
		t.Fatal(err)
	}
}

// bookletInputs writes a generated 300-objective PEG split over three
// workbooks (2020, so that its codes never clash with the samples').
func bookletInputs(t *testing.T) (dir string, objs []*model.Objective) {
	t.Helper()
	dir = t.TempDir()
	plan := peggen.Plan(peggen.Options{N: 300, Year: 2020, Seed: 7})
	parts := make([]*model.Plan, 3)
	for i := range parts {
		parts[i] = &model.Plan{}
	}
	for i, o := range plan.Objectives {
		parts[i%3].Objectives = append(parts[i%3].Objectives, o)
	}
	for i, p := range parts {
		writePlan(t, filepath.Join(dir, "direzioni-"+strconv.Itoa(i+1)+".xlsx"), p)
	}
	return dir, plan.Objectives
}

var tocEntry = regexp.MustCompile(`(?m)^(20\d\d_[A-Z]+\d+) [^\r\n]*?(?:\r?\n[^\r\n0-9][^\r\n]*?)?? (\d+)\r?$`) // a title line, maybe a second one not starting with a code, then the page

// TestBooklet: the samples and a generated 300-objective PEG in three files
// give one booklet whose contents, links, outline, order and page numbers
// agree with each other, read back with pdfium.
func TestBooklet(t *testing.T) {
	dir, generated := bookletInputs(t)
	out := filepath.Join(t.TempDir(), "libretto.pdf")
	code, _, stderr := pegpdf(t, "booklet", "--out", out, "--entity", "Comune di Prova",
		"--subtitle", "Allegato A alla deliberazione della Giunta comunale n. ___ del ___", "--year", "2020",
		"../../samples/", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "5 file, 321 obiettivi") {
		t.Errorf("summary: %s", stderr)
	}
	data, _ := os.ReadFile(out)
	doc, err := pdfread.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	n := len(doc.Pages)
	cover := doc.Pages[0].Text
	for _, s := range []string{"Comune di Prova", "Piano Esecutivo di Gestione", "2020", "Allegato A"} {
		if !strings.Contains(cover, s) {
			t.Errorf("the cover lacks %q", s)
		}
	}
	last := doc.Pages[n-1].Text
	if !strings.Contains(last, "Pagina "+strconv.Itoa(n)+" di "+strconv.Itoa(n)) {
		t.Errorf("the last page does not say Pagina %d di %d: %q", n, n, tail(last, 80))
	}

	// The contents: every objective once, with the page its sheet starts on.
	want := append([]*model.Objective{}, generated...)
	objs, _, _ := readSamples(t)
	want = append(want, objs...)
	model.SortForBooklet(want)
	pageOf := map[string]int{}
	var order []string
	var links []int
	for i := 1; i < n && strings.HasPrefix(doc.Pages[i].Text, "Indice"); i++ {
		for _, m := range tocEntry.FindAllStringSubmatch(doc.Pages[i].Text, -1) {
			p, _ := strconv.Atoi(m[2])
			pageOf[m[1]] = p
			order = append(order, m[1])
		}
		links = append(links, doc.Pages[i].Links...)
	}
	if len(order) != len(want) {
		t.Fatalf("contents list %d objectives, want %d", len(order), len(want))
	}
	for i, o := range want {
		if order[i] != o.Code {
			t.Fatalf("contents entry %d is %s, want %s (Direzione, Servizio, natural Codice)", i, order[i], o.Code)
		}
		p := pageOf[o.Code]
		if p < 2 || p > n {
			t.Fatalf("%s: page %d out of range", o.Code, p)
		}
		page := doc.Pages[p-1].Text
		if !strings.HasPrefix(page, o.Code+"\r\n") || !strings.Contains(page, "Collegato a") {
			t.Errorf("%s: page %d is not the first page of its sheet: %.60q", o.Code, p, page)
		}
		if links[i] != p-1 {
			t.Errorf("%s: the contents link goes to page %d, want %d", o.Code, links[i]+1, p)
		}
		if i > 0 && pageOf[want[i-1].Code] >= p {
			t.Errorf("%s starts before the sheet listed above it", o.Code)
		}
	}
	if !strings.Contains(doc.Pages[pageOf[want[0].Code]].Text, want[0].Code+"\r\n") {
		t.Error("the second page of a sheet lacks its code on top")
	}

	// The outline: Indice, then Direzione > Servizio > objective, as the contents.
	if doc.Outline[0].Title != "Indice" || doc.Outline[0].Page != 1 {
		t.Errorf("first bookmark: %+v", doc.Outline[0])
	}
	var marked []string
	for _, dir := range doc.Outline[1:] {
		for _, svc := range dir.Children {
			for _, ob := range svc.Children {
				code, title, _ := strings.Cut(ob.Title, " – ")
				marked = append(marked, code)
				if ob.Page != pageOf[code]-1 {
					t.Errorf("bookmark %s goes to page %d, contents say %d", code, ob.Page+1, pageOf[code])
				}
				if title == "" {
					t.Errorf("bookmark %s has no title", code)
				}
			}
			if svc.Page != svc.Children[0].Page {
				t.Errorf("Servizio %s does not open on its first sheet", svc.Title)
			}
		}
	}
	if strings.Join(marked, " ") != strings.Join(order, " ") {
		t.Error("the outline and the contents differ")
	}
	unicode := false // the sample has "Qualità dell’accoglienza: “sportello unico”"
	for _, d := range doc.Outline {
		for _, sv := range d.Children {
			for _, o := range sv.Children {
				unicode = unicode || strings.Contains(o.Title, "Qualità dell’accoglienza: “sportello unico”")
			}
		}
	}
	if !unicode {
		t.Error("no bookmark keeps its accents and typographic quotes")
	}
}

// readSamples reads the shipped sample workbooks.
func readSamples(t *testing.T) ([]*model.Objective, int, error) {
	t.Helper()
	var objs []*model.Objective
	for _, p := range []string{"../../samples/2019_ZN10.xlsx", "../../samples/peg-2019.xlsx"} {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		plan, _, err := workbook.Read(f, workbook.Limits{})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		objs = append(objs, plan.Objectives...)
	}
	return objs, len(objs), nil
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

// TestBookletDuplex: with --duplex every sheet starts on an odd page.
func TestBookletDuplex(t *testing.T) {
	out := filepath.Join(t.TempDir(), "libretto.pdf")
	doc := pdfOf(t, out, "booklet", "--duplex", "--out", out, "../../samples/")
	starts := 0
	for _, d := range doc.Outline[1:] {
		for _, s := range d.Children {
			for _, o := range s.Children {
				starts++
				if o.Page%2 != 0 {
					t.Errorf("%s starts on page %d", o.Title, o.Page+1)
				}
			}
		}
	}
	if starts != 21 || doc.Outline[0].Page != 2 {
		t.Errorf("sheets %d, contents on page %d", starts, doc.Outline[0].Page+1)
	}
}

// TestBookletDuplicateCode: a Codice in two files is an error naming both
// places, and no booklet is written.
func TestBookletDuplicateCode(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, "../../samples/2019_ZN10.xlsx", filepath.Join(dir, "a.xlsx"))
	copyFile(t, "../../samples/2019_ZN10.xlsx", filepath.Join(dir, "b.xlsx"))
	out := filepath.Join(t.TempDir(), "libretto.pdf")
	code, _, stderr := pegpdf(t, "booklet", "--out", out, dir)
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	if !regexp.MustCompile(`b\.xlsx: Obiettivi!A2: Codice "2019_ZN10" già presente in .*a\.xlsx: Obiettivi!A2`).MatchString(stderr) {
		t.Errorf("message: %s", stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a booklet was written")
	}
}
