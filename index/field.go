package index

import (
	"github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/marsad/marsad/arabic"
)

// analyzedField is a text field whose tokens the pipeline analyzed already:
// it builds bleve's term frequencies straight from the arabic tokens, with
// the same terms and positions as Analyzer, without an intermediate token
// stream.
type analyzedField struct {
	name   string
	toks   []arabic.Token
	opts   bindex.FieldIndexingOptions
	nbytes int
	length int
	freqs  bindex.TokenFrequencies
}

var _ document.Field = (*analyzedField)(nil)

func newAnalyzedField(name string, toks []arabic.Token, nbytes int, opts bindex.FieldIndexingOptions) *analyzedField {
	return &analyzedField{name: name, toks: toks, nbytes: nbytes, opts: opts}
}

func (f *analyzedField) Name() string                                      { return f.name }
func (f *analyzedField) ArrayPositions() []uint64                          { return nil }
func (f *analyzedField) Options() bindex.FieldIndexingOptions              { return f.opts }
func (f *analyzedField) Value() []byte                                     { return nil } // never stored
func (f *analyzedField) NumPlainTextBytes() uint64                         { return uint64(f.nbytes) }
func (f *analyzedField) EncodedFieldType() byte                            { return 't' }
func (f *analyzedField) AnalyzedLength() int                               { return f.length }
func (f *analyzedField) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.freqs }

func (f *analyzedField) Size() int {
	return 64 + len(f.toks)*16 + f.freqs.Size()
}

// Analyze implements document.Field: term frequencies (and positions, when
// the options ask for term vectors) of the stems of the search tokens.
func (f *analyzedField) Analyze() {
	n := 0
	for i := range f.toks {
		if !f.toks[i].Stop && f.toks[i].Stem != "" {
			n++
		}
	}
	f.length = n
	freqs := make(bindex.TokenFrequencies, n/2+1)
	vectors := f.opts.IncludeTermVectors()
	var locs []bindex.TokenLocation
	if vectors {
		locs = make([]bindex.TokenLocation, 0, n)
	}
	pos := 0
	for i := range f.toks {
		t := &f.toks[i]
		if t.Kind == arabic.Punct {
			continue
		}
		pos++
		if t.Stop || t.Stem == "" {
			continue
		}
		tf, ok := freqs[t.Stem]
		if !ok {
			tf = &bindex.TokenFreq{Term: []byte(t.Stem)}
			freqs[t.Stem] = tf
		}
		if vectors {
			locs = append(locs, bindex.TokenLocation{Start: t.Byte, End: t.Byte + len(t.Text), Position: pos})
			tf.Locations = append(tf.Locations, &locs[len(locs)-1])
		}
		tf.SetFrequency(tf.Frequency() + 1)
	}
	f.freqs = freqs
	f.toks = nil // done with them: let the batch's tokens go
}
