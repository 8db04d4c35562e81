//go:build !amd64 || purego

package story

// minima64 lowers m, for each permutation, to the least hash of shingles
// under it.
func minima64(m *[numHashes]uint64, shingles []uint64) {
	minima64Generic(m, shingles)
}
