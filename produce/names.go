package produce

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// reserved are the names Windows will not take for a file.
var reserved = func() map[string]bool {
	m := map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true}
	for i := 1; i <= 9; i++ {
		m[fmt.Sprintf("COM%d", i)] = true
		m[fmt.Sprintf("LPT%d", i)] = true
	}
	return m
}()

// MaxNameBytes bounds a file name made from a Codice.
const MaxNameBytes = 120

// SafeName turns a Codice into a file name (without extension) that is safe
// on every system: letters, digits, '-', '_' and '.', no leading dot, no
// reserved name, at most 120 bytes (a long one keeps a hash of the whole).
// "../../x" gives "x", "a/b" gives "a_b", "CON" gives "_CON".
func SafeName(code string) string {
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
	if len(name) > MaxNameBytes {
		sum := sha256.Sum256([]byte(code))
		cut := MaxNameBytes - 13
		for !utf8.RuneStart(name[cut]) {
			cut--
		}
		name = name[:cut] + "-" + hex.EncodeToString(sum[:])[:12]
	}
	return name
}
