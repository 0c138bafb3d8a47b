package model

import (
	"strings"
	"unicode"
)

// unaccented maps the accented Latin letters an Italian workbook meets to
// their base letter.
var unaccented = map[rune]rune{}

func init() {
	for base, accented := range map[rune]string{
		'a': "àáâãäåāăą", 'A': "ÀÁÂÃÄÅĀĂĄ",
		'c': "çćč", 'C': "ÇĆČ",
		'e': "èéêëēėęě", 'E': "ÈÉÊËĒĖĘĚ",
		'i': "ìíîïīį", 'I': "ÌÍÎÏĪĮ",
		'n': "ñń", 'N': "ÑŃ",
		'o': "òóôõöøō", 'O': "ÒÓÔÕÖØŌ",
		's': "śš", 'S': "ŚŠ",
		'u': "ùúûüūů", 'U': "ÙÚÛÜŪŮ",
		'y': "ýÿ", 'Y': "ÝŸ",
		'z': "źżž", 'Z': "ŹŻŽ",
	} {
		for _, r := range accented {
			unaccented[r] = base
		}
	}
}

// Unaccent returns r without its accent: 'à' -> 'a'.
func Unaccent(r rune) rune {
	if b, ok := unaccented[r]; ok {
		return b
	}
	return r
}

// Key folds a sheet name or header the way the contract matches them:
// case, accents, punctuation and repeated spaces are ignored, so
// "CENTRO DI RESPONSABILITA'" and "Centro di responsabilità" give the same
// key, "centro di responsabilita".
func Key(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		r = Unaccent(unicode.ToLower(r)) // lower first: Ÿ lowers to ÿ
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default: // spaces and punctuation separate words
			space = true
		}
	}
	return b.String()
}
