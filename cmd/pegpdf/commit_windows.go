package main

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/windows"
)

// renameNoReplace moves tmp to dst only if dst does not exist, in one step:
// MoveFileEx without MOVEFILE_REPLACE_EXISTING fails if dst exists (an
// error that is fs.ErrExist). On any other failure (a long path, a share
// that cannot), a hard link, or a last look, does.
func renameNoReplace(tmp, dst string) error {
	from, err1 := windows.UTF16PtrFromString(tmp)
	to, err2 := windows.UTF16PtrFromString(dst)
	if err1 != nil || err2 != nil {
		return linkNoReplace(tmp, dst, os.Link)
	}
	err := windows.MoveFileEx(from, to, windows.MOVEFILE_WRITE_THROUGH)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return &os.LinkError{Op: "rename", Old: tmp, New: dst, Err: err}
	}
	return linkNoReplace(tmp, dst, os.Link)
}
