package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/pegpdf/pegpdf/server"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:    "serve",
		Aliases: []string{"servizio"},
		Usage:   "la pagina web per i colleghi: caricare i file e scaricare schede, libretto, rapporto o modello",
		Description: "Avvia un server HTTP con la pagina (in italiano, senza risorse esterne) e le API\n" +
			"/api/check, /api/sheets, /api/booklet, /api/report e /api/template (vedere il README).\n" +
			"Si ferma con Ctrl+C, finendo le richieste in corso.\n\n" +
			"Limiti: ogni richiesta al massimo --dimensione-massima MB (oltre, la pagina risponde che\n" +
			"i file sono troppo grandi), caricata per intero entro --tempo-caricamento (con i valori\n" +
			"predefiniti, 20 MB in 1 minuto: almeno 350 KB al secondo; a chi è più lento la pagina dice che\n" +
			"la rete è troppo lenta, e intanto occupa una connessione, non una conversione); poi\n" +
			"--conversioni alla volta: le altre attendono al massimo --attesa (poi la pagina risponde che\n" +
			"il servizio è occupato e di riprovare tra qualche secondo), e ognuna dura al massimo\n" +
			"--tempo-massimo: allo scadere, o se chi l'ha chiesta se ne va, il lavoro si ferma.\n\n" +
			"Rete: senza altre opzioni la pagina si apre solo da questo computer. Per aprirla ai\n" +
			"colleghi serve --rete (e un --indirizzo come 0.0.0.0:8080); conviene anche --codice (o la\n" +
			"variabile PEGPDF_TOKEN): la pagina chiede allora quel codice di accesso. Chi la apre con\n" +
			"un nome di computer invece che con l'indirizzo IP va aggiunto con --host.\n\n" +
			"Esempi:\n" +
			"   pegpdf servizio\n" +
			"   pegpdf servizio --rete --indirizzo 0.0.0.0:8080 --codice \"un codice lungo\" --tema tema.toml\n" +
			"   pegpdf servizio --rete --indirizzo 0.0.0.0:8080 --host peg.comune.esempio.it\n" +
			"   pegpdf servizio --dimensione-massima 50 --tempo-caricamento 2m",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Aliases: []string{"indirizzo"}, Value: "127.0.0.1:8080", Usage: "indirizzo e porta di ascolto; fuori da questo computer solo con --rete"},
			&cli.BoolFlag{Name: "allow-remote", Aliases: []string{"rete"}, Usage: "permette un --indirizzo raggiungibile da altri computer della rete"},
			&cli.StringFlag{Name: "token", Aliases: []string{"codice"}, EnvVars: []string{"PEGPDF_TOKEN"}, Usage: "codice di accesso chiesto dalla pagina (o nell'intestazione «Authorization: Bearer CODICE»)"},
			&cli.StringSliceFlag{Name: "host", Usage: "nome con cui i colleghi aprono la pagina, oltre agli indirizzi IP e a localhost (ripetibile)"},
			&cli.IntFlag{Name: "max-size", Aliases: []string{"dimensione-massima"}, Value: 20,
				Usage: "dimensione massima di una richiesta, in MB (oltre, la pagina dice che i file sono troppo grandi)"},
			&cli.DurationFlag{Name: "upload-timeout", Aliases: []string{"tempo-caricamento"}, Value: time.Minute, DefaultText: "1 minuto",
				Usage: "tempo per ricevere una richiesta (oltre, la pagina dice che la rete è troppo lenta); es. 90s, 2m"},
			&cli.IntFlag{Name: "max-concurrent", Aliases: []string{"conversioni"}, Value: runtime.NumCPU(), DefaultText: "quante ne regge il computer",
				Usage: "conversioni contemporanee (le altre attendono un posto libero)"},
			&cli.DurationFlag{Name: "queue-wait", Aliases: []string{"attesa"}, Value: 5 * time.Second, DefaultText: "5 secondi",
				Usage: "attesa di un posto libero (poi la pagina dice che il servizio è occupato); ad esempio 10s"},
			&cli.DurationFlag{Name: "timeout", Aliases: []string{"tempo-massimo"}, Value: 2 * time.Minute, DefaultText: "2 minuti",
				Usage: "tempo massimo di una conversione (oltre, il lavoro si ferma e la pagina lo dice); ad esempio 5m"},
			themeFlag(),
		},
		Action: func(c *cli.Context) error {
			th, err := loadTheme(c.String("theme"))
			if err != nil {
				return err
			}
			if c.Int("max-size") < 1 {
				return usagef("--dimensione-massima %d: deve essere almeno 1 (MB)", c.Int("max-size"))
			}
			if c.Int("max-concurrent") < 1 {
				return usagef("--conversioni %d: deve essere almeno 1", c.Int("max-concurrent"))
			}
			remote, err := needsRemote(c.String("addr"))
			if err != nil {
				return err
			}
			if remote && !c.Bool("allow-remote") {
				return usagef("--indirizzo %s apre la pagina a tutta la rete: aggiungere --rete per permetterlo (e --codice per chiedere un codice di accesso), o usare --indirizzo 127.0.0.1:8080", c.String("addr"))
			}
			log := typedWriter{c}
			if !remote && c.Bool("allow-remote") {
				// --rete permits, --addr opens: said, not guessed.
				fmt.Fprintf(log, "pegpdf: attenzione: con --indirizzo %s la pagina si apre solo da questo computer, anche con --rete: "+
					"per aprirla ai colleghi aggiungere --indirizzo 0.0.0.0:8080\n", c.String("addr"))
			}
			hosts := c.StringSlice("host")
			if name, err := os.Hostname(); err == nil && remote {
				hosts = append(hosts, name)
			}
			cfg := server.Config{
				MaxBytes: int64(c.Int("max-size")) << 20, MaxConcurrent: c.Int("max-concurrent"),
				QueueWait: c.Duration("queue-wait"), Timeout: c.Duration("timeout"), UploadTimeout: c.Duration("upload-timeout"),
				Theme: th, Remote: remote, Token: c.String("token"), Hosts: hosts,
			}
			ln, err := listen(c.String("addr"))
			if err != nil {
				return err
			}
			return serve(c.Context, ln, server.New(cfg), cfg, log)
		},
	}
}

// needsRemote reports whether addr is reachable from other computers:
// anything but a loopback address or localhost.
func needsRemote(addr string) (bool, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return false, usagef("--indirizzo %s: scrivere indirizzo:porta, ad esempio 127.0.0.1:8080", addr)
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return false, usagef("--indirizzo %s: la porta %q non è un numero da 0 a 65535", addr, port)
	}
	if host == "localhost" {
		return false, nil
	}
	ip := net.ParseIP(host)
	return ip == nil || !ip.IsLoopback(), nil
}

// listen opens the port, saying in Italian why it cannot.
func listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	switch {
	case err == nil:
		return ln, nil
	case errors.Is(err, syscall.EADDRINUSE):
		host, port, _ := net.SplitHostPort(addr)
		next, _ := strconv.Atoi(port)
		return nil, usagef("--indirizzo %s: la porta è già in uso, forse da un altro «pegpdf servizio» già avviato: aprire quello, o sceglierne un'altra, ad esempio --indirizzo %s",
			addr, net.JoinHostPort(host, strconv.Itoa(next%65535+1)))
	case errors.Is(err, syscall.EACCES):
		return nil, usagef("--indirizzo %s: questa porta è riservata all'amministratore: sceglierne una sopra 1024, ad esempio 8080", addr)
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return nil, usagef("--indirizzo %s: questo computer non ha quell'indirizzo: usare 127.0.0.1, o 0.0.0.0 con --rete", addr)
	default:
		var dns *net.DNSError
		if errors.As(err, &dns) {
			return nil, usagef("--indirizzo %s: il nome %q non si trova: usare un indirizzo IP, ad esempio 127.0.0.1:8080", addr, dns.Name)
		}
		return nil, usagef("--indirizzo %s: impossibile ascoltare su questo indirizzo (%v): usare ad esempio 127.0.0.1:8080", addr, err)
	}
}

// pageURLs are addresses a person can click for a listener: its own
// address or, when it listens on every interface, the loopback one and this
// computer's own IPv4 addresses on the network.
func pageURLs(a net.Addr) (local string, network []string) {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return "http://" + a.String() + "/", nil
	}
	port := strconv.Itoa(tcp.Port)
	if !tcp.IP.IsUnspecified() { // one address: the only one that answers
		return "http://" + net.JoinHostPort(tcp.IP.String(), port) + "/", nil
	}
	local = "http://" + net.JoinHostPort("127.0.0.1", port) + "/"
	addrs, _ := net.InterfaceAddrs()
	for _, ia := range addrs {
		if n, ok := ia.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() && !n.IP.IsLinkLocalUnicast() {
			network = append(network, "http://"+net.JoinHostPort(n.IP.String(), port)+"/")
		}
	}
	return local, network
}

// serve serves until ctx ends (SIGINT, SIGTERM), then lets the requests in
// flight finish.
func serve(ctx context.Context, ln net.Listener, h http.Handler, cfg server.Config, log io.Writer) error {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 2 * time.Minute
	}
	if cfg.UploadTimeout <= 0 {
		cfg.UploadTimeout = time.Minute
	}
	work := cfg.QueueWait + cfg.Timeout + 30*time.Second
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       cfg.UploadTimeout + 10*time.Second, // the API sets its own, shorter, deadline
		WriteTimeout:      cfg.UploadTimeout + work,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	local, network := pageURLs(ln.Addr())
	fmt.Fprintf(log, "pegpdf: pagina su %s (Ctrl+C per fermare)\n", local)
	if cfg.Remote {
		for _, u := range network {
			fmt.Fprintf(log, "pegpdf: dagli altri computer: %s\n", u)
		}
		if cfg.Token == "" {
			fmt.Fprintln(log, "pegpdf: ATTENZIONE: la pagina è aperta a tutta la rete, senza codice di accesso: chiunque in rete può usarla; per chiedere un codice usare --codice")
		} else {
			fmt.Fprintln(log, "pegpdf: attenzione: la pagina è aperta alla rete; chiede il codice di accesso dato con --codice")
		}
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(log, "pegpdf: arresto, attendo le richieste in corso…")
	shutdown, cancel := context.WithTimeout(context.Background(), cfg.UploadTimeout+work)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(log, "pegpdf: fermato")
	return nil
}
