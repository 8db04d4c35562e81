package extract

import (
	"cmp"
	"slices"
	"strings"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/extract/entity"
)

// DevArticle, DevToken and DevArticles are entity's: the tagger's own
// evaluation joins its sentences the same way.
type (
	DevArticle = entity.DevArticle
	DevToken   = entity.DevToken
)

// DevArticles is entity.DevArticles.
func DevArticles(sents []entity.Sentence, perArticle int) []DevArticle {
	return entity.DevArticles(sents, perArticle)
}

// DevSpan is an entity span over the tokens First to Last (inclusive) of a
// DevArticle.
type DevSpan struct {
	First, Last int
	Type        string
}

// GoldSpans returns the gold entity spans of toks, read as the scorer does: a span
// starts at B-PER, B-ORG or B-LOC (B-PERS too) and takes the I- tags of the
// same type that follow it; an I- tag that continues nothing is ignored.
func GoldSpans(toks []DevToken) []DevSpan {
	var out []DevSpan
	cur := -1
	for i := 0; i <= len(toks); i++ {
		tag := "O"
		if i < len(toks) {
			tag = toks[i].Tag
		}
		prefix, typ := "", ""
		if len(tag) > 2 {
			prefix, typ = tag[:2], devType(tag[2:])
		}
		if cur >= 0 && !(prefix == "I-" && typ == out[cur].Type) {
			cur = -1
		}
		switch {
		case prefix == "B-" && typ != "":
			out = append(out, DevSpan{i, i, typ})
			cur = len(out) - 1
		case prefix == "I-" && cur >= 0:
			out[cur].Last = i
		}
	}
	return out
}

// devType maps a data tag's type to the scored entity types; "" for others.
func devType(t string) string {
	switch t {
	case "PER", "PERS":
		return article.PER
	case "ORG", "LOC":
		return t
	}
	return ""
}

// ScoreDev scores the entities found in each article (ents[i] for arts[i])
// with the rules of the ANERcorp scorer (../shared/eval/score_facts.py aner):
// every mention of every entity is a predicted span, snapped to the token
// that contains its start and the token that contains its end (a mention
// that starts or ends outside every token is dropped); the distinct
// (first token, last token, type) triples of an article are its
// predictions, and one is right when it equals a gold span. Keys are "PER",
// "ORG", "LOC" and "ALL" (all types, an entity of another type included).
func ScoreDev(arts []DevArticle, ents [][]article.Entity) map[string]entity.Score {
	res := map[string]entity.Score{}
	bump := func(typ string, f func(*entity.Score)) {
		for _, k := range []string{typ, "ALL"} {
			if k == "" {
				continue
			}
			s := res[k]
			f(&s)
			res[k] = s
		}
	}
	for i, a := range arts {
		gold := map[DevSpan]bool{}
		for _, g := range GoldSpans(a.Tokens) {
			if !gold[g] {
				gold[g] = true
				bump(g.Type, func(s *entity.Score) { s.Gold++ })
			}
		}
		if i >= len(ents) {
			continue
		}
		for _, p := range PredictedSpans(a, ents[i]) {
			typ := p.Type
			if typ != article.PER && typ != article.ORG && typ != article.LOC {
				typ = "" // counted in ALL only, as the scorer does
			}
			bump(typ, func(s *entity.Score) {
				s.Predicted++
				if gold[p] {
					s.Correct++
				}
			})
		}
	}
	return res
}

// PredictedSpans returns the distinct spans the mentions of ents cover in
// a, each mention snapped (the scorer reads every mention's offsets as
// offsets into the text) to the tokens that contain its start and its end
// (see ScoreDev), in the order of the text.
func PredictedSpans(a DevArticle, ents []article.Entity) []DevSpan {
	seen := map[DevSpan]bool{}
	var out []DevSpan
	for _, e := range ents {
		for _, m := range e.Mentions {
			first, last := tokenOf(a.Tokens, m.Start, false), tokenOf(a.Tokens, m.End, true)
			sp := DevSpan{first, last, e.Type}
			if first < 0 || last < 0 || seen[sp] {
				continue
			}
			seen[sp] = true
			out = append(out, sp)
		}
	}
	slices.SortFunc(out, func(x, y DevSpan) int {
		return cmp.Or(cmp.Compare(x.First, y.First), cmp.Compare(x.Last, y.Last), strings.Compare(x.Type, y.Type))
	})
	return out
}

// tokenOf returns the index of the token that contains offset off: with
// end false the one with Start <= off < End, with end true (off is the end
// of a span) the one with Start < off <= End; -1 when none does.
func tokenOf(toks []DevToken, off int, end bool) int {
	i, _ := slices.BinarySearchFunc(toks, off, func(t DevToken, off int) int {
		if (!end && t.End <= off) || (end && t.End < off) {
			return -1
		}
		return 1
	})
	if i == len(toks) {
		return -1
	}
	if t := toks[i]; (!end && t.Start <= off && off < t.End) || (end && t.Start < off && off <= t.End) {
		return i
	}
	return -1
}
