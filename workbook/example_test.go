package workbook_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/pegpdf/pegpdf/workbook"
)

// An office's single sheet, one row per objective under a title, read with
// a mapping that names the sheet and splits the indicators at line breaks.
func ExampleParseMapping() {
	m, err := workbook.ParseMapping(strings.NewReader(`
[foglio_unico]
foglio = "PEG 2016"
separatori = ["\n"]
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "PEG 2016")
	f.SetSheetRow("PEG 2016", "A1", &[]any{"PEG 2016 – Servizio Amministrativo – obiettivi"})
	f.SetSheetRow("PEG 2016", "A3", &[]any{"Obiettivo", "Settore", "Indicatori", "Target"})
	f.SetSheetRow("PEG 2016", "A4", &[]any{"Protocollo digitale", "AMMINISTRATIVO", "Documenti digitali\nGiorni di registrazione", "100%\n<= 1"})
	var b bytes.Buffer
	f.Write(&b)

	plan, problems, _ := workbook.ReadContext(context.Background(), &b, workbook.Limits{Mapping: m})
	for _, o := range plan.Objectives {
		fmt.Println(o.Code, o.Title, o.Direction)
		for _, in := range o.Indicators {
			fmt.Printf("  %s: %s\n", in.Description, in.Target.Text)
		}
	}
	fmt.Println(len(problems), "problemi")
	// Output:
	// OB01 Protocollo digitale AMMINISTRATIVO
	//   Documenti digitali: 100%
	//   Giorni di registrazione: <= 1
	// 0 problemi
}
