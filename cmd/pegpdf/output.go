package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Temporary files are named .pegpdf-<pid>-<random>.tmp: the process id says
// which run writes them, and the writer holds an advisory lock on the file
// (see lock_*.go) for as long as it is open, so that another run can tell a
// live writer's file from the leftover of a killed one.
const (
	tempPrefix = ".pegpdf-"
	tempSuffix = ".tmp"
)

// staleAfter is how old a temporary file whose writer is gone must be before
// a run removes it. Age alone never decides: a file still locked by a live
// run is never removed, whatever its age.
const staleAfter = 3 * time.Minute

// writeAtomic writes t.path through a temporary file in the same folder,
// put in place only once complete (putInPlace): a crash, a kill or an error
// leaves either the old file or the new one, never half of one, and a file
// a person made there meanwhile is kept. The file is created with mode
// 0666 less the umask, as any other program's. Its error says which file
// could not be written; a refusal to replace is the usage error of check.
func writeAtomic(t target, write func(io.Writer) error) (err error) {
	path := t.path
	defer func() {
		var ue usageError
		if err != nil && !errors.As(err, &ue) {
			err = fmt.Errorf("%s: scrittura non riuscita: %w", path, writeError{err, filepath.Dir(path)})
		}
	}()
	tmp, err := createTemp(filepath.Dir(path))
	if errors.Is(err, fs.ErrNotExist) {
		// The folder is made when its file comes, as «schede» makes its
		// own: a run that writes nothing makes none.
		if err = os.MkdirAll(filepath.Dir(path), 0o777); err == nil {
			tmp, err = createTemp(filepath.Dir(path))
		}
	}
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return putInPlace(tmp.Name(), t)
}

// putInPlace puts the complete temporary file tmp at t.path, deciding at this
// moment, not only at the start of a run that may have lasted minutes,
// whether what is there may go: a name still free is taken only if free
// (renameNoReplace), so that a file created in the last instant is kept;
// an existing file is read again and replaced only if check still allows
// it. A file that comes and goes meanwhile is decided again, a few times.
func putInPlace(tmp string, t target) error {
	for range 3 {
		exists, err := t.check()
		if err != nil {
			return err
		}
		if exists {
			return os.Rename(tmp, t.path)
		}
		if err = renameNoReplace(tmp, t.path); !errors.Is(err, fs.ErrExist) {
			return err
		}
	}
	return &os.LinkError{Op: "rename", Old: tmp, New: t.path, Err: fs.ErrExist}
}

// linkNoReplace moves tmp to dst only if dst does not exist, where there is
// no rename that says so: a hard link (link, os.Link but for the tests)
// fails at once if dst exists, and tmp is removed after. Where there are no
// hard links either (FAT, some network shares), dst is looked at in the
// last instant before the rename.
func linkNoReplace(tmp, dst string, link func(oldname, newname string) error) error {
	err := link(tmp, dst)
	switch {
	case err == nil:
		os.Remove(tmp)
		return nil
	case errors.Is(err, fs.ErrExist):
		return err
	}
	if _, err := os.Lstat(dst); err == nil {
		return &os.LinkError{Op: "rename", Old: tmp, New: dst, Err: fs.ErrExist}
	}
	return os.Rename(tmp, dst)
}

// createTemp creates a new temporary file in dir, named after this process,
// locked for as long as it is open, with mode 0666 less the umask (the mode
// the output will keep).
func createTemp(dir string) (*os.File, error) {
	for range 100 {
		var rnd [6]byte
		rand.Read(rnd[:])
		name := filepath.Join(dir, tempPrefix+strconv.Itoa(os.Getpid())+"-"+hex.EncodeToString(rnd[:])+tempSuffix)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		lockFile(f)
		return f, nil
	}
	return nil, errors.New("impossibile creare un file temporaneo")
}

// cleanTemps removes the temporary files that runs now gone left in dir:
// only files no live process holds and older than staleAfter, so that a run
// writing into the same folder at the same time is never disturbed.
func cleanTemps(dir string) {
	// ReadDir, not Glob: a folder named "PEG [bozza]" is not a pattern.
	entries, _ := os.ReadDir(dir)
	now := time.Now()
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, tempPrefix) || !strings.HasSuffix(name, tempSuffix) || !e.Type().IsRegular() {
			continue
		}
		m := filepath.Join(dir, name)
		st, err := os.Lstat(m)
		if err != nil || now.Sub(st.ModTime()) < staleAfter {
			continue
		}
		if writerGone(m) {
			os.Remove(m)
		}
	}
}

// writeBytes writes data to t.path, atomically.
func writeBytes(t target, data []byte) error {
	return writeAtomic(t, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeError says in Italian why a file could not be written, keeping the
// cause for errors.Is. dir is the folder written into, so that a missing
// file is not reported as a missing folder when the folder is there.
type writeError struct {
	err error
	dir string
}

func (e writeError) Unwrap() error { return e.err }

func (e writeError) Error() string { return e.message(runtime.GOOS) }

// message is the Italian sentence on the system goos.
func (e writeError) message(goos string) string {
	switch {
	case lockedByOther(e.err, goos):
		return "il file è aperto in un altro programma (ad esempio Excel o un lettore PDF): chiuderlo e rilanciare"
	case replaceDenied(e.err, goos):
		return "il file è aperto in un altro programma (ad esempio Excel o un lettore PDF) o è di sola lettura: chiuderlo e rilanciare"
	case errors.Is(e.err, fs.ErrExist):
		return "un altro programma ha creato un file con questo nome proprio adesso: controllarlo e rilanciare"
	case errors.Is(e.err, syscall.ENOTDIR):
		return "nel percorso c'è un file dove dovrebbe esserci una cartella"
	case errors.Is(e.err, fs.ErrNotExist):
		var le *os.LinkError
		st, err := os.Stat(e.dir)
		switch {
		case err != nil || !st.IsDir():
			return "la cartella non esiste"
		case errors.As(e.err, &le):
			return "il file temporaneo è stato rimosso da un altro programma durante la scrittura: rilanciare"
		}
		return "non si possono creare file in questa cartella"
	case errors.Is(e.err, fs.ErrPermission):
		return "permesso negato"
	case errors.Is(e.err, syscall.ENOSPC):
		return "disco pieno"
	case errors.Is(e.err, syscall.EISDIR):
		return "è una cartella"
	case errors.Is(e.err, syscall.EROFS):
		return "il disco è di sola lettura"
	}
	return "errore del sistema: " + e.err.Error()
}

// dirError says in Italian why the folder dir could not be made.
func dirError(dir string, err error) error {
	return fmt.Errorf("%s: non si può creare la cartella: %w", dir, writeError{err, filepath.Dir(dir)})
}

// lockedByOther reports whether err is Windows refusing a file another
// program holds open (goos is runtime.GOOS; the tests pass "windows" on any
// system): ERROR_SHARING_VIOLATION (32) or ERROR_LOCK_VIOLATION (33), what
// a workbook or a PDF open in Excel or a PDF reader gives.
func lockedByOther(err error, goos string) bool {
	var errno syscall.Errno
	if goos != "windows" || !errors.As(err, &errno) {
		return false
	}
	return errno == 32 || errno == 33
}

// fileWriter writes many files atomically on its own goroutines: each file
// still goes through writeAtomic (temporary file, fsync, rename), but the
// fsync of one overlaps the writing and syncing of the others, instead of
// the renderer waiting for the disk at every sheet. The queue is short, so
// that at most a few files wait in memory.
type fileWriter struct {
	queue chan fileJob
	wg    sync.WaitGroup
	mu    sync.Mutex
	err   error
}

type fileJob struct {
	t    target
	data []byte
}

// syncWorkers is how many files are written and synced at once: the disk,
// not the processor, is what they wait for.
const syncWorkers = 16

func newFileWriter(workers int) *fileWriter {
	w := &fileWriter{queue: make(chan fileJob, workers)}
	for range workers {
		w.wg.Add(1)
		go func() {
			defer w.wg.Done()
			for j := range w.queue {
				if w.failed() != nil {
					continue
				}
				if err := writeBytes(j.t, j.data); err != nil {
					w.mu.Lock()
					if w.err == nil {
						w.err = err
					}
					w.mu.Unlock()
				}
			}
		}()
	}
	return w
}

func (w *fileWriter) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// write queues data for t; it returns the first error of the files
// already written, so that the caller stops early.
func (w *fileWriter) write(t target, data []byte) error {
	if err := w.failed(); err != nil {
		return err
	}
	w.queue <- fileJob{t, data}
	return nil
}

// writeFunc is write for a producer that writes to an io.Writer.
func (w *fileWriter) writeFunc(t target, write func(io.Writer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	return w.write(t, b.Bytes())
}

// wait waits for every queued file and returns the first error. It must be
// called once, after the last write.
func (w *fileWriter) wait() error {
	close(w.queue)
	w.wg.Wait()
	return w.err
}

// replaceDenied reports whether err is Windows refusing to rename over a
// file (ERROR_ACCESS_DENIED, 5): what it gives when the old file is open in
// another program or read-only.
func replaceDenied(err error, goos string) bool {
	var le *os.LinkError
	var errno syscall.Errno
	return goos == "windows" && errors.As(err, &le) && le.Op == "rename" && errors.As(le.Err, &errno) && errno == 5
}
