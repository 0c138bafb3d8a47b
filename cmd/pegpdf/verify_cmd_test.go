package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pegpdf/pegpdf/verify"
)

// taggedPDF is verify's hand-made tagged fixture: it passes every
// accessibility rule and claims PDF/UA-1, not PDF/A.
const taggedPDF = "../../verify/testdata/tagged.pdf"

// englishText catches library text leaking into what a clerk reads.
var englishText = regexp.MustCompile(`(?i)pdfcpu|xreftable|failed|\bread:|invalid|\berror\b|not found|unexpected`)

// TestVerifyNotAPDF: a file that is not a PDF (or is cut short) is said so
// in Italian, with the file's name; the run goes on to the next file and
// exits 1.
func TestVerifyNotAPDF(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "appunti.pdf")
	os.WriteFile(text, []byte("non sono un PDF\n"), 0o644)
	good, _ := os.ReadFile(taggedPDF)
	cut := filepath.Join(dir, "tagliato.pdf")
	os.WriteFile(cut, good[:40], 0o644)
	code, stdout, stderr := pegpdf(t, "controlla-pdf", text, cut, taggedPDF, filepath.Join(dir, "manca.pdf"))
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	for _, want := range []string{
		text + ": il file non è un PDF",
		cut + ": il PDF è danneggiato o incompleto e non si può leggere: produrlo di nuovo",
		filepath.Join(dir, "manca.pdf") + ": il file non esiste",
		taggedPDF + ": dichiara PDF/UA-1; marcato (tagged)",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("no %q in\n%s", want, stdout)
		}
	}
	if englishText.MatchString(stdout + stderr) {
		t.Errorf("English in the output: %q\n%s%s", englishText.FindString(stdout+stderr), stdout, stderr)
	}
	if !strings.Contains(stderr, "3 file su 4 non superano il controllo") {
		t.Errorf("stderr: %s", stderr)
	}
}

// TestVerifyTagged: the tagged fixture passes every accessibility rule,
// each printed with OK; without PDF/A it gets the one sentence for the
// PDF/A part and exits 0, unless --pdfa asks for PDF/A.
func TestVerifyTagged(t *testing.T) {
	code, stdout, stderr := pegpdf(t, "verify", taggedPDF)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, r := range verify.Rules() {
		line := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(taggedPDF) + `: (\S+)\s+(\S+)\s+` + regexp.QuoteMeta(r.Name) + `(:|$)`)
		m := line.FindStringSubmatch(stdout)
		switch {
		case r.Group == verify.PDFA && m != nil:
			t.Errorf("PDF/A rule on a file without PDF/A: %s", m[0])
		case r.Group == verify.Accessibility && (m == nil || m[1] != "accessibilità" || m[2] != "OK"):
			t.Errorf("%s: %q", r.Name, m)
		}
	}
	if !strings.Contains(stdout, taggedPDF+": PDF/A         nota   "+verify.NotPDFA) || strings.Count(stdout, "PDF/A ") != 1 {
		t.Errorf("the PDF/A part is not the one sentence:\n%s", stdout)
	}
	if !strings.Contains(stderr, "1 file: tutte le regole controllate sono rispettate") {
		t.Errorf("stderr: %s", stderr)
	}
	code, stdout, stderr = pegpdf(t, "controlla-pdf", "--pdfa", taggedPDF)
	if code != 1 || !strings.Contains(stdout, "ERRORE "+verify.NotPDFA) || !strings.Contains(stderr, "1 file su 1 non supera il controllo: produrre di nuovo") {
		t.Errorf("--pdfa: exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestVerifyBrokenTagging: a file breaking one accessibility rule exits 1
// and says which rule and where.
func TestVerifyBrokenTagging(t *testing.T) {
	good, err := os.ReadFile(taggedPDF)
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "senza-th.pdf")
	os.WriteFile(bad, []byte(strings.Replace(string(good), "/S /TH ", "/S /TD ", 1)), 0o644)
	code, stdout, _ := pegpdf(t, "verify", bad)
	if code != 1 || !strings.Contains(stdout, bad+": accessibilità ERRORE tabelle con TH: pagina 1, Table (oggetto 17): tabella senza celle di intestazione TH") {
		t.Errorf("exit %d\n%s", code, stdout)
	}
	if n := strings.Count(stdout, "ERRORE"); n != 1 {
		t.Errorf("%d errors\n%s", n, stdout)
	}
}

// TestVerifyFolders: a folder stands for the PDFs under it; a folder
// without PDFs is said so, in Italian.
func TestVerifyFolders(t *testing.T) {
	dir := t.TempDir()
	good, _ := os.ReadFile(taggedPDF)
	os.MkdirAll(filepath.Join(dir, "atti", "2019"), 0o755)
	os.MkdirAll(filepath.Join(dir, "vuota"), 0o755)
	os.WriteFile(filepath.Join(dir, "atti", "a.pdf"), good, 0o644)
	os.WriteFile(filepath.Join(dir, "atti", "2019", "B.PDF"), good, 0o644)
	os.WriteFile(filepath.Join(dir, "atti", "note.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "atti", ".nascosto.pdf"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "atti", "~$aperto.pdf"), []byte("x"), 0o644)
	code, stdout, stderr := pegpdf(t, "controlla-pdf", filepath.Join(dir, "atti"))
	if code != 0 || strings.Count(stdout, "dichiara PDF/UA-1") != 2 || !strings.Contains(stderr, "2 file: tutte le regole") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = pegpdf(t, "controlla-pdf", filepath.Join(dir, "vuota"))
	if code != 1 || !strings.Contains(stdout, "vuota: la cartella non contiene file PDF") || !strings.Contains(stderr, "1 file su 1 non supera il controllo\n") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestVerifyBrief: --breve prints for each file what it claims and only
// the rules it fails.
func TestVerifyBrief(t *testing.T) {
	good, _ := os.ReadFile(taggedPDF)
	bad := filepath.Join(t.TempDir(), "senza-alt.pdf")
	os.WriteFile(bad, []byte(strings.Replace(string(good), "/Alt (Gantt", "/Xlt (Gantt", 1)), 0o644)
	code, stdout, _ := pegpdf(t, "controlla-pdf", "--breve", taggedPDF, bad)
	want := taggedPDF + ": dichiara PDF/UA-1; marcato (tagged)\n" +
		bad + ": dichiara PDF/UA-1; marcato (tagged)\n" +
		bad + ": accessibilità ERRORE figure con Alt: pagina 1, Figure (oggetto 16): figura senza testo alternativo (/Alt)\n"
	if code != 1 || stdout != want {
		t.Errorf("exit %d\n%s\nwant\n%s", code, stdout, want)
	}
}

// TestVerifyHelp: the help lists every rule of verify's table.
func TestVerifyHelp(t *testing.T) {
	_, stdout, _ := pegpdf(t, "controlla-pdf", "--help")
	for _, r := range verify.Rules() {
		if !strings.Contains(stdout, "- "+r.Name+": ") {
			t.Errorf("help lacks %q", r.Name)
		}
	}
}

// verifyProblems lists the ERRORE lines of `pegpdf verify`'s output, but
// for the accessibility errors of a file that says it is not tagged: until
// every PDF pegpdf writes is tagged (issue #12), those are expected. Once a
// file is tagged, every rule must hold.
func verifyProblems(stdout string) []string {
	untagged := map[string]bool{}
	var bad []string
	for _, l := range strings.Split(stdout, "\n") {
		file, rest, _ := strings.Cut(l, ": ")
		if strings.HasSuffix(rest, "; non marcato (untagged)") {
			untagged[file] = true
		}
		if !strings.Contains(rest, " ERRORE ") {
			continue
		}
		if untagged[file] && strings.HasPrefix(rest, verify.Accessibility.String()+" ") {
			continue
		}
		bad = append(bad, l)
	}
	return bad
}
