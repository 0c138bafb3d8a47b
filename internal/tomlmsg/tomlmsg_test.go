package tomlmsg

import (
	"errors"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestExplain: each common mistake in a hand-edited file gets its line,
// its column and Italian words, never the parser's English.
func TestExplain(t *testing.T) {
	cases := []struct{ in, want string }{
		{"[colori\nprimario = \"#000000\"\n", "riga 1: il nome della sezione va chiuso con ]"},
		{"[ente]\nnome =\n", "riga 2, colonna 7: manca il valore dopo ="},
		{"[ente]\nnome \"Comune\"\n", "riga 2, colonna 6: manca = tra il nome e il valore"},
		{"[ente]\nnome = Comune di Esempio\n", "riga 2, colonna 8: manca il valore dopo ="},
		{"[ente]\nnome = \"Comune\" di\n", "riga 2, colonna 16: dopo il valore va a capo"},
		{"[ente]\nnome = \"Comune\nriga = 1\n", "riga 2, colonna 15: un testo tra virgolette va chiuso sulla stessa riga"},
		{"[ente]\nnome = \"a\"\nnome = \"b\"\n", "riga 3, colonna 12: la voce è scritta due volte"},
		{"[ente]\nnome = \"c:\\x\"\n", "riga 2, colonna 9: una \\ va scritta \\\\"},
		{"mesi = [\"Gen\" \"Feb\"]\n", "riga 1, colonna 15: l'elenco tra [ ] va chiuso con ]"},
		{"[ente]\nnome = \"", "riga 2"},
		{"[ente]\nnome = \"a\"\nriga_atti\n", "riga 3"},
	}
	for _, c := range cases {
		var m map[string]any
		_, err := toml.Decode(c.in, &m)
		if err == nil {
			t.Errorf("%q: no error", c.in)
			continue
		}
		got, ok := Explain(err)
		if !ok || !strings.HasPrefix(got, c.want) {
			t.Errorf("%q:\n got %q (parser: %v)\nwant %q…", c.in, got, err, c.want)
		}
		for _, english := range []string{"expected", "unexpected", "instead", "defined"} {
			if strings.Contains(got, english) {
				t.Errorf("%q: English in %q", c.in, got)
			}
		}
	}
	if _, ok := Explain(errors.New("other")); ok {
		t.Error("a non-TOML error is explained")
	}
}
