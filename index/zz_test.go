package index

import (
	"archive/zip"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/marsad/marsad/arabic"
)

func zzDocs(b *testing.B, n int) []Doc {
	zips, _ := filepath.Glob("../../shared/data/saudinewsnet/*.zip")
	an := arabic.New(arabic.DefaultOptions())
	var docs []Doc
	var sc FirstsScratch
	for _, path := range zips {
		zr, _ := zip.OpenReader(path)
		for _, f := range zr.File {
			rc, _ := f.Open()
			var arts []struct {
				Title   string `json:"title"`
				Content string `json:"content"`
			}
			json.NewDecoder(rc).Decode(&arts)
			rc.Close()
			for _, a := range arts {
				d := Doc{TitleTerms: Terms(an.Analyze(a.Title)), TextTerms: Terms(an.Analyze(a.Content))}
				d.Firsts = AppendFirsts(nil, &sc, d.TitleTerms, d.TextTerms)
				docs = append(docs, d)
				if len(docs) == n {
					return docs
				}
			}
		}
	}
	return docs
}

func BenchmarkZZStems(b *testing.B) {
	docs := zzDocs(b, 4000)
	words := newWordInfo(arabic.DefaultLexicon())
	b.ResetTimer()
	for b.Loop() {
		for i := range docs {
			words.stems(docs[i].TitleTerms, docs[i].TextTerms, docs[i].Firsts)
		}
	}
}

func BenchmarkZZFirsts(b *testing.B) {
	docs := zzDocs(b, 4000)
	var sc FirstsScratch
	var dst []int32
	b.ResetTimer()
	for b.Loop() {
		for i := range docs {
			dst = AppendFirsts(dst[:0], &sc, docs[i].TitleTerms, docs[i].TextTerms)
		}
	}
}

func oldFirsts(dst []int32, seen map[string]int32, title, text []Term) []int32 {
	at := int32(0)
	for _, ts := range [2][]Term{title, text} {
		for i := range ts {
			f, ok := seen[ts[i].Stem]
			if !ok {
				f = at
				seen[ts[i].Stem] = f
			}
			dst = append(dst, f)
			at++
		}
	}
	clear(seen)
	return dst
}

func BenchmarkZZOldFirsts(b *testing.B) {
	docs := zzDocs(b, 4000)
	seen := map[string]int32{}
	var dst []int32
	b.ResetTimer()
	for b.Loop() {
		for i := range docs {
			dst = oldFirsts(dst[:0], seen, docs[i].TitleTerms, docs[i].TextTerms)
		}
	}
}

func BenchmarkZZStemsNoID(b *testing.B) {
	docs := zzDocs(b, 4000)
	for i := range docs {
		for k := range docs[i].TitleTerms {
			docs[i].TitleTerms[k].StemID = 0
		}
		for k := range docs[i].TextTerms {
			docs[i].TextTerms[k].StemID = 0
		}
	}
	words := newWordInfo(arabic.DefaultLexicon())
	b.ResetTimer()
	for b.Loop() {
		for i := range docs {
			words.stems(docs[i].TitleTerms, docs[i].TextTerms, docs[i].Firsts)
		}
	}
}
