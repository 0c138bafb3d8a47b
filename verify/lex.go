package verify

import (
	"bytes"
	"fmt"
	"strconv"
)

// A small tokenizer for content streams (ISO 32000-1 §7.2, §8.9.7): it
// knows strings (nested parentheses, escapes), hex strings, names, numbers,
// arrays, dictionaries and inline images, which is what it takes to find
// the operators and the operands of BMC/BDC without being fooled by bytes
// inside a string or an image.

// Operand values: float64, name, []byte (strings), []any, map[string]any,
// bool, nil, or keyword for anything else.
type name string
type keyword string

const maxNesting = 64

type lexer struct {
	b []byte
	i int
}

func isSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// lexError says where a content stream stops making sense.
type lexError struct {
	at  int
	msg string
}

func (e *lexError) Error() string { return fmt.Sprintf("%s al byte %d", e.msg, e.at) }

// skip passes over white space and comments.
func (l *lexer) skip() {
	for l.i < len(l.b) {
		c := l.b[l.i]
		switch {
		case isSpace(c):
			l.i++
		case c == '%':
			for l.i < len(l.b) && l.b[l.i] != '\n' && l.b[l.i] != '\r' {
				l.i++
			}
		default:
			return
		}
	}
}

// regular reads a run of regular characters.
func (l *lexer) regular() string {
	start := l.i
	for l.i < len(l.b) && !isSpace(l.b[l.i]) && !isDelim(l.b[l.i]) {
		l.i++
	}
	return string(l.b[start:l.i])
}

// token reads the next object or operator. An operator is returned as a
// keyword with isOp true. At the end it returns io.EOF-like done.
func (l *lexer) token(depth int) (v any, isOp, done bool, err error) {
	l.skip()
	if l.i >= len(l.b) {
		return nil, false, true, nil
	}
	if depth > maxNesting {
		return nil, false, false, &lexError{l.i, "annidamento troppo profondo"}
	}
	start := l.i
	switch c := l.b[l.i]; c {
	case '(':
		s, err := l.str()
		return s, false, false, err
	case '<':
		if l.i+1 < len(l.b) && l.b[l.i+1] == '<' {
			l.i += 2
			d, err := l.dict(depth + 1)
			return d, false, false, err
		}
		s, err := l.hex()
		return s, false, false, err
	case '[':
		l.i++
		var arr []any
		for {
			l.skip()
			if l.i >= len(l.b) {
				return nil, false, false, &lexError{start, "array non chiuso"}
			}
			if l.b[l.i] == ']' {
				l.i++
				return arr, false, false, nil
			}
			v, op, _, err := l.token(depth + 1)
			if err != nil {
				return nil, false, false, err
			}
			if op {
				return nil, false, false, &lexError{start, "operatore dentro un array"}
			}
			arr = append(arr, v)
		}
	case '/':
		l.i++
		return name(l.regular()), false, false, nil
	case ')', '>', ']':
		return nil, false, false, &lexError{start, fmt.Sprintf("%q inatteso", c)}
	case '{', '}':
		l.i++
		return keyword(c), false, false, nil
	}
	word := l.regular()
	if word == "" { // cannot happen: every byte is space, delimiter or regular
		l.i++
		return nil, false, false, &lexError{start, "byte inatteso"}
	}
	switch word {
	case "true":
		return true, false, false, nil
	case "false":
		return false, false, false, nil
	case "null":
		return nil, false, false, nil
	}
	if c := word[0]; c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9' {
		if f, err := strconv.ParseFloat(word, 64); err == nil {
			return f, false, false, nil
		}
	}
	return keyword(word), true, false, nil
}

func (l *lexer) str() ([]byte, error) {
	start := l.i
	l.i++ // (
	depth := 1
	var out []byte
	for l.i < len(l.b) {
		c := l.b[l.i]
		l.i++
		switch c {
		case '\\':
			if l.i < len(l.b) {
				out = append(out, l.b[l.i])
				l.i++
			}
			continue
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out, nil
			}
		}
		out = append(out, c)
	}
	return nil, &lexError{start, "stringa non chiusa"}
}

func (l *lexer) hex() ([]byte, error) {
	start := l.i
	end := bytes.IndexByte(l.b[l.i:], '>')
	if end < 0 {
		return nil, &lexError{start, "stringa esadecimale non chiusa"}
	}
	l.i += end + 1
	return l.b[start+1 : start+end], nil
}

func (l *lexer) dict(depth int) (map[string]any, error) {
	start := l.i - 2
	d := map[string]any{}
	for {
		l.skip()
		if l.i+1 < len(l.b) && l.b[l.i] == '>' && l.b[l.i+1] == '>' {
			l.i += 2
			return d, nil
		}
		if l.i >= len(l.b) {
			return nil, &lexError{start, "dizionario non chiuso"}
		}
		k, op, _, err := l.token(depth)
		if err != nil {
			return nil, err
		}
		key, ok := k.(name)
		if op || !ok {
			return nil, &lexError{start, "chiave di dizionario non valida"}
		}
		l.skip()
		if l.i >= len(l.b) {
			return nil, &lexError{start, "dizionario non chiuso"}
		}
		v, op, _, err := l.token(depth)
		if err != nil {
			return nil, err
		}
		if op {
			return nil, &lexError{start, "operatore dentro un dizionario"}
		}
		d[string(key)] = v
	}
}

// inlineImage passes over an inline image's dictionary and data, after BI.
func (l *lexer) inlineImage() error {
	start := l.i
	for {
		v, op, done, err := l.token(1)
		if err != nil {
			return err
		}
		if done {
			return &lexError{start, "immagine in linea senza ID"}
		}
		if op && v == keyword("ID") {
			break
		}
	}
	if l.i < len(l.b) && isSpace(l.b[l.i]) {
		l.i++
	}
	// The data ends at the first EI between white space (or at the end).
	for j := l.i; j+1 < len(l.b); j++ {
		if l.b[j] == 'E' && l.b[j+1] == 'I' && (j == l.i || isSpace(l.b[j-1])) &&
			(j+2 == len(l.b) || isSpace(l.b[j+2]) || isDelim(l.b[j+2])) {
			l.i = j + 2
			return nil
		}
	}
	return &lexError{start, "immagine in linea senza EI"}
}

// operators calls fn for each operator of a content stream with its
// operands; inline images come as one "BI" operator.
func operators(b []byte, fn func(op string, args []any)) error {
	l := &lexer{b: b}
	var args []any
	for {
		v, op, done, err := l.token(0)
		if err != nil {
			return err
		}
		if done {
			return nil
		}
		if !op {
			if len(args) < 64 {
				args = append(args, v)
			}
			continue
		}
		k := string(v.(keyword))
		if k == "BI" {
			if err := l.inlineImage(); err != nil {
				return err
			}
		}
		fn(k, args)
		args = args[:0]
	}
}
