package produce

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/pegpdf/pegpdf/model"
)

// PrintProblems prints every problem of the inputs, one line each:
// "file.xlsx: Fasi!E7: message".
func PrintProblems(w io.Writer, inputs []*Input) {
	for _, in := range inputs {
		if in.Err != nil {
			fmt.Fprintf(w, "%s: %s\n", in.Name, IOMessage(in.Err))
		}
		for _, p := range in.Problems {
			fmt.Fprintln(w, ProblemLine(in.Name, p))
		}
	}
}

// ProblemLine is one problem as a line: "file.xlsx: Fasi!E7: message".
func ProblemLine(path string, p model.Problem) string {
	if p.Severity == model.Warning {
		if p.Sheet == "" {
			return fmt.Sprintf("%s: avviso: %v", path, p.Err)
		}
		return fmt.Sprintf("%s: %s: avviso: %v", path, p.Place(), p.Err)
	}
	return fmt.Sprintf("%s: %s", path, p.Error())
}

// IOMessage says in Italian why a file could not be read.
func IOMessage(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "il file non esiste: controllare il nome"
	case errors.Is(err, fs.ErrPermission):
		return "permesso negato: non si può leggere il file"
	case errors.Is(err, context.Canceled):
		return "interrotto"
	}
	return "il file non si può leggere: " + err.Error()
}

// Summary is the closing line: "38 file, 412 obiettivi, 3 avvisi, 5 errori,
// 2 file con errori".
func Summary(inputs []*Input) string {
	objectives, bad, errs, warnings := 0, 0, 0, 0
	for _, in := range inputs {
		if in.Failed() {
			bad++
		} else if in.Plan != nil {
			objectives += len(in.Plan.Objectives)
		}
		e, w := in.Problems.Count()
		if in.Err != nil {
			e++
		}
		errs += e
		warnings += w
	}
	s := fmt.Sprintf("%s, %s", Plural(len(inputs), "file", "file"), Plural(objectives, "obiettivo", "obiettivi"))
	if warnings > 0 {
		s += ", " + Plural(warnings, "avviso", "avvisi")
	}
	if errs > 0 {
		s += ", " + Plural(errs, "errore", "errori")
	}
	if bad > 0 {
		s += ", " + Plural(bad, "file con errori", "file con errori")
	}
	return s
}

// Plural is "1 file" or "3 file".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
