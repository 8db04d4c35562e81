package ingest

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// TestLegacyCharsets reads a feed and a page in windows-1256 that declare
// it, and refuses the same bytes when nothing declares them.
func TestLegacyCharsets(t *testing.T) {
	enc := func(s string) []byte {
		b, err := charmap.Windows1256.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	const title, text = "خبر عاجل من الرياض", "انعقد الاجتماع الوزاري في الرياض اليوم."
	feed := `<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>وكالة</title>` +
		`<item><title>` + title + `</title><guid>x1</guid><description>` + text + `</description></item></channel></rss>`
	checkWants(t, collect(t, write("feed.xml", enc(feed)), Options{}), []want{{id: "x1", title: title, text: text, source: "وكالة"}})

	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>` + title +
		`</title></head><body><article><p>` + text + ` ` + text + ` ` + text + `</p><p>` + text + ` ` + text + `</p></article></body></html>`
	checkWants(t, collect(t, write("page.html", enc(page)), Options{}), []want{{id: "page", title: title, textHas: []string{text}}})

	undeclared := `<html><head><title>` + title + `</title></head><body><p>` + text + `</p></body></html>`
	checkWants(t, collect(t, write("undeclared.html", enc(undeclared)), Options{}), []want{{err: "undeclared.html: not valid UTF-8 at byte 19", errIs: ErrInvalidUTF8}})
	undeclaredFeed := `<?xml version="1.0"?><rss version="2.0"><channel><title>` + title + `</title></channel></rss>`
	checkWants(t, collect(t, write("undeclared.rss", enc(undeclaredFeed)), Options{}), []want{{errIs: ErrInvalidUTF8}})
}
