package main

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pegpdf/pegpdf/internal/pdfread"
	"github.com/pegpdf/pegpdf/internal/peggen"
)

// The rules of monitoring.md computed again, independently of the model
// package: straight from the raw cells of the workbook, as an auditor
// would with a spreadsheet.

type rawPhase struct {
	weight, progress            string
	start, end, actualEnd       time.Time
	hasStart, hasEnd, hasActual bool
	actualStart                 bool // Inizio effettivo filled
}

type rawIndicator struct{ target, measured string }

type rawObjective struct {
	code, dir, svc, title string
	weight                string // Peso, the raw cell
	phases                []rawPhase
	indicators            []rawIndicator
}

func cellDate(t *testing.T, s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil { // a date cell, 1900 system
		return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(v)), true
	}
	d, err := time.Parse("02/01/2006", s)
	if err != nil {
		t.Fatalf("date %q", s)
	}
	return d, true
}

func readRaw(t *testing.T, path string) []*rawObjective {
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := func(sheet string) []map[string]string {
		all, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		var out []map[string]string
		for _, r := range all[1:] {
			m := map[string]string{}
			for i, h := range all[0] {
				if i < len(r) {
					m[h] = strings.TrimSpace(r[i])
				}
			}
			out = append(out, m)
		}
		return out
	}
	byCode := map[string]*rawObjective{}
	var objs []*rawObjective
	for _, r := range rows("Obiettivi") {
		o := &rawObjective{code: r["Codice"], dir: r["Direzione"], svc: r["Servizio"], title: r["Titolo"], weight: r["Peso"]}
		byCode[o.code] = o
		objs = append(objs, o)
	}
	for _, r := range rows("Fasi") {
		p := rawPhase{weight: r["Peso"], progress: r["Avanzamento %"]}
		p.start, p.hasStart = cellDate(t, r["Inizio previsto"])
		p.end, p.hasEnd = cellDate(t, r["Fine prevista"])
		p.actualStart = r["Inizio effettivo"] != ""
		p.actualEnd, p.hasActual = cellDate(t, r["Fine effettiva"])
		o := byCode[r["Codice obiettivo"]]
		o.phases = append(o.phases, p)
	}
	for _, r := range rows("Indicatori") {
		o := byCode[r["Codice obiettivo"]]
		o.indicators = append(o.indicators, rawIndicator{r["Valore atteso"], r["Valore rilevato"]})
	}
	return objs
}

var (
	numRE  = regexp.MustCompile(`^([0-9.]+(?:,[0-9]+)?)`)
	dateRE = regexp.MustCompile(`(\d{2}/\d{2}/\d{4})`)
)

func itNumber(s string) (float64, bool) {
	m := numRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false
	}
	v := m[1]
	if strings.Contains(v, ",") {
		v = strings.ReplaceAll(v, ".", "")
		v = strings.Replace(v, ",", ".", 1)
	}
	f, err := strconv.ParseFloat(v, 64)
	return f, err == nil
}

// judge returns met, measurable: the targets the generator writes are
// "entro il DATE", "SI", "<= N giorni", "≥ N%" and "=> N".
func judge(in rawIndicator) (met, measurable bool) {
	t, m := strings.TrimSpace(in.target), strings.TrimSpace(in.measured)
	if m == "" {
		return false, false
	}
	switch {
	case strings.HasPrefix(t, "entro il "):
		td, _ := time.Parse("02/01/2006", dateRE.FindString(t))
		md, err := time.Parse("02/01/2006", m)
		if err != nil {
			return false, false
		}
		return !md.After(td), true
	case strings.EqualFold(t, "SI") || strings.EqualFold(t, "NO"):
		if !strings.EqualFold(m, "SI") && !strings.EqualFold(m, "NO") {
			return false, false
		}
		return strings.EqualFold(t, m), true
	case strings.HasPrefix(t, "<="):
		tv, _ := itNumber(strings.TrimSpace(t[2:]))
		mv, ok := itNumber(m)
		return mv <= tv, ok
	case strings.HasPrefix(t, "≥"), strings.HasPrefix(t, "=>"):
		rest := strings.TrimPrefix(strings.TrimPrefix(t, "≥"), "=>")
		tv, _ := itNumber(strings.TrimSpace(rest))
		mv, ok := itNumber(m)
		return mv >= tv, ok
	}
	panic("a target the generator does not write: " + t)
}

func expected(o *rawObjective, asOf time.Time) []string {
	real := ""
	if len(o.phases) > 0 {
		allWeighted := true
		var sw, swa, sa float64
		for _, p := range o.phases {
			a, _ := strconv.ParseFloat(p.progress, 64) // empty counts as 0
			sa += a
			w, err := strconv.ParseFloat(p.weight, 64)
			if err != nil {
				allWeighted = false
				continue
			}
			sw += w
			swa += w * a
		}
		v := sa / float64(len(o.phases))
		if allWeighted && sw > 0 {
			v = swa / sw
		}
		real = strings.Replace(strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64), ".", ",", 1)
	}
	met, measurable := 0, 0
	for _, in := range o.indicators {
		m, ok := judge(in)
		if ok {
			measurable++
			if m {
				met++
			}
		}
	}
	esito := "NON MISURABILE"
	switch {
	case measurable > 0 && met == measurable:
		esito = "IN LINEA"
	case measurable > 0 && met == 0:
		esito = "NON IN LINEA"
	case measurable > 0:
		esito = "PARZIALE"
	}
	tempi := "NON MISURABILE"
	for _, p := range o.phases {
		if !p.hasEnd {
			continue
		}
		late := p.hasActual && p.actualEnd.After(p.end) || !p.hasActual && asOf.After(p.end)
		progress, _ := strconv.ParseFloat(p.progress, 64)
		if !p.hasActual && !p.actualStart && progress == 0 && p.hasStart && !asOf.Before(p.start) {
			late = true // NON AVVIATA: should have started by now
		}
		if late {
			tempi = "IN RITARDO"
			break
		}
		tempi = "NEI TEMPI"
	}
	weight := o.weight // the CSV's Peso: X, or the number with a decimal comma
	if v, err := strconv.ParseFloat(weight, 64); err == nil {
		if v == math.Trunc(v) {
			weight = strconv.FormatFloat(v, 'f', 0, 64)
		} else {
			weight = strings.Replace(strconv.FormatFloat(v, 'f', 2, 64), ".", ",", 1)
		}
	} else if strings.EqualFold(weight, "x") {
		weight = "X"
	}
	return []string{o.code, o.dir, o.svc, o.title, real, esito, tempi, strconv.Itoa(met), strconv.Itoa(measurable), weight}
}

// TestReportAgainstHandComputation: for a generated PEG of 300 objectives
// with monitoring data, every row of the CSV agrees with the rules computed
// from the raw cells, and the PDF's summary shows the same counts.
func TestReportAgainstHandComputation(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "peg.xlsx")
	writePlan(t, in, peggen.Plan(peggen.Options{N: 300, Seed: 11, Monitoring: 0.9}))
	csvPath, pdfPath := filepath.Join(dir, "esiti.csv"), filepath.Join(dir, "rapporto.pdf")
	code, _, stderr := pegpdf(t, "report", "--as-of", "31/07/2019", "--csv", csvPath, "--out", pdfPath, in)
	if code != 0 {
		t.Fatal(stderr)
	}
	data, _ := os.ReadFile(csvPath)
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff")))
	r.Comma = ';'
	got, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	asOf := time.Date(2019, 7, 31, 0, 0, 0, 0, time.UTC)
	want := map[string][]string{}
	counts := map[string]int{}
	for _, o := range readRaw(t, in) {
		want[o.code] = expected(o, asOf)
		counts[want[o.code][5]]++
		counts[want[o.code][6]]++
	}
	if len(got)-1 != len(want) {
		t.Fatalf("%d rows, want %d", len(got)-1, len(want))
	}
	// monitoring.md's header exactly; Peso after it only when some
	// objective has a weight.
	header := "\ufeffCodice;Direzione;Servizio;Titolo;Realizzazione %;Esito;Tempi;Indicatori raggiunti;Indicatori misurabili"
	weighted := false
	for _, w := range want {
		weighted = weighted || w[9] != ""
	}
	if weighted {
		header += ";Peso"
	} else {
		for k, w := range want {
			want[k] = w[:9]
		}
	}
	if !strings.HasPrefix(string(data), header+"\n") {
		t.Fatalf("header: %.120q, want %q", data, header)
	}
	for _, row := range got[1:] {
		if w := want[row[0]]; strings.Join(w, ";") != strings.Join(row, ";") {
			t.Errorf("got  %v\nwant %v", row, w)
		}
	}

	pdf, _ := os.ReadFile(pdfPath)
	doc, err := pdfread.Read(pdf)
	if err != nil {
		t.Fatal(err)
	}
	summary := strings.ReplaceAll(doc.Pages[1].Text, "\r\n", " ")
	var outcomes []string
	for o := range counts {
		outcomes = append(outcomes, o)
	}
	sort.Strings(outcomes)
	for _, o := range outcomes {
		n := counts[o]
		if o == "NON MISURABILE" {
			continue // both an Esito and a Tempi: checked below
		}
		s := fmt.Sprintf("%s %d (%s%%)", o, n, strings.Replace(strconv.FormatFloat(math.Round(1000*float64(n)/300)/10, 'f', 1, 64), ".", ",", 1))
		if !strings.Contains(summary, s) {
			t.Errorf("the summary lacks %q: %.600s", s, summary)
		}
	}
	if !strings.Contains(summary, "Obiettivi 300") {
		t.Errorf("the summary lacks the total")
	}
}

// TestSheetWithoutMonitoring: a workbook without monitoring data gives the
// same sheet with --as-of as without (same text, same pages).
func TestSheetWithoutMonitoring(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	pegpdf(t, "sheets", "--out", a, "../../samples/2019_ZN10.xlsx")
	pegpdf(t, "sheets", "--as-of", "31/07/2019", "--out", b, "../../samples/2019_ZN10.xlsx")
	read := func(dir string) *pdfread.Doc {
		data, _ := os.ReadFile(filepath.Join(dir, "2019_ZN10.pdf"))
		doc, err := pdfread.Read(data)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	da, db := read(a), read(b)
	if len(da.Pages) != len(db.Pages) {
		t.Fatalf("pages %d and %d", len(da.Pages), len(db.Pages))
	}
	for i := range da.Pages {
		// The Gantt gains only the reference line and its legend.
		ta := da.Pages[i].Text
		tb := strings.Replace(db.Pages[i].Text, "Previsto Svolto Effettivo al 31/07/2019\r\n", "", 1)
		if ta != tb {
			t.Errorf("page %d differs:\n%q\n%q", i+1, ta, tb)
		}
	}
}

// TestReportWithSheets: with --with-sheets the monitoring sheets follow,
// each linked from its row of the tables, and the outline has the summary,
// the Direzioni and the sheets.
func TestReportWithSheets(t *testing.T) {
	out := filepath.Join(t.TempDir(), "rapporto.pdf")
	doc := pdfOf(t, out, "report", "--as-of", "31/07/2019", "--with-sheets", "--out", out, "../../samples/peg-2019.xlsx")
	links := 0
	for i, p := range doc.Pages {
		for _, target := range p.Links {
			links++
			if target <= i || target >= len(doc.Pages) {
				t.Fatalf("page %d links to page %d", i+1, target+1)
			}
			sheet := doc.Pages[target].Text
			code := sheet[:strings.Index(sheet, "\r\n")]
			if !strings.HasPrefix(code, "2019_") || !strings.Contains(p.Text, code) {
				t.Errorf("page %d links to %q, which its table does not list", i+1, code)
			}
		}
	}
	if links != 20 {
		t.Errorf("%d links, want one per objective", links)
	}
	var top []string
	for _, m := range doc.Outline {
		top = append(top, m.Title)
	}
	if len(top) < 3 || top[0] != "Riepilogo" || top[len(top)-1] != "Schede" {
		t.Errorf("outline: %v", top)
	}
	if n := len(doc.Outline[len(doc.Outline)-1].Children); n != 8 {
		t.Errorf("Schede has %d Direzioni, want 8", n)
	}
	last := doc.Pages[len(doc.Pages)-1].Text
	if !strings.Contains(last, fmt.Sprintf("Pagina %d di %d", len(doc.Pages), len(doc.Pages))) {
		t.Error("the last page's footer")
	}
}
