//go:build !purego

package entity

// prefetchSlots asks the processor to bring to its cache the slots of the
// keys ks in slots, a featIndex's (slot of k: (k*mulSlot)>>shift, 64 bytes
// each). A prefetch neither faults nor waits for its line, so the
// processor goes on with the instructions after it while the lines come;
// it only reads slots within the index, as shift gives.
//
//go:noescape
func prefetchSlots(slots *featSlot, shift uint, ks []uint64)
