package main

import "golang.org/x/sys/windows"

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
