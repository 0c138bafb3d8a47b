//go:build unix

package main

import "syscall"

// openNoWait are the flags that open a file to read it without following a
// link put at its name nor waiting on a named pipe.
const openNoWait = syscall.O_NOFOLLOW | syscall.O_NONBLOCK
