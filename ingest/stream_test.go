package ingest

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestReadJSONLines(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		ids     []string // ids of the good items, in order
		failed  int
		wantErr error // of the first failed item, when failed > 0
	}{
		{"two", `{"id":"a","text":"نص أول"}` + "\n" + `{"id":"b","text":"نص ثان"}` + "\n", []string{"a", "b"}, 0, nil},
		{"blank lines and no final newline", "\n" + `{"id":"a","text":"نص"}` + "\n\n" + `{"id":"b","text":"نص"}`, []string{"a", "b"}, 0, nil},
		{"bad line goes on", `{"id":"a","text":"نص"}` + "\n{oops\n" + `{"id":"c","text":"نص"}`, []string{"a", "c"}, 1, ErrInvalidJSON},
		{"no text", `{"id":"a","title":"عنوان"}`, nil, 1, ErrNoText},
		{"empty", "", nil, 1, ErrEmpty},
		{"escapes", `{"id":"a","text":"\"نص\"\n\t\\ \u0645"}`, []string{"a"}, 0, nil},
		{"U+FFFD written or escaped", `{"id":"a","text":"� \uFFFD \ufffd"}`, []string{"a"}, 0, nil},
		{"unpaired surrogate", `{"id":"a","text":"\ud800 نص"}`, nil, 1, ErrInvalidUTF8},
		// A U+FFFD in another field does not excuse the text's.
		{"unpaired surrogate beside a U+FFFD", `{"id":"a","title":"�","text":"\udc00 نص"}`, nil, 1, ErrInvalidUTF8},
		{"two objects on a line", `{"id":"a","text":"نص"} {"id":"b","text":"نص"}`, nil, 1, ErrInvalidJSON},
		{"invalid UTF-8 in a field not read", "{\"id\":\"a\",\"x\":[\"\xff\"],\"text\":\"نص\"}", nil, 1, ErrInvalidUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ids []string
			var errs []error
			for it := range ReadJSONLines(context.Background(), strings.NewReader(tt.in), "body", Options{}) {
				if it.Err != nil {
					errs = append(errs, it.Err)
					if !strings.HasPrefix(it.Origin, "body") {
						t.Errorf("origin %q does not name the stream", it.Origin)
					}
					continue
				}
				ids = append(ids, it.Article.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.ids, ",") {
				t.Errorf("ids = %v, want %v", ids, tt.ids)
			}
			if len(errs) != tt.failed {
				t.Fatalf("failed items = %v, want %d", errs, tt.failed)
			}
			if tt.failed > 0 && !errors.Is(errs[0], tt.wantErr) {
				t.Errorf("error %v is not %v", errs[0], tt.wantErr)
			}
		})
	}
}

func FuzzReadJSONLines(f *testing.F) {
	f.Add(`{"id":"a","text":"نص"}` + "\n{\n")
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, s string) {
		for it := range ReadJSONLines(context.Background(), strings.NewReader(s), "fuzz", Options{MaxBytes: 1 << 16}) {
			if it.Err == nil && strings.TrimSpace(it.Article.Text) == "" {
				t.Fatalf("article without text: %+v", it)
			}
		}
	})
}
