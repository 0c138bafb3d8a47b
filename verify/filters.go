package verify

import (
	"bufio"
	"io"
)

// This file holds the filters decoded by readers of our own, each
// streaming: ASCIIHexDecode, ASCII85Decode and RunLengthDecode.

// hexReader undoes ASCIIHexDecode: pairs of hex digits, white space
// ignored, ">" the end (an odd last digit is followed by 0).
type hexReader struct {
	r    *bufio.Reader
	done bool
}

func (h *hexReader) Read(p []byte) (int, error) {
	n := 0
	var hi int = -1
	for n < len(p) && !h.done {
		c, err := h.r.ReadByte()
		if err != nil {
			h.done = true
			break
		}
		if isSpace(c) {
			continue
		}
		if c == '>' {
			h.done = true
			break
		}
		v := unhex(c)
		if v < 0 {
			return n, errUndecodable
		}
		if hi < 0 {
			hi = v
			continue
		}
		p[n] = byte(hi<<4 | v)
		n, hi = n+1, -1
	}
	if hi >= 0 { // only at the end: a pair is never split between reads
		p[n] = byte(hi << 4)
		n++
	}
	if n == 0 && h.done {
		return 0, io.EOF
	}
	return n, nil
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// a85Reader undoes ASCII85Decode: groups of five characters '!'…'u' give
// four bytes, "z" four zeros, "~>" ends.
type a85Reader struct {
	r    *bufio.Reader
	out  []byte
	buf  [4]byte
	done bool
}

func (a *a85Reader) Read(p []byte) (int, error) {
	for len(a.out) == 0 {
		if a.done {
			return 0, io.EOF
		}
		if err := a.group(); err != nil {
			return 0, err
		}
	}
	n := copy(p, a.out)
	a.out = a.out[n:]
	return n, nil
}

func (a *a85Reader) group() error {
	var digits [5]byte
	k := 0
	for k < 5 {
		c, err := a.r.ReadByte()
		if err != nil || c == '~' {
			a.done = true
			break
		}
		switch {
		case isSpace(c):
			continue
		case c == 'z' && k == 0:
			a.buf = [4]byte{}
			a.out = a.buf[:]
			return nil
		case c < '!' || c > 'u':
			return errUndecodable
		}
		digits[k] = c - '!'
		k++
	}
	if k == 0 {
		return nil
	}
	if k == 1 {
		return errUndecodable
	}
	for i := k; i < 5; i++ {
		digits[i] = 84 // 'u'
	}
	var v uint64
	for _, d := range digits {
		v = v*85 + uint64(d)
	}
	if v > 0xFFFFFFFF {
		return errUndecodable
	}
	a.buf = [4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
	a.out = a.buf[:k-1]
	return nil
}

// runLengthReader undoes RunLengthDecode: a length byte n, then n+1 bytes
// to copy (n < 128) or one byte to repeat 257-n times (n > 128); 128 ends.
type runLengthReader struct {
	r      *bufio.Reader
	copyN  int  // bytes still to copy
	repeat int  // times still to repeat b
	b      byte // the byte repeated
	done   bool
}

func (l *runLengthReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		switch {
		case l.repeat > 0:
			p[n] = l.b
			n, l.repeat = n+1, l.repeat-1
			continue
		case l.copyN > 0:
			c, err := l.r.ReadByte()
			if err != nil {
				l.done, l.copyN = true, 0
				continue
			}
			p[n] = c
			n, l.copyN = n+1, l.copyN-1
			continue
		case l.done:
			if n == 0 {
				return 0, io.EOF
			}
			return n, nil
		}
		c, err := l.r.ReadByte()
		switch {
		case err != nil || c == 128:
			l.done = true
		case c < 128:
			l.copyN = int(c) + 1
		default:
			b, err := l.r.ReadByte()
			if err != nil {
				l.done = true
				continue
			}
			l.b, l.repeat = b, 257-int(c)
		}
	}
	return n, nil
}
