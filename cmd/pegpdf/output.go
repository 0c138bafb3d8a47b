package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
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

// reserved are the names Windows will not take for a file.
var reserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true}

func init() {
	for i := 1; i <= 9; i++ {
		reserved[fmt.Sprintf("COM%d", i)] = true
		reserved[fmt.Sprintf("LPT%d", i)] = true
	}
}

const maxNameBytes = 120

// safeName turns a Codice into a file name (without extension) that is safe
// on every system: letters, digits, '-', '_' and '.', no leading dot, no
// reserved name, at most 120 bytes (a long one keeps a hash of the whole).
// "../../x" gives "x", "a/b" gives "a_b", "CON" gives "_CON".
func safeName(code string) string {
	var b strings.Builder
	for _, r := range code {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.'):
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r) // accented letters are fine in file names
		default:
			b.WriteByte('_')
		}
	}
	name := strings.Trim(b.String(), "._ ")
	for strings.Contains(name, "..") {
		name = strings.ReplaceAll(name, "..", ".")
	}
	if name == "" {
		name = "obiettivo"
	}
	if base, _, _ := strings.Cut(name, "."); reserved[strings.ToUpper(base)] {
		name = "_" + name
	}
	if len(name) > maxNameBytes {
		sum := sha256.Sum256([]byte(code))
		cut := maxNameBytes - 13
		for !utf8.RuneStart(name[cut]) {
			cut--
		}
		name = name[:cut] + "-" + hex.EncodeToString(sum[:])[:12]
	}
	return name
}
