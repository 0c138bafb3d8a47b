package workbook

import "testing"

// TestCellsByAddress: cells are placed by their address, even written out
// of order or twice (the last wins), never shifted into a neighbour.
func TestCellsByAddress(t *testing.T) {
	row := `<row r="2"><c r="B2" t="inlineStr"><is><t>Titolo</t></is></c><c r="A2" t="inlineStr"><is><t>2019_A</t></is></c>` +
		`<c r="C2" t="inlineStr"><is><t>X</t></is></c><c r="C2" t="inlineStr"><is><t>D</t></is></c><c r="D2"><v>2019</v></c></row>`
	plan, ps := read(t, rawXLSX(t, false, xsheet{name: "Obiettivi", data: xObjectives + row}))
	if len(plan.Objectives) != 1 {
		t.Fatalf("objectives %d: %v", len(plan.Objectives), ps)
	}
	if o := plan.Objectives[0]; o.Code != "2019_A" || o.Title != "Titolo" || o.Direction != "D" || o.Year != 2019 {
		t.Errorf("got code %q title %q direction %q year %d", o.Code, o.Title, o.Direction, o.Year)
	}
}

// TestSharedStringRuns: a shared string in formatted runs is the text of
// its runs only, not the indentation between them.
func TestSharedStringRuns(t *testing.T) {
	data := rawXLSX(t, false, xsheet{name: "Obiettivi", data: xObjectives + xrow(2, "2019_A", "Titolo", rawCell(`<c r="@" t="s"><v>0</v></c>`), 2019)})
	data = withSharedString(t, data, "X")
	data = rewriteZip(t, data, nil, "xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si>
    <r><rPr><b/></rPr><t>Servizi</t></r>
    <r><t xml:space="preserve"> Sociali</t></r>
  </si></sst>`)
	plan, ps := read(t, data)
	if len(plan.Objectives) != 1 || plan.Objectives[0].Direction != "Servizi Sociali" {
		t.Fatalf("got %+v %v", plan.Objectives, ps)
	}
}

// TestODSComment: a cell's comment is not part of its value.
func TestODSComment(t *testing.T) {
	data := odsFile(t, `<table:table table:name="Obiettivi">`+odsRow(odsText("Codice"), odsText("Titolo"), odsText("Direzione"))+
		odsRow(odsText("2019_A"), odsText("Titolo"), `<table:table-cell office:value-type="string"><office:annotation><text:p>da verificare con il dirigente</text:p></office:annotation><text:p>Servizi Sociali</text:p></table:table-cell>`)+`</table:table>`)
	plan, ps := read(t, data)
	if len(plan.Objectives) != 1 || plan.Objectives[0].Direction != "Servizi Sociali" {
		t.Fatalf("got %+v %v", plan.Objectives, ps)
	}
}
