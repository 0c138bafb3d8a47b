// Package model holds a PEG (Piano Esecutivo di Gestione) as plain data:
// objectives, their phases and indicators, the dates, numbers and targets
// they carry, and the rules that validate them and judge their monitoring.
//
// It is pure Go: it reads no files and knows nothing of Excel or PDF.
package model
