package main

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

// cpUTF8 is the UTF-8 code page.
const cpUTF8 = 65001

// utf8Console makes the Windows console show the accents of pegpdf's
// messages: its code page is usually 850, which prints "è" as "├¿". The
// returned function gives the console its code page back.
func utf8Console() (restore func()) {
	old, err := windows.GetConsoleOutputCP()
	if err != nil || old == cpUTF8 {
		return func() {}
	}
	if windows.SetConsoleOutputCP(cpUTF8) != nil {
		return func() {}
	}
	return func() { windows.SetConsoleOutputCP(old) }
}

// getConsoleProcessList is kernel32's GetConsoleProcessList, which
// x/sys/windows does not wrap.
var getConsoleProcessList = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// ownConsole reports whether pegpdf is the only process of its console
// window: it was started by a double click in Explorer, and the window
// closes as soon as it ends.
func ownConsole() bool {
	if getConsoleProcessList.Find() != nil {
		return false
	}
	var pids [2]uint32
	n, _, _ := getConsoleProcessList.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	return n == 1
}
