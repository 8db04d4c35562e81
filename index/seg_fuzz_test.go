package index

import (
	"context"
	"testing"
	"time"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/search"
)

// testSegment returns the bytes of a segment of a few documents we wrote.
func testSegment(t testing.TB, an *arabic.Analyzer) []byte {
	words := newWordInfo(arabic.DefaultLexicon())
	b := newSegBuilder(words.nextBatch(), 0, 0)
	texts := []string{"قال وزير الخارجية إن الحوار مع واشنطن ممكن", "ارتفعت أسعار النفط في الأسواق العالمية", "وصل ترمب إلى باريس"}
	for i, text := range texts {
		terms := Terms(an.Analyze(text))
		d := b.doc(string(rune('a'+i)), time.Date(2024, 1, i+1, 0, 0, 0, 0, time.UTC).Unix(), 0, len(terms))
		b.positions(fText, d, terms, words.stems(nil, terms, nil).infos, 0)
		b.keywords(fSource, d, "src")
		b.keywords(fPair, d, "أ ب")
	}
	data, err := b.encode(0)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// FuzzSegment: a damaged segment is refused or read without a panic, by
// every reader and by searches.
func FuzzSegment(f *testing.F) {
	an := arabic.New(arabic.DefaultOptions())
	f.Add(testSegment(f, an))
	f.Add([]byte{})
	f.Add(segMagic[:])
	queries := []string{"النفط", `"أسعار النفط"`, "واشنطن OR باريس -ترمب"}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := openSegment(data)
		if err != nil {
			return
		}
		var pl plist
		for f := range nFields {
			for i := range s.fields[f].terms {
				if e, ok := s.entryAt(f, i); ok {
					_ = s.postings(f, e, &pl, true)
					s.lookup(f, string(e.term))
				}
			}
		}
		for d := range uint32(s.n) {
			s.id(d)
			s.published(d)
			s.fieldLen(fText, d)
		}
		x := &Inverted{an: an, lex: arabic.DefaultLexicon()}
		x.view.Store(newView([]*segment{s}, 1))
		for _, q := range queries {
			pq, _ := search.Parse(q)
			x.Search(context.Background(), Request{Query: pq, Source: "src", ByDate: true})
		}
	})
}
