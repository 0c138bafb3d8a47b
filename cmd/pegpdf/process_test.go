package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
