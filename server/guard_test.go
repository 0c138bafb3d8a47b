package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func newRequest(method, target string, header map[string]string, body string) *http.Request {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	for k, v := range header {
		r.Header.Set(k, v)
	}
	return r
}

func serve(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// TestHostChecked: a page reached through a name that is not this server's
// (DNS rebinding) is refused; IP addresses, localhost and --host names pass.
func TestHostChecked(t *testing.T) {
	h := newTestServer(Config{Hosts: []string{"peg.comune.example"}})
	for host, want := range map[string]int{
		"127.0.0.1:8080": 200, "[::1]:8080": 200, "localhost:8080": 200, "192.168.1.20:8080": 200,
		"PEG.comune.example:8080": 200, "peg.comune.example.": 200,
		"attacker.example:8080": 421, "": 421,
	} {
		r := newRequest("GET", "http://127.0.0.1/", nil, "")
		r.Host = host
		w := serve(h, r)
		if w.Code != want {
			t.Errorf("Host %q: %d, want %d", host, w.Code, want)
		}
		if want == 421 && !strings.Contains(w.Body.String(), "--host") {
			t.Errorf("Host %q: the message does not say what to do: %s", host, w.Body.String())
		}
	}
}

// TestCrossOriginRefused: another site's page cannot post to the API.
func TestCrossOriginRefused(t *testing.T) {
	h := newTestServer(Config{})
	for _, c := range []struct {
		header map[string]string
		want   int
	}{
		{map[string]string{"Origin": "http://attacker.example"}, 403},
		{map[string]string{"Origin": "null"}, 403},
		{map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
		{map[string]string{"Sec-Fetch-Site": "same-site", "Origin": "http://127.0.0.1:9000"}, 403}, // another local service
		{map[string]string{"Origin": "http://127.0.0.1:9000"}, 403},
		{map[string]string{"Sec-Fetch-Site": "same-origin", "Origin": "null"}, 400}, // the login form

		{map[string]string{"Origin": "http://127.0.0.1:8080"}, 400}, // same origin: reaches the API (no body: 400)
		{nil, 400}, // curl
	} {
		r := newRequest("POST", "http://127.0.0.1:8080/api/check", c.header, "")
		if w := serve(h, r); w.Code != c.want {
			t.Errorf("%v: %d, want %d (%s)", c.header, w.Code, c.want, w.Body.String())
		}
	}
}

// TestToken: with a token, nothing but the login page opens without it;
// the login page sets a cookie that opens the rest; the API takes a
// Bearer header.
func TestToken(t *testing.T) {
	h := newTestServer(Config{Token: "segreto-123", Remote: true})
	if w := serve(h, newRequest("GET", "http://127.0.0.1/", nil, "")); w.Code != 303 || w.Header().Get("Location") != "/accesso" {
		t.Errorf("page without token: %d %q", w.Code, w.Header().Get("Location"))
	}
	if w := serve(h, newRequest("POST", "http://127.0.0.1/api/check", nil, "")); w.Code != 401 || !strings.Contains(w.Body.String(), "codice di accesso") {
		t.Errorf("API without token: %d %s", w.Code, w.Body.String())
	}
	if w := serve(h, newRequest("GET", "http://127.0.0.1/api/template", map[string]string{"Authorization": "Bearer sbagliato"}, "")); w.Code != 401 {
		t.Errorf("wrong Bearer: %d", w.Code)
	}
	if w := serve(h, newRequest("GET", "http://127.0.0.1/api/template", map[string]string{"Authorization": "Bearer segreto-123"}, "")); w.Code != 200 {
		t.Errorf("right Bearer: %d", w.Code)
	}
	login := serve(h, newRequest("GET", "http://127.0.0.1/accesso", nil, ""))
	if login.Code != 200 || !strings.Contains(login.Body.String(), `<label for="token">Codice di accesso</label>`) || !strings.Contains(login.Body.String(), `lang="it"`) {
		t.Errorf("login page: %d %s", login.Code, login.Body.String())
	}
	form := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
	w := serve(h, newRequest("POST", "http://127.0.0.1/accesso", form, url.Values{"token": {"sbagliato"}}.Encode()))
	if w.Code != 401 || !strings.Contains(w.Body.String(), `aria-invalid="true"`) || !strings.Contains(w.Body.String(), "errato") {
		t.Errorf("wrong token: %d %s", w.Code, w.Body.String())
	}
	w = serve(h, newRequest("POST", "http://127.0.0.1/accesso", form, url.Values{"token": {"segreto-123"}}.Encode()))
	cookies := w.Result().Cookies()
	if w.Code != 303 || len(cookies) != 1 || !cookies[0].HttpOnly || cookies[0].SameSite != http.SameSiteStrictMode {
		t.Fatalf("right token: %d %v", w.Code, cookies)
	}
	r := newRequest("GET", "http://127.0.0.1/", nil, "")
	r.AddCookie(cookies[0])
	if w := serve(h, r); w.Code != 200 {
		t.Errorf("page with the cookie: %d", w.Code)
	}
	info := serve(h, r.Clone(r.Context()))
	_ = info
	r = newRequest("GET", "http://127.0.0.1/api/info", nil, "")
	r.AddCookie(cookies[0])
	if w := serve(h, r); !strings.Contains(w.Body.String(), `"remote": true`) || !strings.Contains(w.Body.String(), `"token": true`) {
		t.Errorf("info: %s", w.Body.String())
	}
}
