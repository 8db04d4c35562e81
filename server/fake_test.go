package server

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
)

// fakeBackend is an in-memory Backend over a few articles we wrote for the
// tests. Its search is deliberately naive (diacritics dropped, a leading
// ال ignored, substring match): the server, not search quality, is under
// test.
type fakeBackend struct {
	mu       sync.Mutex
	docs     []fakeDoc
	stories  []fakeStory
	delay    time.Duration // Search waits this long (or until ctx ends)
	err      error         // returned by every method when set
	lastQ    SearchQuery
	lastF    StoryFilter
	ingested []string // ids added by Ingest
}

type fakeDoc struct {
	a     article.Article
	facts article.Facts
	dups  []string
	story string
}

type fakeStory struct {
	id, title, thread string
	articles          []string
}

// at returns the span of the nth (from 0) occurrence of sub in s, in runes.
// It panics when sub is not there: the fixtures are ours.
func at(s, sub string, nth int) article.Span {
	from := 0
	for {
		i := strings.Index(s[from:], sub)
		if i < 0 {
			panic(fmt.Sprintf("fixture: %q not in text (occurrence %d)", sub, nth))
		}
		i += from
		if nth == 0 {
			start := utf8.RuneCountInString(s[:i])
			return article.Span{Start: start, End: start + utf8.RuneCountInString(sub)}
		}
		nth--
		from = i + len(sub)
	}
}

func inTitle(sp article.Span) article.Span {
	sp.In = article.InTitle
	return sp
}

func day(s string) time.Time {
	t, err := time.Parse(article.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// Fixture texts, written for these tests.
const (
	text2021 = "قال المتحدث باسم الكرملين دميتري بيسكوف يوم الجمعة إن عرض الرئيس فلاديمير بوتين لإجراء الحوار مع واشنطن ما زال قائماً.\n" +
		"وأضاف بيسكوف أن موسكو \"تأمل دائماً في الأفضل وتستعد للأسوأ\"، مشيراً إلى تصريحات أدلى بها بوتين أمس الخميس."
	title2021 = "الكرملين: عرض الحوار مع واشنطن ما زال قائماً"
	text2024  = "أكد دميترى بيسكوف اليوم الأربعاء أن الرئيس بوتين مستعد للحُوَار مع الولايات المتحدة، وأن الموقف الأمريكي قد يتغير في يناير المقبل.\n" +
		"وقال بيسكوف: \"العلاقات وصلت إلى أدنى مستوياتها\"."
	title2024 = "بيسكوف: بوتين مستعد للحوار مع الإدارة الأمريكية الجديدة"
	textRain  = "هطلت أمطار غزيرة على القاهرة صباح اليوم الخميس، وأعلنت المحافظة رفع درجة الاستعداد."
	textXSS   = "نص فيه <img src=x onerror=alert(1)> و<script>document.title=\"pwned\"</script> عن الحوار & غيره"
	titleXSS  = "<script>alert(\"t\")</script> عنوان"
)

func newFakeBackend() *fakeBackend {
	quote2021 := "تأمل دائماً في الأفضل وتستعد للأسوأ"
	facts2021 := article.Facts{
		Times: []article.Time{
			{Text: "يوم الجمعة", Value: "2021-03-19", Span: at(text2021, "يوم الجمعة", 0)},
			{Text: "أمس الخميس", Value: "2021-03-18", Span: at(text2021, "أمس الخميس", 0)},
		},
		Entities: []article.Entity{
			{Text: "دميتري بيسكوف", Type: article.PER, Mentions: []article.Span{at(text2021, "دميتري بيسكوف", 0), at(text2021, "بيسكوف", 1)}},
			{Text: "فلاديمير بوتين", Type: article.PER, Mentions: []article.Span{at(text2021, "فلاديمير بوتين", 0), at(text2021, "بوتين", 1)}},
			{Text: "الكرملين", Type: article.ORG, Mentions: []article.Span{at(text2021, "الكرملين", 0), inTitle(at(title2021, "الكرملين", 0))}},
			{Text: "واشنطن", Type: article.LOC, Mentions: []article.Span{at(text2021, "واشنطن", 0), inTitle(at(title2021, "واشنطن", 0))}},
			{Text: "موسكو", Type: article.LOC, Mentions: []article.Span{at(text2021, "موسكو", 0)}},
		},
		Quotes: []article.Quote{
			{Speaker: "دميتري بيسكوف", Verb: "قال", Text: "عرض الرئيس فلاديمير بوتين لإجراء الحوار مع واشنطن ما زال قائماً",
				Span: at(text2021, "عرض الرئيس فلاديمير بوتين لإجراء الحوار مع واشنطن ما زال قائماً", 0)},
			{Speaker: "دميتري بيسكوف", Verb: "أضاف", Text: quote2021, Direct: true, Span: at(text2021, quote2021, 0)},
		},
	}
	quote2024 := "العلاقات وصلت إلى أدنى مستوياتها"
	facts2024 := article.Facts{
		Times: []article.Time{
			{Text: "اليوم الأربعاء", Value: "2024-11-13", Span: at(text2024, "اليوم الأربعاء", 0)},
			{Text: "يناير المقبل", Value: "2025-01", Span: at(text2024, "يناير المقبل", 0)},
		},
		Entities: []article.Entity{
			{Text: "دميتري بيسكوف", Type: article.PER, Mentions: []article.Span{at(text2024, "دميترى بيسكوف", 0), at(text2024, "بيسكوف", 1), inTitle(at(title2024, "بيسكوف", 0))}},
			{Text: "فلاديمير بوتين", Type: article.PER, Mentions: []article.Span{at(text2024, "بوتين", 0)}},
			{Text: "الولايات المتحدة", Type: article.LOC, Mentions: []article.Span{at(text2024, "الولايات المتحدة", 0)}},
		},
		Quotes: []article.Quote{
			{Speaker: "دميتري بيسكوف", Verb: "قال", Text: quote2024, Direct: true, Span: at(text2024, quote2024, 0)},
		},
	}
	b := &fakeBackend{
		docs: []fakeDoc{
			{a: article.Article{ID: "krem-2021", URL: "https://news.example/krem-2021", Source: "وكالة المرصد", Title: title2021,
				Published: day("2021-03-19"), Text: text2021}, facts: facts2021, dups: []string{"krem-2021-copy"}, story: "s-2021"},
			{a: article.Article{ID: "krem-2021-copy", Source: "صحيفة الساحل", Title: title2021,
				Published: day("2021-03-19"), Text: text2021}, facts: facts2021, dups: []string{"krem-2021"}, story: "s-2021"},
			{a: article.Article{ID: "krem-2024", URL: "https://news.example/krem-2024", Source: "وكالة المرصد", Title: title2024,
				Published: day("2024-11-13"), Text: text2024}, facts: facts2024, story: "s-2024"},
			{a: article.Article{ID: "cairo-rain", Source: "صحيفة الساحل", Title: "أمطار غزيرة على القاهرة",
				Published: day("2024-11-14"), Text: textRain},
				facts: article.Facts{
					Entities: []article.Entity{{Text: "القاهرة", Type: article.LOC, Mentions: []article.Span{at(textRain, "القاهرة", 0)}}},
					Times:    []article.Time{{Text: "اليوم الخميس", Value: "2024-11-14", Span: at(textRain, "اليوم الخميس", 0)}},
				}},
			{a: article.Article{ID: "xss", Source: "<b>مصدر</b>", Title: titleXSS, URL: "javascript:alert(1)",
				Published: day("2024-11-15"), Text: textXSS},
				facts: article.Facts{
					Entities: []article.Entity{{Text: "<i>علم</i>", Type: article.ORG, Mentions: []article.Span{at(textXSS, "<script>", 0)}}},
					Quotes: []article.Quote{{Speaker: "<i>علم</i>", Verb: "\"قال\"", Text: "<img>",
						Span: at(textXSS, "<img src=x onerror=alert(1)>", 0)}},
				}},
		},
		stories: []fakeStory{
			{id: "s-2024", title: "بوتين مستعد للحوار مع الإدارة الأمريكية الجديدة", thread: "t-kremlin-washington", articles: []string{"krem-2024"}},
			{id: "s-2021", title: "الكرملين يبقي عرض الحوار قائماً", thread: "t-kremlin-washington", articles: []string{"krem-2021", "krem-2021-copy"}},
			{id: "s-rain", title: "أمطار القاهرة", articles: []string{"cairo-rain"}},
		},
	}
	return b
}

// fold drops Arabic diacritics and a leading ال, for the fake's matching.
func fold(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, s)
	return strings.TrimPrefix(s, "ال")
}

func (b *fakeBackend) doc(id string) (fakeDoc, bool) {
	for _, d := range b.docs {
		if d.a.ID == id {
			return d, true
		}
	}
	return fakeDoc{}, false
}

func hasEntity(d fakeDoc, name string) bool {
	for _, e := range d.facts.Entities {
		if e.Text == name {
			return true
		}
	}
	return false
}

func (b *fakeBackend) Search(ctx context.Context, q SearchQuery) (SearchResult, error) {
	b.mu.Lock()
	b.lastQ = q
	delay, err := b.delay, b.err
	b.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return SearchResult{}, ctx.Err()
		}
	}
	if err != nil {
		return SearchResult{}, err
	}
	if strings.Count(q.Q, `"`)%2 == 1 {
		return SearchResult{}, fmt.Errorf("%w: unbalanced quotation mark", ErrBadRequest)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	term := fold(q.Q)
	res := SearchResult{Facets: Facets{Sources: map[string]int{}, Days: map[string]int{}}}
	ents := map[string]*EntityCount{}
	var hits []Hit
	for _, d := range b.docs {
		text := fold(d.a.Title + " " + d.a.Text)
		n := strings.Count(text, term)
		if term != "" && n == 0 ||
			q.Source != "" && d.a.Source != q.Source ||
			q.Entity != "" && !hasEntity(d, q.Entity) ||
			q.From != "" && d.a.PublishedDate() < q.From ||
			q.To != "" && d.a.PublishedDate() > q.To {
			continue
		}
		snippet := html.EscapeString(fold(d.a.Text))
		if term != "" {
			e := html.EscapeString(term)
			snippet = strings.ReplaceAll(snippet, e, "<mark>"+e+"</mark>")
		}
		hits = append(hits, Hit{ID: d.a.ID, Score: float64(n), Published: Date(d.a.PublishedDate()),
			Source: d.a.Source, Title: d.a.Title, Snippet: snippet})
		res.Facets.Sources[d.a.Source]++
		res.Facets.Days[d.a.PublishedDate()]++
		for _, e := range d.facts.Entities {
			if ents[e.Text] == nil {
				ents[e.Text] = &EntityCount{Name: e.Text, Type: e.Type}
			}
			ents[e.Text].Count++
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		a, c := hits[i], hits[j]
		if q.Sort == SortDate && a.Published != c.Published {
			return a.Published > c.Published
		}
		if q.Sort != SortDate && a.Score != c.Score {
			return a.Score > c.Score
		}
		return a.ID < c.ID
	})
	res.Total = len(hits)
	from := min((q.Page-1)*q.Size, len(hits))
	res.Hits = hits[from:min(from+q.Size, len(hits))]
	res.Facets.Entities = sortedCounts(ents)
	return res, nil
}

func sortedCounts(m map[string]*EntityCount) []EntityCount {
	var out []EntityCount
	for _, e := range m {
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func (b *fakeBackend) Article(ctx context.Context, id string) (ArticleView, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return ArticleView{}, b.err
	}
	d, ok := b.doc(id)
	if !ok {
		return ArticleView{}, fmt.Errorf("article %q: %w", id, ErrNotFound)
	}
	v := ArticleView{Article: d.a, Facts: d.facts, Duplicates: d.dups}
	for _, s := range b.stories {
		if s.id == d.story {
			v.Story = &StoryRef{ID: s.id, Title: s.title, Thread: s.thread}
		}
	}
	return v, nil
}

func (b *fakeBackend) summary(s fakeStory) StorySummary {
	sum := StorySummary{ID: s.id, Title: s.title, Articles: s.articles, Thread: s.thread}
	for _, id := range s.articles {
		d, _ := b.doc(id)
		p := Date(d.a.PublishedDate())
		if sum.First == "" || p < sum.First {
			sum.First = p
		}
		if p > sum.Last {
			sum.Last = p
		}
	}
	return sum
}

func (b *fakeBackend) Stories(ctx context.Context, f StoryFilter) ([]StorySummary, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return nil, b.err
	}
	b.lastF = f
	var out []StorySummary
	for _, s := range b.stories {
		if f.Q != "" && !strings.Contains(fold(s.title), fold(f.Q)) {
			continue
		}
		sum := b.summary(s)
		if len(sum.Articles) < f.MinArticles || f.From != "" && string(sum.Last) < f.From || f.To != "" && string(sum.First) > f.To {
			continue
		}
		out = append(out, sum)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Last > out[j].Last })
	from := min((f.Page-1)*f.Size, len(out))
	return out[from:min(from+f.Size, len(out))], nil
}

func (b *fakeBackend) Story(ctx context.Context, id string) (StoryView, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, s := range b.stories {
		if s.id != id {
			continue
		}
		v := StoryView{StorySummary: b.summary(s)}
		for _, aid := range s.articles {
			d, _ := b.doc(aid)
			e := TimelineEntry{Date: Date(d.a.PublishedDate()), Source: d.a.Source, Headline: d.a.Title, Article: aid}
			for i, q := range d.facts.Quotes {
				if q.Direct {
					e.Quote = &d.facts.Quotes[i]
					break
				}
			}
			v.Timeline = append(v.Timeline, e)
		}
		if s.thread != "" {
			for _, o := range b.stories {
				if o.thread == s.thread && o.id != s.id {
					v.Thread = append(v.Thread, b.summary(o))
				}
			}
		}
		return v, nil
	}
	return StoryView{}, fmt.Errorf("story %q: %w", id, ErrNotFound)
}

func (b *fakeBackend) Entities(ctx context.Context, q string, limit int) ([]EntityCount, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	m := map[string]*EntityCount{}
	for _, d := range b.docs {
		for _, e := range d.facts.Entities {
			if !strings.Contains(e.Text, q) {
				continue
			}
			if m[e.Text] == nil {
				m[e.Text] = &EntityCount{Name: e.Text, Type: e.Type}
			}
			m[e.Text].Count++
		}
	}
	out := sortedCounts(m)
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// Entity returns quotes oldest first on purpose: the server must order
// them newest first.
func (b *fakeBackend) Entity(ctx context.Context, name string) (EntityView, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	v := EntityView{Name: name, Days: map[string]int{}}
	co := map[string]*EntityCount{}
	docs := append([]fakeDoc(nil), b.docs...)
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].a.Published.Before(docs[j].a.Published) })
	for _, d := range docs {
		if !hasEntity(d, name) || strings.HasSuffix(d.a.ID, "-copy") {
			continue
		}
		v.Articles++
		for _, e := range d.facts.Entities {
			if e.Text == name {
				v.Type = e.Type
				v.Days[d.a.PublishedDate()] += len(e.Mentions)
				continue
			}
			if co[e.Text] == nil {
				co[e.Text] = &EntityCount{Name: e.Text, Type: e.Type}
			}
			co[e.Text].Count++
		}
		for _, q := range d.facts.Quotes {
			if q.Speaker == name {
				v.Quotes = append(v.Quotes, EntityQuote{Quote: q, Article: d.a.ID,
					Published: Date(d.a.PublishedDate()), Source: d.a.Source, Title: d.a.Title})
			}
		}
	}
	if v.Articles == 0 {
		return EntityView{}, fmt.Errorf("entity %q: %w", name, ErrNotFound)
	}
	v.Cooccurring = sortedCounts(co)
	return v, nil
}

func (b *fakeBackend) Stats(ctx context.Context) (Stats, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return Stats{}, b.err
	}
	st := Stats{Articles: len(b.docs)}
	sources := map[string]bool{}
	for _, d := range b.docs {
		sources[d.a.Source] = true
		if strings.HasSuffix(d.a.ID, "-copy") {
			st.Duplicates++
		}
		p := Date(d.a.PublishedDate())
		if st.First == "" || p < st.First {
			st.First = p
		}
		if p > st.Last {
			st.Last = p
		}
	}
	st.Sources = len(sources)
	return st, nil
}

// Ingest accepts JSON Lines articles; a feed list is acknowledged with one
// result per URL.
func (b *fakeBackend) Ingest(ctx context.Context, body io.Reader, contentType string) ([]IngestResult, error) {
	var out []IngestResult
	if contentType == IngestJSON {
		var urls []string
		if err := json.NewDecoder(body).Decode(&urls); err != nil {
			return nil, fmt.Errorf("%w: feed list: %v", ErrBadRequest, err)
		}
		for _, u := range urls {
			out = append(out, IngestResult{ID: u, Status: IngestAdded})
		}
		return out, nil
	}
	sc := bufio.NewScanner(body)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var a struct{ ID, Title, Text, Source, Published string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%w: line %d: %v", ErrBadRequest, line, err)
		}
		b.mu.Lock()
		status := IngestAdded
		if _, ok := b.doc(a.ID); ok {
			status = IngestUnchanged
		} else {
			b.docs = append(b.docs, fakeDoc{a: article.Article{ID: a.ID, Title: a.Title, Text: a.Text, Source: a.Source}})
			b.ingested = append(b.ingested, a.ID)
		}
		b.mu.Unlock()
		out = append(out, IngestResult{ID: a.ID, Status: status})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	return out, nil
}
