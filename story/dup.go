package story

import "time"

// fingerprint computes the MinHash signatures of d: of its whole text and
// of its lead (first LeadTerms terms), which catches a copy that was cut
// short or had paragraphs added.
func (s *state) fingerprint(d Doc, t time.Time) recent {
	r := recent{ID: d.ID, Time: t}
	full := appendShingleHashes(s.shingle[:0], d.Terms, s.Cfg.Shingle)
	s.shingle = full[:0]
	r.Sig, r.HasSig = minhash(full)
	lead := d.Terms
	if len(lead) > s.Cfg.LeadTerms {
		lead = lead[:s.Cfg.LeadTerms]
	}
	r.LeadLen = len(lead)
	// A lead that is the whole of a short text says nothing more than the
	// whole-text signature; it is only used when it is long enough to be
	// specific.
	if s.Cfg.LeadTerms > 0 && len(lead) >= s.Cfg.LeadTerms/2 {
		// The shingles of the lead are the first ones of the whole text
		// when it has a whole shingle.
		var sh []uint64
		if k := max(s.Cfg.Shingle, 1); len(lead) >= k {
			sh = full[:len(lead)-k+1]
		} else {
			sh = shingleHashes(lead, s.Cfg.Shingle)
		}
		r.Lead, r.HasLead = minhash(sh)
	}
	return r
}

// findDuplicate returns the id of the recent document r copies, or "".
func (s *state) findDuplicate(r *recent) string {
	if !r.HasSig {
		return ""
	}
	best, bestScore := "", 0.0
	seen := map[int64]bool{}
	check := func(keys [numBands]uint64, lead bool) {
		for _, k := range keys {
			for _, seq := range s.Buckets[k] {
				if seq < s.Base || seen[seq] {
					continue
				}
				seen[seq] = true
				o := &s.Recent[seq-s.Base]
				score := 0.0
				if j := jaccard(&r.Sig, &o.Sig); j >= s.Cfg.DupThreshold {
					score = j
				}
				if r.HasLead && o.HasLead && r.LeadLen == o.LeadLen {
					if j := jaccard(&r.Lead, &o.Lead); j >= s.Cfg.LeadThreshold && j > score {
						score = j
					}
				}
				if score > bestScore {
					best, bestScore = o.ID, score
				}
			}
		}
	}
	check(bandKeys(&r.Sig, fullSalt), false)
	if r.HasLead {
		check(bandKeys(&r.Lead, leadSalt), true)
	}
	return best
}

// remember puts r in the near-duplicate window.
func (s *state) remember(r recent) {
	if !r.HasSig {
		return
	}
	seq := s.Base + int64(len(s.Recent))
	s.Recent = append(s.Recent, r)
	s.bucket(&r, seq)
}

// bucket puts the document r, numbered seq, in the buckets of its signatures.
func (s *state) bucket(r *recent, seq int64) {
	for _, k := range bandKeys(&r.Sig, fullSalt) {
		s.Buckets[k] = append(s.Buckets[k], seq)
	}
	if r.HasLead {
		for _, k := range bandKeys(&r.Lead, leadSalt) {
			s.Buckets[k] = append(s.Buckets[k], seq)
		}
	}
}

// evict drops documents older than DupWindow from the near-duplicate window.
func (s *state) evict() {
	n := 0
	for n < len(s.Recent) && s.Now.Sub(s.Recent[n].Time) > s.Cfg.DupWindow {
		r := &s.Recent[n]
		seq := s.Base + int64(n)
		s.unbucket(bandKeys(&r.Sig, fullSalt), seq)
		if r.HasLead {
			s.unbucket(bandKeys(&r.Lead, leadSalt), seq)
		}
		n++
	}
	if n == 0 {
		return
	}
	s.Base += int64(n)
	s.Recent = s.Recent[n:]
	if cap(s.Recent) > 2*len(s.Recent)+1024 {
		s.Recent = append([]recent(nil), s.Recent...)
	}
}

func (s *state) unbucket(keys [numBands]uint64, seq int64) {
	for _, k := range keys {
		b := s.Buckets[k]
		j := 0
		for _, x := range b {
			if x != seq && x >= s.Base {
				b[j] = x
				j++
			}
		}
		if j == 0 {
			delete(s.Buckets, k)
		} else {
			s.Buckets[k] = b[:j]
		}
	}
}
