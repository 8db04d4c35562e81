// Package arabic analyzes Arabic text for search and extraction: a tokenizer
// that keeps the offsets of every token in the original text, a normalizer
// whose steps can be chosen one by one, a clitic-aware stemmer, an Arabic
// stopword list matched after normalization, and a folding of the
// spellings of transliterated names.
//
// The pieces are pure functions (Tokenize, Normalize, Stem, NameKey); an
// Analyzer composes them into the chain used identically at index and query
// time:
//
//	a := arabic.New(arabic.DefaultOptions())
//	for _, t := range a.Analyze("وقال بيسكوف للصحفيين") {
//		fmt.Println(t.Text, t.Norm, t.Stem, t.Start, t.End, t.Stop)
//	}
//
// # Stemming
//
// The stemmer removes clitics (و ف ب ك ل, the article, the future س and
// their stacks), pronoun suffixes, the inflection of nouns, adjectives and
// verbs (sound plurals and duals, the feminine, verb person prefixes and
// suffixes), maps nisba adjectives to the masculine singular (دولية →
// دولي), imperfect verbs to the perfect (يستخدمون → استخدم) and some broken
// plurals of regular patterns to the singular (الوزراء → وزير). Every cut
// that could eat into the word itself is checked against a lexicon of word
// frequencies: the candidate stem must be an attested word, and not a much
// rarer one. Without the lexicon (Options.NoLexicon, StemRules) the same
// rules run on the form of the word alone, more cautiously.
//
// # The lexicon and its provenance
//
// The lexicon embedded in the package (lexicon.gz, see DefaultLexicon) is
// derived data: the normalized words seen at least three times in the
// SaudiNewsNet corpus (M. Alhagri, 2015: 20,329 articles from 14 Saudi
// newspapers, July–August 2015), licensed CC BY-NC-SA 4.0, with their
// counts. It is produced by "marsad train-lexicon", which reads the corpus
// from ../shared/data/saudinewsnet; retraining on the same corpus gives the
// same file. Being derived from it, the lexicon carries the corpus's
// licence: attribution, non-commercial use, share-alike.
//
// The package depends on nothing else in Marsad.
package arabic

import (
	"strings"
	"unicode/utf8"
)

// Options configures an Analyzer.
type Options struct {
	Normalize NormalizeOptions
	Stopwords bool // mark function words as stop tokens
	Stem      bool // stem words; when false Stem is the normalized form
	NoLexicon bool // stem by rules only, without the embedded corpus lexicon
}

// DefaultOptions returns the options Marsad searches with: every
// normalization step but hamza folding, stopwords, stemming.
func DefaultOptions() Options {
	return Options{Normalize: DefaultNormalizeOptions(), Stopwords: true, Stem: true}
}

// Analyzer runs the analysis chain: tokenize, normalize (NFKC, digits,
// diacritics, letter variants), stopwords, stem. It is immutable and safe for
// concurrent use.
type Analyzer struct {
	opts     Options
	stemNorm NormalizeOptions // opts.Normalize keeping teh marbuta, which the stemmer reads
	lex      *Lexicon         // nil: stem by rules only
	table    *stemTable       // the lexicon's words, analyzed; nil without a lexicon
	stop     stopwords
	keep     [128]bool // keep[r-0x0600]: stemNorm leaves the rune r of U+0600–U+067F as it is
}

// New returns an Analyzer with the given options.
func New(opts Options) *Analyzer {
	a := &Analyzer{opts: opts, stemNorm: opts.Normalize, stop: defaultStopwords()}
	a.stemNorm.FoldTehMarbuta = false
	for i := range a.keep {
		r := rune(0x0600 + i)
		a.keep[i] = foldRune(r, a.stemNorm) == r && !(a.stemNorm.NFKC && nfkcRune(r))
	}
	if !opts.NoLexicon {
		a.lex = DefaultLexicon()
		a.table = a.lex.stems()
	}
	return a
}

// Analyze returns the tokens of text, punctuation included, each with its
// normalized form, its stem and whether it is a stopword. Punctuation tokens
// have an empty Stem and are never search terms.
func (a *Analyzer) Analyze(text string) []Token {
	return a.AppendAnalyzed(nil, text)
}

// AppendAnalyzed appends the analyzed tokens of text to dst.
func (a *Analyzer) AppendAnalyzed(dst []Token, text string) []Token {
	n := len(dst)
	dst = AppendTokens(dst, text)
	if a.table == nil {
		var buf []byte
		for i := n; i < len(dst); i++ {
			t := &dst[i]
			same := true
			if t.Kind != Punct {
				buf, same = a.appendKey(buf[:0], t)
			}
			a.fill(t, buf, same, 0, 0)
		}
		return dst
	}
	// The table's slots and records are mostly out of the processor's
	// caches when the analyzer runs between other work: fetch those of a
	// block of tokens at once, then fill the tokens. A word is looked up
	// by its normalized form, which the block's buffer holds when it is
	// not the word's text.
	var p prefetched
	var keys [512]byte // room for most blocks' keys
	p.buf = keys[:0]
	for i := n; i < len(dst); i += lookupBlock {
		blk := dst[i:min(i+lookupBlock, len(dst))]
		p.buf = p.buf[:0]
		for j := range blk {
			p.hash[j], p.key[j] = 0, [2]int32{0, -1}
			t := &blk[j]
			if t.Kind == Punct {
				continue
			}
			from := len(p.buf)
			var same bool
			p.buf, same = a.appendKey(p.buf, t)
			switch {
			case !same:
				p.key[j] = [2]int32{int32(from), int32(len(p.buf))}
				if t.Kind == Word {
					p.hash[j] = a.table.hashBytes(p.buf[from:])
				}
			case t.Kind == Word:
				p.hash[j] = a.table.hash(t.Text)
			}
		}
		a.table.prefetch(&p, len(blk))
		for j := range blk {
			if k := p.key[j]; k[1] < 0 {
				a.fill(&blk[j], nil, true, p.hash[j], p.at[j])
			} else {
				a.fill(&blk[j], p.buf[k[0]:k[1]], false, p.hash[j], p.at[j])
			}
		}
	}
	return dst
}

// appendKey appends to buf the form of t's text that the stemmer reads and
// the stem table holds: normalized, teh marbuta kept, and a definite
// noun's final ه read as teh marbuta. It appends nothing and reports same
// when that form is the text itself, as it is for most words.
func (a *Analyzer) appendKey(buf []byte, t *Token) ([]byte, bool) {
	same := a.unchanged(t.Text)
	from := len(buf)
	if !same {
		buf = AppendNormalized(buf, t.Text, a.stemNorm)
	}
	if a.opts.Normalize.FoldTehMarbuta && t.Kind == Word {
		// A definite noun takes no pronoun suffix: its final ه is a teh
		// marbuta spelled without dots (الطاقه = الطاقة).
		src := t.Text
		if !same {
			src = string(buf[from:])
		}
		if fixed, ok := definiteHeh(src); ok {
			buf = append(buf[:from], fixed...)
			same = false
		}
	}
	return buf, same
}

// fill sets Norm, Stem and Stop of a token. key is the form appendKey
// gives of its text, unless same tells that it is the text itself. For a
// word, with the stem table, h is the hash of that form in the table and
// at where its record may be, as stemTable.prefetch found them.
func (a *Analyzer) fill(t *Token, key []byte, same bool, h uint64, at int32) {
	if t.Kind == Punct {
		t.Norm = t.Text
		t.Stop = true
		return
	}
	if a.table != nil && t.Kind == Word {
		var e stemEntry
		var ok bool
		if same {
			e, ok = a.table.lookupAt(t.Text, h, at)
		} else {
			e, ok = a.table.lookupAt(string(key), h, at) // the lookup keeps no reference: no allocation
		}
		if ok {
			a.fillKnown(t, &e, same)
			t.Stop = t.Stop || a.opts.Stopwords && maqsura(t.Text, t.Norm)
			return
		}
	}
	norm := t.Text // no allocation when nothing changed
	if !same {
		norm = string(key)
	}
	t.Norm = norm
	if a.opts.Normalize.FoldTehMarbuta {
		t.Norm = foldTehMarbuta(norm)
	}
	if t.Kind == Number {
		t.Norm = foldNumber(t.Norm)
		t.Stem = t.Norm
		return
	}
	if t.Norm == "" { // only marks: nothing to match
		t.Stop = true
		return
	}
	if a.opts.Stopwords && (a.stop.contains(foldTehMarbuta(t.Norm)) || maqsura(t.Text, t.Norm)) { // the list is folded
		t.Stop = true
	}
	if a.opts.Stem {
		t.Stem = stemWord(a.lex, norm)
		if a.opts.Normalize.FoldTehMarbuta {
			t.Stem = foldTehMarbuta(t.Stem)
			if a.table != nil {
				t.StemID = a.table.stemID(t.Stem)
			}
		}
	} else {
		t.Stem = t.Norm
	}
}

// unchanged reports whether normalizing s for the stemmer leaves it as it
// is, as the function unchanged does, with a fast path for Arabic letters.
func (a *Analyzer) unchanged(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if (c == 0xD8 || c == 0xD9) && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			if !a.keep[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)-0x0600] {
				return false
			}
			i += 2
			continue
		}
		return unchanged(s[i:], a.stemNorm)
	}
	return true
}

// fillKnown fills a token whose normalized form is a word of the lexicon
// from its entry, allocating nothing; same tells that the normalized form
// (teh marbuta kept) is the token's text.
func (a *Analyzer) fillKnown(t *Token, e *stemEntry, same bool) {
	fold := a.opts.Normalize.FoldTehMarbuta
	switch {
	case same && (!fold || e.normFolded == e.norm):
		t.Norm = t.Text
	case fold:
		t.Norm = e.normFolded
	default:
		t.Norm = e.norm
	}
	t.Stop = a.opts.Stopwords && e.stop
	switch {
	case !a.opts.Stem:
		t.Stem = t.Norm
	case fold:
		t.Stem = e.stemFolded
		t.StemID = e.id
	default:
		t.Stem = e.stem
	}
}

// Terms returns the search terms of text: the stem of every token that is
// neither punctuation nor a stopword, in order. This is what the index
// stores and what a query matches on.
func (a *Analyzer) Terms(text string) []string {
	toks := a.Analyze(text)
	terms := make([]string, 0, len(toks))
	for _, t := range toks {
		if !t.Stop && t.Stem != "" {
			terms = append(terms, t.Stem)
		}
	}
	return terms
}

// IsStopword reports whether a normalized word is a stopword. It cannot
// tell على (a stopword) from علي (a name): both normalize to علي, which is
// not one; the analyzer tells them apart by their spelling.
func (a *Analyzer) IsStopword(norm string) bool { return a.stop.contains(norm) }

// definitePrefixes are the definite article with the clitics before it.
var definitePrefixes = []string{"وبال", "وكال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"}

// definiteHeh returns s with its final ه written as ة when s carries the
// definite article and at least two letters stand between the article and
// the ه, and whether it changed s.
func definiteHeh(s string) (string, bool) {
	if !strings.HasSuffix(s, "ه") {
		return s, false
	}
	for _, p := range definitePrefixes {
		if strings.HasPrefix(s, p) {
			if utf8.RuneCountInString(s[len(p):]) < 3 {
				return s, false
			}
			return s[:len(s)-len("ه")] + "ة", true
		}
	}
	return s, false
}
