//go:build !purego

package story

import "golang.org/x/sys/cpu"

// hasMinima64AVX512 tells whether minima64AVX512 runs here: it needs
// AVX-512's quadword multiplication (DQ).
var hasMinima64AVX512 = cpu.X86.HasAVX512F && cpu.X86.HasAVX512DQ

// minima64AVX512 is minima64Generic on eight permutations at a time, in
// AVX-512 registers.
//
//go:noescape
func minima64AVX512(m *[numHashes]uint64, seeds *[numHashes]uint64, shingles []uint64)

// minima64 lowers m, for each permutation, to the least hash of shingles
// under it.
func minima64(m *[numHashes]uint64, shingles []uint64) {
	if hasMinima64AVX512 {
		minima64AVX512(m, &hashSeeds, shingles)
		return
	}
	minima64Generic(m, shingles)
}
