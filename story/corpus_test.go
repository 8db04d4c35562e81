package story

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/extract/entity"
	"github.com/marsad/marsad/ingest"
)

// corpusDir is the SaudiNewsNet corpus, shared outside the repository.
const corpusDir = "../../shared/data/saudinewsnet"

// rawArticle is one article of the SaudiNewsNet dumps.
type rawArticle struct {
	Source        string `json:"source"`
	URL           string `json:"url"`
	DateExtracted string `json:"date_extracted"`
	Title         string `json:"title"`
	Content       string `json:"content"`
}

// loadDays reads the given days (YYYY-MM-DD) of the corpus, or all days when
// days is empty, in order of extraction time. It skips the test when the
// corpus is absent.
func loadDays(tb testing.TB, days ...string) []rawArticle {
	tb.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		tb.Skipf("corpus not available (%s): %v", corpusDir, err)
	}
	if len(days) == 0 {
		files, err := filepath.Glob(filepath.Join(corpusDir, "*.zip"))
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range files {
			days = append(days, strings.TrimSuffix(filepath.Base(f), ".zip"))
		}
		sort.Strings(days)
	}
	// ingest.Read refuses a record without text, and some of the corpus
	// have no content: a first pass reads every record with its url as the
	// text (for the other fields), a second one the contents.
	read := func(path string, opts ingest.Options, each func(ingest.Item)) {
		for it := range ingest.Read(context.Background(), path, opts) {
			each(it)
		}
	}
	var out []rawArticle
	for _, day := range days {
		path := filepath.Join(corpusDir, day+".zip")
		first := len(out)
		at := map[string]int{} // origin → index in out
		read(path, ingest.Options{TextField: "url", DateField: "date_extracted"}, func(it ingest.Item) {
			if it.Err != nil {
				tb.Fatalf("read %s: %v", path, it.Err)
			}
			a := it.Article
			at[it.Origin] = len(out)
			r := rawArticle{Source: a.Source, URL: a.URL, Title: a.Title}
			if !a.Published.IsZero() {
				r.DateExtracted = a.Published.Format(time.DateTime)
			}
			out = append(out, r)
		})
		if len(out) == first {
			tb.Fatalf("read %s: no articles", path)
		}
		read(path, ingest.Options{TextField: "content"}, func(it ingest.Item) {
			switch i, ok := at[it.Origin]; {
			case errors.Is(it.Err, ingest.ErrNoText):
			case it.Err != nil:
				tb.Fatalf("read %s: %v", path, it.Err)
			case !ok:
				tb.Fatalf("read %s: %s has content but no url", path, it.Origin)
			default:
				out[i].Content = it.Article.Text
			}
		})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].DateExtracted < out[j].DateExtracted })
	return out
}

func (a rawArticle) published() time.Time {
	t, err := time.Parse("2006-01-02 15:04:05", a.DateExtracted)
	if err != nil {
		return time.Time{}
	}
	return t
}

// analyzer turns text into terms; tests use testTerms.
type analyzer func(string) []string

// toDoc converts an article with the given analyzer.
func (a rawArticle) toDoc(terms analyzer) Doc {
	return Doc{
		ID:         a.URL,
		Published:  a.published(),
		Source:     a.Source,
		Title:      a.Title,
		Terms:      terms(a.Title + "\n" + a.Content),
		TitleTerms: terms(a.Title),
	}
}

// idSHA1 is the id hash used by the story gold files.
func idSHA1(id string) string {
	h := sha1.Sum([]byte(id))
	return hex.EncodeToString(h[:])[:16]
}

// withEntities fills the Entities of docs with the names the project's
// entity tagger finds in title and text, as ingest would.
func withEntities(tb testing.TB, arts []rawArticle, docs []Doc) {
	tb.Helper()
	tagger, err := entity.Default()
	if err != nil {
		tb.Fatalf("entity model: %v", err)
	}
	for i, a := range arts {
		text := a.Title + "\n" + a.Content
		toks := arabic.Tokenize(text)
		words := make([]entity.Token, len(toks))
		for j, t := range toks {
			words[j] = entity.Token{Text: t.Text, Start: t.Start, End: t.End}
		}
		for _, e := range tagger.Entities(text, words) {
			docs[i].Entities = append(docs[i].Entities, e.Text)
		}
	}
}

// testTerms is the project's analyzer, as ingest uses it.
func testTerms() analyzer {
	return arabic.New(arabic.DefaultOptions()).Terms
}

// storiesJSON writes stories in the `marsad stories --json` shape.
func storiesJSON(w io.Writer, stories []Story) error {
	type js struct {
		ID       string   `json:"id"`
		Title    string   `json:"title"`
		Articles []string `json:"articles"`
		First    string   `json:"first"`
		Last     string   `json:"last"`
		Thread   string   `json:"thread"`
	}
	out := struct {
		Stories []js `json:"stories"`
	}{}
	for _, s := range stories {
		out.Stories = append(out.Stories, js{s.ID, s.Title, s.Articles, s.First.Format(time.DateOnly), s.Last.Format(time.DateOnly), s.Thread})
	}
	enc := json.NewEncoder(w)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("encode stories: %w", err)
	}
	return nil
}
