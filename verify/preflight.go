package verify

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// pdfcpu decodes two kinds of streams itself while it reads a file, with
// no limit: cross-reference streams (the object at a startxref, /Prev or
// /XRefStm offset, whatever its type) and object streams (/Type /ObjStm).
// preflight finds them in the bytes before pdfcpu does, the way pdfcpu
// parses them, and decodes them within the budgets, keeping nothing: a
// bomb among them stops the check before pdfcpu inflates it.
//
// It looks at every "N G obj" in the file, not only where the
// cross-reference table points (a table can point anywhere, even inside
// another stream), so its work is bounded apart: the dictionaries it reads
// may not add up to more than twice the file (plus 1 MB); objects written
// inside each other to make it read the same bytes again and again are
// refused.
func preflight(data []byte, left *int64) error {
	p := &pre{data: data, lexLeft: 2*int64(len(data)) + 1<<20, parseLeft: 2*int64(len(data)) + 1<<20, extents: map[int]int{}}
	p.shift = max(bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-")), 0)
	offsets := map[int]bool{}
	addOffset := func(n int) {
		offsets[n], offsets[n+p.shift] = true, true
	}
	// startxref N, anywhere.
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("startxref"))
		if j < 0 {
			break
		}
		i += j + len("startxref")
		if n, ok := p.integerAt(i); ok {
			addOffset(n)
		}
	}
	// trailer << … /Prev N /XRefStm N >>
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("trailer"))
		if j < 0 {
			break
		}
		i += j + len("trailer")
		from, end, err := p.dictSpan(i)
		if err != nil {
			return err
		}
		var d types.Dict
		if end >= 0 {
			d = parseDict(data[from:end])
		}
		for _, k := range []string{"Prev", "XRefStm"} {
			if n := d.IntEntry(k); n != nil {
				addOffset(*n)
			}
		}
	}
	// The stream objects.
	type candidate struct {
		nr, at, data int // object number, offset of "N G obj", start of the stream's data
		dict         types.Dict
	}
	var streams []candidate
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("obj"))
		if j < 0 {
			break
		}
		i += j + len("obj")
		nr, at, ok := p.header(i - len("obj"))
		if !ok {
			continue
		}
		from, end, err := p.dictSpan(i)
		if err != nil {
			return err
		}
		if end < 0 {
			continue
		}
		start, ok := p.streamAt(end)
		if !ok {
			continue
		}
		d := parseDict(data[from:end])
		if d == nil {
			continue
		}
		for _, k := range []string{"Prev", "XRefStm"} {
			if n := d.IntEntry(k); n != nil {
				addOffset(*n)
			}
		}
		streams = append(streams, candidate{nr, at, start, d})
	}
	for _, s := range streams {
		typ := s.dict.NameEntry("Type")
		if !offsets[s.at] && (typ == nil || *typ != "XRef" && *typ != "ObjStm") {
			continue
		}
		raw := data[s.data:]
		if n := s.dict.IntEntry("Length"); n != nil && *n >= 0 && *n < len(raw) {
			raw = raw[:*n]
		}
		filters, ok := filterPipeline(s.dict)
		if !ok {
			return &ReadError{Msg: fmt.Sprintf("oggetto %d: i filtri del flusso non sono scritti nel suo dizionario: il file non viene controllato", s.nr)}
		}
		var w io.Writer = io.Discard
		rows := xrefRows(s.dict)
		if rows != nil {
			w = rows
		}
		// pdfcpu parses the objects of an object stream while it reads:
		// their syntax is checked as the other objects' is (see entries).
		var objects *growing
		if typ != nil && *typ == "ObjStm" {
			objects = &growing{limit: StreamBudget + 64<<10}
			w = objects
		}
		if err := decodeTo(w, s.nr, raw, filters, StreamBudget, left); err != nil {
			if over, ok := err.(*budgetError); ok {
				return &ReadError{Msg: over.Error(), Err: over}
			}
			// Not decodable: pdfcpu will say so in its way.
		}
		if rows != nil {
			if err := p.entries(s.nr, rows.offsets, rows.n); err != nil {
				return err
			}
		}
		if first := s.dict.IntEntry("First"); objects != nil && first != nil && *first >= 0 && *first < len(objects.b) {
			if k := malformedDepth(objects.b, *first, len(objects.b), false); k > 0 {
				if p.parseLeft -= int64(parseCost(len(objects.b)-*first, k)); p.parseLeft < 0 {
					return deepError(k)
				}
			}
		}
	}
	// Cross-reference tables: "xref", then "first count" and count lines.
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("xref"))
		if j < 0 {
			break
		}
		i += j + len("xref")
		if i-len("xref") >= 5 && string(data[i-9:i-4]) == "start" {
			continue
		}
		offs, n := p.xrefTable(i)
		if err := p.entries(0, offs, n); err != nil {
			return err
		}
	}
	return nil
}

// MaxObjects bounds the objects a file's cross-references may list: pdfcpu
// makes an entry for each (about 250 bytes), and a stream of a few
// kilobytes can list millions. A 10,000-page pegpdf booklet has 456,389.
const MaxObjects = 2_000_000

// entries counts n more listed objects, and charges what pdfcpu will
// parse at each offset in use: from the offset to "endobj" or "stream",
// as many times as it is listed. A few hundred entries pointing at one big
// object would otherwise have it parsed, and held, a few hundred times.
func (p *pre) entries(obj int, offsets []int, n int) error {
	if p.objects += n; p.objects > MaxObjects {
		where := ""
		if obj != 0 {
			where = fmt.Sprintf(" (oggetto %d)", obj)
		}
		return &ReadError{Msg: fmt.Sprintf("i riferimenti incrociati del PDF%s elencano più di %d oggetti (file anomalo o malevolo): il file non viene controllato", where, MaxObjects)}
	}
	for _, off := range offsets {
		for _, at := range []int{off, off + p.shift} {
			e, ok := p.extents[at]
			if !ok {
				e = objectExtent(p.data, at)
				if k := malformedDepth(p.data, at, at+e, true); k > 0 {
					e = parseCost(e, k)
					if int64(e) > p.parseLeft {
						return deepError(k)
					}
				}
				p.extents[at] = e
			}
			if p.parseLeft -= int64(e); p.parseLeft < 0 {
				return errRepeated
			}
			if p.shift == 0 {
				break
			}
		}
	}
	return nil
}

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

var errRepeated = &ReadError{Msg: "i riferimenti incrociati del PDF rimandano molte volte agli stessi byte (file anomalo o malevolo): il file non viene controllato"}

// objectExtent is how far pdfcpu reads an object at i: to "endobj" or
// "stream", past strings and comments.
func objectExtent(d []byte, i int) int {
	if i < 0 {
		return 0
	}
	start := i
	for i < len(d) {
		switch d[i] {
		case '%':
			for i < len(d) && d[i] != '\n' && d[i] != '\r' {
				i++
			}
			continue
		case '(':
			i = stringEnd(d, i)
			continue
		case 'e':
			if bytes.HasPrefix(d[i:], []byte("endobj")) {
				return i - start
			}
		case 's':
			if bytes.HasPrefix(d[i:], []byte("stream")) {
				return i - start
			}
		}
		i++
	}
	return i - start
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

// xrefTable reads a cross-reference table's subsections after "xref" at
// i: the offsets of the objects in use, and how many entries it has.
func (p *pre) xrefTable(i int) (offsets []int, n int) {
	d := p.data
	for {
		first, ok1 := p.integerAt(i)
		i = skipBlank(d, i)
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
		count, ok2 := p.integerAt(i)
		if !ok1 || !ok2 || first < 0 || count < 0 {
			return offsets, n
		}
		i = skipBlank(d, i)
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
		for k := 0; k < count; k++ {
			i = skipBlank(d, i)
			if i+18 > len(d) {
				return offsets, n
			}
			line := d[i : i+18] // "oooooooooo ggggg n"
			off, err := strconv.Atoi(string(line[:10]))
			if err != nil {
				return offsets, n
			}
			n++
			if line[17] == 'n' {
				offsets = append(offsets, off)
			}
			i += 18
		}
	}
}

// rows reads a cross-reference stream's rows as they are decoded: how
// many, and the offsets of the objects in use (type 1).
type rows struct {
	w       []int
	width   int
	row     []byte
	n       int
	offsets []int
}

// xrefRows is a reader of the rows of a stream with /W, nil otherwise.
func xrefRows(d types.Dict) *rows {
	a, ok := d["W"].(types.Array)
	if !ok || len(a) != 3 {
		return nil
	}
	r := &rows{}
	for _, o := range a {
		v, ok := o.(types.Integer)
		if !ok || v < 0 || v > 8 {
			return nil
		}
		r.w = append(r.w, int(v))
		r.width += int(v)
	}
	if r.width == 0 {
		return nil
	}
	return r
}

func (r *rows) Write(p []byte) (int, error) {
	for _, b := range p {
		r.row = append(r.row, b)
		if len(r.row) < r.width {
			continue
		}
		field := func(from, w int) int {
			v := 0
			for _, c := range r.row[from : from+w] {
				v = v<<8 | int(c)
			}
			return v
		}
		typ := 1
		if r.w[0] > 0 {
			typ = field(0, r.w[0])
		}
		if typ == 1 {
			r.offsets = append(r.offsets, field(r.w[0], r.w[1]))
		}
		r.n++
		r.row = r.row[:0]
		if r.n > MaxObjects {
			return 0, errTooMany
		}
	}
	return len(p), nil
}

var errTooMany = errors.New("too many rows")

// pre is the state of a preflight.
type pre struct {
	data    []byte
	shift   int   // where "%PDF-" is: pdfcpu counts offsets from there
	lexLeft int64 // bytes the dictionaries may still take
	// What the cross-references list: objects, and the bytes pdfcpu will
	// parse (at most twice the file, plus 1 MB), each offset's extent
	// measured once.
	objects   int
	parseLeft int64
	extents   map[int]int
}

var errOverlap = &ReadError{Msg: "il PDF ha oggetti scritti uno dentro l'altro (file anomalo o malevolo): il file non viene controllato"}

// header says whether the "obj" at i ends an object header "N G obj",
// and gives N and where the header starts.
func (p *pre) header(i int) (nr, at int, ok bool) {
	d := p.data
	if e := i + 3; e < len(d) && !isSpace(d[e]) && !isDelim(d[e]) {
		return 0, 0, false
	}
	j := i
	digits := func() (int, bool) {
		end := j
		for j > 0 && d[j-1] >= '0' && d[j-1] <= '9' && end-j < 10 {
			j--
		}
		if j == end {
			return 0, false
		}
		n, err := strconv.Atoi(string(d[j:end]))
		return n, err == nil
	}
	spaces := func() bool {
		end := j
		for j > 0 && isSpace(d[j-1]) && end-j < 16 {
			j--
		}
		return j < end
	}
	if !spaces() {
		return 0, 0, false
	}
	if _, ok := digits(); !ok || !spaces() {
		return 0, 0, false
	}
	nr, ok = digits()
	if !ok || j > 0 && !isSpace(d[j-1]) && !isDelim(d[j-1]) {
		return 0, 0, false
	}
	return nr, j, true
}

// integerAt reads an integer after white space at i.
func (p *pre) integerAt(i int) (int, bool) {
	d := p.data
	for i < len(d) && isSpace(d[i]) {
		i++
	}
	j := i
	for j < len(d) && j-i < 12 && d[j] >= '0' && d[j] <= '9' {
		j++
	}
	n, err := strconv.Atoi(string(d[i:j]))
	return n, err == nil
}

// dictSpan finds the dictionary that starts after white space and
// comments at i, if any: from where to where (end -1 if none).
func (p *pre) dictSpan(i int) (from, end int, err error) {
	d := p.data
	i = skipBlank(d, i)
	if i+1 >= len(d) || d[i] != '<' || d[i+1] != '<' {
		return i, -1, nil
	}
	end = dictEnd(d, i, &p.lexLeft)
	if p.lexLeft < 0 {
		return i, -1, errOverlap
	}
	return i, end, nil
}

// parseDict parses a dictionary with pdfcpu's own parser, as pdfcpu
// will; nil if it is not one.
func parseDict(b []byte) (dict types.Dict) {
	defer func() {
		if recover() != nil { // on bytes pdfcpu would parse anyway; still, never a crash
			dict = nil
		}
	}()
	s := string(b)
	o, _ := model.ParseObject(&s)
	dict, _ = o.(types.Dict)
	return dict
}

func skipBlank(d []byte, i int) int {
	for i < len(d) {
		switch {
		case isSpace(d[i]):
			i++
		case d[i] == '%':
			for i < len(d) && d[i] != '\n' && d[i] != '\r' {
				i++
			}
		default:
			return i
		}
	}
	return i
}

// dictEnd finds the end of the dictionary that starts at i ("<<"), past
// strings and comments, counting each byte it reads against *left; -1 if
// it does not end.
func dictEnd(d []byte, i int, left *int64) int {
	depth := 0
	start := i
	defer func() { *left -= int64(i - start) }()
	for i < len(d) {
		if int64(i-start) > *left {
			return -1
		}
		switch c := d[i]; c {
		case '%':
			for i < len(d) && d[i] != '\n' && d[i] != '\r' {
				i++
			}
		case '(':
			nest := 0
			for ; i < len(d); i++ {
				if d[i] == '\\' {
					i++
				} else if d[i] == '(' {
					nest++
				} else if d[i] == ')' {
					if nest--; nest == 0 {
						break
					}
				}
			}
			i++
		case '<':
			if i+1 < len(d) && d[i+1] == '<' {
				depth++
				i += 2
				continue
			}
			for i < len(d) && d[i] != '>' {
				i++
			}
			i++
		case '>':
			if i+1 < len(d) && d[i+1] == '>' {
				depth--
				i += 2
				if depth == 0 {
					return i
				}
				continue
			}
			i++
		default:
			i++
		}
	}
	return -1
}

// streamAt says whether the keyword "stream" follows at i, and where its
// data starts.
func (p *pre) streamAt(i int) (int, bool) {
	d := p.data
	i = skipBlank(d, i)
	if !bytes.HasPrefix(d[i:], []byte("stream")) {
		return 0, false
	}
	i += len("stream")
	if bytes.HasPrefix(d[i:], []byte("\r\n")) {
		return i + 2, true
	}
	if i < len(d) && (d[i] == '\n' || d[i] == '\r') {
		return i + 1, true
	}
	return i, true
}

// filterPipeline reads /Filter and /DecodeParms, written directly.
func filterPipeline(d types.Dict) ([]types.PDFFilter, bool) {
	o, found := d.Find("Filter")
	if !found {
		return nil, true
	}
	var names types.Array
	switch v := o.(type) {
	case types.Name:
		names = types.Array{v}
	case types.Array:
		names = v
	default:
		return nil, false
	}
	parms, _ := d.Find("DecodeParms")
	var out []types.PDFFilter
	for i, n := range names {
		name, ok := n.(types.Name)
		if !ok {
			return nil, false
		}
		f := types.PDFFilter{Name: name.Value()}
		switch v := parms.(type) {
		case types.Dict:
			if len(names) == 1 {
				f.DecodeParms = v
			}
		case types.Array:
			if i < len(v) {
				f.DecodeParms, _ = v[i].(types.Dict)
			}
		}
		out = append(out, f)
	}
	return out, true
}
