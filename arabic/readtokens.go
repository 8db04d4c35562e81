package arabic

// A TokenReader reads a text through its tokens, as ReadTokens drives it:
// a consumer that splits or joins some tokens differently from Tokenize
// takes the tokens it agrees with as they are and scans the rest of the
// text itself.
type TokenReader interface {
	// Gap reads the bytes of the text from from to to, which no token
	// covers: spaces, line breaks, control characters.
	Gap(from, to int)
	// Take reads t, which ends at byte end of the text and is followed by
	// the tokens next, and reports whether it did; when it did not,
	// ReadTokens hands the bytes of t to Scan.
	Take(t *Token, end int, next []Token) bool
	// Scan reads the bytes of the text from from to to rune by rune.
	Scan(from, to int)
}

// ReadTokens reads text through r: each token of toks, the tokens of text
// in order, goes to r.Take, the bytes between them to r.Gap, and from the
// first token that is not one of text's on (see Token.EndIn), the rest of
// the text to r.Scan.
func ReadTokens(text string, toks []Token, r TokenReader) {
	pos := 0 // the bytes of text read
	for k := range toks {
		t := &toks[k]
		end, ok := t.EndIn(text, pos)
		if !ok {
			break // not tokens of text: scan the rest
		}
		if t.Byte > pos {
			r.Gap(pos, t.Byte)
		}
		if !r.Take(t, end, toks[k+1:]) {
			r.Scan(t.Byte, end)
		}
		pos = end
	}
	r.Scan(pos, len(text))
}
