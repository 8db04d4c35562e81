package quote

import (
	"slices"
	"strings"
	"testing"

	"github.com/marsad/marsad/article"
)

// TestEntityWords checks entityWords against strings.Fields(normalize())
// on names we write, twice through the same buffers.
func TestEntityWords(t *testing.T) {
	names := []string{"", " ", "أحمد", "  فاطمة  الزهراء ", "عَلِيّ\tبن\u00a0أبي طالب",
		"منظمة الصحة العالمية", "bad\xffname  x", "إلى\u2003الأمام"}
	var ents []article.Entity
	for _, n := range names {
		ents = append(ents, article.Entity{Text: n})
	}
	var b finderBufs
	for pass := 0; pass < 2; pass++ {
		got := entityWords(ents, &b)
		if len(got) != len(ents) {
			t.Fatalf("pass %d: %d entities' words, want %d", pass, len(got), len(ents))
		}
		for e, n := range names {
			if want := strings.Fields(normalize(n)); !slices.Equal(got[e], want) {
				t.Errorf("pass %d: words of %q = %q, want %q", pass, n, got[e], want)
			}
		}
		ents = ents[:len(ents)-2] // the second pass reads fewer names than the buffers hold
		names = names[:len(names)-2]
	}
}
