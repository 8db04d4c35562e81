package server

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
)

// checkSearchJSON fails unless appendSearchResult writes what json.Marshal
// writes for res.
func checkSearchJSON(t *testing.T, res SearchResult) {
	t.Helper()
	want, err := json.Marshal(res)
	got, ok := appendSearchResult([]byte("prefix"), res)
	if err != nil {
		if ok {
			t.Errorf("%+v: json.Marshal fails (%v) but appendSearchResult encodes it: %s", res, err, got)
		}
		return
	}
	if !ok || !bytes.Equal(got, append([]byte("prefix"), want...)) {
		t.Errorf("%+v:\n got %s (%v)\nwant %s", res, got, ok, want)
	}
}

func TestSearchJSON(t *testing.T) {
	hit := Hit{ID: "a-1", Score: 1.5, Published: "2015-08-01", Source: "سبق", Title: "عنوان",
		Snippet: `… قال <mark>الوزير</mark> إن "الحوار" & غيره`}
	for _, res := range []SearchResult{
		{},
		normalizeResult(SearchResult{}),
		{Total: 3, Hits: []Hit{hit, {ID: "b", Score: 0}}},
		{Hits: []Hit{{Score: 1e-7}, {Score: 1e21}, {Score: -2.5e-10}, {Score: 123456789.125}, {Score: math.SmallestNonzeroFloat64}}},
		{Hits: []Hit{{Title: "سطر\u2028آخر\u2029و\x00\x01\x1f\b\f\n\r\t\\/\x7f"}}},
		{Hits: []Hit{{Title: "bad \xff utf-8 \xe2\x80", Snippet: "\xe2\x80\xa8"}}},
		{Hits: []Hit{{Score: math.NaN()}}},
		{Hits: []Hit{{Score: math.Inf(-1)}}},
		{Facets: Facets{
			Sources:  map[string]int{"عكاظ": 3, "سبق": 10, "<b>": 1, "": 2},
			Days:     map[string]int{"2015-08-02": 1, "2015-08-01": 4},
			Entities: []EntityCount{{Name: "الملك سلمان", Type: "PER", Count: 7}, {Name: "&", Type: "ORG", Count: -1}},
		}},
	} {
		checkSearchJSON(t, res)
	}
}

// FuzzSearchJSON: appendSearchResult and json.Marshal agree on any
// strings and numbers.
func FuzzSearchJSON(f *testing.F) {
	f.Add("a-1", "سبق", "عنوان", "قال <mark>الوزير</mark> \"x\"", "2015-08-01", 1.5, 20, "PER")
	f.Add("\xff", "\u2028", "\x00", "\xe2\x80\xa9\xe2", "", 1e-9, -1, "")
	f.Fuzz(func(t *testing.T, id, source, title, snippet, day string, score float64, n int, typ string) {
		checkSearchJSON(t, SearchResult{
			Total: n,
			Hits:  []Hit{{ID: id, Score: score, Published: Date(day), Source: source, Title: title, Snippet: snippet}},
			Facets: Facets{
				Sources:  map[string]int{source: n, title: 1},
				Days:     map[string]int{day: n},
				Entities: []EntityCount{{Name: snippet, Type: typ, Count: n}},
			},
		})
	})
}

// BenchmarkSearchJSON encodes a page of 20 hits with Arabic snippets and
// facets of 90 days.
func BenchmarkSearchJSON(b *testing.B) {
	res := SearchResult{Total: 1234, Facets: Facets{Sources: map[string]int{}, Days: map[string]int{}}}
	for i := range 20 {
		res.Hits = append(res.Hits, Hit{ID: "https://example.com/news/2015/08/article-" + string(rune('a'+i)), Score: 0.123456 * float64(i),
			Published: "2015-08-01", Source: "سبق", Title: "وزير الخارجية يصل إلى الرياض في زيارة رسمية",
			Snippet: "… وصل <mark>وزير</mark> الخارجية إلى الرياض أمس في زيارة تستمر يومين، وأكد أن العلاقات بين البلدين قوية وأن الحوار مستمر في كل الملفات …"})
	}
	for d := range 90 {
		res.Facets.Days["2015-"+string(rune('0'+d/30))+"-"+string(rune('a'+d%30))] = d
	}
	for i := range 10 {
		res.Facets.Sources["source"+string(rune('a'+i))] = i
		res.Facets.Entities = append(res.Facets.Entities, EntityCount{Name: "الملك سلمان", Type: "PER", Count: i})
	}
	b.Run("encoding/json", func(b *testing.B) {
		for b.Loop() {
			if _, err := json.Marshal(res); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("append", func(b *testing.B) {
		for b.Loop() {
			appendSearchResult(nil, res)
		}
	})
}
