package arabic

import (
	"fmt"
	"slices"
	"testing"
)

// recorder is a TokenReader that records what ReadTokens hands it, and
// takes the tokens whose text is not "x".
type recorder struct{ got []string }

func (r *recorder) Gap(from, to int) { r.got = append(r.got, fmt.Sprintf("gap %d-%d", from, to)) }
func (r *recorder) Scan(from, to int) {
	r.got = append(r.got, fmt.Sprintf("scan %d-%d", from, to))
}
func (r *recorder) Take(t *Token, end int, next []Token) bool {
	r.got = append(r.got, fmt.Sprintf("take %q %d-%d next %d", t.Text, t.Byte, end, len(next)))
	return t.Text != "x"
}

func TestReadTokens(t *testing.T) {
	text := "قال  x في\nبيان"
	toks := AppendTokens(nil, text)
	other := AppendTokens(nil, "قال  x")
	other[1].Text = "y" // not the bytes of text at its offset
	for _, c := range []struct {
		name string
		toks []Token
		want []string
	}{
		{"all", toks, []string{"take \"قال\" 0-6 next 3", "gap 6-8", "take \"x\" 8-9 next 2", "scan 8-9", "gap 9-10", "take \"في\" 10-14 next 1", "gap 14-15", "take \"بيان\" 15-23 next 0", "scan 23-23"}},
		{"prefix", toks[:2], []string{"take \"قال\" 0-6 next 1", "gap 6-8", "take \"x\" 8-9 next 0", "scan 8-9", "scan 9-23"}},
		{"not of text", other, []string{"take \"قال\" 0-6 next 1", "scan 6-23"}},
		{"none", nil, []string{"scan 0-23"}},
	} {
		var r recorder
		ReadTokens(text, c.toks, &r)
		if !slices.Equal(r.got, c.want) {
			t.Errorf("%s: got\n%q\nwant\n%q", c.name, r.got, c.want)
		}
	}
}
