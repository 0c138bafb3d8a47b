package server

import (
	"embed"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed web
var web embed.FS

// pageHandler serves the page and its files, read with GET; any other path is an
// Italian 404, not the file server's English one.
func pageHandler() http.Handler {
	static, _ := fs.Sub(web, "web")
	files := http.FileServerFS(static)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			fail(w, http.StatusMethodNotAllowed, "la pagina si legge con GET")
			return
		}
		if name := strings.TrimPrefix(path.Clean(r.URL.Path), "/"); name != "" {
			if _, err := fs.Stat(static, name); err != nil {
				w.Header().Set("Content-Type", "text/plain; charset=utf-8")
				w.WriteHeader(http.StatusNotFound)
				io.WriteString(w, "Pagina non trovata: la pagina di pegpdf è all'indirizzo /\n")
				return
			}
		}
		files.ServeHTTP(w, r)
	})
}
