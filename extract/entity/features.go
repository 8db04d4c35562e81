package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Labels of the tagger, in model order. MISC is kept internally (it helps
// the model tell names apart) and reported as O.
var labelNames = [nLabels]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

const nLabels = 9

// entity types as gazetteer bits.
const (
	gPER uint8 = 1 << iota
	gORG
	gLOC
)

var gazTypes = [...]struct {
	bit  uint8
	name string
}{{gPER, "PER"}, {gORG, "ORG"}, {gLOC, "LOC"}}

func labelIndex(tag string) int {
	for i, n := range labelNames {
		if n == tag {
			return i
		}
	}
	return 0
}

// isInside reports whether label l is an I- label; its B- label is l-1.
func isInside(l int) bool { return l > 0 && l%2 == 0 }

// gazetteer holds normalized names by type.
type gazetteer struct {
	words   map[string]uint8 // one-word names
	phrases map[string]uint8 // names of several words, words joined by one space
	maxLen  map[string]int   // first word of a phrase -> longest phrase length in words
}

func newGazetteer() *gazetteer {
	return &gazetteer{words: map[string]uint8{}, phrases: map[string]uint8{}, maxLen: map[string]int{}}
}

func (g *gazetteer) add(name string, bit uint8) {
	f := strings.Fields(normalizePhrase(name))
	switch len(f) {
	case 0:
		return
	case 1:
		g.words[f[0]] |= bit
		return
	}
	g.phrases[strings.Join(f, " ")] |= bit
	if len(f) > g.maxLen[f[0]] {
		g.maxLen[f[0]] = len(f)
	}
}

// tokInfo is what the features need to know about one token.
type tokInfo struct {
	raw    string
	norm   string // normalized
	base   string // norm without its proclitic
	clitic string // the proclitic removed, or ""
	shape  string
	gazN   uint8 // gazetteer types of norm
	gazB   uint8 // gazetteer types of base
	spanB  uint8 // a gazetteer phrase of these types starts here
	spanI  uint8 // a gazetteer phrase of these types continues here
}

// analyze fills infos for words, reusing the slice.
func (g *gazetteer) analyze(words []string, infos []tokInfo) []tokInfo {
	infos = infos[:0]
	for _, w := range words {
		n := normalize(w)
		c, b := splitClitic(n)
		infos = append(infos, tokInfo{
			raw: w, norm: n, base: b, clitic: c, shape: shape(w, n),
			gazN: g.words[n], gazB: g.words[b],
		})
	}
	var buf []byte
	for i := range infos {
		m := max(g.maxLen[infos[i].norm], g.maxLen[infos[i].base])
		if m == 0 {
			continue
		}
		for l := min(m, len(infos)-i); l >= 2; l-- {
			var bits uint8
			for _, first := range [2]string{infos[i].norm, infos[i].base} {
				buf = append(buf[:0], first...)
				for j := i + 1; j < i+l; j++ {
					buf = append(buf, ' ')
					buf = append(buf, infos[j].norm...)
				}
				bits |= g.phrases[string(buf)]
			}
			if bits != 0 {
				infos[i].spanB |= bits
				for j := i + 1; j < i+l; j++ {
					infos[j].spanI |= bits
				}
				break
			}
		}
	}
	return infos
}

// shape classifies a token: its script and a length bucket.
func shape(raw, norm string) string {
	var digits, latin, upper, arabic, punct, other int
	for _, r := range raw {
		switch {
		case r >= '0' && r <= '9', r >= '٠' && r <= '٩':
			digits++
		case r >= 'A' && r <= 'Z':
			latin++
			upper++
		case r >= 'a' && r <= 'z':
			latin++
		case r >= 0x0600 && r <= 0x06FF:
			arabic++
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			punct++
		default:
			other++
		}
	}
	n := utf8.RuneCountInString(norm)
	lb := "9"
	switch {
	case n <= 5:
		lb = string(rune('0' + n))
	case n <= 7:
		lb = "7"
	}
	switch {
	case digits > 0 && latin+arabic == 0:
		return "D" + lb
	case latin > 0 && arabic == 0:
		if upper > 0 {
			return "LU" + lb
		}
		return "L" + lb
	case arabic > 0 && latin+digits == 0:
		return "A" + lb
	case punct > 0 && latin+arabic+digits+other == 0:
		return "P"
	}
	return "M" + lb
}

// Feature templates. Their numbers are part of the model format.
const (
	fBias byte = iota + 1
	fNorm
	fBase
	fPre1
	fPre2
	fPre3
	fSuf1
	fSuf2
	fSuf3
	fBPre1
	fBPre2
	fBSuf1
	fBSuf2
	fBSuf3
	fShape
	fClitic
	fGazN
	fGazB
	fSpanB
	fSpanI
	fPrev1
	fNext1
	fPrev2
	fNext2
	fPrevBase1
	fNextBase1
	fBigramPrev
	fBigramNext
	fShapePrev
	fShapeNext
	fFirst
	fGazPrev
	fGazNext
	fPrevBase2
	fNextBase2
	fSpanPrev
	fSpanNext
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashT(t byte) uint64 { return (fnvOffset ^ uint64(t)) * fnvPrime }

func hashS(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func hashB(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

// sep separates the parts of a combined feature.
const sep = 0xff

// prefix returns the first k runes of s, or "" when s is shorter than k+1 runes.
func prefix(s string, k int) string {
	i := 0
	for n := 0; n < k; n++ {
		if i >= len(s) {
			return ""
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	if i >= len(s) {
		return ""
	}
	return s[:i]
}

// suffix returns the last k runes of s, or "" when s is shorter than k+1 runes.
func suffix(s string, k int) string {
	i := len(s)
	for n := 0; n < k; n++ {
		if i <= 0 {
			return ""
		}
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	if i <= 0 {
		return ""
	}
	return s[i:]
}

// features appends the feature hashes of token i to f.
func features(t []tokInfo, i int, f []uint64) []uint64 {
	w := &t[i]
	add := func(tpl byte, s string) {
		f = append(f, hashS(hashT(tpl), s))
	}
	addBits := func(tpl byte, bits uint8) {
		if bits != 0 {
			f = append(f, hashB(hashT(tpl), bits))
		}
	}
	f = append(f, hashT(fBias))
	add(fNorm, w.norm)
	if w.clitic != "" {
		add(fBase, w.base)
		add(fClitic, w.clitic)
	}
	for k, tpl := range [3]byte{fPre1, fPre2, fPre3} {
		if p := prefix(w.norm, k+1); p != "" {
			add(tpl, p)
		}
	}
	for k, tpl := range [3]byte{fSuf1, fSuf2, fSuf3} {
		if p := suffix(w.norm, k+1); p != "" {
			add(tpl, p)
		}
	}
	if w.clitic != "" {
		for k, tpl := range [2]byte{fBPre1, fBPre2} {
			if p := prefix(w.base, k+1); p != "" {
				add(tpl, p)
			}
		}
		for k, tpl := range [3]byte{fBSuf1, fBSuf2, fBSuf3} {
			if p := suffix(w.base, k+1); p != "" {
				add(tpl, p)
			}
		}
	}
	add(fShape, w.shape)
	addBits(fGazN, w.gazN)
	addBits(fGazB, w.gazB)
	addBits(fSpanB, w.spanB)
	addBits(fSpanI, w.spanI)
	if i == 0 {
		f = append(f, hashT(fFirst))
	}
	const none = "\x00"
	word := func(j int) (string, string) {
		if j < 0 || j >= len(t) {
			return none, none
		}
		return t[j].norm, t[j].base
	}
	p1, pb1 := word(i - 1)
	n1, nb1 := word(i + 1)
	p2, pb2 := word(i - 2)
	n2, nb2 := word(i + 2)
	add(fPrev1, p1)
	add(fNext1, n1)
	add(fPrev2, p2)
	add(fNext2, n2)
	add(fPrevBase1, pb1)
	add(fNextBase1, nb1)
	add(fPrevBase2, pb2)
	add(fNextBase2, nb2)
	f = append(f, hashS(hashB(hashS(hashT(fBigramPrev), p1), sep), w.norm))
	f = append(f, hashS(hashB(hashS(hashT(fBigramNext), w.norm), sep), n1))
	if i > 0 {
		add(fShapePrev, t[i-1].shape)
		addBits(fGazPrev, t[i-1].gazN|t[i-1].gazB)
		addBits(fSpanPrev, t[i-1].spanB|t[i-1].spanI)
	}
	if i+1 < len(t) {
		add(fShapeNext, t[i+1].shape)
		addBits(fGazNext, t[i+1].gazN|t[i+1].gazB)
		addBits(fSpanNext, t[i+1].spanB)
	}
	return f
}
