package produce

import (
	"errors"
	"fmt"
	"testing"

	"github.com/pegpdf/pegpdf/model"
)

func TestOptionsSet(t *testing.T) {
	asOf, _ := model.NewDate(2019, 7, 31)
	cases := []struct {
		name, value string
		want        Options
	}{
		{"pdfa", "true", Options{PDFA: true}},
		{"pdfa", "Sì", Options{PDFA: true}},
		{"pdfa", "off", Options{}},
		{"with-sheets", "1", Options{WithSheets: true}},
		{"con-schede", "on", Options{WithSheets: true}},
		{"fronte-retro", "yes", Options{Duplex: true}},
		{"duplex", "false", Options{}},
		{"al", "31/07/2019", Options{AsOf: asOf}},
		{"as-of", "2019-07-31", Options{AsOf: asOf}},
		{"as-of", "", Options{}},
		{"ente", " Comune di Prova ", Options{Entity: "Comune di Prova"}},
		{"sottotitolo", "Allegato A", Options{Subtitle: "Allegato A"}},
		{"titolo", "PEG", Options{Title: "PEG"}},
		{"anno", "2027", Options{Year: 2027}},
		{"year", "0", Options{}},
	}
	for _, c := range cases {
		var o Options
		if err := o.Set(c.name, c.value); err != nil {
			t.Errorf("%s=%q: %v", c.name, c.value, err)
		}
		if o != c.want {
			t.Errorf("%s=%q: %+v, want %+v", c.name, c.value, o, c.want)
		}
	}
}

func TestOptionsSetErrors(t *testing.T) {
	for _, c := range []struct{ name, value, want string }{
		{"pdfa", "forse", `pdfa: "forse": usare true o false`},
		{"con-schede", "x", `con-schede: "x": usare true o false`},
		{"al", "31/13/2019", "al: "},
		{"anno", "duemila", `anno: "duemila" non è un anno di quattro cifre: scrivere ad esempio 2027`},
		{"anno", "27", `anno: "27" non è un anno di quattro cifre: scrivere ad esempio 2027`},
		{"colore", "rosso", "colore: opzione sconosciuta"},
	} {
		var o Options
		err := o.Set(c.name, c.value)
		var oe *OptionError
		if !errors.As(err, &oe) || oe.Name != c.name || len(err.Error()) < len(c.want) || err.Error()[:len(c.want)] != c.want {
			t.Errorf("%s=%q: %v, want %q…", c.name, c.value, err, c.want)
		}
	}
	var o Options
	if err := o.Set("colore", "rosso"); !errors.Is(err, ErrUnknownOption) {
		t.Errorf("unknown option: %v", err)
	}
}

func ExampleOptions_Set() {
	var o Options
	for name, value := range map[string]string{"con-schede": "sì", "al": "31/07/2019"} {
		if err := o.Set(name, value); err != nil {
			fmt.Println(err)
		}
	}
	fmt.Println(o.WithSheets, o.AsOf)
	// Output: true 31/07/2019
}
