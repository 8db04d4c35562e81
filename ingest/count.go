package ingest

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Count estimates the number of items Read yields for src, quickly (for a
// progress bar), or returns -1 when it is unknown (URLs). It reads what it
// counts but parses nothing: a .txt or HTML file counts 1, a JSON lines
// file its non-blank lines, a JSON file the occurrences of the text field's
// key, a feed its <item> and <entry> tags; archives count their members so.
func Count(src string, opts Options) int {
	if isURL(src) {
		return -1
	}
	field := opts.TextField
	if field == "" {
		field = DefaultTextField
	}
	c := counter{key: []byte(`"` + field + `"`)}
	fi, err := os.Stat(src)
	if err != nil {
		return 1 // one error item
	}
	if !fi.IsDir() {
		return c.file(src)
	}
	n := 0
	filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			n++
			return nil
		}
		if p != src && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || formatOfName(d.Name()) == formatUnknown {
			return nil
		}
		n += c.file(p)
		return nil
	})
	return n
}

// counter counts items without parsing them.
type counter struct {
	key []byte // the text field's key, quoted
}

func (c counter) file(p string) int {
	if formatOfName(p) == formatZip {
		zr, err := zip.OpenReader(p)
		if err != nil {
			return 1
		}
		defer zr.Close()
		n := 0
		for _, f := range zr.File {
			if f.FileInfo().IsDir() || strings.HasPrefix(f.Name, "__MACOSX/") ||
				strings.HasPrefix(path.Base(f.Name), ".") || formatOfName(f.Name) == formatUnknown {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				n++
				continue
			}
			n += c.stream(f.Name, rc)
			rc.Close()
		}
		return n
	}
	f, err := os.Open(p)
	if err != nil {
		return 1
	}
	defer f.Close()
	return c.stream(p, f)
}

func (c counter) stream(name string, rd io.Reader) int {
	br := bufio.NewReaderSize(rd, 64<<10)
	format := formatOfName(name)
	if format == formatUnknown || format == formatHTML {
		head, _ := br.Peek(sniffLen)
		if f := sniff(head, ""); format == formatUnknown || f == formatFeed {
			format = f
		}
	}
	switch format {
	case formatGzip:
		gz, err := gzip.NewReader(br)
		if err != nil {
			return 1
		}
		defer gz.Close()
		inner := strings.TrimSuffix(name, path.Ext(name))
		if inner == name {
			inner = ""
		}
		return c.stream(inner, gz)
	case formatZip:
		data, err := io.ReadAll(io.LimitReader(br, DefaultMaxBytes))
		if err != nil {
			return 1
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return 1
		}
		n := 0
		for _, f := range zr.File {
			if rc, err := f.Open(); err == nil && formatOfName(f.Name) != formatUnknown {
				n += c.stream(f.Name, rc)
				rc.Close()
			}
		}
		return n
	case formatJSONL:
		return max(1, countLines(br))
	case formatJSON:
		return max(1, countAll(br, c.key))
	case formatFeed:
		return countAll(br, []byte("<item"), []byte("<entry"))
	}
	return 1
}

// countLines counts the lines of r that hold something other than white
// space.
func countLines(r io.Reader) int {
	buf := make([]byte, 64<<10)
	n, content := 0, false
	for {
		m, err := r.Read(buf)
		for _, b := range buf[:m] {
			switch b {
			case '\n':
				if content {
					n++
				}
				content = false
			case ' ', '\t', '\r':
			default:
				content = true
			}
		}
		if err != nil {
			break
		}
	}
	if content {
		n++
	}
	return n
}

// countAll counts the occurrences of the patterns in r, each followed by a
// byte that ends a name or key (not a letter, digit, '-' or '_').
func countAll(r io.Reader, patterns ...[]byte) int {
	longest := 0
	for _, p := range patterns {
		longest = max(longest, len(p))
	}
	buf := make([]byte, 0, 64<<10+longest+1)
	n := 0
	for {
		m, err := io.ReadFull(r, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		end := err != nil
		// Patterns starting before limit are complete with their next byte.
		limit := len(buf) - longest
		if end {
			limit = len(buf)
		}
		for _, p := range patterns {
			for i := 0; ; {
				j := bytes.Index(buf[i:], p)
				if j < 0 || i+j >= limit {
					break
				}
				k := i + j + len(p)
				if k >= len(buf) || !nameByte(buf[k]) {
					n++
				}
				i = k
			}
		}
		if end {
			return n
		}
		buf = buf[:copy(buf, buf[max(limit, 0):])]
	}
}

func nameByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_'
}
