//go:build !unix

package index

import (
	"os"
	"path/filepath"
)

// lockName is the file an index directory is locked by.
const lockName = "lock"

// lockDir opens the lock file of dir; where flock is missing, it does not
// keep another process out.
func lockDir(dir string) (*os.File, error) {
	return os.OpenFile(filepath.Join(dir, lockName), os.O_RDWR|os.O_CREATE, 0o644)
}
