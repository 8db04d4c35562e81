package extract

import "github.com/marsad/marsad/extract/entity"

// NewWithTagger returns an Extractor that finds entities with t instead of
// the embedded model: a freshly trained tagger can then be scored on the
// whole pipeline (its rules, the names added from the prose and the
// organizations that speak in quotes), as the held-out scorer sees it.
func NewWithTagger(t *entity.Tagger) *Extractor {
	return &Extractor{tagger: t}
}
