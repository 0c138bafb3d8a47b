package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// apiError is the one-sentence JSON error of the API. Field, when set, is
// the form field at fault (its name in the request), for the page to mark.
type apiError struct {
	Error string `json:"error"`
	Field string `json:"field,omitempty"`
}

func fail(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, apiError{Error: msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// statusError is an answer other than 200.
type statusError struct {
	status int
	msg    string
	field  string // the form field at fault, if one is
	body   any    // JSON instead of msg, for 422
}

func (e *statusError) Error() string { return e.msg }

func (e *statusError) write(w http.ResponseWriter) {
	if e.body != nil {
		writeJSON(w, e.status, e.body)
		return
	}
	writeJSON(w, e.status, apiError{Error: e.msg, Field: e.field})
}

// answer writes err as the API's answer.
func answer(w http.ResponseWriter, err error) {
	var se *statusError
	if errors.As(err, &se) {
		se.write(w)
		return
	}
	fail(w, http.StatusInternalServerError, "errore interno durante la conversione: riprovare; se si ripete, avvisare chi gestisce il servizio")
}

// api wraps an endpoint. In order: the size limit; the whole upload read
// within its deadline, in this handler, before anything else (a slow client
// costs a connection, never a conversion slot); the fields checked; a
// conversion slot; then the work, under the request's time limit, whose
// context ends when the time is up or the client goes away.
//
// The work runs on its own goroutine so that the answer can be given at the
// time limit; that goroutine never touches the request (its body is already
// read) and keeps the slot until the work really stops, so abandoned work
// still counts against --max-concurrent.
func (s *server) api(endpoint func(http.ResponseWriter, *request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > s.cfg.MaxBytes {
			fail(w, http.StatusRequestEntityTooLarge, s.tooLarge())
			return
		}
		select {
		case s.held <- struct{}{}:
		default:
			w.Header().Set("Retry-After", "10")
			fail(w, http.StatusServiceUnavailable, "il servizio sta già ricevendo troppi file: riprovare tra qualche secondo")
			return
		}
		release := func() { <-s.held }
		started := false // then the work releases the upload when it ends
		defer func() {
			if !started {
				release()
			}
		}()
		req, err := s.receive(w, r)
		if err != nil {
			answer(w, err)
			return
		}
		wait := time.NewTimer(s.cfg.QueueWait)
		defer wait.Stop()
		select {
		case s.slots <- struct{}{}:
		case <-wait.C:
			w.Header().Set("Retry-After", "10")
			fail(w, http.StatusServiceUnavailable, "il servizio è occupato con altre conversioni: riprovare tra qualche secondo")
			return
		case <-r.Context().Done():
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
		defer cancel()
		req.ctx = ctx
		done := make(chan struct{})
		var rec bytes.Buffer // the answer, written only once complete
		rw := &recorder{header: http.Header{}, body: &rec, status: http.StatusOK}
		started = true
		go func() {
			defer close(done)
			defer release()              // the upload stays in memory while worked on
			defer func() { <-s.slots }() // held until the work really ends
			defer func() {
				if p := recover(); p != nil {
					rw.reset()
					answer(rw, fmt.Errorf("panic: %v", p))
				}
			}()
			err := endpoint(rw, req)
			if err == nil {
				err = ctx.Err() // a document finished after the time limit is not sent
			}
			if err != nil {
				rw.reset()
				answer(rw, err)
			}
		}()
		select {
		case <-done:
			if ctx.Err() != nil {
				s.timedOut(w, r)
				return
			}
			for k, v := range rw.header {
				w.Header()[k] = v
			}
			w.WriteHeader(rw.status)
			w.Write(rec.Bytes())
		case <-ctx.Done():
			s.timedOut(w, r)
		}
	}
}

// timedOut answers a request past its time limit, unless its client left.
func (s *server) timedOut(w http.ResponseWriter, r *http.Request) {
	if r.Context().Err() != nil {
		return
	}
	fail(w, http.StatusServiceUnavailable, fmt.Sprintf("la conversione ha superato il limite di %s: caricare meno file alla volta o riprovare più tardi", italianDuration(s.cfg.Timeout)))
}

func (s *server) tooLarge() string {
	return fmt.Sprintf("la richiesta supera il limite di %s: caricare meno file alla volta", s.maxSize())
}

// maxSize is the size limit as a person reads it: "20 MB", "10 KB".
func (s *server) maxSize() string {
	if s.cfg.MaxBytes < 1<<20 {
		return fmt.Sprintf("%d KB", s.cfg.MaxBytes>>10)
	}
	return fmt.Sprintf("%d MB", s.cfg.MaxBytes>>20)
}

// recorder keeps an answer in memory until it is complete.
type recorder struct {
	header http.Header
	body   *bytes.Buffer
	status int
}

func (r *recorder) Header() http.Header         { return r.header }
func (r *recorder) Write(p []byte) (int, error) { return r.body.Write(p) }
func (r *recorder) WriteHeader(status int)      { r.status = status }
func (r *recorder) reset() {
	r.body.Reset()
	r.header = http.Header{}
	r.status = http.StatusOK
}

// italianDuration writes d as a person says it: "2 minuti", "1 minuto e
// 30 secondi", "45 secondi", "1 ora"; below a second, "meno di un secondo".
func italianDuration(d time.Duration) string {
	if d < time.Second {
		return "meno di un secondo"
	}
	d = d.Round(time.Second)
	units := []struct {
		size      time.Duration
		one, many string
	}{{time.Hour, "ora", "ore"}, {time.Minute, "minuto", "minuti"}, {time.Second, "secondo", "secondi"}}
	var parts []string
	for _, u := range units {
		if n := int(d / u.size); n > 0 {
			name := u.many
			if n == 1 {
				name = u.one
			}
			parts = append(parts, fmt.Sprintf("%d %s", n, name))
			d -= time.Duration(n) * u.size
		}
	}
	switch len(parts) {
	case 1:
		return parts[0]
	case 2:
		return parts[0] + " e " + parts[1]
	default:
		return parts[0] + ", " + parts[1] + " e " + parts[2]
	}
}

// info is what the page shows of the server: its limits and whether it is
// open to the network.
type info struct {
	MaxSize       string `json:"maxSize"`
	Timeout       string `json:"timeout"`
	UploadTimeout string `json:"uploadTimeout"`
	Remote        bool   `json:"remote"`
	Token         bool   `json:"token"`
}

func (s *server) info(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, info{
		MaxSize: s.maxSize(), Timeout: italianDuration(s.cfg.Timeout), UploadTimeout: italianDuration(s.cfg.UploadTimeout),
		Remote: s.cfg.Remote, Token: s.cfg.Token != "",
	})
}
