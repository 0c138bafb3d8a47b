//go:build !unix

package main

// openNoWait: elsewhere check has already refused what is not a file.
const openNoWait = 0
