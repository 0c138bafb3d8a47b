package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pegpdf/pegpdf/model"
)

// xsheet is one sheet of a hand-made .xlsx: its name, whether hidden, and
// its <sheetData> children.
type xsheet struct {
	name   string
	hidden bool
	data   string
}

// rawXLSX builds an .xlsx from its XML, as a hostile or odd writer would:
// every part stored uncompressed unless deflate is set, a percentage
// format as style 1, a date format as style 2.
func rawXLSX(t testing.TB, deflate bool, sheets ...xsheet) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	put := func(name, body string) {
		m := zip.Store
		if deflate {
			m = zip.Deflate
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: m})
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	put("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	var wb, rels strings.Builder
	for i, s := range sheets {
		state := ""
		if s.hidden {
			state = ` state="hidden"`
		}
		fmt.Fprintf(&wb, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, s.name, i+1, state, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
	}
	rels.WriteString(`<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`)
	put("xl/workbook.xml", `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`+wb.String()+`</sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`)
	put("xl/styles.xml", `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="14"/></cellXfs></styleSheet>`)
	for i, s := range sheets {
		put(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+s.data+`</sheetData></worksheet>`)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// xrow is a <row> of inline strings and numbers: a string cell for a
// string, a number cell for anything else, and raw XML for rawCell values.
type rawCell string

func xrow(n int, cells ...any) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, n)
	for i, c := range cells {
		ref := model.ColumnName(i+1) + fmt.Sprint(n)
		switch v := c.(type) {
		case nil:
		case rawCell:
			b.WriteString(strings.ReplaceAll(string(v), "@", ref))
		case string:
			fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, v)
		default:
			fmt.Fprintf(&b, `<c r="%s"><v>%v</v></c>`, ref, v)
		}
	}
	b.WriteString("</row>")
	return b.String()
}

var (
	xObjectives = xrow(1, "Codice", "Titolo", "Direzione", "Anno")
	xPhases     = xrow(1, "Codice obiettivo", "Descrizione", "Peso", "Inizio previsto", "Fine prevista")
	xGood       = xrow(2, "2019_A", "Titolo", "D", 2019)
)

// measure runs fn and returns its time and the bytes it allocated, an
// upper bound of its peak memory.
func measure(fn func()) (time.Duration, uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	fn()
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	return elapsed, after.TotalAlloc - before.TotalAlloc
}

// TestHostileFiles: the small files that took gigabytes are refused at
// once, in one sentence naming the cell, in well under 300 MB and 5 s.
func TestHostileFiles(t *testing.T) {
	var phases strings.Builder
	phases.WriteString(xPhases)
	for n := 2; n < 400; n++ {
		phases.WriteString(xrow(n, "2019_A", "fase", rawCell(`<c r="@" s="1"><v>0.5</v></c>`), "01/01/2019", "31/12/2019"))
	}
	phases.WriteString(`<row r="400"><c r="XFD400" t="inlineStr"><is><t>x</t></is></c></row>`)
	peso := rawXLSX(t, true, xsheet{name: "Obiettivi", data: xObjectives + xGood}, xsheet{name: "Fasi", data: phases.String()})

	var far strings.Builder
	far.WriteString(xObjectives)
	for n := 2; n < 15_002; n++ {
		fmt.Fprintf(&far, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>2019_%d</t></is></c><c r="XFD%d"><v>1</v></c></row>`, n, n, n, n)
	}
	farRows := rawXLSX(t, true, xsheet{name: "Obiettivi", data: far.String()})

	var spaces strings.Builder
	for range 20_000 {
		spaces.WriteString(`<text:s text:c="1000"/>`)
	}
	ods := odsFile(t, `<table:table table:name="Obiettivi">`+odsRow(odsText("Codice"), odsText("Titolo"), odsText("Direzione"))+
		odsRow(odsText("2019_A"), odsText("T"+spaces.String()), odsText("D"))+`</table:table>`)

	var nearly strings.Builder // cells just under the per-cell limit
	nearly.WriteString(`<table:table table:name="Obiettivi">` + odsRow(odsText("Codice"), odsText("Titolo"), odsText("Direzione")))
	for i := range 2000 {
		nearly.WriteString(odsRow(odsText(fmt.Sprint("2019_", i)), odsText("T"+strings.Repeat(`<text:s text:c="1000"/>`, 32)), odsText("D")))
	}
	nearly.WriteString(`</table:table>`)

	long := strings.Repeat("lungo ", 5000) // one shared text referenced by every row
	var shared strings.Builder
	shared.WriteString(xObjectives)
	for n := 2; n < 20_000; n++ {
		fmt.Fprintf(&shared, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>2019_%d</t></is></c><c r="B%d" t="s"><v>0</v></c><c r="C%d" t="s"><v>0</v></c></row>`, n, n, n, n, n)
	}
	sharedStrings := rawXLSX(t, true, xsheet{name: "Obiettivi", data: shared.String()})
	sharedStrings = withSharedString(t, sharedStrings, long)

	cases := []struct {
		name  string
		data  []byte
		place string
		err   error
	}{
		{"Peso 0.5 and a cell at XFD", peso, "Fasi!XFD400", ErrFarColumn},
		{"an .ods of cells just under the limit", odsFile(t, nearly.String()), "Obiettivi!1001", ErrTooBig},
		{"an .ods cell repeated to the last column", odsFile(t, `<table:table table:name="Obiettivi">`+odsRow(odsText("Codice"), `<table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell>`)+`</table:table>`), "Obiettivi!GS1", ErrFarColumn},
		{"an .ods row repeated a million times", odsFile(t, `<table:table table:name="Obiettivi">`+odsRow(odsText("Codice"), odsText("Titolo"), odsText("Direzione"))+`<table:table-row table:number-rows-repeated="1000000">`+odsText("2019_A")+odsText("T")+odsText("D")+`</table:table-row></table:table>`), "Obiettivi!666667", ErrTooBig},
		{"a long shared text in every row", sharedStrings, "Obiettivi!B535", ErrTooBig},
		{"a million styled empty cells in a row", rawXLSX(t, true, xsheet{name: "Obiettivi", data: xObjectives + `<row r="2">` + strings.Repeat(`<c r="B2" s="1"/>`, 1_200_000) + `</row>`}), "Obiettivi!2", ErrTooBig},
		{"an .ods of a million empty cells", odsFile(t, `<table:table table:name="Obiettivi">`+odsRow(odsText("Codice"), odsText("Titolo"), odsText("Direzione"))+`<table:table-row>`+strings.Repeat(`<table:table-cell/>`, 1_000_000)+`</table:table-row></table:table>`), "Obiettivi!2", ErrTooBig},
		{"a cell at XFD on 15,000 rows", farRows, "Obiettivi!XFD2", ErrFarColumn},
		{"an .ods cell of repeated spaces", ods, "Obiettivi!B2", model.ErrTooLong},
	}
	if dir := os.Getenv("WORKBOOK_HOSTILE_DIR"); dir != "" { // to measure with /usr/bin/time -v
		for i, c := range cases {
			ext := ".xlsx"
			if errors.Is(sniff(c.data), errODS) {
				ext = ".ods"
			}
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("hostile-%d%s", i+1, ext)), c.data, 0o644)
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var ps model.Problems
			elapsed, alloc := measure(func() { _, ps = read(t, c.data) })
			t.Logf("%d KB file: %v, %d MB allocated; %v", len(c.data)>>10, elapsed.Round(time.Millisecond), alloc>>20, ps)
			if !find(ps, c.place, model.Error, c.err) {
				t.Errorf("want «%v» at %s; got %v", c.err, c.place, ps)
			}
			if len(ps) != 1 {
				t.Errorf("want one sentence, got %d problems", len(ps))
			}
			if elapsed > 5*time.Second && !raceDetector || alloc > 300<<20 {
				t.Errorf("took %v and %d MB", elapsed, alloc>>20)
			}
		})
	}
}

// withSharedString adds a shared-strings part holding s to an .xlsx.
func withSharedString(t testing.TB, data []byte, s string) []byte {
	data = rewriteZip(t, data, func(name, body string) string {
		if name == "xl/_rels/workbook.xml.rels" {
			body = strings.Replace(body, "</Relationships>", `<Relationship Id="rSS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`, 1)
		}
		return body
	})
	return rewriteZip(t, data, nil, "xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>`+s+`</t></si></sst>`)
}

// rewriteZip copies a zip, each part's body through edit when not nil,
// and adds or replaces the parts given as name, body pairs.
func rewriteZip(t testing.TB, data []byte, edit func(name, body string) string, parts ...string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	replace := map[string]string{}
	for i := 0; i+1 < len(parts); i += 2 {
		replace[parts[i]] = parts[i+1]
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		if _, ok := replace[f.Name]; ok {
			continue
		}
		r, _ := f.Open()
		var body bytes.Buffer
		body.ReadFrom(r)
		out := body.String()
		if edit != nil {
			out = edit(f.Name, out)
		}
		w, _ := zw.Create(f.Name)
		w.Write([]byte(out))
	}
	for i := 0; i+1 < len(parts); i += 2 {
		w, _ := zw.Create(parts[i])
		w.Write([]byte(parts[i+1]))
	}
	zw.Close()
	return b.Bytes()
}

// TestFarEmptyCells: styled empty cells far to the right (whole rows
// formatted) cost nothing and are no error.
func TestFarEmptyCells(t *testing.T) {
	var rows strings.Builder
	rows.WriteString(xObjectives)
	for n := 2; n < 15_002; n++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>2019_%d</t></is></c><c r="B%d" t="inlineStr"><is><t>T</t></is></c><c r="C%d" t="inlineStr"><is><t>D</t></is></c><c r="XFD%d" s="1"/></row>`, n, n, n, n, n, n)
	}
	data := rawXLSX(t, true, xsheet{name: "Obiettivi", data: rows.String()})
	var plan *model.Plan
	var ps model.Problems
	elapsed, alloc := measure(func() { plan, ps = read(t, data) })
	t.Logf("%d KB, 15,000 rows styled to XFD: %v, %d MB allocated", len(data)>>10, elapsed.Round(time.Millisecond), alloc>>20)
	if ps.HasErrors() || len(plan.Objectives) != 15_000 {
		t.Fatalf("%d objectives, %v", len(plan.Objectives), ps[:min(3, len(ps))])
	}
	if alloc > 100<<20 {
		t.Errorf("%d MB allocated", alloc>>20)
	}
}

// TestSilentValues: no cell passes into the plan as something it is not.
func TestSilentValues(t *testing.T) {
	obj := func(rows ...string) xsheet {
		return xsheet{name: "Obiettivi", data: xObjectives + strings.Join(rows, "")}
	}
	ph := func(rows ...string) xsheet { return xsheet{name: "Fasi", data: xPhases + strings.Join(rows, "")} }
	in := func(rows ...string) xsheet {
		return xsheet{name: "Indicatori", data: xrow(1, "Codice obiettivo", "Descrizione", "Valore atteso", "Valore rilevato") + strings.Join(rows, "")}
	}
	cases := []struct {
		name   string
		sheets []xsheet
		place  string
		err    error
	}{
		{"#REF! as a title", []xsheet{obj(xrow(2, "2019_A", rawCell(`<c r="@" t="e"><f>A1/0</f><v>#REF!</v></c>`), "D"))}, "Obiettivi!B2", ErrExcelError},
		{"#DIV/0! as a measured value", []xsheet{obj(xGood), in(xrow(2, "2019_A", "ind", ">= 1", rawCell(`<c r="@" t="e"><v>#DIV/0!</v></c>`)))}, "Indicatori!D2", ErrExcelError},
		{"#NAME? as a target", []xsheet{obj(xGood), in(xrow(2, "2019_A", "ind", rawCell(`<c r="@" t="str"><f>foo()</f><v>#NAME?</v></c>`)))}, "Indicatori!C2", ErrExcelError},
		{"#N/A typed as text", []xsheet{obj(xrow(2, "2019_A", "T", "#N/A"))}, "Obiettivi!C2", ErrExcelError},
		{"a formula without its value", []xsheet{obj(xGood), ph(xrow(2, "2019_A", "fase", rawCell(`<c r="@"><f>25*4</f></c>`), "01/01/2019", "31/12/2019"))}, "Fasi!C2", ErrUncached},
		{"TRUE as a weight", []xsheet{obj(xGood), ph(xrow(2, "2019_A", "fase", rawCell(`<c r="@" t="b"><v>1</v></c>`), "01/01/2019", "31/12/2019"))}, "Fasi!C2", ErrBoolean},
		{"TRUE as a date", []xsheet{obj(xGood), ph(xrow(2, "2019_A", "fase", 100, rawCell(`<c r="@" t="b"><v>1</v></c>`), "31/12/2019"))}, "Fasi!D2", ErrBoolean},
		{"a NaN serial as a date", []xsheet{obj(xGood), ph(xrow(2, "2019_A", "fase", 100, rawCell(`<c r="@" s="2"><v>NaN</v></c>`), "31/12/2019"))}, "Fasi!D2", ErrBadNumber},
		{"an infinite weight", []xsheet{obj(xGood), ph(xrow(2, "2019_A", "fase", rawCell(`<c r="@"><v>INF</v></c>`), "01/01/2019", "31/12/2019"))}, "Fasi!C2", ErrBadNumber},
		{"two visible sheets with one name", []xsheet{obj(xGood), {name: "OBIETTIVI.", data: xObjectives + xrow(2, "2019_OLD", "Vecchio", "D")}}, "OBIETTIVI.", ErrSameName},
		{"a hidden sheet named like a contract sheet", []xsheet{{name: "OBIETTIVI.", hidden: true, data: xObjectives + xrow(2, "2019_OLD", "Vecchio titolo", "D")}, obj(xGood)}, "OBIETTIVI.", ErrHidden},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			plan, ps := read(t, rawXLSX(t, false, c.sheets...))
			if !find(ps, c.place, model.Error, c.err) && !find(ps, c.place, model.Warning, c.err) {
				t.Errorf("want «%v» at %s; got %v", c.err, c.place, ps)
			}
			if c.err == ErrHidden && (len(plan.Objectives) != 1 || plan.Objectives[0].Code != "2019_A") {
				t.Errorf("the hidden sheet won: %+v", plan.Objectives)
			}
		})
	}
}

// TestDamagedZip: a sheet whose CRC or size does not match its zip header
// is a damaged file, never a shorter sheet.
func TestDamagedZip(t *testing.T) {
	var rows strings.Builder
	rows.WriteString(xPhases)
	for n := 2; n < 30; n++ {
		rows.WriteString(xrow(n, "2019_A", fmt.Sprintf("fase %02d", n), 1, "01/01/2019", "31/12/2019"))
	}
	good := rawXLSX(t, false, xsheet{name: "Obiettivi", data: xObjectives + xGood}, xsheet{name: "Fasi", data: rows.String()})
	if _, ps := read(t, good); ps.HasErrors() {
		t.Fatalf("the good file: %v", ps)
	}
	crc := bytes.Replace(good, []byte("fase 20"), []byte("fase 2X"), 1)

	// The same sheet, its header claiming it is shorter than it is.
	var b bytes.Buffer
	zr, _ := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	zw := zip.NewWriter(&b)
	for _, f := range zr.File {
		h := f.FileHeader
		r, _ := f.OpenRaw()
		if strings.HasSuffix(f.Name, "sheet2.xml") {
			h.UncompressedSize64 /= 3
		}
		w, _ := zw.CreateRaw(&h)
		var body bytes.Buffer
		body.ReadFrom(r)
		w.Write(body.Bytes())
	}
	zw.Close()
	for name, data := range map[string][]byte{"crc": crc, "size": b.Bytes()} {
		t.Run(name, func(t *testing.T) {
			plan, ps := read(t, data)
			if !ps.HasErrors() || !errors.Is(ps[0], ErrTruncated) && !find(ps, "Fasi", model.Error, ErrTruncated) {
				t.Errorf("a damaged sheet read as %d phases: %v", len(plan.Objectives[0].Phases), ps)
			}
		})
	}
}
