package pdfasm

import (
	"encoding/binary"
	"sort"
)

// Reading and writing a TrueType file as its tables, for rewriting the
// subsets the PDF library embeds (subset.go).

// sfntTable is one table of a TrueType file.
type sfntTable struct {
	tag  string
	data []byte
}

// sfntTables cuts a TrueType file into its tables, in directory order.
func sfntTables(ttf []byte) ([]sfntTable, error) {
	if len(ttf) < 12 {
		return nil, errFont
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	if len(ttf) < 12+16*n {
		return nil, errFont
	}
	tables := make([]sfntTable, 0, n)
	for i := range n {
		rec := ttf[12+16*i : 28+16*i]
		off, length := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if off < 0 || length < 0 || off > len(ttf) || length > len(ttf)-off {
			return nil, errFont
		}
		tables = append(tables, sfntTable{string(rec[:4]), ttf[off : off+length]})
	}
	return tables, nil
}

// sfntChecksum is the TrueType checksum of data: the sum of its big-endian
// 32-bit words, the last one padded with zeros.
func sfntChecksum(data []byte) uint32 {
	var sum uint32
	for i := 0; i < len(data); i += 4 {
		var w [4]byte
		copy(w[:], data[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// sfntJoin writes tables as a TrueType file: sorted directory, 4-byte
// aligned tables, checksums and the head table's checkSumAdjustment.
func sfntJoin(tables []sfntTable) ([]byte, error) {
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	n := len(tables)
	searchRange, entrySelector := 1, 0
	for searchRange*2 <= n {
		searchRange *= 2
		entrySelector++
	}
	size := 12 + 16*n
	for _, t := range tables {
		size += (len(t.data) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange*16))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(n*16-searchRange*16))
	headAt := -1
	for i, t := range tables {
		data := t.data
		if t.tag == "head" {
			if len(data) < 12 {
				return nil, errFont
			}
			data = append([]byte(nil), data...)
			binary.BigEndian.PutUint32(data[8:], 0) // checkSumAdjustment counts as zero
			headAt = len(out) + 8
		}
		rec := out[12+16*i:]
		copy(rec, t.tag)
		binary.BigEndian.PutUint32(rec[4:], sfntChecksum(data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt < 0 {
		return nil, errFont
	}
	binary.BigEndian.PutUint32(out[headAt:], 0xB1B0AFBA-sfntChecksum(out))
	return out, nil
}
