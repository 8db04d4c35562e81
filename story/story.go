// Package story groups news articles the way an editor would, incrementally
// as they arrive, at three levels:
//
//   - near-duplicates: wire copies of one text, found with MinHash signatures
//     over word shingles and LSH banding;
//   - stories: articles about the same happening within days, found by
//     single-pass online clustering (Miranda et al., EMNLP 2018): TF-IDF
//     vectors of terms and entities with document frequencies maintained
//     incrementally, cosine similarity to cluster centroids, damped by a
//     Gaussian on the distance in days, join the best cluster or start one;
//   - threads: stories on one long-running subject linked across any span of
//     time when they share several entities and much of their vocabulary.
//
// A Clusterer is in memory; Save and Load persist its whole state so that an
// ingest process can stop and continue where it left off. The cost of Add
// does not grow with the size of the corpus: candidates come from an inverted
// index over the top features of recently active stories, and near-duplicate
// buckets only hold articles of the last few days.
package story

import "time"

// Doc is one article as the clusterer sees it.
type Doc struct {
	ID        string    // article id, unique; adding an id twice changes nothing
	Published time.Time // publication time; the zero time is treated as "now"
	Source    string
	Title     string
	// Terms are the stemmed non-stopword terms of title and text, in order.
	Terms []string
	// TitleTerms are the terms of the title alone (optional); they get
	// Config.TitleWeight extra weight in the story vector.
	TitleTerms []string
	// Entities are canonical entity names (may be empty).
	Entities []string
	// Firsts (optional) holds, for each term of Terms, the position in
	// Terms of the first term equal to it, with which Printer.PrintDoc
	// counts the distinct terms without looking them up again when
	// TitleTerms is a prefix of Terms (as when both come from one
	// analysis of title and text). It is ignored when of another length.
	Firsts []int32
	// StemIDs (optional) holds, for each term of Terms, a number of the
	// term (arabic.Token.StemID), or 0 when it has none: equal terms have
	// equal numbers and different terms different ones, in all the Docs of
	// one Clusterer in this process, so that Add finds a numbered term's
	// feature by its number rather than by hashing it. Printer.PrintDoc
	// passes them on to Add in the Print; it ignores them when of another
	// length.
	StemIDs []uint32
	// Print is the signatures of Terms (optional), computed ahead by a
	// Printer of the Clusterer's Config. Add computes them when it is nil
	// or was computed with other settings. One of Printer.PrintDoc holds
	// the Doc's distinct terms too: it must be that of this Doc.
	Print *Print
}

// Assignment is where Add put a document.
type Assignment struct {
	DuplicateOf string `json:"duplicate_of,omitempty"` // id of the article this one copies, or ""
	Story       string `json:"story"`                  // story id
	Thread      string `json:"thread"`                 // thread id (the id of the thread's first story)
}

// Story is one group of articles about the same event.
type Story struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"` // the most representative headline
	Articles    []string  `json:"articles"`
	First       time.Time `json:"first"`
	Last        time.Time `json:"last"`
	Sources     []string  `json:"sources,omitempty"`
	TopEntities []string  `json:"top_entities,omitempty"`
	TopTerms    []string  `json:"top_terms,omitempty"`
	Thread      string    `json:"thread"`
}

// Config tunes a Clusterer. Start from DefaultConfig (the zero Config means
// the defaults); a setting that makes no sense (a count or duration that is
// not positive, a threshold outside [0, 1]) is replaced by its default.
type Config struct {
	// Near-duplicates.
	Shingle       int           // words per shingle
	DupThreshold  float64       // estimated Jaccard of whole texts to call a copy
	LeadTerms     int           // terms in the lead signature
	LeadThreshold float64       // estimated Jaccard of leads to call a copy
	DupWindow     time.Duration // how long an article stays a duplicate candidate

	// Stories.
	MaxDocFeatures  int           // features kept per document vector
	MaxCentroidFeat int           // features kept per story centroid
	IndexFeatures   int           // centroid features a story is indexed under
	QueryFeatures   int           // document features used to find candidates
	MaxCandidates   int           // candidate stories scored per article
	EntityWeight    float64       // weight of an entity relative to a term
	TitleWeight     float64       // extra count of title terms
	Threshold       float64       // join a story when decayed cosine ≥ Threshold
	IDFPower        float64       // exponent of the IDF factor (0 or 1: plain TF-IDF)
	Sigma           time.Duration // standard deviation of the Gaussian time decay
	ActiveWindow    time.Duration // stories idle longer than this take no articles
	MaxPostings     int           // cap on an inverted-index posting list

	// Threads.
	// A story is linked to an earlier one when they share ThreadMinEntities
	// of their ThreadTopEntities heaviest entities (key terms for stories
	// whose articles came without entities), the entity parts of their
	// centroids have cosine ≥ ThreadEntitySim and the term parts ≥ ThreadTermSim.
	ThreadMinEntities int
	ThreadEntitySim   float64
	ThreadTermSim     float64
	ThreadTopEntities int
	ThreadPostings    int // cap on threads per entity pair in the thread index
}

// DefaultConfig returns the configuration tuned on the development set.
func DefaultConfig() Config {
	return Config{
		Shingle:       3,
		DupThreshold:  0.6,
		LeadTerms:     40,
		LeadThreshold: 0.8,
		DupWindow:     7 * 24 * time.Hour,

		MaxDocFeatures:  100,
		MaxCentroidFeat: 200,
		IndexFeatures:   15,
		QueryFeatures:   15,
		MaxCandidates:   60,
		EntityWeight:    1,
		TitleWeight:     2,
		Threshold:       0.5,
		IDFPower:        1.5,
		Sigma:           3 * 24 * time.Hour,
		ActiveWindow:    9 * 24 * time.Hour,
		MaxPostings:     1000,

		ThreadMinEntities: 2,
		ThreadEntitySim:   0.3,
		ThreadTermSim:     0.3,
		ThreadTopEntities: 6,
		ThreadPostings:    500,
	}
}

// sanitized returns cfg with every setting that would make no sense (a
// count or duration that is not positive, a threshold outside [0, 1])
// replaced by its default, so that neither a hand-made Config nor a
// corrupt saved state can make the clusterer misbehave.
func (cfg Config) sanitized() Config {
	d := DefaultConfig()
	if cfg == (Config{}) {
		return d
	}
	pos := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	dur := func(v *time.Duration, def time.Duration) {
		if *v <= 0 {
			*v = def
		}
	}
	unit := func(v *float64, def float64) {
		if !(*v >= 0 && *v <= 1) {
			*v = def
		}
	}
	nonneg := func(v *float64, def float64) {
		if !(*v >= 0 && *v < 1e6) {
			*v = def
		}
	}
	pos(&cfg.Shingle, d.Shingle)
	unit(&cfg.DupThreshold, d.DupThreshold)
	pos(&cfg.LeadTerms, d.LeadTerms)
	unit(&cfg.LeadThreshold, d.LeadThreshold)
	dur(&cfg.DupWindow, d.DupWindow)
	pos(&cfg.MaxDocFeatures, d.MaxDocFeatures)
	pos(&cfg.MaxCentroidFeat, d.MaxCentroidFeat)
	pos(&cfg.IndexFeatures, d.IndexFeatures)
	pos(&cfg.QueryFeatures, d.QueryFeatures)
	pos(&cfg.MaxCandidates, d.MaxCandidates)
	nonneg(&cfg.EntityWeight, d.EntityWeight)
	nonneg(&cfg.TitleWeight, d.TitleWeight)
	unit(&cfg.Threshold, d.Threshold)
	nonneg(&cfg.IDFPower, d.IDFPower)
	dur(&cfg.Sigma, d.Sigma)
	dur(&cfg.ActiveWindow, d.ActiveWindow)
	pos(&cfg.MaxPostings, d.MaxPostings)
	pos(&cfg.ThreadMinEntities, d.ThreadMinEntities)
	unit(&cfg.ThreadEntitySim, d.ThreadEntitySim)
	unit(&cfg.ThreadTermSim, d.ThreadTermSim)
	pos(&cfg.ThreadTopEntities, d.ThreadTopEntities)
	pos(&cfg.ThreadPostings, d.ThreadPostings)
	return cfg
}
