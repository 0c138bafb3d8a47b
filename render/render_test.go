package render

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pegpdf/pegpdf/internal/pdfread"
	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

func renderSheet(t testing.TB, o *model.Objective, opt Options) (*pdfread.Doc, []byte) {
	t.Helper()
	th := DefaultTheme()
	var b bytes.Buffer
	if err := Sheet(&b, &th, o, opt, Meta{Created: time.Date(2019, 2, 1, 10, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	doc, err := pdfread.Read(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return doc, b.Bytes()
}

func allText(doc *pdfread.Doc) string {
	var s []string
	for _, p := range doc.Pages {
		s = append(s, p.Text)
	}
	return strings.Join(s, "\n")
}

var wordRE = regexp.MustCompile(`[0-9A-Za-zÀ-ÿ_.,'%]+|=>|>=|<=|≥|≤`)

// words splits text into words the way ../shared/tools/fidelity.py does.
func words(s string) []string {
	s = regexp.MustCompile(`</?b>`).ReplaceAllString(s, " ")
	s = strings.NewReplacer("**", " ", `\_`, "_", "’", "'", "\u00a0", " ").Replace(s)
	var out []string
	for _, w := range wordRE.FindAllString(s, -1) {
		if w = strings.ToLower(strings.Trim(w, ".,")); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// lcs is the length of the longest common subsequence of a and b.
func lcs(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// TestReferenceSheet: the 2019_ZN10 sheet, read back by pdfium, has the
// reference's words in the reference's order, on two pages, with a footer
// and embedded fonts.
func TestReferenceSheet(t *testing.T) {
	ref, err := os.ReadFile("testdata/2019_ZN10.txt") // a copy of ../shared/reference/2019_ZN10.txt
	if err != nil {
		t.Fatalf("the reference sheet is missing: %v", err)
	}
	doc, _ := renderSheet(t, templates.Example().Objectives[0], Options{})
	if len(doc.Pages) != 2 {
		t.Fatalf("pages: %d, want 2", len(doc.Pages))
	}
	want, got := words(string(ref)), words(allText(doc))
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
		t.Errorf("words of the reference missing: %v", missing)
	}
	if order := float64(lcs(want, got)) / float64(len(want)); order < 0.95 {
		t.Errorf("reading order %.3f < 0.95", order)
	}
	for i, p := range doc.Pages {
		footer := regexp.MustCompile(`2019_ZN10\s+Pagina ` + string(rune('1'+i)) + ` di 2\s*$`)
		if !footer.MatchString(p.Text) {
			t.Errorf("page %d does not end with its footer: ...%q", i+1, tail(p.Text, 60))
		}
	}
	if !strings.Contains(doc.Pages[0].Text, "Descrizione dettagliata dell'obiettivo") &&
		!strings.Contains(doc.Pages[0].Text, "dettagliata") {
		t.Error("the description label is missing")
	}
	for _, s := range []string{"FASI", "INDICATORI", "50,00", "01/01/2019", "31/07/2019", "Responsabilità", "=> 100", "fragilità"} {
		if !strings.Contains(doc.Pages[1].Text, s) {
			t.Errorf("page 2 lacks %q", s)
		}
	}
	for _, s := range []string{"GANTT", "Gen", "Dic", "2019"} {
		if !strings.Contains(doc.Pages[0].Text, s) {
			t.Errorf("page 1 lacks %q", s)
		}
	}
	if len(doc.Fonts) == 0 {
		t.Error("no fonts found")
	}
	for name, embedded := range doc.Fonts {
		if !embedded {
			t.Errorf("font %s is not embedded", name)
		}
	}
	if doc.Language != "it-IT" || !strings.Contains(doc.Meta["Title"], "2019_ZN10") {
		t.Errorf("metadata: lang %q, %v", doc.Language, doc.Meta)
	}
}

func tail(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[len(r)-n:])
}

// TestEmptyWeight: the second phase has no weight and prints none.
func TestEmptyWeight(t *testing.T) {
	doc, _ := renderSheet(t, templates.Example().Objectives[0], Options{})
	if n := strings.Count(doc.Pages[1].Text, "50,00"); n != 1 {
		t.Errorf("50,00 appears %d times", n)
	}
	if strings.Contains(doc.Pages[1].Text, "0,00") && strings.Count(doc.Pages[1].Text, "0,00") > 1 {
		t.Error("an empty weight printed as 0,00")
	}
}

func longObjective(descChars, phases int) *model.Objective {
	o := templates.Example().Objectives[0]
	var b strings.Builder
	for b.Len() < descChars {
		b.WriteString("Parola lunga della descrizione dettagliata. ")
	}
	o.Description = b.String()[:descChars]
	ph := o.Phases[0]
	o.Phases = nil
	for i := 0; i < phases; i++ {
		p := ph
		p.Description = "Fase numero " + itoa(i+1)
		o.Phases = append(o.Phases, p)
	}
	return o
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestLongContentFlows: a long description continues on the next page, the
// last word still there; 300 phases make many pages, each with its footer.
func TestLongContentFlows(t *testing.T) {
	o := longObjective(12000, 300)
	o.Description += " ULTIMAPAROLA"
	doc, _ := renderSheet(t, o, Options{})
	text := allText(doc)
	if !strings.Contains(text, "ULTIMAPAROLA") {
		t.Error("the end of the description was cut")
	}
	if len(doc.Pages) < 6 {
		t.Errorf("pages: %d", len(doc.Pages))
	}
	n := len(doc.Pages)
	for i, p := range doc.Pages {
		if !strings.Contains(p.Text, "Pagina "+itoa(i+1)+" di "+itoa(n)) {
			t.Errorf("page %d lacks its footer", i+1)
		}
	}
	// Every phase is in FASI once and in the Gantt once.
	for _, k := range []int{1, 150, 300} {
		name := "Fase numero " + itoa(k) + "\n"
		if c := strings.Count(text+"\n", name) + strings.Count(text, "Fase numero "+itoa(k)+" "); c < 1 {
			t.Errorf("phase %d missing", k)
		}
	}
	// The FASI header repeats on the pages the table continues on.
	if c := strings.Count(text, "Inizio"); c < 4 {
		t.Errorf("the phases header appears %d times", c)
	}
}

// TestHostileText: emoji, right-to-left, combining characters and a
// 2,000-character word neither abort the document nor vanish.
func TestHostileText(t *testing.T) {
	o := templates.Example().Objectives[0]
	o.Title = "Obiettivo 😀 con emoji e שלום e cafe\u0301 “citato” ≥ 10 €"
	o.Description = strings.Repeat("x", 2000) + " FINE"
	o.Phases[0].Notes = strings.Repeat("Nota lunghissima ", 2000)
	doc, _ := renderSheet(t, o, Options{})
	text := allText(doc)
	for _, s := range []string{"Obiettivo", "café", "“citato”", "≥ 10 €", "FINE"} {
		if !strings.Contains(text, s) {
			t.Errorf("lost %q", s)
		}
	}
	if strings.Contains(text, "😀") {
		t.Error("an emoji the font lacks was drawn")
	}
	if c := strings.Count(strings.ReplaceAll(text, "\r\n", ""), "x"); c < 2000 {
		t.Errorf("the long word kept %d of 2000 characters", c)
	}
}

// TestEmptyOptionalFields: an objective with only its required fields
// reads well on one page: the grid and Collegato a (as in the reference),
// one line for the Gantt, no empty D.U.P. lines, no page of empty tables.
func TestEmptyOptionalFields(t *testing.T) {
	o := &model.Objective{Code: "X", Title: "Solo il titolo", Direction: "D"}
	doc, _ := renderSheet(t, o, Options{})
	if len(doc.Pages) != 1 {
		t.Errorf("pages: %d", len(doc.Pages))
	}
	text := allText(doc)
	for _, s := range []string{"Collegato a", "GANTT", "Nessuna fase prevista."} {
		if !strings.Contains(text, s) {
			t.Errorf("label %q missing", s)
		}
	}
	for _, s := range []string{"INDIRIZZO STRATEGICO D.U.P.:", "FASI", "INDICATORI"} {
		if strings.Contains(text, s) {
			t.Errorf("empty part %q printed", s)
		}
	}
}

func TestGanttAxis(t *testing.T) {
	l := DefaultTheme().Labels
	d := func(s string) model.Date { v, _ := model.ParseDate(s); return v }
	cases := []struct {
		name       string
		start, end string
		unit       unit
		first      string
		n          int
	}{
		{"one year", "01/01/2019", "31/12/2019", months, "Gen", 12},
		{"into next year", "01/10/2019", "31/03/2020", months, "Gen", 15},
		{"three years", "01/01/2018", "31/12/2020", quarters, "T1", 12},
		{"1990 to 2040", "01/01/1990", "31/12/2040", years, "1990", 51},
	}
	for _, c := range cases {
		o := &model.Objective{Code: "2019_A", Year: 2019, Phases: []model.Phase{{Start: d(c.start), End: d(c.end)}}}
		a := ganttAxis(o, &l, 0)
		if a.unit != c.unit || a.ticks[0].label != c.first || len(a.ticks) != c.n {
			t.Errorf("%s: unit %v first %q ticks %d", c.name, a.unit, a.ticks[0].label, len(a.ticks))
		}
		if a.from > d(c.start).Days() || a.to <= d(c.end).Days() {
			t.Errorf("%s: axis does not cover the phase", c.name)
		}
	}
}

func TestWrap(t *testing.T) {
	f := font{regular, 10}
	lines := wrap("uno due tre quattro cinque sei sette otto nove dieci", f, 30, 0)
	for _, l := range lines {
		if f.width(l) > 30 {
			t.Errorf("line %q is %.1f mm wide", l, f.width(l))
		}
	}
	if strings.Join(lines, " ") != "uno due tre quattro cinque sei sette otto nove dieci" {
		t.Errorf("words lost: %q", lines)
	}
	long := wrap(strings.Repeat("a", 500), f, 20, 0)
	if len(long) < 10 || strings.Join(long, "") != strings.Repeat("a", 500) {
		t.Errorf("a long word: %d lines", len(long))
	}
	if got := wrap("a\n\nb", f, 50, 0); len(got) != 3 || got[1] != "" {
		t.Errorf("paragraphs: %q", got)
	}
	if s := shorten("Promuovere l'accoglienza dei cittadini", f, 25); !strings.HasSuffix(s, "…") || f.width(s) > 25 {
		t.Errorf("shorten: %q", s)
	}
}

func readPDF(data []byte) (*pdfread.Doc, error) { return pdfread.Read(data) }
