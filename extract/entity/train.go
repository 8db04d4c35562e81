package entity

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
)

// TrainOptions configure Train.
type TrainOptions struct {
	Epochs int    // passes over the data; 0 means 10
	Seed   uint64 // seed of the shuffling
	// Gazetteers maps "PER", "ORG" and "LOC" to lists of names.
	Gazetteers map[string][]string
	// Stats, when set, are word statistics from unlabelled text.
	Stats *WordStats
	// Stages is 2 for a two-stage tagger with document features, else 1.
	Stages int
	// Folds is the number of cross-validation folds for the first-stage
	// labels of the training data; 0 means 8.
	Folds int
	// Bags is the number of perceptrons, trained on different orders of
	// the data, whose averaged weights are averaged; 0 means 1.
	Bags int
	// AutoTag, with Unlabelled, adds auto-tag features (autotag.go): a
	// first-stage tagger trained on data labels the unlabelled texts, and
	// how it labelled each frequent word becomes a feature of the word.
	AutoTag bool
	// Unlabelled, when set, calls fn with each unlabelled text.
	Unlabelled func(fn func(text string)) error
	// Log, when set, receives progress.
	Log *slog.Logger

	// SelfTrain, with Unlabelled, is the number of sentences of the
	// unlabelled texts that the trained tagger labels most confidently
	// (largest least token margin) added to the data to train it again;
	// 0 means none.
	SelfTrain int
	// SelfWeight is the weight of the perceptron updates on those
	// sentences; 0 means 0.5.
	SelfWeight float32

	// weights, when set, are the update weights of the training sentences.
	weights []float32
}

// DocSentences is the number of consecutive sentences of training data
// taken as one document for the document features.
const DocSentences = 40

// Train trains an averaged structured perceptron (first-order Viterbi over
// BIO labels) on tagged sentences. With opt.Stages == 2 it trains a
// two-stage tagger: the second stage also sees how the first labelled the
// other occurrences of each word in the document (consecutive runs of
// DocSentences sentences); its training data gets first-stage labels by
// cross-validation over Folds folds of documents.
func Train(ctx context.Context, data []Sentence, opt TrainOptions) (*Tagger, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.Folds <= 1 {
		opt.Folds = 8
	}
	gaz := newGazetteer()
	if opt.Stats != nil {
		gaz.stats = opt.Stats.packed
	}
	for _, gt := range gazTypes {
		for _, name := range opt.Gazetteers[gt.name] {
			gaz.add(name, gt.bit)
		}
	}
	known := map[string]bool{}
	for _, s := range data {
		for _, w := range s.Words {
			known[w] = true
		}
	}
	if opt.Stats != nil {
		for _, w := range opt.Stats.words {
			known[w] = true
		}
	}
	words := make([]string, 0, len(known))
	for w := range known {
		words = append(words, w)
	}
	slices.Sort(words)
	if opt.AutoTag && opt.Unlabelled != nil {
		if err := autoTagStats(ctx, data, gaz, words, opt); err != nil {
			return nil, err
		}
	}
	tg, err := trainStages(ctx, data, gaz, words, opt)
	if err != nil || opt.SelfTrain <= 0 || opt.Unlabelled == nil {
		return tg, err
	}
	return selfTrain(ctx, tg, data, gaz, words, opt)
}

// trainStages trains the tagger of Train on data with the gazetteer and
// known words set.
func trainStages(ctx context.Context, data []Sentence, gaz *gazetteer, words []string, opt TrainOptions) (*Tagger, error) {
	first, err := trainStage(ctx, data, nil, gaz, words, opt)
	if err != nil || opt.Stages < 2 {
		return first, err
	}
	// First-stage labels of the training data by cross-validation.
	ndocs := (len(data) + DocSentences - 1) / DocSentences
	doc := make([][]uint16, len(data))
	for k := range opt.Folds {
		lo := k * ndocs / opt.Folds * DocSentences
		hi := min((k+1)*ndocs/opt.Folds*DocSentences, len(data))
		rest := append(slices.Clone(data[:lo]), data[hi:]...)
		o := opt
		if opt.weights != nil {
			o.weights = append(slices.Clone(opt.weights[:lo]), opt.weights[hi:]...)
		}
		m, err := trainStage(ctx, rest, nil, gaz, nil, o)
		if err != nil {
			return nil, err
		}
		var st tagState
		for d := lo; d < hi; d += DocSentences {
			part := data[d:min(d+DocSentences, hi)]
			sents := make([][]string, len(part))
			for i, s := range part {
				sents[i] = s.Words
			}
			r := m.tagDoc(sents, &st)
			norms := make([]string, len(r.infos))
			bases := make([]string, len(r.infos))
			for i := range r.infos {
				norms[i], bases[i] = r.infos[i].norm, r.infos[i].base
			}
			f := docFeatures(norms, bases, r.labels, nil)
			for i, s := range part {
				doc[d+i], f = f[:len(s.Words)], f[len(s.Words):]
			}
		}
	}
	second, err := trainStage(ctx, data, doc, gaz, words, opt)
	if err != nil {
		return nil, err
	}
	first.vocab = nil
	second.first = first
	second.prepare()
	return second, nil
}

// autoTagStats trains a first-stage tagger on data, labels the unlabelled
// texts with it and sets gaz.auto to the auto-tag statistics.
func autoTagStats(ctx context.Context, data []Sentence, gaz *gazetteer, words []string, opt TrainOptions) error {
	o := opt
	o.Bags = 1
	pre, err := trainStage(ctx, data, nil, gaz, words, o)
	if err != nil {
		return err
	}
	counts, err := pre.autoTag(ctx, opt.Unlabelled)
	if err != nil {
		return fmt.Errorf("auto-tag: %w", err)
	}
	gaz.auto = counts.table()
	if opt.Log != nil {
		opt.Log.Info("auto-tagged", "words", len(gaz.auto))
	}
	return nil
}

// trainStage trains one tagger; doc, when set, holds the document features
// of each token.
func trainStage(ctx context.Context, data []Sentence, doc [][]uint16, gaz *gazetteer, words []string, opt TrainOptions) (*Tagger, error) {
	// Extract every token's features once.
	index := map[uint64]int32{}
	sents := make([]trainSent, 0, len(data))
	var infos []tokInfo
	var fbuf []uint64
	for si, s := range data {
		if len(s.Words) == 0 || len(s.Words) != len(s.Tags) {
			continue
		}
		infos = gaz.analyze(s.Words, infos)
		if doc != nil {
			for i := range infos {
				infos[i].doc = doc[si][i]
			}
		}
		ss := trainSent{feats: make([][]int32, len(s.Words)), gold: make([]int, len(s.Words)), weight: 1}
		if opt.weights != nil {
			ss.weight = opt.weights[si]
		}
		for i := range s.Words {
			fbuf = features(infos, i, fbuf[:0])
			fs := make([]int32, len(fbuf))
			for k, h := range fbuf {
				o, ok := index[h]
				if !ok {
					o = int32(len(index))
					index[h] = o
				}
				fs[k] = o
			}
			ss.feats[i] = fs
			ss.gold[i] = labelIndex(s.Tags[i])
		}
		// Repair I- labels that do not follow their B- (so gold is decodable).
		for i, l := range ss.gold {
			if isInside(l) && (i == 0 || (ss.gold[i-1] != l && ss.gold[i-1] != l-1)) {
				ss.gold[i] = l - 1
			}
		}
		sents = append(sents, ss)
	}
	nf := len(index)
	bags := max(opt.Bags, 1)
	avgW := make([]float32, nf*nLabels)
	var avgT [nLabels + 1][nLabels]float32
	for b := range bags {
		if err := perceptron(ctx, sents, nf, opt.Epochs, rand.New(rand.NewPCG(opt.Seed+uint64(b)*0x9e37, 0x6e6572)), avgW, &avgT, opt.Log); err != nil {
			return nil, err
		}
	}
	if bags > 1 {
		inv := 1 / float32(bags)
		for i := range avgW {
			avgW[i] *= inv
		}
		for p := range avgT {
			for l := range avgT[p] {
				avgT[p][l] *= inv
			}
		}
	}
	t := &Tagger{gaz: gaz, index: map[uint64]int32{}}
	t.trans = avgT
	for h, o := range index {
		var avg [nLabels]float32
		var m float32
		for l := range avg {
			avg[l] = avgW[int(o)*nLabels+l]
			m = max(m, float32(math.Abs(float64(avg[l]))))
		}
		if m == 0 {
			continue
		}
		t.index[h] = int32(len(t.w))
		t.w = append(t.w, avg[:]...)
	}
	t.words = words
	t.prepare()
	if opt.Log != nil {
		opt.Log.Info("trained", "features", nf, "kept", len(t.index))
	}
	return t, nil
}

// trainSent is a training sentence: the feature numbers of each token and
// the gold labels.
type trainSent struct {
	feats  [][]int32
	gold   []int
	weight float32 // of the updates
}

// perceptron trains an averaged structured perceptron over sents (whose
// features are numbered below nf) and adds its averaged weights to avgW and
// avgT.
func perceptron(ctx context.Context, sents []trainSent, nf, epochs int, rng *rand.Rand, avgW []float32, avgT *[nLabels + 1][nLabels]float32, log *slog.Logger) error {
	w := make([]float32, nf*nLabels)
	u := make([]float32, nf*nLabels) // sum of c*update, for averaging
	var trans, transU [nLabels + 1][nLabels]float32
	c := float32(1)
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var sc []float32
	var back []uint8
	var pred []int
	for ep := 0; ep < epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, si := range order {
			s := &sents[si]
			n := len(s.gold)
			sc = append(sc[:0], make([]float32, n*nLabels)...)
			back = append(back[:0], make([]uint8, n*nLabels)...)
			pred = append(pred[:0], make([]int, n)...)
			for i, fs := range s.feats {
				row := sc[i*nLabels : (i+1)*nLabels]
				for _, o := range fs {
					ws := w[int(o)*nLabels : int(o)*nLabels+nLabels]
					for l := range row {
						row[l] += ws[l]
					}
				}
			}
			viterbi(&trans, sc, n, back, pred)
			for i := range n {
				g, p := s.gold[i], pred[i]
				wt := s.weight
				if g != p {
					errs++
					for _, o := range s.feats[i] {
						w[int(o)*nLabels+g] += wt
						u[int(o)*nLabels+g] += c * wt
						w[int(o)*nLabels+p] -= wt
						u[int(o)*nLabels+p] -= c * wt
					}
				}
				gp, pp := nLabels, nLabels
				if i > 0 {
					gp, pp = s.gold[i-1], pred[i-1]
				}
				if gp != pp || g != p {
					trans[gp][g] += wt
					transU[gp][g] += c * wt
					trans[pp][p] -= wt
					transU[pp][p] -= c * wt
				}
			}
			c++
		}
		if log != nil {
			log.Info("epoch", "n", ep+1, "token errors", errs)
		}
	}
	for p := range trans {
		for l := range trans[p] {
			avgT[p][l] += trans[p][l] - transU[p][l]/c
		}
	}
	for i := range avgW {
		avgW[i] += w[i] - u[i]/c
	}
	return nil
}

// Score is precision, recall and F1 of entity spans of one type.
type Score struct {
	Correct, Predicted, Gold int
}

// P returns the precision.
func (s Score) P() float64 { return ratio(s.Correct, s.Predicted) }

// R returns the recall.
func (s Score) R() float64 { return ratio(s.Correct, s.Gold) }

// F1 returns the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.P(), s.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s Score) String() string {
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f (gold %d)", s.P(), s.R(), s.F1(), s.Gold)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

type span struct {
	start, end int // token indexes, end exclusive
	typ        string
}

// spans returns the PER, ORG and LOC spans of a BIO tag sequence; an I- tag
// that does not continue a span of its type is ignored, as the scorer does.
func spans(tags []string) []span {
	var out []span
	cur := -1
	for i := 0; i <= len(tags); i++ {
		t := "O"
		if i < len(tags) {
			t = tags[i]
		}
		if cur >= 0 && !(len(t) > 2 && t[:2] == "I-" && t[2:] == out[cur].typ) {
			cur = -1
		}
		if len(t) > 2 && t[:2] == "B-" && (t[2:] == "PER" || t[2:] == "ORG" || t[2:] == "LOC") {
			out = append(out, span{i, i + 1, t[2:]})
			cur = len(out) - 1
		} else if cur >= 0 {
			out[cur].end = i + 1
		}
	}
	return out
}

// Evaluate tags the sentences and scores entity spans by type ("PER",
// "ORG", "LOC") and overall ("ALL"): a span is right when its start, end
// and type match.
func (t *Tagger) Evaluate(data []Sentence) map[string]Score {
	res := map[string]Score{}
	for _, s := range data {
		gold := map[span]bool{}
		for _, g := range spans(s.Tags) {
			gold[g] = true
			for _, k := range []string{g.typ, "ALL"} {
				x := res[k]
				x.Gold++
				res[k] = x
			}
		}
		for _, p := range spans(t.Tag(s.Words)) {
			for _, k := range []string{p.typ, "ALL"} {
				x := res[k]
				x.Predicted++
				if gold[p] {
					x.Correct++
				}
				res[k] = x
			}
		}
	}
	return res
}

// Defaults of the shipped model's training.
const (
	DefaultEpochs = 8
	DefaultBags   = 1
	// DefaultPrune is the threshold of Tagger.Pruned for the shipped
	// model: it keeps 40,430 of its 93,010 features, and costs 0.0001 of
	// five-fold e2e F1 (MODEL.md).
	DefaultPrune = 1.0
)

// ReadCorpus reads dir/anercorp.dev.txt and the gazetteers
// dir/gazetteer.{pers,org,loc}.txt.
func ReadCorpus(dir string) ([]Sentence, map[string][]string, error) {
	path := filepath.Join(dir, "anercorp.dev.txt")
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	data, err := ReadData(f)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	gaz := map[string][]string{}
	for _, x := range [...][2]string{{"PER", "pers"}, {"ORG", "org"}, {"LOC", "loc"}} {
		path := filepath.Join(dir, "gazetteer."+x[1]+".txt")
		g, err := os.Open(path)
		if err != nil {
			return nil, nil, err
		}
		names, err := ReadGazetteer(g)
		g.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("read %s: %w", path, err)
		}
		gaz[x[0]] = names
	}
	return data, gaz, nil
}
