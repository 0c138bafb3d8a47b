package main

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// renameNoReplace moves tmp to dst only if dst does not exist, in one step
// (renameat2 with RENAME_NOREPLACE); an error that is fs.ErrExist says
// that it does. Where the file system cannot, a hard link does.
func renameNoReplace(tmp, dst string) error {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dst, unix.RENAME_NOREPLACE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) {
		return linkNoReplace(tmp, dst, os.Link)
	}
	if err != nil {
		return &os.LinkError{Op: "rename", Old: tmp, New: dst, Err: err}
	}
	return nil
}
