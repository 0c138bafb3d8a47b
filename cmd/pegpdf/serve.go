package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/server"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:    "serve",
		Aliases: []string{"servizio"},
		Usage:   "la pagina web per i colleghi: caricare i file e scaricare schede, libretto o rapporto",
		Description: "Avvia un server HTTP con la pagina (in italiano, senza risorse esterne) e le API\n" +
			"/api/check, /api/sheets, /api/booklet e /api/report (vedere il README). Ascolta solo su\n" +
			"questo computer, salvo --addr diverso. Si ferma con Ctrl+C, finendo le richieste in corso.\n\n" +
			"Esempi:\n" +
			"   pegpdf servizio\n" +
			"   pegpdf servizio --addr 0.0.0.0:8080 --tema tema.toml",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "indirizzo e porta di ascolto"},
			&cli.IntFlag{Name: "max-size", Value: 20, Usage: "dimensione massima di una richiesta, in MB (oltre: 413)"},
			&cli.IntFlag{Name: "max-concurrent", Value: runtime.NumCPU(), Usage: "conversioni contemporanee (le altre attendono, poi 503)"},
			&cli.DurationFlag{Name: "queue-wait", Value: 5 * time.Second, Usage: "attesa massima di un posto libero prima del 503"},
			&cli.DurationFlag{Name: "timeout", Value: 2 * time.Minute, Usage: "tempo massimo di una richiesta"},
			themeFlag(),
		},
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			th, err := loadTheme(c.String("theme"))
			if err != nil {
				return err
			}
			if c.Int("max-size") < 1 || c.Int("max-concurrent") < 1 {
				return usagef("--max-size e --max-concurrent devono essere almeno 1")
			}
			h := server.New(server.Config{
				MaxBytes: int64(c.Int("max-size")) << 20, MaxConcurrent: c.Int("max-concurrent"),
				QueueWait: c.Duration("queue-wait"), Timeout: c.Duration("timeout"), Theme: th,
			})
			ln, err := net.Listen("tcp", c.String("addr"))
			if err != nil {
				return usagef("--addr: %s", listenMessage(c.String("addr"), err))
			}
			return serve(c.Context, ln, h, c.Duration("timeout"), c.App.ErrWriter)
		},
	}
}

// serve serves until ctx ends (SIGINT, SIGTERM), then lets the requests in
// flight finish.
func serve(ctx context.Context, ln net.Listener, h http.Handler, timeout time.Duration, log interface{ Write([]byte) (int, error) }) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       timeout,
		WriteTimeout:      timeout + 30*time.Second,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	fmt.Fprintf(log, "pegpdf: pagina su http://%s/ (Ctrl+C per fermare)\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(log, "pegpdf: arresto, attendo le richieste in corso…")
	shutdown, cancel := context.WithTimeout(context.Background(), timeout+30*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(log, "pegpdf: fermato")
	return nil
}
