package server

import (
	"crypto/subtle"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// secure adds the security headers to every answer.
func secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' blob:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.ServeHTTP(w, r)
	})
}

// cookieName is the cookie the login page sets when an access token is
// required.
const cookieName = "pegpdf_accesso"

// guard decides who may talk to the server, before anything is read:
//   - the Host header must be an IP address, localhost or one of
//     Config.Hosts: a page of another site whose name an attacker points
//     at this machine (DNS rebinding) is refused;
//   - a request that changes something (POST) must come from this page: a
//     cross-origin Origin, or Sec-Fetch-Site: cross-site, is refused;
//   - with Config.Token, every request but the login page and its style
//     needs the token, as "Authorization: Bearer TOKEN" or the cookie the
//     login page sets.
func (s *server) guard(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.hostAllowed(r.Host) {
			fail(w, http.StatusMisdirectedRequest, fmt.Sprintf("indirizzo %q non ammesso: aprire la pagina con l'indirizzo stampato all'avvio del servizio, o avviarlo con --host %s", r.Host, hostOnly(r.Host)))
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead && !sameOrigin(r) {
			fail(w, http.StatusForbidden, "richiesta da un'altra pagina rifiutata: usare la pagina del servizio stesso")
			return
		}
		if s.cfg.Token == "" || s.authorized(r) {
			h.ServeHTTP(w, r)
			return
		}
		switch {
		case r.URL.Path == "/accesso":
			s.login(w, r)
		case r.URL.Path == "/style.css":
			h.ServeHTTP(w, r)
		case strings.HasPrefix(r.URL.Path, "/api/"):
			w.Header().Set("WWW-Authenticate", `Bearer realm="pegpdf"`)
			fail(w, http.StatusUnauthorized, "serve il codice di accesso: entrare dalla pagina, o inviarlo nell'intestazione «Authorization: Bearer CODICE»")
		default:
			http.Redirect(w, r, "/accesso", http.StatusSeeOther)
		}
	})
}

func hostOnly(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return h
	}
	return strings.Trim(hostport, "[]")
}

func (s *server) hostAllowed(hostport string) bool {
	h := strings.ToLower(strings.TrimSuffix(hostOnly(hostport), "."))
	if h == "" {
		return false
	}
	if net.ParseIP(h) != nil || h == "localhost" {
		return true
	}
	for _, a := range s.cfg.Hosts {
		if strings.EqualFold(strings.TrimSuffix(a, "."), h) {
			return true
		}
	}
	return false
}

// sameOrigin reports whether a request that changes something comes from
// the page itself, or from a program that sends no Origin (curl). The
// browser's Sec-Fetch-Site decides when present (page scripts cannot set
// it; the login form's Origin is "null" under Referrer-Policy no-referrer);
// otherwise the Origin must be this server's.
func sameOrigin(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "same-origin", "none":
		return true
	case "same-site", "cross-site":
		return false
	}
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && strings.EqualFold(u.Host, r.Host)
}

func (s *server) authorized(r *http.Request) bool {
	if a := r.Header.Get("Authorization"); strings.HasPrefix(a, "Bearer ") && s.tokenIs(strings.TrimPrefix(a, "Bearer ")) {
		return true
	}
	c, err := r.Cookie(cookieName)
	return err == nil && s.tokenIs(c.Value)
}

func (s *server) tokenIs(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.cfg.Token)) == 1
}

var loginPage = template.Must(template.New("login").Parse(`<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>pegpdf – accesso</title>
<link rel="stylesheet" href="style.css">
</head>
<body>
<header><h1>Schede obiettivo del PEG</h1></header>
<main>
<form method="post" action="/accesso">
  <div class="field"><label for="token">Codice di accesso</label>
    <input type="password" id="token" name="token" autocomplete="current-password" required autofocus
      aria-describedby="token-help"{{if .Error}} aria-invalid="true"{{end}}>
    <p id="token-help" class="help{{if .Error}} error{{end}}">{{if .Error}}{{.Error}}{{else}}Il codice lo dà chi ha avviato il servizio.{{end}}</p></div>
  <button type="submit">Entra</button>
</form>
</main>
</body>
</html>
`))

// login is the page that asks for the access token and, when it is right,
// sets the cookie that opens the rest.
func (s *server) login(w http.ResponseWriter, r *http.Request) {
	data := struct{ Error string }{}
	status := http.StatusOK
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, 4096)
		if err := r.ParseForm(); err == nil && s.tokenIs(r.PostFormValue("token")) {
			http.SetCookie(w, &http.Cookie{Name: cookieName, Value: s.cfg.Token, Path: "/", HttpOnly: true,
				SameSite: http.SameSiteStrictMode, MaxAge: int((12 * time.Hour).Seconds())})
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return
		}
		data.Error = "Codice di accesso errato: riscriverlo, o chiederlo a chi ha avviato il servizio."
		status = http.StatusUnauthorized
		time.Sleep(300 * time.Millisecond) // slows guessing
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	loginPage.Execute(w, data)
}
