package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/templates"
)

// sheet is a sheet of a test workbook: its name and its rows from A1.
type sheet struct {
	name string
	rows [][]any
}

// book builds a workbook in memory.
func book(t testing.TB, sheets ...sheet) []byte {
	t.Helper()
	f := bookFile(t, sheets...)
	defer f.Close()
	return bytesOf(t, f)
}

// bookFile builds a workbook, for a test that styles cells before writing it.
func bookFile(t testing.TB, sheets ...sheet) *excelize.File {
	t.Helper()
	f := excelize.NewFile()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(s.name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	return f
}

func bytesOf(t testing.TB, f *excelize.File, opts ...excelize.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f.Write(&b, opts...); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var objHeader = []any{"Codice", "Titolo", "Direzione", "Anno"}

func objectives(rows ...[]any) sheet {
	return sheet{"Obiettivi", append([][]any{objHeader}, rows...)}
}

var phaseHeader = []any{"Codice obiettivo", "Descrizione", "Peso", "Inizio previsto", "Fine prevista", "Avanzamento %"}

func phases(rows ...[]any) sheet {
	return sheet{"Fasi", append([][]any{phaseHeader}, rows...)}
}

func read(t testing.TB, data []byte) (*model.Plan, model.Problems) {
	t.Helper()
	plan, ps, err := Read(bytes.NewReader(data), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return plan, ps
}

func find(ps model.Problems, place string, sev model.Severity, target error) bool {
	for _, p := range ps {
		if p.Place() == place && p.Severity == sev && errors.Is(p, target) {
			return true
		}
	}
	return false
}

// TestProblems covers each error and warning class of the contract with the
// cell it must name.
func TestProblems(t *testing.T) {
	good := []any{"2019_A", "Titolo", "DIREZIONE", 2019}
	cases := []struct {
		name  string
		data  []sheet
		place string
		sev   model.Severity
		err   error
	}{
		{"missing sheet", []sheet{{"Altro", [][]any{{"x"}}}}, "Obiettivi", model.Error, model.ErrMissingSheet},
		{"missing column", []sheet{{"Obiettivi", [][]any{{"Codice", "Direzione"}, {"2019_A", "D"}}}}, "Obiettivi!1", model.Error, model.ErrMissingColumn},
		{"empty required cell", []sheet{objectives([]any{"2019_A", "", "DIREZIONE"})}, "Obiettivi!B2", model.Error, model.ErrRequired},
		{"bad date", []sheet{objectives(good), phases([]any{"2019_A", "fase", 100, "31/13/2019", "31/12/2019"})}, "Fasi!D2", model.Error, model.ErrDate},
		{"bad number", []sheet{objectives(good), phases([]any{"2019_A", "fase", "cinquanta", "01/01/2019", "31/12/2019"})}, "Fasi!C2", model.Error, model.ErrNumber},
		{"bad year", []sheet{objectives([]any{"2019_A", "T", "D", "19"})}, "Obiettivi!D2", model.Error, model.ErrYear},
		{"a year with a letter O", []sheet{objectives([]any{"2019_A", "T", "D", "2O19"})}, "Obiettivi!D2", model.Error, model.ErrYear},
		{"duplicate code", []sheet{objectives(good, good)}, "Obiettivi!A3", model.Error, model.ErrDuplicate},
		{"unknown objective", []sheet{objectives(good), phases([]any{"2019_B", "fase", 100, "01/01/2019", "31/12/2019"})}, "Fasi!A2", model.Error, model.ErrUnknownObjective},
		{"end before start", []sheet{objectives(good), phases([]any{"2019_A", "fase", 100, "01/06/2019", "01/05/2019"})}, "Fasi!E2", model.Error, model.ErrDateOrder},
		{"weight out of range", []sheet{objectives(good), phases([]any{"2019_A", "fase", "120", "01/01/2019", "31/12/2019"})}, "Fasi!C2", model.Error, model.ErrRange},
		{"progress out of range", []sheet{objectives(good), phases([]any{"2019_A", "fase", 100, "01/01/2019", "31/12/2019", "150"})}, "Fasi!F2", model.Error, model.ErrRange},
		{"unknown column", []sheet{{"Obiettivi", [][]any{append(append([]any{}, objHeader...), "Colore"), good}}}, "Obiettivi!E1", model.Warning, model.ErrUnknownColumn},
		{"phase without dates", []sheet{objectives(good), phases([]any{"2019_A", "fase", 100})}, "Fasi!D2", model.Warning, model.ErrNoDates},
		{"weights not 100", []sheet{objectives(good), phases([]any{"2019_A", "fase", 60, "01/01/2019", "31/12/2019"})}, "Obiettivi!A2", model.Warning, model.ErrWeights},
		{"phase outside the year", []sheet{objectives(good), phases([]any{"2019_A", "fase", 100, "01/10/2019", "31/03/2020"})}, "Fasi!D2", model.Warning, model.ErrOutsideYear},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, ps := read(t, book(t, c.data...))
			if !find(ps, c.place, c.sev, c.err) {
				t.Errorf("want %v «%v» at %s; got %v", c.sev, c.err, c.place, ps)
			}
			if c.sev == model.Error && !ps.HasErrors() {
				t.Error("HasErrors is false")
			}
		})
	}
}

// TestAllProblemsAtOnce: every problem of a file comes in one list.
func TestAllProblemsAtOnce(t *testing.T) {
	_, ps := read(t, book(t,
		objectives([]any{"2019_A", "", "D"}, []any{"2019_B", "T", "D", "x"}),
		phases([]any{"2019_A", "fase", "abc", "32/01/2019", "31/12/2019"}, []any{"2019_Z", "fase"}),
	))
	want := []string{"Obiettivi!B2", "Obiettivi!D3", "Fasi!C2", "Fasi!D2", "Fasi!A3"}
	for _, place := range want {
		found := false
		for _, p := range ps {
			found = found || p.Place() == place
		}
		if !found {
			t.Errorf("no problem at %s in %v", place, ps)
		}
	}
	msg := ps[0].Error()
	if !strings.HasPrefix(msg, "Obiettivi!B2: ") {
		t.Errorf("first problem %q is not in reading order", msg)
	}
}

// TestFlexibleHeaders: headers in any order, case, accents and punctuation;
// the header row is the first non-empty one.
func TestFlexibleHeaders(t *testing.T) {
	data := book(t,
		sheet{"OBIETTIVI", [][]any{
			{},
			{"direzione", "  TITOLO ", "codice", "Indirizzo strategico D.U.P."},
			{"SERVIZI SOCIALI", "Un titolo", "2019_A", "IND 1"},
		}},
		sheet{"fasi", [][]any{
			{"CENTRO DI RESPONSABILITA'", "Fine Prevista", "Inizio Previsto", "descrizione", "CODICE OBIETTIVO", "peso"},
			{"Servizio X", "31/12/2019", "2019-01-01", "Una fase", "2019_A", "1.000,00"},
		}},
	)
	plan, ps := read(t, data)
	if len(plan.Objectives) != 1 {
		t.Fatalf("objectives: %d, problems %v", len(plan.Objectives), ps)
	}
	o := plan.Objectives[0]
	if o.Code != "2019_A" || o.Title != "Un titolo" || o.StrategicLine != "IND 1" || o.Loc.Row != 3 {
		t.Errorf("objective read wrong: %+v", o)
	}
	if len(o.Phases) != 1 || o.Phases[0].Centre != "Servizio X" || o.Phases[0].Start.String() != "01/01/2019" {
		t.Fatalf("phase read wrong: %+v", o.Phases)
	}
	if !find(ps, "fasi!F2", model.Error, model.ErrRange) { // 1.000,00 is a thousand; the sheet as the workbook spells it
		t.Errorf("Italian thousands not read: %v", ps)
	}
}

// TestCells: date cells in both date systems, numbers, formulas by cached
// value, styled empty rows.
func TestCells(t *testing.T) {
	for _, date1904 := range []bool{false, true} {
		f := excelize.NewFile()
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
			t.Fatal(err)
		}
		f.SetSheetName("Sheet1", "Obiettivi")
		f.SetSheetRow("Obiettivi", "A1", &[]any{"Codice", "Titolo", "Direzione"})
		f.SetSheetRow("Obiettivi", "A2", &[]any{"2019_A", "T", "D"})
		f.NewSheet("Fasi")
		f.SetSheetRow("Fasi", "A1", &[]any{"Codice obiettivo", "Descrizione", "Peso", "Inizio previsto", "Fine prevista"})
		start, end := 43466.0, 43830.0 // 01/01/2019 and 31/12/2019 in the 1900 system
		if date1904 {
			start, end = start-1462, end-1462
		}
		f.SetSheetRow("Fasi", "A2", &[]any{"2019_A", "fase", 0, start, end})
		f.SetCellFormula("Fasi", "C2", "25*4") // cached value set below
		f.SetCellValue("Fasi", "C2", 100)
		f.SetCellFormula("Fasi", "C2", "25*4")
		style, _ := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFF00"}}})
		f.SetCellStyle("Fasi", "A3", "E5", style) // styled but empty rows
		var b bytes.Buffer
		f.Write(&b)
		plan, ps := read(t, b.Bytes())
		if ps.HasErrors() || len(plan.Objectives) != 1 || len(plan.Objectives[0].Phases) != 1 {
			t.Fatalf("1904=%v: %v", date1904, ps)
		}
		p := plan.Objectives[0].Phases[0]
		if p.Start.String() != "01/01/2019" || p.End.String() != "31/12/2019" {
			t.Errorf("1904=%v: dates %v – %v", date1904, p.Start, p.End)
		}
		if !p.Weight.Set || p.Weight.Value != 100 {
			t.Errorf("formula's cached value not read: %+v", p.Weight)
		}
	}
}

func TestNotAWorkbook(t *testing.T) {
	var ods bytes.Buffer
	zw := zip.NewWriter(&ods)
	w, _ := zw.Create("mimetype")
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	zw.Close()
	good := book(t, objectives([]any{"2019_A", "T", "D"}))
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), ErrXLS},
		{"encrypted", append(append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), encryptedPackage...), ErrEncrypted},
		{"ods without content", ods.Bytes(), ErrODSBroken},
		{"csv", []byte("Codice;Titolo\n2019_A;Titolo\n"), ErrText},
		{"truncated", good[:len(good)/2], ErrTruncated},
		{"binary", []byte{0, 1, 2, 3, 255, 254}, ErrNotXLSX},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			plan, ps := read(t, c.data)
			if plan != nil || len(ps) != 1 || !errors.Is(ps[0].Err, c.want) || ps[0].Sheet != "" {
				t.Errorf("got %v %v; want %v", plan, ps, c.want)
			}
		})
	}
}

// TestTemplateRoundTrip: the blank template reads back as the example, with
// the schema's every header.
func TestTemplateRoundTrip(t *testing.T) {
	var b bytes.Buffer
	if err := Template(&b); err != nil {
		t.Fatal(err)
	}
	plan, ps := read(t, b.Bytes())
	if len(ps) > 0 {
		t.Fatalf("the template does not verify clean: %v", ps)
	}
	want := templates.TemplateExample().Objectives[0]
	got := plan.Objectives[0]
	if got.Code != want.Code || got.Description != want.Description || len(got.Phases) != 2 || len(got.Indicators) != 2 {
		t.Fatalf("round trip: %+v", got)
	}
	if got.Phases[0].Start != want.Phases[0].Start || got.Phases[1].End != want.Phases[1].End || got.Phases[0].Weight != want.Phases[0].Weight || got.Phases[1].Weight != model.Some(50) {
		t.Errorf("phases: %+v", got.Phases)
	}
	if got.Indicators[1].Target.Text != "=>50" {
		t.Errorf("target text: %q", got.Indicators[1].Target.Text)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if list := f.GetSheetList(); len(list) != 4 || list[3] != templates.SheetHelp {
		t.Errorf("sheets: %v", list)
	}
	dvs, err := f.GetDataValidations(templates.SheetIndicators)
	if err != nil || len(dvs) == 0 {
		t.Errorf("no drop-down for Tipo: %v", err)
	}
}

func FuzzRead(f *testing.F) {
	var b bytes.Buffer
	if err := Template(&b); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add(book(f, objectives([]any{"2019_A", "T", "D"}), phases([]any{"2019_A", "fase", "50,5", "01/01/2019", "x"})))
	f.Add(odsFile(f, `<table:table table:name="Obiettivi">`+odsRow(odsText("Codice"), odsText("Titolo"), odsText("Direzione"))+
		odsRow(odsText("2019_A"), odsText("T"), `<table:table-cell office:value-type="date" office:date-value="2019-01-01"/>`)+
		`<table:table-row table:number-rows-repeated="5"><table:table-cell table:number-columns-repeated="3"/></table:table-row></table:table>`))
	for _, seed := range hostileSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		plan, ps, err := Read(bytes.NewReader(data), Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if plan == nil && !ps.HasErrors() {
			t.Fatal("no plan and no error")
		}
		for _, p := range ps {
			if p.Err == nil || strings.Contains(p.Error(), "\n") {
				t.Fatalf("bad problem %#v", p)
			}
		}
	})
}

// TestPassword: a password-protected workbook is recognised, and opens with
// its password.
func TestPassword(t *testing.T) {
	f := bookFile(t, objectives([]any{"2019_A", "T", "D"}))
	data := bytesOf(t, f, excelize.Options{Password: "segreto"})
	_, ps := read(t, data)
	if len(ps) != 1 || !errors.Is(ps[0].Err, ErrEncrypted) {
		t.Errorf("without a password: %v", ps)
	}
	plan, ps, _ := Read(bytes.NewReader(data), Limits{Password: "segreto"})
	if ps.HasErrors() || len(plan.Objectives) != 1 {
		t.Errorf("with the password: %v", ps)
	}
	_, ps, _ = Read(bytes.NewReader(data), Limits{Password: "sbagliata"})
	if len(ps) != 1 || !errors.Is(ps[0].Err, ErrPassword) {
		t.Errorf("with a wrong password: %v", ps)
	}
}

// TestZipBomb: a workbook that unpacks to far more than the limit is refused
// at once, without reading it into memory.
func TestZipBomb(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range []string{"[Content_Types].xml", "xl/workbook.xml"} {
		w, _ := zw.Create(name)
		w.Write([]byte("<x/>"))
	}
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	zeros := make([]byte, 1<<20)
	for range 300 { // 300 MB of zeros, about 300 KB packed
		w.Write(zeros)
	}
	zw.Close()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, ps := read(t, b.Bytes())
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	grown := int64(after.TotalAlloc - before.TotalAlloc)
	t.Logf("zip bomb of %d KB refused in %v, %d MB allocated", b.Len()>>10, elapsed, grown>>20)
	if len(ps) != 1 || !errors.Is(ps[0].Err, ErrTooBig) {
		t.Errorf("got %v", ps)
	}
	if elapsed > time.Second && !raceDetector || grown > 64<<20 {
		t.Errorf("took %v and %d MB", elapsed, grown>>20)
	}
}

// TestCellAndRowLimits: a cell longer than Excel allows and a sheet with
// too many rows are errors with their place.
func TestCellAndRowLimits(t *testing.T) {
	long := strings.Repeat("x", 200)
	_, ps, _ := Read(bytes.NewReader(book(t, objectives([]any{"2019_A", "T", "D", nil}), sheet{"Fasi", [][]any{phaseHeader, {"2019_A", long}}})), Limits{CellChars: 100})
	if !find(ps, "Fasi!B2", model.Error, model.ErrTooLong) {
		t.Errorf("long cell: %v", ps)
	}
	rows := []sheet{objectives()}
	for i := range 20 {
		rows[0].rows = append(rows[0].rows, []any{"2019_A" + strings.Repeat("x", i), "T", "D"})
	}
	_, ps, _ = Read(bytes.NewReader(book(t, rows...)), Limits{RowsPerSheet: 10})
	if !find(ps, "Obiettivi!12", model.Error, model.ErrTooMany) {
		t.Errorf("rows: %v", ps)
	}
}
