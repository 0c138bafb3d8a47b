package verify

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

func init() {
	model.ConfigPath = "disable" // pdfcpu must not write a configuration folder
}

// Group says which promise a rule belongs to.
type Group int

const (
	// PDFA rules run on files that claim PDF/A (pdfaid in the XMP).
	PDFA Group = iota
	// Accessibility rules (PDF/UA-1, Matterhorn protocol) run on every file.
	Accessibility
)

// String is the group's Italian name, as printed.
func (g Group) String() string {
	if g == PDFA {
		return "PDF/A"
	}
	return "accessibilità"
}

// Rule is one checked rule.
type Rule struct {
	Name    string // short Italian name, as printed
	Group   Group
	Meaning string // what the rule requires, in Italian
	// check returns what was found when the rule holds, and every problem
	// (each saying where: page, object) when it does not.
	check func(*checker) (detail string, problems []string)
}

// Result is the outcome of one rule.
type Result struct {
	Rule   string // the rule's Name
	Group  Group
	Pass   bool
	Detail string // why it failed (and where), or what was found
}

// Report is what Inspect finds in one file.
type Report struct {
	Claims Claims
	// PDFAChecked is false when the file does not claim PDF/A: then Results
	// holds only the accessibility rules.
	PDFAChecked bool
	Results     []Result
}

// Failed counts the rules that do not hold.
func (r Report) Failed() int {
	n := 0
	for _, x := range r.Results {
		if !x.Pass {
			n++
		}
	}
	return n
}

// NotPDFA is the sentence said of a file that does not claim PDF/A.
const NotPDFA = "questo PDF non è stato prodotto con --pdfa"

// Rules returns the rules checked, in the order they are reported.
func Rules() []Rule { return append([]Rule(nil), rules...) }

// ReadError says that the bytes are not a PDF that can be read at all.
type ReadError struct {
	Msg string // Italian: what is wrong and what to do
	Err error  // the parser's own error, if any (English; not printed)
}

func (e *ReadError) Error() string { return e.Msg }
func (e *ReadError) Unwrap() error { return e.Err }

// Check reads data and returns the result of every rule that applies to it
// (see Inspect).
func Check(data []byte) ([]Result, error) {
	r, err := Inspect(data)
	return r.Results, err
}

// Inspect reads data, says what the file claims and checks every rule that
// applies: the accessibility rules always, the PDF/A rules when the file
// claims PDF/A. The error, a *ReadError, is for a file that is not a
// readable PDF at all.
func Inspect(data []byte) (rep Report, err error) {
	defer func() {
		if p := recover(); p != nil { // a file nobody foresaw must not take the checker down
			rep, err = Report{}, &ReadError{Msg: damaged, Err: fmt.Errorf("%v", p)}
			if over, ok := p.(*budgetError); ok { // a stream past its budget: stop here
				err = &ReadError{Msg: over.Error(), Err: over}
			}
		}
	}()
	if !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) { // readers allow bytes before the header
		return Report{}, &ReadError{Msg: "il file non è un PDF (non comincia con %PDF-): indicare un file .pdf scritto da pegpdf"}
	}
	// The streams pdfcpu decodes itself are decoded twice, before it
	// reads (preflight) and after (objectStreams): the first time with a
	// budget of its own.
	if err := preflight(data, new(int64(FileBudget))); err != nil {
		return Report{}, err
	}
	left := int64(FileBudget)
	ctx, err := read(data)
	if err != nil {
		if bytes.Contains(data, []byte("/Encrypt")) { // unreadable because encrypted
			c := &checker{data: data}
			return Report{PDFAChecked: true, Results: []Result{
				c.run(rules[0]),
				{Rule: ruleEncrypt, Group: PDFA, Detail: "il documento è cifrato: le altre regole non si possono controllare; produrlo di nuovo senza cifratura"},
			}}, nil
		}
		return Report{}, err
	}
	if err := objectStreams(ctx, &left); err != nil {
		return Report{}, err
	}
	c := newChecker(ctx, data, left)
	rep = Report{Claims: c.claims(), Results: make([]Result, 0, len(rules))}
	rep.PDFAChecked = rep.Claims.PDFA != ""
	for _, r := range rules {
		if r.Group == PDFA && !rep.PDFAChecked {
			continue
		}
		rep.Results = append(rep.Results, c.run(r))
	}
	return rep, nil
}

func read(data []byte) (ctx *model.Context, err error) {
	defer func() {
		if r := recover(); r != nil { // a parser must not take the checker down
			ctx, err = nil, &ReadError{Msg: damaged, Err: fmt.Errorf("%v", r)}
		}
	}()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err = api.ReadContext(bytes.NewReader(data), conf)
	if err != nil {
		return nil, &ReadError{Msg: damaged, Err: err}
	}
	if ctx.RootDict == nil {
		return nil, &ReadError{Msg: damaged}
	}
	return ctx, nil
}

// objectStreams decodes, within the budgets, the object streams pdfcpu
// has found, before anything is read from them: pdfcpu decodes each one
// whole the first time one of its objects is needed, and parses the
// objects then, with the cost of a syntax error deep in dictionaries that
// preflight counts for the other objects. (Their bytes as pdfcpu has them:
// decrypted, with its filters.)
func objectStreams(ctx *model.Context, left *int64) error {
	parseLeft := 2*int64(ctx.Read.FileSize) + 1<<20
	for nr, e := range ctx.Table {
		if e == nil {
			continue
		}
		os, ok := e.Object.(types.ObjectStreamDict)
		if !ok {
			continue
		}
		b, err := decodeStream(nr, os.Raw, os.FilterPipeline, StreamBudget, left)
		if over, ok := err.(*budgetError); ok {
			return &ReadError{Msg: over.Error(), Err: over}
		}
		if err != nil || os.FirstObjOffset < 0 || os.FirstObjOffset > len(b) {
			continue
		}
		if k := malformedDepth(b, os.FirstObjOffset, len(b), false); k > 0 {
			if parseLeft -= int64(parseCost(len(b)-os.FirstObjOffset, k)); parseLeft < 0 {
				return deepError(k)
			}
		}
	}
	return nil
}

const damaged = "il PDF è danneggiato o incompleto e non si può leggere: produrlo di nuovo con pegpdf " +
	"(o aprirlo e salvarlo di nuovo come PDF) e ripetere il controllo"

// run checks one rule; a panic in a check (a shape of file nobody
// foresaw) is reported as a failure of that rule, not a crash.
func (c *checker) run(r Rule) (res Result) {
	res = Result{Rule: r.Name, Group: r.Group}
	defer func() {
		if p := recover(); p != nil {
			if over, ok := p.(*budgetError); ok {
				panic(over) // the whole file stops, not this rule (see Inspect)
			}
			res.Pass, res.Detail = false, "il controllo non si è potuto completare: il file ha una forma inattesa"
		}
	}()
	detail, problems := r.check(c)
	if len(problems) == 0 {
		res.Pass, res.Detail = true, detail
		return res
	}
	res.Detail = summarize(problems)
	return res
}

// summarize joins the first problems, sorted, and counts the rest.
func summarize(problems []string) string {
	type keyed struct {
		page int
		s    string
	}
	ks := make([]keyed, len(problems)) // each key read once, not at every comparison
	for i, p := range problems {
		ks[i] = keyed{pageOrder(p), p}
	}
	sort.SliceStable(ks, func(i, j int) bool { return ks[i].page < ks[j].page })
	problems = make([]string, len(ks))
	for i, k := range ks {
		problems[i] = k.s
	}
	if len(problems) > 5 {
		problems = append(problems[:5], fmt.Sprintf("e altri %d", len(problems)-5))
	}
	return strings.Join(problems, "; ")
}

// pageOrder sorts problems that start with "pagina N" by N, the others
// first in their order.
func pageOrder(s string) int {
	var n int
	if _, err := fmt.Sscanf(s, "pagina %d", &n); err == nil {
		return n
	}
	return 0
}
