package verify_test

import (
	"fmt"
	"os"

	"github.com/pegpdf/pegpdf/verify"
)

func ExampleInspect() {
	data, err := os.ReadFile("testdata/tagged.pdf")
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, err := verify.Inspect(data)
	if err != nil {
		fmt.Println(err) // not a PDF, or damaged: the message is Italian
		return
	}
	fmt.Println(rep.Claims)
	if !rep.PDFAChecked {
		fmt.Println(verify.NotPDFA)
	}
	for _, r := range rep.Results[:2] {
		fmt.Println(r.Group, r.Pass, r.Rule+":", r.Detail)
	}
	fmt.Println(rep.Failed(), "regole non rispettate")
	// Output:
	// dichiara PDF/UA-1; marcato (tagged)
	// questo PDF non è stato prodotto con --pdfa
	// accessibilità true marcato: 12 elementi di struttura
	// accessibilità true contenuto marcato: 1 pagina
	// 0 regole non rispettate
}
