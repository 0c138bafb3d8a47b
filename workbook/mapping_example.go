package workbook

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pegpdf/pegpdf/templates"
)

// MappingExample is a commented mapping file, to copy and adapt: every
// key, the contract's columns and their synonyms.
func MappingExample() string {
	var b strings.Builder
	b.WriteString(`# Mappatura per pegpdf: descrive un foglio dell'ufficio diverso dal modello.
# Uso: pegpdf schede --mappa mappa.toml FILE.xlsx
# Le righe che iniziano con # sono commenti; togliere il # per usare una riga.

# I nomi dei fogli, se diversi da Obiettivi, Fasi e Indicatori.
[fogli]
# obiettivi = "Elenco obiettivi"
# fasi = "Attività"
# indicatori = "Misure"

# Un foglio unico: obiettivi, fasi e indicatori uno sotto l'altro; una
# colonna dice che cosa è ogni riga; fasi e indicatori appartengono
# all'obiettivo che li precede. Senza colonna_tipo ogni riga è un
# obiettivo, e le sue colonne degli indicatori (Indicatore, Target, …)
# ne danno gli indicatori, più d'uno per cella se separati.
# I tipi Obiettivo, Fase, Attività, Azione e Indicatore valgono sempre;
# obiettivo, fase e indicatore ne aggiungono altri. Un tipo sconosciuto
# (o vuoto) è un errore: decide a quale obiettivo vanno le righe sotto.
[foglio_unico]
# foglio = "PEG 2024"
# colonna_tipo = "Tipo"
# obiettivo = ["Obiettivo"]
# fase = ["Fase", "Attività", "Azione"]
# indicatore = ["Indicatore"]
# Il Codice di un obiettivo che non l'ha: il prefisso e il numero
# dell'obiettivo nel foglio (OB01, OB02, …), uguale a ogni esecuzione
# finché le righe restano nell'ordine.
# prefisso_codice = "OB"
# Più indicatori in una cella, separati da un a capo o da un punto e virgola.
# separatori = ["\n", ";"]

# Come è scritto l'avanzamento: "percentuale" (80 o 80%) o "frazione" (0,8).
[valori]
# avanzamento = "percentuale"

# Le colonne: a sinistra il nome in pegpdf, a destra il nome nel foglio
# dell'ufficio. I nomi non distinguono maiuscole, accenti e punteggiatura;
# i sinonimi elencati sono già riconosciuti senza mappatura. Ogni colonna
# indicata deve essere nella riga di intestazione, e una colonna
# dell'ufficio vale per un solo campo di ogni sezione.
# Salvare il file con codifica UTF-8 (Blocco note: Salva con nome > Codifica).
`)
	for _, s := range templates.Schema() {
		fmt.Fprintf(&b, "\n[colonne.%s]\n", strings.ToLower(s.Name))
		for _, c := range s.Columns {
			fmt.Fprintf(&b, "# %q = %q", c.Header, c.Header)
			if len(c.Aliases) > 0 {
				aliases := append([]string(nil), c.Aliases...)
				sort.Strings(aliases)
				fmt.Fprintf(&b, "   # sinonimi: %s", strings.Join(aliases, ", "))
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}
