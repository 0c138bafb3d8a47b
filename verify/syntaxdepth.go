package verify

import (
	"bytes"
	"fmt"
	"strconv"
)

// This file holds malformedDepth, its tokenizer, and what a syntax
// mistake deep in dictionaries costs pdfcpu's parser.

// parseCost is what pdfcpu's parser costs on n bytes whose deepest
// mistake is under k dictionaries: it parses a dictionary again, leniently,
// when it fails, so the mistake is parsed 2^k times (22 levels in 5 KB
// took 10 s).
func parseCost(n, k int) int {
	return int(min(int64(n)<<min(k, 40), 1<<50))
}

func deepError(k int) error {
	return &ReadError{Msg: fmt.Sprintf("il PDF ha un errore di sintassi dentro %d dizionari annidati, che costerebbe %s letture (file anomalo o malevolo): il file non viene controllato", k, powerOfTwo(k))}
}

func powerOfTwo(k int) string {
	if k <= 40 {
		return strconv.FormatInt(1<<k, 10)
	}
	return "2^" + strconv.Itoa(k)
}

// malformedDepth reads the objects in d[from:to] (after "N G obj" when
// header is true) as
// PDF syntax, strictly, and says under how many dictionaries the deepest
// mistake is: a key without a value, a value where a key should be, an
// unknown word, a bracket that does not close what is open; 0 if none.
// It is stricter than pdfcpu, never more lenient: a mistake it misses
// would cost pdfcpu 2^k.
func malformedDepth(d []byte, from, to int, header bool) int {
	if from < 0 || to > len(d) || from >= to {
		return 0
	}
	b := d[from:to]
	if j := bytes.Index(b[:min(len(b), 40)], []byte("obj")); header && j >= 0 {
		b = b[j+3:]
	}
	type frame struct {
		dict     bool
		valueDue bool // a dictionary's key read, its value not yet
	}
	var stack []frame
	dicts, worst := 0, 0
	bad := func() { worst = max(worst, dicts) }
	inDict := func() bool { return len(stack) > 0 && stack[len(stack)-1].dict }
	// value is called after each complete value: in a dictionary, keys
	// (names) and values alternate.
	value := func(isName bool) {
		if !inDict() {
			return
		}
		top := &stack[len(stack)-1]
		switch {
		case top.valueDue:
			top.valueDue = false
		case isName:
			top.valueDue = true
		default:
			bad() // a key that is not a name
		}
	}
	// open checks that a container may start here: not as a key.
	open := func() {
		if inDict() && !stack[len(stack)-1].valueDue {
			bad()
		}
	}
	i := 0
	for {
		k, end := pdfToken(b, i)
		switch k {
		case tokEnd:
			if len(stack) > 0 {
				bad() // not closed
			}
			return worst
		case tokDictOpen:
			open()
			stack = append(stack, frame{dict: true})
			dicts++
		case tokDictClose:
			if !inDict() || stack[len(stack)-1].valueDue {
				bad()
			}
			if len(stack) > 0 {
				if stack[len(stack)-1].dict {
					dicts--
				}
				stack = stack[:len(stack)-1]
			}
			value(false)
		case tokArrayOpen:
			open()
			stack = append(stack, frame{})
		case tokArrayClose:
			if len(stack) == 0 || stack[len(stack)-1].dict {
				bad()
			} else {
				stack = stack[:len(stack)-1]
			}
			value(false)
		case tokName:
			value(true)
		case tokNumber:
			// A reference "N G R" is one value.
			if k2, e2 := pdfToken(b, end); k2 == tokNumber {
				if k3, e3 := pdfToken(b, e2); k3 == tokR {
					end = e3
				}
			}
			value(false)
		case tokValue:
			value(false)
		default: // tokBad, a lone R
			bad()
			value(false)
		}
		i = end
	}
}

// The tokens of malformedDepth.
const (
	tokEnd = iota
	tokDictOpen
	tokDictClose
	tokArrayOpen
	tokArrayClose
	tokName
	tokNumber
	tokR
	tokValue // a string, a hex string, true, false, null
	tokBad
)

// pdfToken reads the token at b[i:], after white space and comments: its
// kind and where it ends.
func pdfToken(b []byte, i int) (int, int) {
	for i < len(b) {
		if isSpace(b[i]) {
			i++
			continue
		}
		if b[i] != '%' {
			break
		}
		for i < len(b) && b[i] != '\n' && b[i] != '\r' {
			i++
		}
	}
	if i >= len(b) {
		return tokEnd, i
	}
	switch c := b[i]; {
	case c == '<' && i+1 < len(b) && b[i+1] == '<':
		return tokDictOpen, i + 2
	case c == '>' && i+1 < len(b) && b[i+1] == '>':
		return tokDictClose, i + 2
	case c == '[':
		return tokArrayOpen, i + 1
	case c == ']':
		return tokArrayClose, i + 1
	case c == '(':
		end := stringEnd(b, i)
		if end >= len(b) || b[end-1] != ')' { // not closed within the object
			return tokBad, end
		}
		return tokValue, end
	case c == '<':
		j := i + 1
		for j < len(b) && (unhex(b[j]) >= 0 || isSpace(b[j])) {
			j++
		}
		if j >= len(b) || b[j] != '>' {
			return tokBad, j
		}
		return tokValue, j + 1
	case c == '/':
		j, ok := i+1, true
		for j < len(b) && !isSpace(b[j]) && !isDelim(b[j]) {
			switch b[j] {
			case '#': // two hex digits, not 00 (pdfcpu refuses a null byte)
				if j+2 >= len(b) || unhex(b[j+1]) < 0 || unhex(b[j+2]) < 0 || b[j+1] == '0' && b[j+2] == '0' {
					ok = false
				}
			case '\v', 0x85, 0xA0: // white space to pdfcpu, not to PDF
				ok = false
			}
			j++
		}
		if !ok || j == i+1 { // a bad escape, or "/" alone
			return tokBad, j
		}
		return tokName, j
	}
	j := i
	for j < len(b) && !isSpace(b[j]) && !isDelim(b[j]) {
		j++
	}
	if j == i { // a delimiter out of place: ")", ">", "{", "}"
		return tokBad, i + 1
	}
	switch w := string(b[i:j]); {
	case w == "true" || w == "false" || w == "null":
		return tokValue, j
	case w == "R":
		return tokR, j
	case isNumber(w):
		return tokNumber, j
	}
	return tokBad, j
}

// isNumber says whether w is a PDF number: [+-] digits [. digits], or
// [+-] . digits.
func isNumber(w string) bool {
	if w != "" && (w[0] == '+' || w[0] == '-') {
		w = w[1:]
	}
	digits, dot := 0, false
	for _, c := range w {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return digits > 0
}

// stringEnd is where the literal string starting at i ("(") ends.
func stringEnd(d []byte, i int) int {
	nest := 0
	for ; i < len(d); i++ {
		switch d[i] {
		case '\\':
			i++
		case '(':
			nest++
		case ')':
			if nest--; nest == 0 {
				return i + 1
			}
		}
	}
	return i
}
