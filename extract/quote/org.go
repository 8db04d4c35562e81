package quote

// Organizations named as the subject of a reporting verb that the entity
// tagger did not find: قالت وزارة الخارجية الروسية إن ...

import (
	"slices"
	"strings"

	"github.com/marsad/marsad/article"
)

// maxOrgWords is the most words after the head noun of an organization's
// name (وزارة الخارجية الروسية، منظمة الصحة العالمية).
const maxOrgWords = 4

// orgSubject reads the name of an organization at token j, the subject of
// a reporting verb: a noun for a kind of organization (وزارة، هيئة، منظمة)
// followed by one to four words with the article, none of them a name
// found by the tagger, a time word or a clause word. It returns the entity
// of that name, added to the entities when none has it, and the name's last
// token.
func (f *finder) orgSubject(j int) (int, int, bool) {
	if !orgHeads[f.toks[j].norm] || f.startAt[j] >= 0 {
		return -1, 0, false
	}
	ws := []string{f.toks[j].norm}
	end := j
	for k := j + 1; k < len(f.toks) && len(ws) <= maxOrgWords; k++ {
		t := f.toks[k]
		if t.kind != kWord || !strings.HasPrefix(t.norm, "ال") || f.startAt[k] >= 0 ||
			timeWords[t.norm] || notTitle[t.norm] || f.isTrigger(k) || f.startsComplement(k) {
			break
		}
		ws = append(ws, t.norm)
		end = k
	}
	if len(ws) < 2 || len(ws) > maxOrgWords+1 || honorifics[ws[len(ws)-1]] {
		return -1, 0, false
	}
	if end+1 < len(f.toks) {
		// A name of the tagger's right after (وزارة الخارجية الروسية سيرغي) or
		// a word without the article that continues the name (وزارة الشؤون
		// الإسلامية والأوقاف) leaves the extent unclear.
		if nt := f.toks[end+1]; nt.kind == kWord && (f.startAt[end+1] >= 0 || strings.HasPrefix(nt.norm, "وال")) {
			return -1, 0, false
		}
	}
	e := f.orgEntity(ws, j, end)
	return e, end, e >= 0
}

// orgEntity returns the organization named ws on tokens t0..t1: a given
// ORG entity of that name, an organization found before whose name starts
// with ws or is the start of ws, or a new entity.
func (f *finder) orgEntity(ws []string, t0, t1 int) int {
	span := article.Span{Start: int(f.toks[t0].s), End: int(f.toks[t1].e), In: f.in}
	for e := range f.ents {
		if f.ents[e].Type != article.ORG {
			continue
		}
		if e < f.given {
			if slices.Equal(f.words[e], ws) {
				return e
			}
			continue
		}
		if n := min(len(ws), len(f.words[e])); slices.Equal(ws[:n], f.words[e][:n]) {
			f.ents[e].Mentions = append(f.ents[e].Mentions, span)
			return e
		}
	}
	f.ents = append(f.ents, article.Entity{
		Text:     f.text[f.toks[t0].bs:f.toks[t1].be],
		Type:     article.ORG,
		Mentions: []article.Span{span},
	})
	f.speaks = append(f.speaks, true)
	f.words = append(f.words, ws)
	f.gender = append(f.gender, nameGender(article.ORG, ws, false))
	return len(f.ents) - 1
}

// found returns the organizations orgSubject added to the entities.
func (f *finder) found() []article.Entity {
	if len(f.ents) == f.given {
		return nil
	}
	return slices.Clone(f.ents[f.given:])
}
