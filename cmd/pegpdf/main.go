// Command pegpdf turns the PEG workbooks of an Italian municipality into the
// PDF objective sheets ("schede obiettivo") a council approves.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := exitCode(run(ctx, os.Args, os.Stdout, os.Stderr))
	stop()
	os.Exit(code)
}
