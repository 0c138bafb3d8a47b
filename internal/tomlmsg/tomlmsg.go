// Package tomlmsg says in Italian where and why a TOML file (a theme, a
// mapping) could not be read: the line, the column and what to correct,
// instead of the parser's English. It owns nothing else, and imports only
// the TOML parser.
package tomlmsg

import (
	"errors"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
)

// reasons maps a fragment of the parser's message to what a clerk should
// do; the first that matches is used, so the longer fragments come first.
var reasons = []struct{ fragment, say string }{
	{"to end table name", "il nome della sezione va chiuso con ] (ad esempio [colori])"},
	{"table names cannot be empty", "il nome della sezione tra [ ] è vuoto"},
	{"table array name", "il nome della sezione va chiuso con ]]"},
	{"expected value", "manca il valore dopo = (un testo va tra virgolette: \"Settore\")"},
	{"key separator", "manca = tra il nome e il valore"},
	{"expected '.' or '='", "manca = tra il nome e il valore (un nome con spazi va tra virgolette)"},
	{"key name appears blank", "manca il nome prima di ="},
	{"end with a newline", "dopo il valore va a capo (un testo con spazi va tra virgolette)"},
	{"array terminator", "l'elenco tra [ ] va chiuso con ] e i valori separati da virgole"},
	{"inline table terminator", "la tabella tra { } va chiusa con } e le voci separate da virgole"},
	{"already been defined", "la voce è scritta due volte: tenerne una"},
	{"already created", "la voce è scritta due volte: tenerne una"},
	{"is not a table", "la voce è scritta due volte, una volta come sezione: tenerne una"},
	{"unexpected EOF", "il file finisce a metà: manca una virgoletta o una parentesi di chiusura"},
	{"unterminated", "manca la virgoletta di chiusura"},
	{"digits after '\\", "una \\ va scritta \\\\ (o il testo tra virgolette semplici ')"},
	{"invalid escape", "una \\ va scritta \\\\ (o il testo tra virgolette semplici ')"},
	{"newline", "un testo tra virgolette va chiuso sulla stessa riga"},
	{"float", "il numero non è valido: scriverlo con il punto decimale (1.5)"},
	{"digit", "il numero non è valido"},
	{"number", "il numero non è valido"},
}

// Explain is "riga L, colonna C: what to do" for a TOML syntax error, and
// false for any other error.
func Explain(err error) (string, bool) {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return "", false
	}
	say := "errore di scrittura: controllare virgolette, = e parentesi quadre"
	for _, r := range reasons {
		if strings.Contains(pe.Message, r.fragment) {
			say = r.say
			break
		}
	}
	line, col := pe.Position.Line, pe.Position.Col
	if strings.Contains(pe.Message, "to end table name, but got '\\n'") && line > 1 {
		line, col = line-1, 0 // the line that did not end as it should
	}
	where := fmt.Sprintf("riga %d", line)
	if col > 0 {
		where += fmt.Sprintf(", colonna %d", col)
	}
	return where + ": " + say, true
}
