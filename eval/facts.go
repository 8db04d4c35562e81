// Package eval scores Marsad's output against gold annotations: the facts of
// articles (times, entities, quotes) in the shape of the seeds' gold file,
// with the same rules as the shared scorer score_facts.py, so that figures
// measured in Go and in Python agree.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// GoldDoc is one line of a gold file in the seeds' shape.
type GoldDoc struct {
	Doc            string  `json:"doc"`
	Published      *string `json:"published"`
	PublishedGiven string  `json:"published_given"` // the reference date given as input when Published is null
	Times          []struct {
		Text  string `json:"text"`
		Value string `json:"value"`
	} `json:"times"`
	Entities []Entity `json:"entities"`
	Quotes   []struct {
		Speaker string `json:"speaker"`
		Cue     string `json:"cue"`
	} `json:"quotes"`
	has map[string]bool
}

// Entity is an entity's canonical name and type, as gold and predictions give it.
type Entity struct {
	Text string `json:"text"`
	Type string `json:"type"`
}

// Time is a predicted temporal expression's resolved value.
type Time struct {
	Value string `json:"value"`
}

// Quote is a predicted quote's speaker and text.
type Quote struct {
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
}

// PredDoc is one line of `marsad extract --json` output, as far as scoring goes.
type PredDoc struct {
	ID       string   `json:"id"`
	Times    []Time   `json:"times"`
	Entities []Entity `json:"entities"`
	Quotes   []Quote  `json:"quotes"`
}

// PRF is precision, recall and F1 with the counts behind them.
type PRF struct {
	P, R, F1                 float64
	Correct, Predicted, Gold int
}

func (s PRF) String() string {
	return fmt.Sprintf("P=%.2f R=%.2f F1=%.2f (correct %d, predicted %d, gold %d)", s.P, s.R, s.F1, s.Correct, s.Predicted, s.Gold)
}

func prf(tp, np, ng int) PRF {
	s := PRF{Correct: tp, Predicted: np, Gold: ng}
	if np > 0 {
		s.P = float64(tp) / float64(np)
	}
	if ng > 0 {
		s.R = float64(tp) / float64(ng)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// FactScores holds the scores of the fact types the gold file annotates.
type FactScores map[string]PRF

// ReadGold reads a gold file in the seeds' shape.
func ReadGold(r io.Reader) ([]GoldDoc, error) {
	var docs []GoldDoc
	err := readLines(r, func(line []byte, n int) error {
		var d GoldDoc
		if err := json.Unmarshal(line, &d); err != nil {
			return fmt.Errorf("gold line %d: %w", n, err)
		}
		var keys map[string]json.RawMessage
		_ = json.Unmarshal(line, &keys)
		d.has = map[string]bool{}
		for k := range keys {
			d.has[k] = true
		}
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// ReadPred reads `marsad extract --json` output, keyed by article id.
func ReadPred(r io.Reader) (map[string]PredDoc, error) {
	out := map[string]PredDoc{}
	err := readLines(r, func(line []byte, n int) error {
		var d PredDoc
		if err := json.Unmarshal(line, &d); err != nil {
			return fmt.Errorf("prediction line %d: %w", n, err)
		}
		out[d.ID] = d
		return nil
	})
	return out, err
}

func readLines(r io.Reader, f func([]byte, int) error) error {
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(strings.TrimSpace(string(line))) > 0 {
			if ferr := f(line, n); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

var diacritics = regexp.MustCompile("[\u064B-\u0652\u0670\u0640]")
var letterFold = strings.NewReplacer("أ", "ا", "إ", "ا", "آ", "ا", "ٱ", "ا", "ى", "ي", "ة", "ه")

// normText is the scorer's normalization: NFKC, no diacritics or tatweel,
// letter variants folded, spaces collapsed.
func normText(s string) string {
	s = diacritics.ReplaceAllString(norm.NFKC.String(s), "")
	return strings.Join(strings.Fields(letterFold.Replace(s)), " ")
}

var cliticArticle = regexp.MustCompile(`^(و|ف|ب|ل|ك)?(ال|لل)`)

// entityKey compares entity names as the scorer does: normalized, with a
// clitic before the article removed.
func entityKey(s string) string {
	return cliticArticle.ReplaceAllString(normText(s), "ال")
}

func sameSpeaker(g, p string) bool {
	g, p = entityKey(g), entityKey(p)
	return g != "" && p != "" && (strings.Contains(p, g) || strings.Contains(g, p))
}

var vague = map[string]bool{"PRESENT_REF": true, "FUTURE_REF": true, "PAST_REF": true}

// Facts scores predictions against gold: times by resolved value (a
// multiset), entities by canonical name and type, quotes by speaker and a
// gold cue contained in the quote's text.
func Facts(gold []GoldDoc, pred map[string]PredDoc) FactScores {
	var tt, et, qt [3]int
	qFound := 0
	has := map[string]bool{}
	for _, g := range gold {
		p := pred[g.Doc]
		if g.has["times"] {
			has["times"] = true
			gv, pv := map[string]int{}, map[string]int{}
			for _, t := range g.Times {
				gv[t.Value]++
			}
			for _, t := range p.Times {
				if !vague[t.Value] {
					pv[t.Value]++
				}
			}
			for v, n := range gv {
				tt[0] += min(n, pv[v])
				tt[2] += n
			}
			for _, n := range pv {
				tt[1] += n
			}
		}
		if g.has["entities"] {
			has["entities"] = true
			ge, pe := map[[2]string]bool{}, map[[2]string]bool{}
			for _, e := range g.Entities {
				ge[[2]string{entityKey(e.Text), e.Type}] = true
			}
			for _, e := range p.Entities {
				pe[[2]string{entityKey(e.Text), e.Type}] = true
			}
			for k := range pe {
				if ge[k] {
					et[0]++
				}
			}
			et[1] += len(pe)
			et[2] += len(ge)
		}
		if g.has["quotes"] {
			has["quotes"] = true
			hit := func(speaker, cue, pSpeaker, pText string) bool {
				return sameSpeaker(speaker, pSpeaker) && strings.Contains(normText(pText), normText(cue))
			}
			for _, q := range p.Quotes {
				for _, gq := range g.Quotes {
					if hit(gq.Speaker, gq.Cue, q.Speaker, q.Text) {
						qt[0]++
						break
					}
				}
			}
			for _, gq := range g.Quotes {
				for _, q := range p.Quotes {
					if hit(gq.Speaker, gq.Cue, q.Speaker, q.Text) {
						qFound++
						break
					}
				}
			}
			qt[1] += len(p.Quotes)
			qt[2] += len(g.Quotes)
		}
	}
	s := FactScores{}
	if has["times"] {
		s["times"] = prf(tt[0], tt[1], tt[2])
	}
	if has["entities"] {
		s["entities"] = prf(et[0], et[1], et[2])
	}
	if has["quotes"] {
		q := prf(qt[0], qt[1], qt[2])
		r := prf(qFound, qt[1], qt[2]) // recall counts gold quotes found
		q.R, q.F1 = r.R, 0
		if q.P+q.R > 0 {
			q.F1 = 2 * q.P * q.R / (q.P + q.R)
		}
		s["quotes"] = q
	}
	return s
}
