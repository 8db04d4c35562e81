package timex

import (
	"testing"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/internal/runesweep"
)

// checkTokens checks that reading text through its arabic tokens gives the
// doc of scanning text alone.
func checkTokens(t *testing.T, text string) {
	t.Helper()
	want := newDocBuf(text, nil, nil, nil)
	got := newDocBuf(text, arabic.Tokenize(text), nil, nil)
	if got.ns != want.ns {
		t.Fatalf("%q: normalized through arabic tokens %q, alone %q", text, got.ns, want.ns)
	}
	if len(got.toks) != len(want.toks) {
		t.Fatalf("%q: through arabic tokens %d tokens, alone %d:\n%+v\n%+v", text, len(got.toks), len(want.toks), got.toks, want.toks)
	}
	for k := range got.toks {
		if got.toks[k] != want.toks[k] {
			t.Fatalf("%q: token %d through arabic tokens %+v, alone %+v", text, k, got.toks[k], want.toks[k])
		}
	}
}

func TestTokensOf(t *testing.T) {
	for _, text := range []string{
		"",
		"   ",
		"أعلن المتحدث، الخميس 18 مارس/آذار 2021، أن الوزير سيزور العاصمة الأسبوع المقبل.",
		"بلغت 19.5 في المئة و2,000 ناخب و١٩٫٥ و19،5 و1.2.3 في 19/3/2021 و2021-03-19",
		"كورونا19 و2021م وCOVID-19 والـBBC وF16 و19A ١٤٣٦هـ",
		"كلمة\u200cكلمة كلمة\u200fكلمة كلمة\u200bكلمة \ufeffكلمة غداً",
		"قال ً أمس 19ً «ًنعم» e\u0301t\u0903é",
		"سطر\r\nسطر\u2028سطر\u2029 \t سطر\u00a0سطر",
		"\"الحوار\"، قال. «نعم»؟ “لا”",
		"https://example.com/a?b=1 و@marsad #وسم",
		"\ufffdقال \xc0\xaf أمس\xff",
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
		"أعلن المتحدث، الخميس 18 مارس/آذار 2021، أن الوزير",
		"بلغت 19.5 في المئة و2,000 كورونا19 والـBBC ١٩٫٥",
		"كلمة\u200cكلمة \u200fكلمة ً19ً\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkTokens(t, text)
	})
}
