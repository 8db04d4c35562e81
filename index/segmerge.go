package index

import (
	"context"
	"fmt"
	"io"
)

// mergeSegments writes to w the segment of the documents of segs, in
// order: the documents of segs[i] follow those of segs[i-1].
func mergeSegments(ctx context.Context, w io.Writer, segs []*segment) error {
	sw := newSegWriter(w)
	var (
		ids            []string
		pub            []int64
		titleLen, tLen []uint32
		bases          = make([]uint32, len(segs))
		n              uint32
	)
	for i, s := range segs {
		bases[i] = n
		for d := range uint32(s.n) {
			ids = append(ids, s.id(d))
			pub = append(pub, s.published(d))
			titleLen = append(titleLen, s.fieldLen(fTitle, d))
			tLen = append(tLen, s.fieldLen(fText, d))
		}
		n += uint32(s.n)
	}
	sw.docs(ids, pub, titleLen, tLen)
	ids = nil
	var (
		out, one plist
		cur      = make([]int, len(segs)) // next entry of each segment
		ents     = make([]entry, len(segs))
		has      = make([]bool, len(segs))
	)
	for f := range nFields {
		clear(cur)
		load := func(i int) {
			has[i] = cur[i] < segs[i].fields[f].terms
			if has[i] {
				var ok bool
				if ents[i], ok = segs[i].entryAt(f, cur[i]); !ok {
					has[i] = false
				}
			}
		}
		for i := range segs {
			load(i)
		}
		for k := 0; ; k++ {
			if k%4096 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			min := -1
			for i := range segs {
				if has[i] && (min < 0 || string(ents[i].term) < string(ents[min].term)) {
					min = i
				}
			}
			if min < 0 {
				break
			}
			term := string(ents[min].term)
			out.reset()
			for i := min; i < len(segs); i++ {
				if !has[i] || string(ents[i].term) != term {
					continue
				}
				if err := segs[i].postings(f, ents[i], &one, true); err != nil {
					return fmt.Errorf("merge: %w", err)
				}
				for _, d := range one.docs {
					out.docs = append(out.docs, d+bases[i])
				}
				out.freqs = append(out.freqs, one.freqs...)
				out.pos = append(out.pos, one.pos...)
				cur[i]++
				load(i)
			}
			sw.term(f, term, out.docs, out.freqs, out.pos)
		}
	}
	return sw.finish()
}
