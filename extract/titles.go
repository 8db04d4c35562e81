package extract

import (
	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/extract/quote"
)

// attachTitles adds the titles quote.Analyze found to the titles of the
// persons they stand for (المتحدث باسم الكرملين is a title of دميتري
// بيسكوف), in text order and without repeats. Mentions and canonical names
// do not change: a title names no one.
func attachTitles(es []article.Entity, ts []quote.Title) {
	if len(ts) == 0 {
		return
	}
	touched := make(map[int]bool, len(ts))
	for _, t := range ts {
		if t.Entity < 0 || t.Entity >= len(es) {
			continue
		}
		es[t.Entity].Titles = append(es[t.Entity].Titles, t.Span)
		touched[t.Entity] = true
	}
	for e := range touched {
		es[e].Titles = sortMentions(es[e].Titles)
	}
}
