// Command pegpdf turns the PEG workbooks of an Italian municipality into the
// PDF objective sheets ("schede obiettivo") a council approves.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
)

func main() {
	// PEGPDF_CPUPROFILE=file writes a CPU profile of the run, for measuring.
	if path := os.Getenv("PEGPDF_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			pprof.StartCPUProfile(f)
			defer f.Close()
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := exitCode(run(ctx, os.Args, os.Stdout, os.Stderr))
	stop()
	pprof.StopCPUProfile()
	os.Exit(code)
}
