//go:build unix

package index

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// lockName is the file an index directory is locked by.
const lockName = "lock"

// lockTimeout is how long lockDir waits for another process to release
// the directory.
const lockTimeout = 5 * time.Second

// lockDir locks directory dir for this process (an advisory lock on its
// lock file, released when the file is closed, or when the process ends),
// waiting up to lockTimeout; it returns ErrInUse when another process
// keeps it.
func lockDir(dir string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(lockTimeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) || time.Now().After(deadline) {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, ErrInUse
			}
			return nil, err
		}
		time.Sleep(50 * time.Millisecond)
	}
}
