package ingest

import (
	"bufio"
	"context"
	"io"
	"iter"
)

// ReadJSONLines reads JSON Lines articles from rd, one object per line with
// the field names of opts, and yields its items in order, like Read does for
// a .jsonl file. origin names the stream in the items' origins
// ("origin:LINE"). A bad line is an item with Err and reading goes on; an
// empty stream is one failed item wrapping ErrEmpty.
func ReadJSONLines(ctx context.Context, rd io.Reader, origin string, opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		r := newReader(ctx, opts, yield)
		r.jsonLines(origin, bufio.NewReader(rd))
	}
}
