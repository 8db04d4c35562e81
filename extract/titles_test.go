package extract

import (
	"slices"
	"testing"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/extract/quote"
)

func TestAttachTitles(t *testing.T) {
	sp := func(s, e int) article.Span { return article.Span{Start: s, End: e} }
	es := []article.Entity{
		{Text: "دميتري بيسكوف", Type: article.PER, Mentions: []article.Span{sp(10, 23), sp(90, 96)}},
		{Text: "الكرملين", Type: article.ORG, Mentions: []article.Span{sp(40, 48)}},
	}
	attachTitles(es, []quote.Title{
		{Entity: 0, Span: sp(25, 48)},
		{Entity: 0, Span: sp(60, 82)},
		{Entity: 0, Span: sp(25, 48)}, // a repeat
		{Entity: 5, Span: sp(1, 2)},   // out of range: ignored
		{Entity: 0, Span: article.Span{Start: 0, End: 5, In: article.InTitle}},
	})
	want := []article.Span{{Start: 0, End: 5, In: article.InTitle}, sp(25, 48), sp(60, 82)}
	if !slices.Equal(es[0].Titles, want) {
		t.Errorf("titles = %v, want %v", es[0].Titles, want)
	}
	if !slices.Equal(es[0].Mentions, []article.Span{sp(10, 23), sp(90, 96)}) {
		t.Errorf("mentions changed: %v", es[0].Mentions)
	}
	if len(es[1].Mentions) != 1 || es[1].Titles != nil || es[0].Text != "دميتري بيسكوف" {
		t.Errorf("other entity or canonical name changed: %+v", es)
	}
}
