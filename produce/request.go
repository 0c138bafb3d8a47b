package produce

import (
	"errors"
	"io"
	"runtime"
	"time"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/render"
	"github.com/pegpdf/pegpdf/workbook"
)

// Request is what every document is made from.
type Request struct {
	Inputs  []Source
	Options Options
	Theme   *render.Theme // nil: render.DefaultTheme()

	// Created is the creation date written in the PDFs; Today is the
	// report's date when Options.AsOf is not set. Zero means now.
	Created time.Time
	Today   model.Date

	Limits      workbook.Limits // of each workbook
	ReadTimeout time.Duration   // of each workbook, then abandoned; 0: none, every reader is waited for
	Jobs        int             // workbooks read and sheets drawn at once; 0: the cores

	// Progress, if set, is called as each workbook is read, possibly from
	// several goroutines at once.
	Progress func(*Input)
	// Checked, if set, is called once every input is read and checked,
	// before anything is drawn, even when some input has errors: the place
	// to print the problems or write the problem report. Its error stops the
	// run and is returned.
	Checked func([]*Input) error
}

func (r *Request) jobs() int {
	if r.Jobs > 0 {
		return r.Jobs
	}
	return runtime.GOMAXPROCS(0)
}

func (r *Request) theme() *render.Theme {
	if r.Theme != nil {
		return r.Theme
	}
	th := render.DefaultTheme()
	return &th
}

func (r *Request) created() time.Time {
	if r.Created.IsZero() {
		return time.Now()
	}
	return r.Created
}

// entity is the name of the municipality: the option's, else the theme's.
func (r *Request) entity(th *render.Theme) string {
	if r.Options.Entity != "" {
		return r.Options.Entity
	}
	return th.Entity
}

// A Sink stores one output: it calls write with where the bytes go and
// returns write's error, or its own. name is the document's file name
// ("2019_ZN10.pdf", "libretto.pdf", "rapporto.pdf", "esiti.csv"). For the
// sheets a Sink is called from several goroutines at once.
type Sink func(name string, write func(io.Writer) error) error

// Result says what a run read and made, for the front end's summary.
type Result struct {
	Inputs     []*Input
	Objectives int         // in the document, or sheets made
	Files      []string    // the sheets' file names, in the inputs' order
	AsOf       model.Date  // the report's date
	Tally      model.Tally // the report's counts
}

// Failed counts the inputs that give no PDF.
func (r *Result) Failed() int { return CountFailed(r.Inputs) }

// ErrInputs is the error of a run where some input has errors: already
// reported through Result.Inputs (and Checked). Sheets still makes the
// sheets of the other inputs; a booklet or a report is not made at all.
var ErrInputs = errors.New("alcuni file hanno errori")

// ErrNoObjectives is the error of a booklet or a report without objectives.
var ErrNoObjectives = errors.New("nessun obiettivo nei file")
