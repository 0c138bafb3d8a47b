//go:build !windows

package main

// utf8Console does nothing but on Windows: other terminals take UTF-8.
func utf8Console() (restore func()) { return func() {} }
