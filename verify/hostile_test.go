package verify

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// bomb compresses n copies of the byte b with zlib, times times over (a
// flate bomb: 1 GB of zeros is 1.3 MB once, 5 KB twice). Made once per
// shape: making one costs about a second.
func bomb(b byte, n int64, times int) []byte { return bombAfter("", b, n, times) }

// bombAfter is bomb with prefix before the n bytes.
func bombAfter(prefix string, b byte, n int64, times int) []byte {
	key := fmt.Sprint(prefix, b, n, times)
	bombsMu.Lock()
	defer bombsMu.Unlock()
	if out, ok := bombs[key]; ok {
		return out
	}
	var buf bytes.Buffer
	w, _ := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
	w.Write([]byte(prefix))
	chunk := bytes.Repeat([]byte{b}, 1<<20)
	for n > 0 {
		k := min(n, int64(len(chunk)))
		w.Write(chunk[:k])
		n -= k
	}
	w.Close()
	out := buf.Bytes()
	for i := 1; i < times; i++ {
		var c bytes.Buffer
		w, _ := zlib.NewWriterLevel(&c, zlib.BestCompression)
		w.Write(out)
		w.Close()
		out = c.Bytes()
	}
	bombs[key] = out
	return out
}

var (
	bombsMu sync.Mutex
	bombs   = map[string][]byte{}
)

func flates(times int) string {
	return "/Filter [" + strings.Repeat("/FlateDecode ", times) + "]"
}

// manyFilters is n LZWDecode filters, each with a PNG predictor whose
// rows are 1 MB.
func manyFilters(n int) string {
	return "/Filter [" + strings.Repeat("/LZWDecode ", n) + "] /DecodeParms [" + strings.Repeat("<< /Predictor 12 /Columns 1048576 >> ", n) + "]"
}

// cost runs fn and says how long it took and the most heap it held
// (sampled every millisecond), above what was held before.
func cost(fn func()) (time.Duration, uint64) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	base, peak := m.HeapAlloc, m.HeapAlloc
	done := make(chan bool)
	sampled := make(chan uint64)
	go func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
			select {
			case <-done:
				sampled <- peak
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	fn()
	d := time.Since(start)
	close(done)
	return d, <-sampled - base
}

// compress compresses b with zlib, times times over.
func compress(b []byte, times int) []byte {
	for range times {
		var c bytes.Buffer
		w, _ := zlib.NewWriterLevel(&c, zlib.BestCompression)
		w.Write(b)
		w.Close()
		b = c.Bytes()
	}
	return b
}

// xrefStreamFile writes objs (object numbers 1…) with a cross-reference
// stream after them, object len(objs)+1: dict is added to its dictionary,
// and data, when not nil, replaces its rows. Objects whose text is ""
// are the objects of the object stream objStm (object number), in order.
func xrefStreamFile(objs []string, objStm int, dict string, data []byte) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
	var rows bytes.Buffer
	rows.Write([]byte{0, 0, 0, 0, 0, 0xff})
	row := func(typ byte, off, gen int) {
		rows.Write([]byte{typ, byte(off >> 24), byte(off >> 16), byte(off >> 8), byte(off), byte(gen)})
	}
	index := 0
	for i, o := range objs {
		if o == "" {
			row(2, objStm, index)
			index++
			continue
		}
		row(1, b.Len(), 0)
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	n := len(objs) + 1
	xref := b.Len()
	row(1, xref, 0)
	if data == nil {
		data = rows.Bytes()
	}
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 1] /Root 1 0 R %s /Length %d >>\nstream\n%s\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", n, n+1, dict, len(data), data, xref)
	return b.Bytes()
}

// sameObject writes a file whose cross-reference table lists one object
// of 200 KB n times.
func sameObject(n int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
	o1 := b.Len()
	fmt.Fprintf(&b, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
	o2 := b.Len()
	fmt.Fprintf(&b, "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 /X [%s] >>\nendobj\n", strings.Repeat("1 ", 100000))
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n%010d 00000 n \n", n+3, o1)
	for i := 0; i <= n; i++ {
		fmt.Fprintf(&b, "%010d 00000 n \n", o2)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", n+3, x)
	return b.Bytes()
}

// objStream is an object stream, not compressed, of one object (number 1).
func objStream(content string) string {
	return fmt.Sprintf("<< /Type /ObjStm /N 1 /First 4 /Length %d >>\nstream\n%s\nendstream", len(content), content)
}

// prev points the /Prev of data at the object that starts with header.
func prev(data []byte, header string) []byte {
	return bytes.Replace(data, []byte("/Prev 0000000000"), fmt.Appendf(nil, "/Prev %010d", bytes.Index(data, []byte(header))), 1)
}

// pdfaFixture is the tagged fixture claiming PDF/A-2a, with an
// OutputIntent whose profile is object 41.
func pdfaFixture(profile string) fixture {
	return taggedFixture().
		edit(1, "/Metadata 20 0 R", "/Metadata 20 0 R /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB) /DestOutputProfile 41 0 R >>]").
		edit(20, "<pdfuaid:part>1</pdfuaid:part>", `<pdfuaid:part>1</pdfuaid:part><pdfaid:part xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">2</pdfaid:part><pdfaid:conformance xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">A</pdfaid:conformance>`).
		set(41, profile)
}

// manyPages is the tagged fixture with n more pages, each drawing the
// form XObject 24 in an artifact.
func manyPages(n int, form string) fixture {
	f := taggedFixture().set(24, form)
	kids := "3 0 R"
	for i := 0; i < n; i++ {
		nr := 100 + i
		kids += fmt.Sprintf(" %d 0 R", nr)
		f = f.set(nr, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 99 0 R /Resources << /XObject << /Fm1 24 0 R >> >> >>`)
	}
	f = f.set(99, "stream\n/Artifact BMC /Fm1 Do EMC")
	return f.edit(2, "/Kids [3 0 R] /Count 1", fmt.Sprintf("/Kids [%s] /Count %d", kids, n+1))
}

// TestBombs: a few kilobytes that inflate to gigabytes, in every stream
// the checker or pdfcpu decodes, are refused naming the object, at a
// bounded cost (before the budgets, the first one took 20 s and 6.4 GB).
func TestBombs(t *testing.T) {
	giga := bomb(0, 1<<30, 2)
	objStm := "<< /Type /ObjStm /N 1 /First 4 " + flates(2) + " >>\nstream\n" + string(bombAfter("1 0 << /Type /Catalog /Pages 2 0 R >>", ' ', 1<<30, 2)) + "\nendstream"
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"a cross-reference stream listing 4 million objects", xrefStreamFile([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"}, 0, "/Filter /FlateDecode /W [1 0 0] /Size 4194304", compress(make([]byte, 4<<20), 1)),
			"i riferimenti incrociati del PDF (oggetto 3) elencano più di 2000000 oggetti"},
		{"400 references to one object of 200 KB", sameObject(400),
			"i riferimenti incrociati del PDF rimandano molte volte agli stessi byte"},
		{"40 nested dictionaries, the innermost key without a value", taggedFixture().edit(2, "/Count 1", "/Count 1 /X "+strings.Repeat("<< /A ", 40)+strings.Repeat(">> ", 40)).bytes(),
			"il PDF ha un errore di sintassi dentro 41 dizionari annidati"},
		{"the same after a name that starts with stream", taggedFixture().edit(2, "/Count 1", "/Count 1 /streamX 1 /X "+strings.Repeat("<< /A ", 40)+strings.Repeat(">> ", 40)).bytes(),
			"il PDF ha un errore di sintassi dentro 41 dizionari annidati"},
		{"the same after a name that starts with endobj", taggedFixture().edit(2, "/Count 1", "/Count 1 /endobjX 1 /X "+strings.Repeat("<< /A ", 40)+strings.Repeat(">> ", 40)).bytes(),
			"il PDF ha un errore di sintassi dentro 41 dizionari annidati"},
		{"the same after the name /stream", taggedFixture().edit(2, "/Count 1", "/Count 1 /stream 1 /X "+strings.Repeat("<< /A ", 40)+strings.Repeat(">> ", 40)).bytes(),
			"il PDF ha un errore di sintassi dentro 41 dizionari annidati"},
		{"the same in an object no cross-reference lists (pdfcpu rebuilds the table)", []byte("%PDF-1.7\n1 0 obj << /Type /Catalog >>\nendobj\n2 0 obj " + strings.Repeat("<< /A ", 40) + strings.Repeat(">> ", 40) + "\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Root 1 0 R /Size 2 >>\nstartxref\n999\n%%EOF\n"),
			"il PDF ha un errore di sintassi dentro 40 dizionari annidati"},
		{"the same in a stream's dictionary, after /endobj (preflight parses it whole)", []byte("%PDF-1.7\n1 0 obj << /endobj 1 /X " + strings.Repeat("<< /A ", 40) + strings.Repeat(">> ", 40) + " >>\nstream\nxx\nendstream\nendobj\n"),
			"il PDF ha un errore di sintassi dentro 41 dizionari annidati"},
		{"the same in an object stream", xrefStreamFile([]string{"", "<< /Type /Pages /Kids [] /Count 0 >>", objStream("1 0 << /Type /Catalog /Pages 2 0 R /X " + strings.Repeat("<< /A ", 40) + strings.Repeat(">> ", 40) + " >>")}, 3, "", nil),
			"il PDF ha un errore di sintassi dentro 41 dizionari annidati"},
		{"content stream", taggedFixture().set(4, "<< "+flates(2)+" >>\nstream\n"+string(giga)).bytes(),
			"oggetto 4: flusso troppo grande una volta decompresso (oltre 64 MB): il file non viene controllato oltre"},
		{"content stream, one of a page's", taggedFixture().edit(3, "/Contents 4 0 R", "/Contents [4 0 R 40 0 R]").set(40, "<< "+flates(2)+" >>\nstream\n"+string(giga)).bytes(),
			"oggetto 40: flusso troppo grande"},
		{"form XObject", taggedFixture().set(24, "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] "+flates(2)+" >>\nstream\n"+string(giga)).bytes(),
			"oggetto 24: flusso troppo grande"},
		{"ICC profile", pdfaFixture("<< /N 3 " + flates(2) + " >>\nstream\n" + string(giga)).bytes(),
			"oggetto 41: flusso troppo grande"},
		{"a filter whose output the next one drops", taggedFixture().set(4, "<< /Filter [/FlateDecode /FlateDecode /ASCIIHexDecode] >>\nstream\n"+string(bomb(' ', 1<<30, 2))).bytes(),
			"oggetto 4: flusso troppo grande"},
		{"cross-reference stream of 1 GB (its rows counted as they come)", xrefStreamFile([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"}, 0, flates(2), giga),
			"i riferimenti incrociati del PDF (oggetto 3) elencano più di 2000000 oggetti"},
		{"cross-reference stream of 1 GB, not at startxref", prev(xrefStreamFile([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>", fmt.Sprintf("<< /Length %d %s >>\nstream\n%s\nendstream", len(giga), flates(2), giga)}, 0, "/Prev 0000000000", nil), "3 0 obj"),
			"oggetto 3: flusso troppo grande"},
		{"object stream", xrefStreamFile([]string{"", "<< /Type /Pages /Kids [] /Count 0 >>", objStm}, 3, "", nil),
			"oggetto 3: flusso troppo grande"},
		{"a thousand filters, each with a predictor of 1 MB rows", taggedFixture().set(4, "<< "+manyFilters(1000)+" >>\nstream\nxx").bytes(),
			"oggetto 4: il flusso ha 1000 filtri"},
		{"the same in a cross-reference stream", xrefStreamFile([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"}, 0, manyFilters(1000), []byte("xx")),
			"oggetto 3: il flusso ha 1000 filtri"},
		{"the file's budget, a form drawn on 6 pages", manyPages(5, "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] "+flates(2)+" >>\nstream\n"+string(bomb(0, 50<<20, 2))).bytes(),
			"i flussi decompressi superano in tutto 256 MB: il file non viene controllato oltre"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var err error
			d, heap := cost(func() { _, err = Inspect(c.data) })
			t.Logf("%d bytes: %v, heap at most %d MB", len(c.data), d.Round(time.Millisecond), heap>>20)
			if _, ok := err.(*ReadError); !ok || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want %q", err, c.want)
			}
			if heap > 4*StreamBudget { // a stream decoded, its buffer grown, and what the collector has not yet taken
				t.Errorf("heap %d MB", heap>>20)
			}
		})
	}
}

// TestMalformedDepth: well-formed objects have no mistake; a mistake is
// found under the dictionaries that hold it.
func TestMalformedDepth(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"1 0 obj << /Type /Page /Parent 2 0 R /Kids [3 0 R 4 0 R] /N#20x (a (b) \\) c) /H <0aF 1> /B true /F -1.5 /G .5 /Z null >>", 0},
		{"1 0 obj [1 2 [<< /A [<< /B << /C 1 >> >>] >>]] %comment >> \n", 0},
		{"<< /A << /B >> >>", 2},
		{"<< /A 1 2 >>", 1},
		{"<< /A [ << /B { >> ] >>", 2},
		{"<< /A (unclosed >>", 1},
		{"<< /A /B#zz >>", 1},
		{"<< /A << /B 1 >>", 1},
		{"[ << /A 1 ] >>", 1},
	} {
		if got := malformedDepth([]byte(c.text), 0, len(c.text), true); got != c.want {
			t.Errorf("%q: %d, want %d", c.text, got, c.want)
		}
	}
}

// TestObjectExtent: an object ends where pdfcpu ends it: at "endobj"
// followed by white space, or at "stream" followed by white space right
// after the dictionary; not at a word that starts with them.
func TestObjectExtent(t *testing.T) {
	for _, c := range []struct{ text, rest string }{
		{"1 0 obj << /A 1 >>\nendobj\n", "endobj\n"},
		{"1 0 obj << /A 1 >>\nstream\r\nxx", "stream\r\nxx"},
		{"1 0 obj << /A 1 >>stream\nxx", "stream\nxx"},
		{"1 0 obj << /streamX 1 /endobjX 2 /stream 3 (endobj ) %stream \n>>\nstream\nxx", "stream\nxx"},
		{"1 0 obj << /A /endobj >>\nendobj ", "endobj >>\nendobj "}, // as pdfcpu: the name is a keyword to it
		{"1 0 obj << /A 1 >>\nendobj", "endobj"},
		{"1 0 obj << /A 1 >> endstream", ""},
	} {
		if e := objectExtent([]byte(c.text), 0); c.text[e:] != c.rest {
			t.Errorf("%q: ends before %q, want %q", c.text, c.text[e:], c.rest)
		}
	}
}

// TestWithinBudget: streams just under the budget are checked as usual.
func TestWithinBudget(t *testing.T) {
	content := append([]byte("0 0 m 10 10 l S"), bytes.Repeat([]byte{' '}, 60<<20)...)
	f := taggedFixture().set(24, "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] "+flates(2)+" >>\nstream\n"+string(compress(content, 2)))
	rep, err := Inspect(f.bytes())
	if err != nil {
		t.Fatal(err)
	}
	if fl := failed(rep.Results); len(fl) > 0 {
		t.Fatal(fl)
	}
}

// manyMCIDs is a page with n marked-content sequences, all in one P
// element, each listed in the ParentTree.
func manyMCIDs(n int) []byte {
	var content, k, parents strings.Builder
	for i := range n {
		fmt.Fprintf(&content, "/P <</MCID %d>> BDC EMC\n", i)
		fmt.Fprintf(&k, "%d ", i)
		parents.WriteString("8 0 R ")
	}
	return fixture{
		1:  `<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 5 0 R >>`,
		2:  `<< /Type /Pages /Kids [3 0 R] /Count 1 >>`,
		3:  `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /StructParents 0 >>`,
		4:  "stream\n" + content.String(),
		5:  `<< /Type /StructTreeRoot /K 8 0 R /ParentTree 7 0 R >>`,
		7:  `<< /Nums [0 [` + parents.String() + `]] >>`,
		8:  `<< /Type /StructElem /S /P /P 5 0 R /Pg 3 0 R /K [` + k.String() + `] >>`,
		23: `<< /Title (x) >>`,
	}.bytes()
}

// sharedParents is n pages with one MCID each, all with /StructParents
// 0, whose ParentTree array has m entries.
func sharedParents(n, m int) []byte {
	f := fixture{
		1:  `<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 5 0 R >>`,
		4:  "stream\n/P <</MCID 0>> BDC EMC",
		5:  `<< /Type /StructTreeRoot /K 8 0 R /ParentTree 7 0 R >>`,
		7:  `<< /Nums [0 [` + strings.Repeat("8 0 R ", m) + `]] >>`,
		8:  `<< /Type /StructElem /S /P /P 5 0 R /Pg 100 0 R /K 0 >>`,
		23: `<< /Title (x) >>`,
	}
	var kids strings.Builder
	for i := range n {
		fmt.Fprintf(&kids, "%d 0 R ", 100+i)
		f[100+i] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /StructParents 0 >>`
	}
	f[2] = fmt.Sprintf(`<< /Type /Pages /Kids [%s] /Count %d >>`, kids.String(), n)
	return f.bytes()
}

// sharedAttributes is a table of n cells, each with /A the same array of
// m attribute dictionaries, each cell spanning 999 rows.
func sharedAttributes(n, m int) []byte {
	f := fixture{
		1:  `<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 5 0 R >>`,
		2:  `<< /Type /Pages /Kids [3 0 R] /Count 1 >>`,
		3:  `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /StructParents 0 >>`,
		4:  "stream\n",
		5:  `<< /Type /StructTreeRoot /K 8 0 R /ParentTree 7 0 R >>`,
		6:  "[" + strings.Repeat("<< /O /Layout >> ", m) + "<< /O /Table /RowSpan 999 /Scope /Row >>]",
		7:  `<< /Nums [] >>`,
		23: `<< /Title (x) >>`,
	}
	var rows strings.Builder
	for range n {
		rows.WriteString("<< /Type /StructElem /S /TR /K [<< /Type /StructElem /S /TH /A 6 0 R >>] >> ")
	}
	f[8] = `<< /Type /StructElem /S /Table /P 5 0 R /K [` + rows.String() + `] >>`
	return f.bytes()
}

// TestSharedStructParents: pages sharing a /StructParents key are each
// said once, naming the first page with it.
func TestSharedStructParents(t *testing.T) {
	rep, err := Inspect(sharedParents(3, 1))
	if err != nil {
		t.Fatal(err)
	}
	f := strings.Join(failed(rep.Results), "\n")
	if !strings.Contains(f, "pagina 2: ha lo stesso /StructParents 0 di pagina 1") || !strings.Contains(f, "pagina 3: ha lo stesso /StructParents 0 di pagina 1") {
		t.Errorf("%s", f)
	}
}

// TestNoQuadratic: shapes where a naive check costs the square of the
// file: the same element listed for every MCID of a page, pages sharing a
// ParentTree entry, cells sharing a long attribute array.
func TestNoQuadratic(t *testing.T) {
	for _, c := range []struct {
		name string
		data func(n int) []byte
	}{
		{"one element, n MCIDs", func(n int) []byte { return manyMCIDs(n) }},
		{"n pages sharing /StructParents, a ParentTree array of n", func(n int) []byte { return sharedParents(n, n) }},
		{"n cells sharing an /A array of n", func(n int) []byte { return sharedAttributes(n, n) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			var times []time.Duration
			for _, n := range []int{2000, 8000} {
				data := c.data(n)
				d, heap := cost(func() { Inspect(data) })
				t.Logf("n=%d, %d bytes: %v, heap at most %d MB", n, len(data), d.Round(time.Millisecond), heap>>20)
				times = append(times, d)
			}
			if times[1] > 8*times[0]+200*time.Millisecond { // 4 times the input: 16 times the time is quadratic
				t.Errorf("4 times the input took %v, against %v", times[1], times[0])
			}
		})
	}
}

// TestPreflightLinear: shapes that had preflight read the same bytes
// once for every keyword before them cost it the file's length, not its
// square: object headers, trailers and cross-reference tables written
// inside one long comment (before, 360 KB of "1 0 obj %" took 9 s), and
// object streams without filters or /Length, whose data runs to the end of
// the file (320 KB took 6 s and 1.2 GB of copies).
func TestPreflightLinear(t *testing.T) {
	for _, word := range []string{"1 0 obj %", "trailer %", "xref %", "1 0 obj <</Type/ObjStm/First 0>> stream\n"} {
		t.Run(word, func(t *testing.T) {
			var times []time.Duration
			for _, size := range []int{80 << 10, 320 << 10} {
				data := []byte("%PDF-1.7\n" + strings.Repeat(word, size/len(word)) + "\n")
				var err error
				d, _ := cost(func() { _, err = Inspect(data) })
				t.Logf("%d bytes: %v, %v", len(data), d.Round(time.Millisecond), err)
				if _, ok := err.(*ReadError); !ok {
					t.Fatalf("error %v, want a ReadError", err)
				}
				times = append(times, d)
			}
			if times[1] > 8*times[0]+200*time.Millisecond { // 4 times the input: 16 times the time is quadratic
				t.Errorf("4 times the input took %v, against %v", times[1], times[0])
			}
		})
	}
}
