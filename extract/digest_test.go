package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"testing"

	"github.com/marsad/marsad/article"
)

// TestFactsDigest extracts the facts of every SaudiNewsNet article and
// hashes them (with each article's publication date, which Extract may set),
// to show that a change meant to make extraction faster changes none of its
// output. It runs only when MARSAD_FACTS_DIGEST is set: to "log" to log the
// digest, or to a digest logged before, which it must equal:
//
//	MARSAD_FACTS_DIGEST=log go test -run FactsDigest -v ./extract
//	MARSAD_FACTS_DIGEST=<digest> go test -run FactsDigest ./extract
func TestFactsDigest(t *testing.T) {
	want := os.Getenv("MARSAD_FACTS_DIGEST")
	if want == "" {
		t.Skip("set MARSAD_FACTS_DIGEST=log (or to a digest to compare) to hash the facts of SaudiNewsNet")
	}
	articles := corpus(t, context.Background())
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	n := 0
	for a := range articles {
		f := x.Extract(&a, nil)
		b, err := json.Marshal(struct {
			ID        string
			Published string
			Facts     article.Facts
		}{a.ID, a.Published.Format(article.DateLayout), f})
		if err != nil {
			t.Fatal(err)
		}
		h.Write(b)
		h.Write([]byte{'\n'})
		n++
	}
	got := hex.EncodeToString(h.Sum(nil))
	t.Logf("%d articles, digest %s", n, got)
	if want != "log" && got != want {
		t.Errorf("digest of the facts of %d articles = %s, want %s", n, got, want)
	}
}
