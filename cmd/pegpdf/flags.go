package main

import "github.com/pegpdf/pegpdf/model"

// flagDate reads the date given to the option --name. Its message is for
// the command line: a date typed there cannot be "una cella data".
func flagDate(name, s string) (model.Date, error) {
	d, err := model.ParseDate(s)
	if err != nil {
		return d, usagef("--%s: %q non è una data: scrivere gg/mm/aaaa, ad esempio 31/07/2027", name, s)
	}
	return d, nil
}
