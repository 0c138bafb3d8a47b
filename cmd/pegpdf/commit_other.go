//go:build !linux && !darwin && !windows

package main

import "os"

// renameNoReplace moves tmp to dst only if dst does not exist: through a
// hard link, which fails if it does (an error that is fs.ErrExist).
func renameNoReplace(tmp, dst string) error {
	return linkNoReplace(tmp, dst, os.Link)
}
