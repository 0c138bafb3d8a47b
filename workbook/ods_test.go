package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pegpdf/pegpdf/model"
)

// odsFile builds a LibreOffice spreadsheet with the given content.xml body
// (the office:spreadsheet element's children).
func odsFile(t testing.TB, tables string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("mimetype")
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	w, _ = zw.Create("content.xml")
	w.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
<office:body><office:spreadsheet>` + tables + `</office:spreadsheet></office:body></office:document-content>`))
	zw.Close()
	return b.Bytes()
}

func odsRow(cells ...string) string {
	return "<table:table-row>" + strings.Join(cells, "") + "</table:table-row>"
}
func odsText(s string) string {
	return `<table:table-cell office:value-type="string"><text:p>` + s + `</text:p></table:table-cell>`
}

// TestODS: a LibreOffice spreadsheet is read like an .xlsx: headers,
// numbers, date cells, percentage cells, paragraphs, repeated and padding
// cells and rows, and problems at their cells.
func TestODS(t *testing.T) {
	empty := `<table:table-cell table:number-columns-repeated="16380"/>`
	data := odsFile(t, `
<table:table table:name="Obiettivi">`+
		odsRow(odsText("Codice"), odsText("Titolo"), odsText("Direzione"), odsText("Descrizione"), empty)+
		`<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>`+
		odsRow(odsText("2019_A"), odsText("Un titolo"), odsText("SERVIZI SOCIALI"),
			`<table:table-cell office:value-type="string"><text:p>Primo paragrafo,<text:s text:c="2"/>spazi.</text:p><text:p>Secondo.</text:p></table:table-cell>`, empty)+
		`<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
</table:table>
<table:table table:name="Fasi">`+
		odsRow(odsText("Codice obiettivo"), odsText("Descrizione"), odsText("Peso"), odsText("Inizio previsto"), odsText("Fine prevista"), odsText("Avanzamento %"))+
		odsRow(odsText("2019_A"), odsText("Fase uno"), `<table:table-cell office:value-type="float" office:value="60"><text:p>60</text:p></table:table-cell>`,
			`<table:table-cell office:value-type="date" office:date-value="2019-01-01"><text:p>01/01/19</text:p></table:table-cell>`,
			`<table:table-cell office:value-type="date" office:date-value="2019-06-30T00:00:00"><text:p>30/06/19</text:p></table:table-cell>`,
			`<table:table-cell office:value-type="percentage" office:value="0.5"><text:p>50%</text:p></table:table-cell>`)+
		odsRow(odsText("2019_A"), odsText("Fase due"), `<table:table-cell office:value-type="float" office:value="40"/>`,
			odsText("31/13/2019"), odsText("31/12/2019"))+
		`</table:table>`)
	plan, ps := read(t, data)
	if len(plan.Objectives) != 1 {
		t.Fatalf("objectives %d: %v", len(plan.Objectives), ps)
	}
	o := plan.Objectives[0]
	if o.Loc.Row != 4 || o.Description != "Primo paragrafo,  spazi.\nSecondo." {
		t.Errorf("objective: row %d, %q", o.Loc.Row, o.Description)
	}
	p := o.Phases[0]
	if p.Weight != model.Some(60) || p.Start.String() != "01/01/2019" || p.End.String() != "30/06/2019" || p.Progress != model.Some(50) {
		t.Errorf("phase: %+v", p)
	}
	if !find(ps, "Fasi!D3", model.Error, model.ErrDate) {
		t.Errorf("the bad date: %v", ps)
	}
}

func odsBig(t testing.TB, n int) []byte {
	var b strings.Builder
	b.WriteString(`<table:table table:name="Obiettivi">` + odsRow(odsText("Codice"), odsText("Titolo"), odsText("Direzione")))
	for i := range n {
		b.WriteString(odsRow(odsText(fmt.Sprintf("2019_%d", i)), odsText("T"), odsText("D")))
	}
	b.WriteString(`</table:table>`)
	return odsFile(t, b.String())
}

// TestODSSilentValues: a LibreOffice error value and a hidden sheet are
// not read as data.
func TestODSSilentValues(t *testing.T) {
	data := odsFile(t, `<office:automatic-styles xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>`+
		`<table:table table:name="OBIETTIVI." table:style-name="ta2">`+odsRow(odsText("Codice"), odsText("Titolo"), odsText("Direzione"))+odsRow(odsText("OLD"), odsText("Vecchio"), odsText("D"))+`</table:table>`+
		`<table:table table:name="Obiettivi">`+odsRow(odsText("Codice"), odsText("Titolo"), odsText("Direzione"))+
		odsRow(odsText("2019_A"), `<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value=""><text:p>#DIV/0!</text:p></table:table-cell>`, odsText("D"))+`</table:table>`)
	plan, ps := read(t, data)
	if !find(ps, "Obiettivi!B2", model.Error, ErrExcelError) || !find(ps, "OBIETTIVI.", model.Warning, ErrHidden) {
		t.Errorf("got %v", ps)
	}
	if len(plan.Objectives) != 1 || plan.Objectives[0].Code != "2019_A" {
		t.Errorf("the hidden sheet was read: %+v", plan.Objectives)
	}
}

// TestManyParts: a zip listing hundreds of thousands of parts is refused
// before its directory is read.
func TestManyParts(t *testing.T) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("xl/workbook.xml")
	w.Write([]byte("<workbook/>"))
	for i := range 200_000 {
		zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprint(i), Method: zip.Store})
	}
	zw.Close()
	var ps model.Problems
	elapsed, alloc := measure(func() { _, ps = read(t, b.Bytes()) })
	t.Logf("%d MB, 200,000 parts: %v, %d MB allocated", b.Len()>>20, elapsed.Round(time.Millisecond), alloc>>20)
	if len(ps) != 1 || !errors.Is(ps[0], ErrTooBig) || alloc > 64<<20 {
		t.Errorf("%v, %d MB", ps, alloc>>20)
	}
	if n, ok := zipEntries(rawXLSX(t, false, xsheet{name: "Obiettivi", data: xObjectives})); !ok || n != 5 {
		t.Errorf("a workbook's parts: %d %v", n, ok)
	}
}

// TestLongInlineTexts: a sheet of long texts written inline is no sparse
// sheet, however big its XML.
func TestLongInlineTexts(t *testing.T) {
	var rows strings.Builder
	rows.WriteString(xObjectives)
	long := strings.Repeat("descrizione lunga ", 1700) // 30 KB
	for n := 2; n < 402; n++ {
		rows.WriteString(xrow(n, fmt.Sprint("2019_", n), long, "D"))
	}
	plan, ps := read(t, rawXLSX(t, true, xsheet{name: "Obiettivi", data: rows.String()}))
	if ps.HasErrors() || len(plan.Objectives) != 400 {
		t.Errorf("%d objectives: %v", len(plan.Objectives), ps[:min(len(ps), 2)])
	}
}
