package main

import (
	"errors"
	"fmt"
	"net"
	"strings"
	"syscall"

	"github.com/pegpdf/pegpdf/model"
)

// flagDate reads the date given to the option --name. Its message is for
// the command line: a date typed there cannot be "una cella data".
func flagDate(name, s string) (model.Date, error) {
	d, err := model.ParseDate(s)
	if err != nil {
		return d, usagef("--%s: %q non è una data: scrivere gg/mm/aaaa, ad esempio 31/07/2027", name, s)
	}
	return d, nil
}

// listenMessage says in Italian why the server cannot listen on addr.
func listenMessage(addr string, err error) string {
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return fmt.Sprintf("la porta di %s è già in uso (un altro pegpdf servizio è aperto?): chiudere l'altro programma o scegliere un'altra porta, ad esempio --addr 127.0.0.1:8081", addr)
	case errors.Is(err, syscall.EACCES):
		return fmt.Sprintf("non è permesso ascoltare su %s: scegliere una porta sopra 1024, ad esempio --addr 127.0.0.1:8080", addr)
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return fmt.Sprintf("l'indirizzo di %s non appartiene a questo computer: usare 127.0.0.1 o un indirizzo di questo computer", addr)
	}
	var ae *net.AddrError
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &dnsErr):
		return fmt.Sprintf("%s: nome di computer sconosciuto: indicare ad esempio --addr 127.0.0.1:8080", addr)
	case errors.As(err, &ae) || strings.Contains(err.Error(), "port"):
		return fmt.Sprintf("%s non è un indirizzo valido: scrivere indirizzo:porta, con la porta tra 1 e 65535, ad esempio 127.0.0.1:8080", addr)
	}
	return fmt.Sprintf("%s: impossibile mettersi in ascolto (%v)", addr, err)
}
