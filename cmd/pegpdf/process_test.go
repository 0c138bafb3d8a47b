package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain lets the tests run pegpdf as a separate process (the test
// binary itself, as main), so that two runs can race and one be killed.
func TestMain(m *testing.M) {
	if os.Getenv("PEGPDF_AS_MAIN") == "1" {
		os.Args[0] = "pegpdf"
		main()
		return
	}
	code := m.Run()
	// No test may write into the package folder (the default --out is
	// "."): a stray file there means a run that should have failed did not.
	if stray, _ := filepath.Glob("*.pdf"); len(stray) > 0 {
		fmt.Fprintf(os.Stderr, "a test wrote %v into the package folder\n", stray)
		for _, f := range stray {
			os.Remove(f)
		}
		code = 1
	}
	os.Exit(code)
}

// process starts pegpdf args as a separate process.
func process(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "PEGPDF_AS_MAIN=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &out
}

// TestProfileNeverReplaces: PEGPDF_CPUPROFILE names a new file; an
// existing one is kept, and the run says so in Italian.
func TestProfileNeverReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "misure.txt")
	os.WriteFile(path, []byte("le misure di ieri"), 0o644)
	cmd := exec.Command(os.Args[0], "versione")
	cmd.Env = append(os.Environ(), "PEGPDF_AS_MAIN=1", "PEGPDF_CPUPROFILE="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if got, _ := os.ReadFile(path); string(got) != "le misure di ieri" {
		t.Errorf("the file was replaced: %.40q", got)
	}
	if !strings.Contains(string(out), "PEGPDF_CPUPROFILE="+path+": il file esiste già") || english.MatchString(string(out)) {
		t.Errorf("%s", out)
	}
	fresh := filepath.Join(t.TempDir(), "cpu.prof")
	cmd = exec.Command(os.Args[0], "versione")
	cmd.Env = append(os.Environ(), "PEGPDF_AS_MAIN=1", "PEGPDF_CPUPROFILE="+fresh)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if st, err := os.Stat(fresh); err != nil || st.Size() == 0 {
		t.Errorf("no profile written: %v", err)
	}
}
