package story

import (
	"slices"
	"time"
)

// Print is the MinHash signatures of a document's terms, with which Add
// finds the earlier documents it copies. Add computes them when a Doc
// comes without them; a Printer computes them ahead, on any goroutine, so
// that an ingest can take that work off Add, which runs on one.
type Print struct {
	shingle, leadTerms int // the settings they were computed with
	sig, lead          signature
	hasSig, hasLead    bool
	leadLen            int
	// bag is the document's distinct terms, when PrintDoc computed it
	// and each fits a packedTerm.
	bag []packedTerm
}

// bagTerm is one distinct term of a document, in the order of the first
// occurrences in its Terms then its TitleTerms, with its counts in each:
// what vectorize counts, once per term rather than per occurrence. It
// holds the position of the first occurrence (in Terms, then on in
// TitleTerms) rather than the term, to take less memory, and its number
// from Doc.StemIDs (0 for none). A Print keeps it packed (packedTerm).
type bagTerm struct {
	at, text, title, stem uint32
}

// packedTerm is a bagTerm in 64 bits, as a Print keeps it, half the
// memory while a batch waits for the clusterer: its position in the low
// posBits, its number in the next stemBits (0 for one of maxStemNumber or
// more, which termFeature ignores), and its counts in the text and the
// title in countBits each.
type packedTerm uint64

const (
	posBits   = 20
	stemBits  = 20
	countBits = 12
)

// pack returns b packed, or false when a field does not fit.
func (b bagTerm) pack() (packedTerm, bool) {
	if b.at >= 1<<posBits || b.text >= 1<<countBits || b.title >= 1<<countBits {
		return 0, false
	}
	stem := uint64(b.stem)
	if stem >= maxStemNumber {
		stem = 0
	}
	return packedTerm(uint64(b.at) | stem<<posBits | uint64(b.text)<<(posBits+stemBits) | uint64(b.title)<<(posBits+stemBits+countBits)), true
}

// unpack returns the bagTerm packed in p.
func (p packedTerm) unpack() bagTerm {
	const pos, count = 1<<posBits - 1, 1<<countBits - 1
	return bagTerm{
		at:    uint32(p) & pos,
		stem:  uint32(p>>posBits) & (maxStemNumber - 1),
		text:  uint32(p>>(posBits+stemBits)) & count,
		title: uint32(p >> (posBits + stemBits + countBits)),
	}
}

// bag returns d.Print.bag, or false when there is none or it does not fit
// d (a Print of another Doc).
func (d *Doc) bag() ([]packedTerm, bool) {
	if d.Print == nil || d.Print.bag == nil {
		return nil, false
	}
	n := uint32(len(d.Terms) + len(d.TitleTerms))
	for _, b := range d.Print.bag {
		if b.unpack().at >= n {
			return nil, false
		}
	}
	return d.Print.bag, true
}

// term returns the term at position at of d's Terms then TitleTerms.
func (d *Doc) term(at uint32) string {
	if n := uint32(len(d.Terms)); at >= n {
		return d.TitleTerms[at-n]
	}
	return d.Terms[at]
}

// Printer computes the Prints that a Clusterer of one configuration
// computes; another's Add ignores them. It reuses its memory from one
// Print to the next: it is one goroutine's.
type Printer struct {
	cfg      Config
	shingles []uint64
	at       map[string]int32 // PrintDoc's index in bag of each term
	bag      []bagTerm        // PrintDoc's bag
	slot     []int32          // PrintDoc's index plus one in bag of a first occurrence
}

// NewPrinter returns a Printer for Clusterers of configuration cfg.
func NewPrinter(cfg Config) *Printer {
	return &Printer{cfg: cfg.sanitized()}
}

// Print returns the signatures of terms (a Doc's Terms).
func (pr *Printer) Print(terms []string) *Print {
	p, buf := newPrint(pr.cfg, terms, pr.shingles)
	pr.shingles = buf
	return &p
}

// PrintDoc returns the signatures of d's Terms, as Print does, with its
// distinct terms and their counts, so that Add looks each up once.
func (pr *Printer) PrintDoc(d *Doc) *Print {
	p := pr.Print(d.Terms)
	stemIDs := d.StemIDs
	if len(stemIDs) != len(d.Terms) {
		stemIDs = nil
	}
	bag := pr.bag[:0]
	// newTerm appends to bag the term at position g of Terms then
	// TitleTerms, with its number when it is one of Terms.
	newTerm := func(g int) {
		b := bagTerm{at: uint32(g)}
		if g < len(stemIDs) {
			b.stem = stemIDs[g]
		}
		bag = append(bag, b)
	}
	// With Firsts, a term's index in bag (plus one) is kept in slot at the
	// position of its first occurrence, and a term of the title is the
	// term at its position in Terms; without, in the map at.
	firsts := len(d.Firsts) == len(d.Terms) && isPrefix(d.TitleTerms, d.Terms)
	slot := pr.slot
	switch {
	case !firsts:
		if pr.at == nil {
			pr.at = make(map[string]int32)
		}
	case cap(slot) < len(d.Firsts):
		slot = make([]int32, len(d.Firsts))
	default:
		slot = slot[:len(d.Firsts)]
		clear(slot)
	}
	for k, terms := range [2][]string{d.Terms, d.TitleTerms} {
		for j, t := range terms {
			if t == "" {
				continue
			}
			var i int32
			if firsts {
				f := d.Firsts[j]
				if f < 0 || int(f) > j {
					f = int32(j) // no first occurrence before t: t's own
				}
				if i = slot[f] - 1; i < 0 { // not yet seen, which a title term always was
					i = int32(len(bag))
					slot[f] = i + 1
					newTerm(j)
				}
			} else {
				var ok bool
				if i, ok = pr.at[t]; !ok {
					i = int32(len(bag))
					pr.at[t] = i
					newTerm(k*len(d.Terms) + j)
				}
			}
			if k == 0 {
				bag[i].text++
			} else {
				bag[i].title++
			}
		}
	}
	clear(pr.at)
	pr.slot = slot[:0]
	p.bag = make([]packedTerm, len(bag))
	for i, b := range bag {
		var ok bool
		if p.bag[i], ok = b.pack(); !ok {
			p.bag = nil // Add counts the terms one by one
			break
		}
	}
	pr.bag = bag[:0]
	return p
}

// isPrefix reports whether title is a prefix of terms.
func isPrefix(title, terms []string) bool {
	return len(title) <= len(terms) && slices.Equal(title, terms[:len(title)])
}

// newPrint is Printer.Print with buf as scratch space for the shingles'
// hashes, returned for the next call.
func newPrint(cfg Config, terms []string, buf []uint64) (Print, []uint64) {
	p := Print{shingle: cfg.Shingle, leadTerms: cfg.LeadTerms}
	full := appendShingleHashes(buf[:0], terms, cfg.Shingle)
	lead := terms
	if len(lead) > cfg.LeadTerms {
		lead = lead[:cfg.LeadTerms]
	}
	p.leadLen = len(lead)
	// A lead that is the whole of a short text says nothing more than the
	// whole-text signature; it is only used when it is long enough to be
	// specific.
	useLead := cfg.LeadTerms > 0 && len(lead) >= cfg.LeadTerms/2
	k := max(cfg.Shingle, 1)
	switch {
	case len(full) == 0:
	case useLead && len(lead) >= k:
		// The shingles of the lead are the first ones of the whole text
		// when it has a whole shingle: one pass computes both signatures.
		p.sig, p.lead = minhashes(full, len(lead)-k+1)
		p.hasSig, p.hasLead = true, true
		return p, full[:0]
	default:
		p.sig, p.hasSig = minhash(full)
	}
	if useLead {
		p.lead, p.hasLead = minhash(shingleHashes(lead, cfg.Shingle))
	}
	return p, full[:0]
}

// fingerprint returns the near-duplicate window's record of d, published
// at t, with the signatures of its whole text and of its lead (first
// LeadTerms terms), which catches a copy that was cut short or had
// paragraphs added: d.Print when it was computed with s's settings.
func (s *state) fingerprint(d Doc, t time.Time) recent {
	var p Print
	if d.Print != nil && d.Print.shingle == s.Cfg.Shingle && d.Print.leadTerms == s.Cfg.LeadTerms {
		p = *d.Print
	} else {
		p, s.shingle = newPrint(s.Cfg, d.Terms, s.shingle)
	}
	return recent{ID: d.ID, Time: t, Sig: p.sig, Lead: p.lead, HasSig: p.hasSig, HasLead: p.hasLead, LeadLen: p.leadLen}
}

// bands are the LSH bucket keys of a recent document: of its whole text's
// signature, and of its lead's when it has one.
type bands struct {
	sig, lead [numBands]uint64
}

// bandsOf returns the bands of r, which has a signature.
func bandsOf(r *recent) bands {
	b := bands{sig: bandKeys(&r.Sig, fullSalt)}
	if r.HasLead {
		b.lead = bandKeys(&r.Lead, leadSalt)
	}
	return b
}

// findDuplicate returns the id of the recent document r, which has a
// signature, of bands b, copies, or "". It scores the documents of each
// of r's buckets oldest first, the first of equal scores winning.
func (s *state) findDuplicate(r *recent, b *bands) string {
	best, bestScore := "", 0.0
	seen := s.seenRecent.reset(s.window.n)
	check := func(keys [numBands]uint64) {
		for _, k := range keys {
			s.chain = s.bucketSeqs(k, s.chain[:0])
			for i := len(s.chain) - 1; i >= 0; i-- {
				at := int(s.chain[i] - s.Base)
				if seen.has(at) {
					continue
				}
				seen.add(at)
				o := s.window.print(at)
				score := 0.0
				if j := jaccard(&r.Sig, &o.sig); j >= s.Cfg.DupThreshold {
					score = j
				}
				if r.HasLead && o.hasLead && r.LeadLen == o.leadLen {
					if j := jaccard(&r.Lead, &o.lead); j >= s.Cfg.LeadThreshold && j > score {
						score = j
					}
				}
				if score > bestScore {
					best, bestScore = s.window.key(at).id, score
				}
			}
		}
	}
	check(b.sig)
	if r.HasLead {
		check(b.lead)
	}
	return best
}

// The near-duplicate buckets are a chained hash table without pointers,
// which the garbage collector need not scan: band j of the recent document
// of sequence number seq is entry seq*bucketSlots+j (bands of its text's
// signature first, then of its lead's); heads maps a bucket key to the
// entry of the latest document in the bucket, and links holds, for each
// band of each document of Recent, the entry of the document before it in
// the same bucket, or noEntry.
const (
	bucketSlots = 2 * numBands
	noEntry     = -1
)

// bucketSeqs appends to dst the sequence numbers of the recent documents
// in the bucket of key k, latest first.
func (s *state) bucketSeqs(k uint64, dst []int64) []int64 {
	e, ok := s.heads.get(k)
	for ok && e != noEntry {
		seq := e / bucketSlots
		if seq < s.Base {
			break
		}
		dst = append(dst, seq)
		e = *s.window.link(int(seq-s.Base), int(e%bucketSlots))
	}
	return dst
}

// recentRing holds the near-duplicate window's documents and the links of
// their bands (see bucketSlots) in chunks of ringChunk documents, so that
// the window moves along them and grows without being copied: a chunk is
// added when the last is full and dropped when its last document is, kept
// for the next one to be added. Its documents are numbered from 0, the
// oldest.
type recentRing struct {
	chunks []*recentChunk // document 0 is in chunks[0], at place head
	spare  *recentChunk   // a dropped chunk, for the next one added
	head   int            // place in chunks[0] of document 0
	n      int            // documents held
}

// ringChunk is the number of documents of a chunk, a power of two.
const ringChunk = 128

// recentChunk holds ringChunk documents of a recentRing. A document's id
// and time come first, the only pointers the collector scans; its
// signatures and links come after, without pointers.
type recentChunk struct {
	keys   [ringChunk]recentKey
	prints [ringChunk]recentPrint
	links  [ringChunk * bucketSlots]int64
}

// recentKey is the id and time of a recent document.
type recentKey struct {
	id string
	t  time.Time
}

// recentPrint is the signatures of a recent document, as in recent.
type recentPrint struct {
	sig, lead       signature
	hasSig, hasLead bool
	leadLen         int
}

// place returns the chunk of document i and its place in it.
func (w *recentRing) place(i int) (*recentChunk, int) {
	p := w.head + i
	return w.chunks[p/ringChunk], p % ringChunk
}

// key returns the id and time of document i.
func (w *recentRing) key(i int) *recentKey {
	c, p := w.place(i)
	return &c.keys[p]
}

// print returns the signatures of document i.
func (w *recentRing) print(i int) *recentPrint {
	c, p := w.place(i)
	return &c.prints[p]
}

// at returns document i.
func (w *recentRing) at(i int) recent {
	k, p := w.key(i), w.print(i)
	return recent{ID: k.id, Time: k.t, Sig: p.sig, Lead: p.lead, HasSig: p.hasSig, HasLead: p.hasLead, LeadLen: p.leadLen}
}

// link returns the link of band j of document i.
func (w *recentRing) link(i, j int) *int64 {
	c, p := w.place(i)
	return &c.links[p*bucketSlots+j]
}

// push adds r, with its bands unlinked, as the latest document.
func (w *recentRing) push(r *recent) {
	if w.head+w.n == len(w.chunks)*ringChunk {
		c := w.spare
		if c == nil {
			c = new(recentChunk)
		}
		w.chunks, w.spare = append(w.chunks, c), nil
	}
	c, p := w.place(w.n)
	w.n++
	c.keys[p] = recentKey{r.ID, r.Time}
	c.prints[p] = recentPrint{sig: r.Sig, lead: r.Lead, hasSig: r.HasSig, hasLead: r.HasLead, leadLen: r.LeadLen}
	for j := range bucketSlots {
		c.links[p*bucketSlots+j] = noEntry
	}
}

// drop drops the oldest document, and its chunk when it was the chunk's
// last.
func (w *recentRing) drop() {
	*w.key(0) = recentKey{} // no copy of its id
	w.head++
	w.n--
	if w.head == ringChunk {
		w.spare = w.chunks[0]
		w.chunks = append(w.chunks[:0], w.chunks[1:]...)
		w.head = 0
	}
}

// remember adds r, which has a signature, of bands b, to the
// near-duplicate window.
func (s *state) remember(r recent, b *bands) {
	seq := s.Base + int64(s.window.n)
	s.window.push(&r)
	s.bucket(&r, seq, b)
}

// bucket puts the last document of the window, r of sequence number seq,
// in the buckets of its bands b.
func (s *state) bucket(r *recent, seq int64, b *bands) {
	s.link(b.sig, seq, 0)
	if r.HasLead {
		s.link(b.lead, seq, numBands)
	}
}

// link puts document seq at the head of the buckets of keys, its bands
// from slot first on.
func (s *state) link(keys [numBands]uint64, seq int64, first int) {
	for b, k := range keys {
		j := int64(first + b)
		sl := s.heads.slot(k)
		if h := sl.e1 - 1; h >= 0 {
			if h/bucketSlots == seq {
				continue // two bands of one document in one bucket
			}
			*s.window.link(int(seq-s.Base), int(j)) = h
		}
		sl.e1 = seq*bucketSlots + j + 1
	}
}

// evict drops documents older than DupWindow from the window.
func (s *state) evict() {
	for s.window.n > 0 {
		if s.Now.Sub(s.window.key(0).t) <= s.Cfg.DupWindow {
			break
		}
		r := s.window.print(0)
		s.unbucket(bandKeys(&r.sig, fullSalt), s.Base, 0)
		if r.hasLead {
			s.unbucket(bandKeys(&r.lead, leadSalt), s.Base, numBands)
		}
		s.window.drop()
		s.Base++
	}
}

// unbucket drops the buckets of keys whose latest document is seq, the
// oldest of the window: they hold no other document of it. The others
// hold later documents, whose chains end at seq.
func (s *state) unbucket(keys [numBands]uint64, seq int64, first int) {
	for b, k := range keys {
		s.heads.deleteIf(k, seq*bucketSlots+int64(first+b))
	}
}
