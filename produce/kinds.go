package produce

import (
	"path"
	"strings"
)

// spreadsheetKinds are the spreadsheets pegpdf does not read, by
// extension, with what each is called: refused by name, never skipped.
var spreadsheetKinds = map[string]string{
	".csv":     "un file CSV",
	".tsv":     "un file di testo con colonne (TSV)",
	".xlsb":    "un file Excel binario (.xlsb)",
	".xltx":    "un modello di Excel (.xltx)",
	".xltm":    "un modello di Excel (.xltm)",
	".xlt":     "un vecchio modello di Excel (.xlt)",
	".numbers": "un file di Numbers",
	".fods":    "un foglio LibreOffice in XML (.fods)",
	".ots":     "un modello di LibreOffice (.ots)",
	".sxc":     "un vecchio foglio di OpenOffice (.sxc)",
	".et":      "un foglio di WPS Office (.et)",
	".gsheet":  "un collegamento a un foglio Google",
}

// otherKinds are files that are no spreadsheet, given by name: what to
// give instead. In a folder they are skipped or named as ignored.
var otherKinds = map[string]string{
	".pdf":  "è un PDF: pegpdf legge il file .xlsx o .ods da cui si fanno i PDF (per controllare un PDF: «pegpdf controlla-pdf»)",
	".toml": "è un tema o una mappatura, non un foglio: indicarlo con --tema o --mappa, e come file da leggere il foglio .xlsx",
	".yaml": "è un tema, non un foglio: indicarlo con --tema, e come file da leggere il foglio .xlsx",
	".yml":  "è un tema, non un foglio: indicarlo con --tema, e come file da leggere il foglio .xlsx",
	".doc":  "è un documento di Word, non un foglio di calcolo: gli obiettivi vanno nel modello .xlsx («pegpdf modello»)",
	".docx": "è un documento di Word, non un foglio di calcolo: gli obiettivi vanno nel modello .xlsx («pegpdf modello»)",
	".odt":  "è un documento di Writer, non un foglio di calcolo: gli obiettivi vanno nel modello .xlsx («pegpdf modello»)",
}

// Spreadsheet reports whether ext (lower case, with its dot) is a
// spreadsheet pegpdf does not read: such a file is refused by name, never
// skipped.
func Spreadsheet(ext string) bool { return spreadsheetKinds[ext] != "" }

// NotReadable is why pegpdf does not read a file named name (a path or an
// upload's name), by its name alone: an Office lock file, a spreadsheet it
// does not read, a PDF, a theme, a document; nil for any other name (what
// is inside is then the reader's to judge). inFolder adds the advice to
// take it out of its folder. read applies it to every Source, so that the
// command line and the web page say the same.
func NotReadable(name string, inFolder bool) error {
	name = path.Base(strings.ReplaceAll(name, "\\", "/"))
	switch {
	case strings.HasPrefix(name, "~$"):
		return notWorkbook("è il file di blocco che Excel crea mentre il file è aperto: indicare il file senza ~$ (e chiuderlo in Excel)")
	case strings.HasPrefix(name, ".~lock."):
		return notWorkbook("è il file di blocco che LibreOffice crea mentre il file è aperto: indicare il file senza .~lock. e # (e chiuderlo in LibreOffice)")
	}
	ext := strings.ToLower(path.Ext(name))
	if say, ok := otherKinds[ext]; ok {
		return notWorkbook(say)
	}
	kind := spreadsheetKinds[ext]
	if kind == "" {
		return nil
	}
	what := "aprirlo in Excel o LibreOffice e salvarlo come .xlsx"
	switch ext {
	case ".numbers":
		what = "aprirlo in Numbers ed esportarlo come Excel (.xlsx)"
	case ".gsheet":
		what = "aprirlo in Google Fogli e scaricarlo come Microsoft Excel (.xlsx)"
	}
	if inFolder {
		what += ", o toglierlo dalla cartella"
	}
	return notWorkbook("è " + kind + ": " + what)
}

// notWorkbook is a file pegpdf does not read, said in Italian.
type notWorkbook string

func (e notWorkbook) Error() string { return string(e) }
