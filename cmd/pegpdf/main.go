// Command pegpdf turns the PEG workbooks of an Italian municipality into the
// PDF objective sheets ("schede obiettivo") a council approves.
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"syscall"
)

func main() {
	// PEGPDF_CPUPROFILE=file writes a CPU profile of the run, for measuring,
	// into a new file: an existing one is never replaced.
	if path := os.Getenv("PEGPDF_CPUPROFILE"); path != "" {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		switch {
		case errors.Is(err, fs.ErrExist):
			fmt.Fprintf(os.Stderr, "pegpdf: PEGPDF_CPUPROFILE=%s: il file esiste già e non viene sostituito: indicare un file nuovo (profilo non scritto)\n", path)
		case err != nil:
			fmt.Fprintf(os.Stderr, "pegpdf: PEGPDF_CPUPROFILE=%s: %s (profilo non scritto)\n", path, writeError{err, filepath.Dir(path)})
		default:
			pprof.StartCPUProfile(f)
			defer f.Close()
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first Ctrl+C (or SIGTERM) lets the run finish the files it is
	// writing; a second one ends pegpdf at once (its temporary files are
	// removed by a later run).
	go func() {
		<-ctx.Done()
		stop()
	}()
	restore := utf8Console()
	code := exitCode(run(ctx, os.Args, os.Stdout, os.Stderr))
	if len(os.Args) == 1 && ownConsole() {
		// Double-clicked in Explorer: the help would vanish with the window.
		fmt.Fprint(os.Stderr, "\npegpdf si usa dal Prompt dei comandi: vedere LEGGIMI.txt. Premere Invio per chiudere.")
		bufio.NewReader(os.Stdin).ReadString('\n')
	}
	restore()
	stop()
	pprof.StopCPUProfile()
	os.Exit(code)
}
