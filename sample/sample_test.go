package sample

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestArticles(t *testing.T) {
	as := Articles()
	if len(as) < 8 || len(as) > 12 {
		t.Fatalf("got %d sample articles, want 8–12", len(as))
	}
	seen := map[string]bool{}
	for _, a := range as {
		if seen[a.ID] {
			t.Errorf("duplicate ID %s", a.ID)
		}
		seen[a.ID] = true
		words := len(strings.Fields(a.Text))
		if words < 120 || words > 300 {
			t.Errorf("%s: %d words, want 120–300", a.ID, words)
		}
		lines := strings.Split(strings.TrimSpace(a.Text), "\n")
		if a.Title != lines[0] || len(lines) < 3 {
			t.Errorf("%s: title %q is not the first of several lines", a.ID, a.Title)
		}
		// The second line opens with a dateline: "PLACE، WEEKDAY DAY MONTH/MONTH YEAR - ".
		if dl, _, ok := strings.Cut(lines[1], " - "); !ok || !strings.Contains(dl, "، ") || !strings.Contains(dl, "يوليو/تموز") {
			t.Errorf("%s: no dateline in %q", a.ID, lines[1])
		}
		if !utf8.ValidString(a.Text) || strings.Contains(a.Text, "\r") {
			t.Errorf("%s: bad text", a.ID)
		}
	}
}

// TestWireCopy checks that the sample holds a near duplicate: a wire copy
// sharing most of its word shingles with another article.
func TestWireCopy(t *testing.T) {
	shingles := func(s string) map[string]bool {
		w := strings.Fields(s)
		m := map[string]bool{}
		for i := 0; i+3 <= len(w); i++ {
			m[strings.Join(w[i:i+3], " ")] = true
		}
		return m
	}
	as := Articles()
	best := 0.0
	for i := range as {
		for j := i + 1; j < len(as); j++ {
			a, b := shingles(as[i].Text), shingles(as[j].Text)
			inter := 0
			for s := range a {
				if b[s] {
					inter++
				}
			}
			if jac := float64(inter) / float64(len(a)+len(b)-inter); jac > best {
				best = jac
			}
			if as[i].Text == as[j].Text {
				t.Errorf("%s and %s are identical", as[i].ID, as[j].ID)
			}
		}
	}
	if best < 0.2 {
		t.Errorf("no near duplicate: best 3-shingle Jaccard %.2f", best)
	}
}
