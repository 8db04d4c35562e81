package entity

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/internal/cputime"
)

// analyzerTokens returns the words of text as the extractor gives them to
// the tagger: the arabic package's tokens.
func analyzerTokens(text string) []Token {
	var toks []Token
	for _, t := range arabic.Tokenize(text) {
		toks = append(toks, Token{Text: t.Text, Start: t.Start, End: t.End})
	}
	return toks
}

// benchArticles is how many SaudiNewsNet articles BenchmarkEntitiesArticles
// tags per iteration.
const benchArticles = 200

// BenchmarkEntitiesArticles tags real news articles (the first
// benchArticles of one day of SaudiNewsNet, tokenized as the extractor
// does) with the default tagger and reports the time per article, and the
// process CPU time per article ("cpu-µs/article", steadier than wall time
// on a loaded machine; it includes the garbage collector). It is skipped
// when ../shared is absent.
func BenchmarkEntitiesArticles(b *testing.B) {
	zip := filepath.Join("../../../shared/data/saudinewsnet", "2015-07-21.zip")
	type doc struct {
		text string
		toks []Token
	}
	var docs []doc
	opts := ingest.Options{TextField: "content", DateField: "date_extracted", Logger: slog.New(slog.DiscardHandler)}
	for it := range ingest.Read(context.Background(), zip, opts) {
		if it.Err != nil {
			continue
		}
		docs = append(docs, doc{it.Article.Text, analyzerTokens(it.Article.Text)})
		if len(docs) == benchArticles {
			break
		}
	}
	if len(docs) == 0 {
		b.Skipf("no SaudiNewsNet articles in %s; skipping", zip)
	}
	tg := defaultTagger(b)
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.text))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	cpu0 := cputime.Self()
	for b.Loop() {
		for _, d := range docs {
			tg.Entities(d.text, d.toks)
		}
	}
	cpu := cputime.Self() - cpu0
	n := float64(b.N * len(docs))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n/1e3, "µs/article")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/n/1e3, "cpu-µs/article")
	}
}

// BenchmarkTagDoc tags the sentences of a day of SaudiNewsNet, split as
// Entities splits them, with the default tagger's tagDoc, from an empty
// cache of unknown words each iteration, and reports the process CPU time
// per article: the sequence tagging of Entities (token information,
// emissions, decoding, both stages) without its rules. BenchmarkTagDocWeek
// does so over a week, its cache kept from one iteration to the next, so
// that it turns over as in a long ingest. They are skipped when ../shared
// is absent.
func BenchmarkTagDoc(b *testing.B) { benchTagDoc(b, 21, false) }

// BenchmarkTagDocWeek: see BenchmarkTagDoc.
func BenchmarkTagDocWeek(b *testing.B) { benchTagDoc(b, 27, true) }

// benchTagDoc is BenchmarkTagDoc over the days of July 2015 from the 21st
// to last, keeping the unknown-word cache between iterations or not.
func benchTagDoc(b *testing.B, last int, keep bool) {
	docs := julySentences(last)
	if len(docs) == 0 {
		b.Skip("no SaudiNewsNet articles in ../shared/data/saudinewsnet; skipping")
	}
	tg := defaultTagger(b)
	st := tg.getState()
	cpu0 := cputime.Self()
	for b.Loop() {
		if !keep {
			tg.unknowns.mu.Lock()
			tg.unknowns.cur, tg.unknowns.old, tg.unknowns.seen = nil, nil, nil
			tg.unknowns.mu.Unlock()
		}
		for _, d := range docs {
			tg.tagDoc(d, st)
		}
	}
	cpu := cputime.Self() - cpu0
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*len(docs))/1e3, "cpu-µs/article")
	b.ReportMetric(float64(len(docs)), "articles")
	b.ReportMetric(0, "ns/op")
}

// julyTexts returns the texts of the articles of SaudiNewsNet of the days
// of July 2015 from the 21st to last, or none when ../shared is absent.
func julyTexts(last int) []string {
	var texts []string
	opts := ingest.Options{TextField: "content", DateField: "date_extracted", Logger: slog.New(slog.DiscardHandler)}
	for day := 21; day <= last; day++ {
		zip := filepath.Join("../../../shared/data/saudinewsnet", fmt.Sprintf("2015-07-%d.zip", day))
		for it := range ingest.Read(context.Background(), zip, opts) {
			if it.Err == nil {
				texts = append(texts, it.Article.Text)
			}
		}
	}
	return texts
}

// julySentences returns the sentences of each of julyTexts(last), split as
// Entities splits them.
func julySentences(last int) [][][]string {
	var docs [][][]string
	for _, text := range julyTexts(last) {
		toks := analyzerTokens(text)
		_, ss := sentences(toks, sentenceBreaks(text, toks), nil, nil)
		docs = append(docs, ss)
	}
	return docs
}

// BenchmarkEmissions computes the emission scores of both stages for the
// sentences of a week of SaudiNewsNet, the words' vocabulary entries looked
// up beforehand, and reports the time per token. The entries of a week of
// news are spread over more memory than the processor caches, as they are
// in a long run of extraction, so this measures how well emissions
// overlaps its cache misses; it runs in one process, steadier than
// comparing two runs of BenchmarkEntitiesArticles on a loaded machine.
// It is skipped when ../shared is absent.
func BenchmarkEmissions(b *testing.B) {
	tg, st, sents, ntok := emissionSentences(b)
	for b.Loop() {
		for _, s := range sents {
			n := len(s.infos) * nLabels
			st.sc = slices.Grow(st.sc[:0], n)[:n]
			tg.first.emissions(s.infos, s.ents, 1, st)
			tg.emissions(s.infos, s.ents, 0, st)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*ntok), "ns/token")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkEmissions2 is BenchmarkEmissions for emissions2, which computes
// both stages' scores as tagDoc does, and reports the process CPU time per
// token.
func BenchmarkEmissions2(b *testing.B) {
	tg, st, sents, ntok := emissionSentences(b)
	runtime.GC()
	cpu0 := cputime.Self()
	for b.Loop() {
		for _, s := range sents {
			n := len(s.infos) * nLabels
			st.sc = slices.Grow(st.sc[:0], n)[:n]
			st.sc2 = slices.Grow(st.sc2[:0], n)[:n]
			tg.emissions2(s.infos, s.ents, st.sc, st.sc2, st)
		}
	}
	cpu := cputime.Self() - cpu0
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*ntok), "cpu-ns/token")
	b.ReportMetric(0, "ns/op")
}

// emissionSentence is a sentence's token information and vocabulary
// entries.
type emissionSentence struct {
	infos []tokInfo
	ents  []*vocabEntry
}

// emissionSentences returns the default tagger, a state of it, the
// sentences of a week of SaudiNewsNet, their words looked up with the
// tagger, and how many tokens they have; it skips b when there are none.
func emissionSentences(b *testing.B) (*Tagger, *tagState, []emissionSentence, int) {
	tg := defaultTagger(b)
	st := tg.getState()
	var sents []emissionSentence
	ntok := 0
	for _, ss := range julySentences(27) {
		for _, ws := range ss {
			var s emissionSentence
			for _, w := range ws {
				e, info := tg.lookup(w)
				if e == nil {
					e, info = tg.unknown(w, st)
				}
				s.ents = append(s.ents, e)
				s.infos = append(s.infos, info)
			}
			sents = append(sents, s)
			ntok += len(ws)
		}
	}
	if ntok == 0 {
		b.Skip("no SaudiNewsNet articles in ../shared/data/saudinewsnet; skipping")
	}
	return tg, st, sents, ntok
}

// BenchmarkUnknown computes and caches the entries of the distinct words
// outside the vocabulary of a day ("day") or a week ("week") of
// SaudiNewsNet, in their order of first occurrence, from an empty cache
// each iteration (so the cache turns over as in a long extraction), and
// reports the time per word. This is the unknown-word path of a
// whole-corpus extraction, which the warm cache of
// BenchmarkEntitiesArticles hides. It is skipped when ../shared is absent.
func BenchmarkUnknown(b *testing.B) {
	b.Run("day", func(b *testing.B) { benchUnknown(b, 21) })
	b.Run("week", func(b *testing.B) { benchUnknown(b, 27) })
}

// benchUnknown is BenchmarkUnknown over the days of July 2015 from the
// 21st to last.
func benchUnknown(b *testing.B, last int) {
	tg := defaultTagger(b)
	var words []string
	seen := map[string]bool{}
	for _, text := range julyTexts(last) {
		for _, t := range analyzerTokens(text) {
			if e, _ := tg.lookup(t.Text); e == nil && !seen[t.Text] {
				seen[t.Text] = true
				words = append(words, t.Text)
			}
		}
	}
	if len(words) == 0 {
		b.Skip("no SaudiNewsNet articles in ../shared/data/saudinewsnet; skipping")
	}
	st := tg.getState()
	cpu0 := cputime.Self()
	for b.Loop() {
		tg.unknowns.mu.Lock()
		tg.unknowns.cur, tg.unknowns.old, tg.unknowns.seen = nil, nil, nil
		tg.unknowns.mu.Unlock()
		for _, w := range words {
			// tagDoc empties the entries of the words the cache does
			// not keep at each document; kept, they grow to tens of
			// megabytes here, and copying them (growslice) took two
			// thirds of unknownHash's time in a CPU profile.
			st.uncached = st.uncached[:0]
			tg.unknown(w, st)
		}
	}
	cpu := cputime.Self() - cpu0
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*len(words)), "cpu-ns/word")
	b.ReportMetric(float64(len(words)), "words")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkDefault loads the embedded model, as every ingest does once at
// its start, and reports CPU ns per op.
func BenchmarkDefault(b *testing.B) {
	cpu0 := cputime.Self()
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cputime.Self()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
}
