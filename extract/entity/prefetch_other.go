//go:build !amd64 || purego

package entity

// prefetchSlots does nothing where the package has no prefetch
// instruction: the lookups read the slots when they need them.
func prefetchSlots(slots *featSlot, shift uint, ks []uint64) {}
