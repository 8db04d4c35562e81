package quote

import (
	"testing"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/internal/runesweep"
)

// checkTokens checks that reading text through its arabic tokens gives the
// tokens, rune count and validity of scanning text alone, and that both
// give as the words that may be reporting words those of the tokens that
// mayCue accepts.
func checkTokens(t *testing.T, text string) {
	t.Helper()
	var wcues, cues []int32
	want, wn, wok := tokenizeValidBuf(text, nil, nil, nil, &wcues)
	got, n, ok := tokenizeValidBuf(text, arabic.Tokenize(text), nil, nil, &cues)
	checkCues(t, text, want, wcues)
	checkCues(t, text, got, cues)
	if n != wn || ok != wok {
		t.Fatalf("%q: through arabic tokens %d runes, valid %v; alone %d, %v", text, n, ok, wn, wok)
	}
	if len(got) != len(want) {
		t.Fatalf("%q: through arabic tokens %d tokens, alone %d:\n%+v\n%+v", text, len(got), len(want), got, want)
	}
	for k := range got {
		g, w := got[k], want[k]
		g.nbs, g.nbe, w.nbs, w.nbe = 0, 0, 0, 0 // where norm was built
		if g != w {
			t.Fatalf("%q: token %d through arabic tokens %+v, alone %+v", text, k, g, w)
		}
	}
}

// checkCues checks that cues are the indexes of the words of toks that
// mayCue accepts, each once.
func checkCues(t *testing.T, text string, toks []token, cues []int32) {
	t.Helper()
	seen := make(map[int32]bool)
	for _, k := range cues {
		if k < 0 || int(k) >= len(toks) || toks[k].kind != kWord || !mayCue(toks[k].norm) || seen[k] {
			t.Fatalf("%q: %d is no new word that may be a reporting word", text, k)
		}
		seen[k] = true
	}
	for k, tk := range toks {
		if tk.kind == kWord && mayCue(tk.norm) && !seen[int32(k)] {
			t.Fatalf("%q: word %d (%q) may be a reporting word, not among %v", text, k, tk.norm, cues)
		}
	}
}

func TestTokensOf(t *testing.T) {
	for _, text := range []string{
		"",
		"   ",
		"قال بيسكوف إن الحوار ممكن.",
		"وقالت الوزارة، وأضافَ المتحدث: وأكّدت وصرحت19 مؤكدةً أن «قالوا»",
		"وقَالَ «بيسكوف»: إنّ\xffالحوارَ ممكنٌ\n٢٠٢١ ABC.",
		"بلغت 19.5 في المئة و2,000 ناخب و١٩٫٥ و19،5",
		"كورونا19 و2021م وCOVID-19 والـBBC وF16 و19A",
		"كلمة\u200cكلمة كلمة\u200fكلمة كلمة\u200bكلمة \ufeffكلمة",
		"قال ً بيسكوف 19ً «ًنعم» e\u0301t\u0903é",
		"سطر\r\nسطر\u2028سطر\u2029 \t سطر",
		"\"الحوار\"، قال. «نعم»؟ “لا”",
		"https://example.com/a?b=1 و@marsad #وسم",
		"\ufffdقال \xc0\xaf بيسكوف",
	} {
		checkTokens(t, text)
	}
}

// TestTokensOfRunes checks every rune of the Basic Multilingual Plane, and
// some beyond, in the contexts where the two tokenizers may part: inside
// and after Arabic and Latin words and numbers, after a space and between
// punctuation.
func TestTokensOfRunes(t *testing.T) {
	for text := range runesweep.Texts() {
		checkTokens(t, text)
	}
}

func FuzzTokensOf(f *testing.F) {
	for _, s := range []string{
		"وقَالَ «بيسكوف»: إنّ\xffالحوارَ ممكنٌ\n٢٠٢١ ABC.",
		"بلغت 19.5 في المئة و2,000 كورونا19 والـBBC",
		"كلمة\u200cكلمة \u200fكلمة ً19ً",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkTokens(t, text)
	})
}

// TestTokensOfOthers checks that tokens of another text, or out of order,
// are not taken for those of the text.
func TestTokensOfOthers(t *testing.T) {
	text := "قال بيسكوف إن الحوار ممكن."
	want, _, _ := tokenizeValidBuf(text, nil, nil, nil, nil)
	other := arabic.Tokenize("قال بوتين إن الحوار صعب جدا جدا جدا.")
	back := arabic.Tokenize(text)
	back[1], back[2] = back[2], back[1]
	for _, atoks := range [][]arabic.Token{other, back, append(arabic.Tokenize(text), arabic.Token{Text: "x", Byte: len(text)})} {
		got, _, _ := tokenizeValidBuf(text, atoks, nil, nil, nil)
		if len(got) != len(want) {
			t.Fatalf("through wrong tokens %d tokens, alone %d", len(got), len(want))
		}
		for k := range got {
			if got[k].norm != want[k].norm || got[k].s != want[k].s || got[k].bs != want[k].bs {
				t.Errorf("token %d through wrong tokens %+v, alone %+v", k, got[k], want[k])
			}
		}
	}
}
