package produce

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pegpdf/pegpdf/model"
	"github.com/pegpdf/pegpdf/render"
)

// Options are the choices of a document that are not in the theme. The
// zero value makes the default document.
type Options struct {
	PDFA       bool       // PDF/A-2a (tagged, with PDF/UA-1), for council acts
	AsOf       model.Date // the monitoring date: a line in the Gantt; the report's date (default: Request.Today)
	Entity     string     // "Comune di …" (default: the theme's)
	Title      string     // the cover's title (default: the theme's label)
	Subtitle   string     // the line under the title (default: the theme's acts line)
	Year       int        // the year on the cover (default: the one most objectives have)
	Duplex     bool       // booklet: every sheet starts on an odd page
	WithSheets bool       // report: the monitoring sheets follow, linked from the tables
}

// option is one settable option: its name (the command line's flag and the
// web form's field), its aliases (Italian), and how a text sets it.
type option struct {
	name    string
	aliases []string
	set     func(o *Options, v string) error
}

func boolOption(field func(*Options) *bool) func(*Options, string) error {
	return func(o *Options, v string) error {
		b, err := ParseBool(v)
		*field(o) = b
		return err
	}
}

func textOption(field func(*Options) *string) func(*Options, string) error {
	return func(o *Options, v string) error {
		*field(o) = strings.TrimSpace(v)
		return nil
	}
}

var options = []option{
	{"pdfa", nil, boolOption(func(o *Options) *bool { return &o.PDFA })},
	{"as-of", []string{"al"}, func(o *Options, v string) error {
		if v = strings.TrimSpace(v); v == "" {
			o.AsOf = model.Date{}
			return nil
		}
		d, err := model.ParseDate(v)
		if err == nil {
			o.AsOf = d
		}
		return err
	}},
	{"entity", []string{"ente"}, textOption(func(o *Options) *string { return &o.Entity })},
	{"title", []string{"titolo"}, textOption(func(o *Options) *string { return &o.Title })},
	{"subtitle", []string{"sottotitolo"}, textOption(func(o *Options) *string { return &o.Subtitle })},
	{"year", []string{"anno"}, func(o *Options, v string) error {
		if v = strings.TrimSpace(v); v == "" {
			o.Year = 0
			return nil
		}
		n, err := strconv.Atoi(v)
		if err != nil || n != 0 && (n < 1900 || n > 2200) { // 0: the objectives' year, as empty
			return fmt.Errorf("%q non è un anno di quattro cifre: scrivere ad esempio 2027", v)
		}
		o.Year = n
		return nil
	}},
	{"duplex", []string{"fronte-retro"}, boolOption(func(o *Options) *bool { return &o.Duplex })},
	{"with-sheets", []string{"con-schede"}, boolOption(func(o *Options) *bool { return &o.WithSheets })},
}

// OptionNames are the names Set accepts, without their aliases, in a fixed
// order.
func OptionNames() []string {
	names := make([]string, len(options))
	for i, op := range options {
		names[i] = op.name
	}
	return names
}

// ErrUnknownOption is the error of Set for a name that is no option.
var ErrUnknownOption = errors.New("opzione sconosciuta")

// OptionError is a value that does not parse, with the option's name as the
// caller gave it.
type OptionError struct {
	Name, Value string
	Err         error
}

func (e *OptionError) Error() string { return e.Name + ": " + e.Err.Error() }
func (e *OptionError) Unwrap() error { return e.Err }

// Set sets the option called name (its English name or an Italian alias:
// "with-sheets" or "con-schede") from text, the one parser of both the
// command line and the web form.
func (o *Options) Set(name, value string) error {
	for _, op := range options {
		if name == op.name || slices.Contains(op.aliases, name) {
			if err := op.set(o, value); err != nil {
				return &OptionError{Name: name, Value: value, Err: err}
			}
			return nil
		}
	}
	return &OptionError{Name: name, Value: value, Err: ErrUnknownOption}
}

// ParseBool reads a yes or no as a person or a form writes it: "true",
// "1", "sì", "on", "yes" and their opposites, in any case; empty is no.
func ParseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "0", "false", "no", "off", "f", "falso":
		return false, nil
	case "1", "true", "si", "sì", "on", "yes", "t", "vero":
		return true, nil
	}
	return false, fmt.Errorf("%q: usare true o false", s)
}

// render is what of the options the drawing takes.
func (o Options) render() render.Options {
	return render.Options{AsOf: o.AsOf, PDFA: o.PDFA}
}
