package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

// fuzzRead runs one format reader on data and checks every item.
func fuzzRead(t *testing.T, data []byte, read func(r *reader, br *bufio.Reader) bool) {
	n := 0
	yield := func(it Item) bool {
		n++
		checkItem(t, it)
		if it.Err == nil && !utf8.ValidString(it.Article.Text) {
			t.Errorf("invalid UTF-8 let through")
		}
		return true
	}
	r := newReader(context.Background(), Options{MaxBytes: 1 << 16, Logger: slog.New(slog.DiscardHandler)}, yield)
	read(r, bufio.NewReader(bytes.NewReader(data)))
}

func addSeeds(f *testing.F, files ...string) {
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzJSONLines(f *testing.F) {
	addSeeds(f, "testdata/articles.jsonl", "testdata/single.json")
	f.Add([]byte(`{"text":"\ud800 نص"}` + "\n" + `{"text":1}`))
	f.Add([]byte("\xef\xbb\xbf{\"text\":\"x\",\"published\":12e400}\r\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Split(data, []byte("\n"))
		r := newReader(context.Background(), Options{MaxBytes: 1 << 16, Logger: slog.New(slog.DiscardHandler)}, func(it Item) bool {
			checkItem(t, it)
			if it.Err != nil {
				return true
			}
			// The text must be what encoding/json decodes from the line.
			n, _ := strconv.Atoi(strings.TrimPrefix(it.Origin, "f.jsonl:"))
			var m map[string]any
			dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(lines[n-1], bom)))
			dec.UseNumber()
			if err := dec.Decode(&m); err != nil {
				t.Fatalf("%s: accepted a line encoding/json rejects: %v", it.Origin, err)
			}
			if want, _ := m["text"].(string); normalizeNewlines(want) != it.Article.Text {
				t.Errorf("%s: text %q, encoding/json decodes %q", it.Origin, it.Article.Text, want)
			}
			return true
		})
		r.jsonLines("f.jsonl", bufio.NewReader(bytes.NewReader(data)))
	})
}

func FuzzJSONValues(f *testing.F) {
	addSeeds(f, "testdata/saudinewsnet-like.json", "testdata/single.json", "testdata/truncated.json")
	f.Add([]byte(`[{"text":"a"}, 3, null, {"text":"b"}] trailing`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, func(r *reader, br *bufio.Reader) bool { return r.jsonValues("f.json", br) })
	})
}

func FuzzText(f *testing.F) {
	addSeeds(f, "testdata/txt/port.txt", "testdata/txt/rain.txt", "testdata/bad/cp1256.txt")
	f.Add([]byte("\r\r\n\xef\xbb\xbf \x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseText("id", data)
		if err == nil {
			if !utf8.ValidString(a.Text) || a.Text == "" || a.Title == "" || bytes.ContainsRune([]byte(a.Text), '\r') {
				t.Errorf("bad article from %q: %+v", data, a)
			}
		}
		fuzzRead(t, data, func(r *reader, br *bufio.Reader) bool {
			return r.stream(source{origin: "f.txt", name: "f.txt", size: int64(len(data))}, br)
		})
	})
}

// FuzzSniffed reads data of unknown type: sniffing picks any reader,
// feeds and HTML pages included.
func FuzzSniffed(f *testing.F) {
	addSeeds(f, "testdata/feed.rss", "testdata/feed.atom", "testdata/page.html", "testdata/notxml.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, func(r *reader, br *bufio.Reader) bool {
			return r.stream(source{origin: "f", size: int64(len(data))}, br)
		})
	})
}

// FuzzUnquote checks unquote's shortcut for strings without escapes and
// unquoteString's for escapes of one character against jsontext's
// AppendUnquote, on JSON strings of valid UTF-8.
func FuzzUnquote(f *testing.F) {
	for _, s := range []string{`""`, `"خبر عاجل"`, `"a\"b"`, `"\u0645\n"`, `"\ud800x"`, `"\\"`, `"\b\f\n\r\t\/ x\\"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, s []byte) {
		if !utf8.Valid(s) || !jsontext.Value(s).IsValid() || jsontext.Value(s).Kind() != '"' {
			return
		}
		want, _ := jsontext.AppendUnquote(nil, s)
		if got := unquote(nil, s); !bytes.Equal(got, want) {
			t.Errorf("unquote(%q) = %q, want %q", s, got, want)
		}
		if got := unquoteString(s); got != string(want) {
			t.Errorf("unquoteString(%q) = %q, want %q", s, got, want)
		}
	})
}
