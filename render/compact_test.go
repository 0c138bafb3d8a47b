package render

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"testing"
)

// splitOutput cuts a finished document into its objects, whether written
// with a classic cross-reference table (splitPDF) or compact (compact.go):
// then the objects of its object streams are given back as objects of
// their own, and the trailer is the cross-reference stream's dictionary.
func splitOutput(pdf []byte) (header []byte, objs []pdfObject, trailer []byte, err error) {
	if h, o, t, err := splitPDF(pdf); err == nil {
		return h, o, t, nil
	}
	sx := bytes.LastIndex(pdf, []byte("startxref"))
	if sx < 0 {
		return nil, nil, nil, errLayout
	}
	xrefAt, _ := leadingInt(bytes.TrimLeft(pdf[sx+len("startxref"):], "\r\n "))
	if xrefAt <= 0 || xrefAt >= sx {
		return nil, nil, nil, errLayout
	}
	dict, data, err := streamOf(pdf[xrefAt:sx])
	if err != nil || !bytes.Contains(dict, []byte("/Type /XRef")) || !bytes.Contains(dict, []byte("/W [1 4 2]")) || len(data)%7 != 0 {
		return nil, nil, nil, errLayout
	}
	type at struct{ num, off int }
	var direct []at
	packed := map[int][]int{} // object stream -> its objects, in order
	for n := 0; n < len(data)/7; n++ {
		e := data[7*n : 7*n+7]
		f2 := int(binary.BigEndian.Uint32(e[1:5]))
		switch e[0] {
		case 1:
			direct = append(direct, at{n, f2})
		case 2:
			packed[f2] = append(packed[f2], n)
		}
	}
	sort.Slice(direct, func(i, j int) bool { return direct[i].off < direct[j].off })
	for i, d := range direct {
		end := sx
		if i+1 < len(direct) {
			end = direct[i+1].off
		}
		if d.off < 0 || d.off >= end || end > len(pdf) {
			return nil, nil, nil, errLayout
		}
		body := pdf[d.off:end]
		if _, ok := packed[d.num]; ok {
			d2, stm, err := streamOf(body)
			if err != nil || !bytes.Contains(d2, []byte("/Type /ObjStm")) {
				return nil, nil, nil, errLayout
			}
			first, _ := strconv.Atoi(string(regexp.MustCompile(`/First (\d+)`).FindSubmatch(d2)[1]))
			head := bytes.Fields(stm[:first])
			for k := 0; k+1 < len(head); k += 2 {
				num, _ := strconv.Atoi(string(head[k]))
				from, _ := strconv.Atoi(string(head[k+1]))
				to := len(stm) - first
				if k+3 < len(head) {
					to, _ = strconv.Atoi(string(head[k+3]))
				}
				v := bytes.TrimSpace(stm[first+from : first+to])
				objs = append(objs, pdfObject{num, []byte(strconv.Itoa(num) + " 0 obj\n" + string(v) + "\nendobj\n")})
			}
			continue
		}
		if d.off != xrefAt {
			objs = append(objs, pdfObject{d.num, body})
		}
	}
	sort.SliceStable(objs, func(i, j int) bool { return objs[i].num < objs[j].num })
	return pdf[:direct[0].off], objs, dict, nil
}

// streamOf is the dictionary and the inflated data of "N 0 obj <<…>>
// stream … endstream".
func streamOf(body []byte) (dict, data []byte, err error) {
	s := bytes.Index(body, streamKw)
	e := bytes.LastIndex(body, endstreamKw)
	if s < 0 || e < s+len(streamKw) {
		return nil, nil, errLayout
	}
	zr, err := zlib.NewReader(bytes.NewReader(body[s+len(streamKw) : e]))
	if err != nil {
		return nil, nil, err
	}
	data, err = io.ReadAll(zr)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, nil, err
	}
	return body[:s], data, nil
}

// TestCompactRoundTrip: a document written compact gives back, object for
// object, what was written; the kept objects stay readable in the file.
func TestCompactRoundTrip(t *testing.T) {
	header, objs, _ := fixture()
	pdf := joinCompact(header, slices.Clone(objs), "/Root 1 0 R", 1)
	if !bytes.Contains(pdf, objs[0].body) {
		t.Error("the kept object is not in the file as it was")
	}
	h, got, trailer, err := splitOutput(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(h, header) || !bytes.Contains(trailer, []byte("/Root 1 0 R")) {
		t.Errorf("header %q, trailer %q", h, trailer)
	}
	if len(got) != len(objs) {
		t.Fatalf("%d objects, want %d", len(got), len(objs))
	}
	want := map[int][]byte{}
	for _, o := range objs {
		want[o.num] = objectValue(o.body)
	}
	for _, o := range got {
		if !bytes.Equal(objectValue(o.body), want[o.num]) {
			t.Errorf("object %d: %q, want %q", o.num, objectValue(o.body), want[o.num])
		}
	}
}

// expanded is a document's objects one after the other, those of its
// object streams included: what a search of the file's bytes for a
// dictionary entry should look at.
func expanded(t testing.TB, pdf []byte) []byte {
	t.Helper()
	_, objs, _, err := splitOutput(pdf)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, o := range objs {
		b.Write(o.body)
	}
	return b.Bytes()
}
