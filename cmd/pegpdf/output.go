package main

import (
	"io"
	"os"
	"path/filepath"
)

const tempPrefix = ".pegpdf-"
const tempSuffix = ".tmp"

// writeAtomic writes path through a temporary file in the same folder,
// renamed over path only once complete: a crash, a kill or an error leaves
// either the old file or the new one, never half of one.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
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
