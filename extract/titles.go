package extract

import (
	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/extract/quote"
)

// attachTitles adds the title mentions quote.Analyze found to the mentions
// of the persons they name (المتحدث باسم الكرملين becomes a mention of
// دميتري بيسكوف), keeping each entity's mentions in text order and without
// repeats. The entities' canonical names do not change.
func attachTitles(es []article.Entity, ts []quote.Title) {
	if len(ts) == 0 {
		return
	}
	touched := make(map[int]bool, len(ts))
	for _, t := range ts {
		if t.Entity < 0 || t.Entity >= len(es) {
			continue
		}
		es[t.Entity].Mentions = append(es[t.Entity].Mentions, t.Span)
		touched[t.Entity] = true
	}
	for e := range touched {
		es[e].Mentions = sortMentions(es[e].Mentions)
	}
}
