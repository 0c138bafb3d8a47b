//go:build !windows

package main

// utf8Console does nothing but on Windows: other terminals take UTF-8.
func utf8Console() (restore func()) { return func() {} }

// ownConsole reports false: only Windows opens a window for a program
// started by a double click.
func ownConsole() bool { return false }
