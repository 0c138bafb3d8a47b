package produce

import (
	"archive/zip"
	"bytes"
	"io"
	"sync"
	"time"
)

// Zip is a Sink that keeps the sheets in memory and then writes them as
// one zip archive, for a front end that answers with a single download.
type Zip struct {
	modified time.Time
	mu       sync.Mutex
	files    map[string][]byte
}

// NewZip returns an empty Zip whose entries carry the date modified.
func NewZip(modified time.Time) *Zip {
	return &Zip{modified: modified, files: map[string][]byte{}}
}

// Sink keeps one file; it is a Sink, safe for concurrent use.
func (z *Zip) Sink(name string, write func(io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	z.mu.Lock()
	z.files[name] = b.Bytes()
	z.mu.Unlock()
	return nil
}

// Write writes the archive of the files called names, in that order
// (Result.Files), stored without compression: PDFs are compressed already.
func (z *Zip) Write(w io.Writer, names []string) error {
	zw := zip.NewWriter(w)
	for _, name := range names {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store, Modified: z.modified})
		if err != nil {
			return err
		}
		if _, err := f.Write(z.files[name]); err != nil {
			return err
		}
	}
	return zw.Close()
}
