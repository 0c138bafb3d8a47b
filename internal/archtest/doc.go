// Package archtest holds no code: its test keeps ARCHITECTURE.md true. The
// tables of that file are rules on what each package may import, checked
// against go list, and its dependency graph must be go list's (rewritten
// with -update).
package archtest
