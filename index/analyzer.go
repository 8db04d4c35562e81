package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/marsad/marsad/arabic"
)

// AnalyzerName is the name under which Marsad's Arabic analyzer is
// registered with bleve; the index mapping names it for the text fields.
const AnalyzerName = "marsad_arabic"

func init() {
	// bleve's registry is the library's own global table; registering in
	// init is how bleve plugs analyzers in.
	registry.RegisterAnalyzer(AnalyzerName, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
		return Analyzer{A: arabic.New(arabic.DefaultOptions())}, nil
	})
}

// Analyzer adapts an arabic.Analyzer to bleve: it emits the stem of every
// word and number that is not a stopword as the term, with the byte offsets
// of the original word, and a position that counts stopwords too (so that a
// phrase query with a stopword in the middle keeps its gap).
type Analyzer struct {
	A *arabic.Analyzer
}

// Analyze implements analysis.Analyzer.
func (a Analyzer) Analyze(text []byte) analysis.TokenStream {
	return tokenStream(a.A.Analyze(string(text)))
}

func tokenStream(toks []arabic.Token) analysis.TokenStream {
	n := 0
	for i := range toks {
		if !toks[i].Stop && toks[i].Stem != "" {
			n++
		}
	}
	out := make(analysis.TokenStream, 0, n)
	backing := make([]analysis.Token, n)
	pos := 0
	for i := range toks {
		t := &toks[i]
		if t.Kind == arabic.Punct {
			continue
		}
		pos++
		if t.Stop || t.Stem == "" {
			continue
		}
		bt := &backing[len(out)]
		bt.Start = t.Byte
		bt.End = t.Byte + len(t.Text)
		bt.Term = []byte(t.Stem)
		bt.Position = pos
		bt.Type = analysis.AlphaNumeric
		if t.Kind == arabic.Number {
			bt.Type = analysis.Numeric
		}
		out = append(out, bt)
	}
	return out
}

// phraseTerms returns the terms of a phrase for a bleve multi-phrase query:
// one entry per position from the first to the last search term, "" for
// the stopwords between them (any word may stand there).
func phraseTerms(toks []arabic.Token) [][]string {
	var out [][]string
	gap := 0
	for _, t := range toks {
		if t.Kind == arabic.Punct {
			continue
		}
		if t.Stop || t.Stem == "" {
			if len(out) > 0 {
				gap++
			}
			continue
		}
		for ; gap > 0; gap-- {
			out = append(out, []string{""})
		}
		out = append(out, []string{t.Stem})
	}
	return out
}
