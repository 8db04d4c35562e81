package ingest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path"
	"strings"
)

// zipFile reads the members of a zip file.
func (r *reader) zipFile(p string) bool {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return r.fail(p, fmt.Errorf("zip: %w", unwrapPathError(err)))
	}
	defer zr.Close()
	return r.zipMembers(p, &zr.Reader)
}

// zipBytes reads the members of a zip archive held in memory (an archive
// inside an archive, or fetched over http).
func (r *reader) zipBytes(origin string, data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return r.fail(origin, fmt.Errorf("zip: %w", err))
	}
	return r.zipMembers(origin, zr)
}

// zipMembers reads each member of an archive by the rules of its
// extension, in archive order. Folders, hidden files, macOS resource forks
// and members of unknown type are skipped, as in a folder.
func (r *reader) zipMembers(origin string, zr *zip.Reader) bool {
	for _, f := range zr.File {
		name := f.Name
		if f.FileInfo().IsDir() || strings.HasPrefix(name, "__MACOSX/") ||
			strings.HasPrefix(path.Base(name), ".") || formatOfName(name) == formatUnknown {
			continue
		}
		if !r.zipMember(origin+":"+name, f) {
			return false
		}
	}
	return true
}

func (r *reader) zipMember(origin string, f *zip.File) bool {
	rc, err := f.Open()
	if err != nil {
		return r.fail(origin, fmt.Errorf("zip: %w", err))
	}
	defer rc.Close()
	return r.stream(source{origin: origin, name: f.Name, size: int64(min(f.UncompressedSize64, 1<<62))}, rc)
}
