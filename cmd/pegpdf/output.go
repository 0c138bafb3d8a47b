package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

const tempPrefix = ".pegpdf-"
const tempSuffix = ".tmp"

// writeAtomic writes path through a temporary file in the same folder,
// renamed over path only once complete: a crash, a kill or an error leaves
// either the old file or the new one, never half of one. Its error says
// which file could not be written.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("%s: scrittura non riuscita: %w", path, writeError{err})
		}
	}()
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, tempPrefix+"*"+tempSuffix)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// cleanTemps removes the temporary files a killed run left in dir.
func cleanTemps(dir string) {
	matches, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*"+tempSuffix))
	for _, m := range matches {
		os.Remove(m)
	}
}

// writeBytes writes data to path, atomically.
func writeBytes(path string, data []byte) error {
	return writeAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeError says in Italian why a file could not be written, keeping the
// cause for errors.Is.
type writeError struct{ err error }

func (e writeError) Unwrap() error { return e.err }

func (e writeError) Error() string {
	switch {
	case errors.Is(e.err, fs.ErrNotExist):
		return "la cartella non esiste"
	case errors.Is(e.err, fs.ErrPermission):
		return "permesso negato"
	case errors.Is(e.err, syscall.ENOSPC):
		return "disco pieno"
	}
	return e.err.Error()
}
