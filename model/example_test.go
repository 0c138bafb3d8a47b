package model_test

import (
	"fmt"

	"github.com/pegpdf/pegpdf/model"
)

func ExampleParseDate() {
	for _, s := range []string{"31/12/2019", "1/7/2019", "2019-07-01", "31/13/2019"} {
		d, err := model.ParseDate(s)
		fmt.Println(d, err)
	}
	// Output:
	// 31/12/2019 <nil>
	// 01/07/2019 <nil>
	// 01/07/2019 <nil>
	//  "31/13/2019" non è una data (scrivere gg/mm/aaaa o usare una cella data)
}

func ExampleFormatDecimal() {
	fmt.Println(model.FormatDecimal(50, 2), model.FormatDecimal(1234.5, 2), model.Some(87.25).Decimal(1), model.Num{}.Decimal(2) == "")
	// Output: 50,00 1.234,50 87,3 true
}

func ExampleKey() {
	fmt.Println(model.Key("CENTRO DI RESPONSABILITA'"))
	fmt.Println(model.Key("Centro di  Responsabilità"))
	// Output:
	// centro di responsabilita
	// centro di responsabilita
}

func ExampleIndicator_Judge() {
	for _, c := range [][2]string{{"=> 100", "112"}, {"<= 30 giorni", "40"}, {"entro il 30/06/2019", "15/06/2019"}, {"SI", ""}} {
		r := model.Indicator{Target: model.ParseTarget(c[0]), Measured: c[1]}.Judge()
		fmt.Printf("%-20s %-10s %-14s %s\n", c[0], c[1], r.Outcome, r.Degree.Decimal(1))
	}
	// Output:
	// => 100               112        RAGGIUNTO      100,0
	// <= 30 giorni         40         NON RAGGIUNTO  75,0
	// entro il 30/06/2019  15/06/2019 RAGGIUNTO      100,0
	// SI                              NON MISURABILE
}

func ExamplePhase_Timing() {
	asOf := model.Date{Year: 2019, Month: 7, Day: 31}
	due := model.Date{Year: 2019, Month: 6, Day: 30}
	fmt.Println(model.Phase{End: due}.Timing(asOf))
	fmt.Println(model.Phase{End: due, ActualEnd: model.Date{Year: 2019, Month: 6, Day: 20}}.Timing(asOf))
	// Output:
	// IN RITARDO
	// IN ANTICIPO
}
