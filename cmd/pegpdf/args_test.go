package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOptionsAfterFileNames(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"schede --out t peg.xlsx --al 31/07/2027", "schede --out t --al 31/07/2027 peg.xlsx"},
		{"schede peg.xlsx -o t b.xlsx", "schede -o t peg.xlsx b.xlsx"},
		{"schede peg.xlsx --al=31/07/2027 b.xlsx", "schede --al=31/07/2027 peg.xlsx b.xlsx"},
		{"schede a.xlsx --pdfa b.xlsx", "schede --pdfa a.xlsx b.xlsx"},                                   // a boolean takes no value
		{"schede a.xlsx --pdfa=false b.xlsx", "schede --pdfa=false a.xlsx b.xlsx"},                       // nor with =
		{"schede --out t -- --al.xlsx -x.xlsx", "schede --out t -- --al.xlsx -x.xlsx"},                   // after -- all are files
		{"schede a.xlsx -- --pdfa --out", "schede -- a.xlsx --pdfa --out"},                               // even option names
		{"libretto peg.xlsx --titolo --out --out x.pdf", "libretto --titolo --out --out x.pdf peg.xlsx"}, // a value that looks like an option
		{"schede a.xlsx --nope b.xlsx", "schede --nope a.xlsx b.xlsx"},                                   // unknown: reported by the parser
		{"schede - --al 31/07/2027", "schede --al 31/07/2027 -"},                                         // "-" is an argument
		{"--help", "--help"},
		{"frobnicate --out x y", "frobnicate --out x y"},
		{"schede a.xlsx --al", "schede --al a.xlsx"}, // the missing value is reported before: TestOptionLastWithoutValue
		{"schede a.xlsx --al --generate-bash-completion", "schede --al a.xlsx --generate-bash-completion"},
	} {
		app := newApp(io.Discard, io.Discard)
		got := parseCommandLine(app, append([]string{"pegpdf"}, strings.Fields(tc.in)...)).args[1:]
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.in, strings.Join(got, " "), tc.want)
		}
	}
}

// TestOptionsAfterFileNamesRun: the issue's own command, with the date
// after the workbook, gives the same sheet as with the date before it, and
// not the sheet without the date.
func TestOptionsAfterFileNamesRun(t *testing.T) {
	sheet := func(args ...string) string {
		t.Helper()
		out := t.TempDir()
		args = append([]string{"schede", "--data", "01/01/2020", "--out", out}, args...)
		if code, _, stderr := pegpdf(t, args...); code != 0 {
			t.Fatalf("%v: exit %d, %s", args, code, stderr)
		}
		data, err := os.ReadFile(filepath.Join(out, "2019_ZN10.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(out, "--al")); err == nil {
			t.Error("an option became a file")
		}
		return string(data)
	}
	before := sheet("--al", "31/07/2019", sample)
	after := sheet(sample, "--al", "31/07/2019")
	plain := sheet(sample)
	if after != before || after == plain {
		t.Errorf("--al after the file name: same as before it %v, same as without it %v", after == before, after == plain)
	}
	if code, _, stderr := pegpdf(t, "verifica", sample, "--jobs", "1"); code != 0 {
		t.Errorf("verifica FILE --jobs 1: exit %d, %s", code, stderr)
	}
}

// TestOptionLastWithoutValue: an option that takes a value, typed last
// without one, is reported missing; it never takes the first file name as
// its value (`libretto a.xlsx b.xlsx --sovrascrivi --out` wrote the booklet
// over a.xlsx).
func TestOptionLastWithoutValue(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.xlsx")
	copyFile(t, sample, a)
	before, _ := os.ReadFile(a)
	for _, args := range [][]string{
		{"libretto", a, sample, "--sovrascrivi", "--out"},
		{"verifica", a, "--password"},
		{"schede", "--out", dir, a, "--tema"},
		{"verifica", a, "--elenco-problemi"},
	} {
		code, _, stderr := pegpdf(t, args...)
		want := args[len(args)-1] + ": manca il valore dopo l'opzione"
		if code != exitUsage || !strings.Contains(stderr, want) {
			t.Errorf("%v: exit %d, want %q: %s", args, code, want, stderr)
		}
	}
	if after, _ := os.ReadFile(a); string(after) != string(before) {
		t.Error("a workbook was written over")
	}
}
