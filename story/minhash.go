package story

import "slices"

// Deterministic hashing for MinHash: FNV-1a 64 over shingle words, then a
// splitmix64 finalizer per permutation. Neither depends on the process, so
// signatures saved by one run compare with those of another.

const (
	numHashes = 64 // MinHash permutations
	bandRows  = 4  // rows per LSH band: 16 bands, threshold ≈ (1/16)^(1/4) ≈ 0.5
	numBands  = numHashes / bandRows

	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix64 is the splitmix64 finalizer: a fast bijective mixer of 64 bits.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// fnvString folds s into the FNV-1a 64 state h.
func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hashSeeds are the per-permutation seeds, derived deterministically.
var hashSeeds = func() [numHashes]uint64 {
	var s [numHashes]uint64
	for i := range s {
		s[i] = mix64(uint64(i+1) * 0x9e3779b97f4a7c15)
	}
	return s
}()

// signature is a MinHash signature (the high 32 bits of each minimum).
type signature [numHashes]uint32

// shingleHashes returns the hashes of the k-word shingles of terms (or one
// hash of all of them when there are fewer than k).
func shingleHashes(terms []string, k int) []uint64 {
	return appendShingleHashes(nil, terms, k)
}

// appendShingleHashes appends the hashes shingleHashes returns to dst.
func appendShingleHashes(dst []uint64, terms []string, k int) []uint64 {
	if len(terms) == 0 {
		return dst
	}
	if k < 1 {
		k = 1
	}
	if len(terms) < k {
		k = len(terms)
	}
	dst = slices.Grow(dst, len(terms)-k+1)
	if k == 3 {
		return appendShingleHashes3(dst, terms)
	}
	for i := 0; i+k <= len(terms); i++ {
		h := uint64(fnvOffset)
		for j := i; j < i+k; j++ {
			h = fnvString(h, terms[j])
			h ^= 0xff // word separator
			h *= fnvPrime
		}
		dst = append(dst, h)
	}
	return dst
}

// appendShingleHashes3 is appendShingleHashes of 3-word shingles, of at
// least 3 terms. It folds each term into the three shingles that hold it
// at once: FNV-1a's multiplications of one shingle wait for each other,
// those of three shingles do not.
func appendShingleHashes3(dst []uint64, terms []string) []uint64 {
	// a, b and c are the states of the shingles that started two terms
	// before, one term before, and at the current one.
	var a, b uint64
	for j, t := range terms {
		c := uint64(fnvOffset)
		for i := 0; i < len(t); i++ {
			x := uint64(t[i])
			a = (a ^ x) * fnvPrime
			b = (b ^ x) * fnvPrime
			c = (c ^ x) * fnvPrime
		}
		// The word separator.
		a = (a ^ 0xff) * fnvPrime
		b = (b ^ 0xff) * fnvPrime
		c = (c ^ 0xff) * fnvPrime
		if j >= 2 {
			dst = append(dst, a)
		}
		a, b = b, c
	}
	return dst
}

// minhash computes the signature of a set of shingle hashes. ok is false
// for an empty set.
func minhash(shingles []uint64) (sig signature, ok bool) {
	if len(shingles) == 0 {
		return sig, false
	}
	sig, _ = minhashes(shingles, len(shingles))
	return sig, true
}

// minhashes computes in one pass the signatures of shingles and of its
// first n shingles, 0 < n ≤ len(shingles): the second is what minhash
// returns for shingles[:n].
func minhashes(shingles []uint64, n int) (sig, head signature) {
	var m [numHashes]uint64
	for i := range m {
		m[i] = ^uint64(0)
	}
	minima64(&m, shingles[:n])
	for i, x := range m {
		head[i] = uint32(x >> 32)
	}
	minima64(&m, shingles[n:])
	for i, x := range m {
		sig[i] = uint32(x >> 32)
	}
	return sig, head
}

// minima64Generic lowers m, for each permutation, to the least hash of
// shingles under it. Four permutations at a time keep their minima in
// registers and give the processor four independent chains of
// multiplications.
func minima64Generic(m *[numHashes]uint64, shingles []uint64) {
	for i := 0; i < numHashes; i += 4 {
		*(*[4]uint64)(m[i : i+4]) = minima4(*(*[4]uint64)(m[i : i+4]), (*[4]uint64)(hashSeeds[i:i+4]), shingles)
	}
}

// minima4 returns m lowered, for each of four permutations, to the least
// hash of shingles under it.
func minima4(m [4]uint64, seeds *[4]uint64, shingles []uint64) [4]uint64 {
	m0, m1, m2, m3 := m[0], m[1], m[2], m[3]
	s0, s1, s2, s3 := seeds[0], seeds[1], seeds[2], seeds[3]
	for _, sh := range shingles {
		m0 = min(m0, mix64(sh^s0))
		m1 = min(m1, mix64(sh^s1))
		m2 = min(m2, mix64(sh^s2))
		m3 = min(m3, mix64(sh^s3))
	}
	return [4]uint64{m0, m1, m2, m3}
}

// jaccard estimates the Jaccard similarity of the sets behind two signatures.
func jaccard(a, b *signature) float64 {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / numHashes
}

// bandKeys returns one LSH bucket key per band of sig; salt separates
// signatures of different kinds (whole text, lead) in one bucket map.
func bandKeys(sig *signature, salt uint64) [numBands]uint64 {
	var keys [numBands]uint64
	for b := range keys {
		h := uint64(fnvOffset) ^ salt
		h = mix64(h + uint64(b))
		for r := 0; r < bandRows; r++ {
			h = mix64(h ^ uint64(sig[b*bandRows+r]))
		}
		keys[b] = h
	}
	return keys
}
