package main

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// renameNoReplace moves tmp to dst only if dst does not exist, in one step
// (renamex_np with RENAME_EXCL); an error that is fs.ErrExist says that it
// does. Where the file system cannot, a hard link does.
func renameNoReplace(tmp, dst string) error {
	err := unix.RenamexNp(tmp, dst, unix.RENAME_EXCL)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOTSUP) {
		return linkNoReplace(tmp, dst, os.Link)
	}
	if err != nil {
		return &os.LinkError{Op: "rename", Old: tmp, New: dst, Err: err}
	}
	return nil
}
