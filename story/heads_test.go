package story

import (
	"math/rand/v2"
	"testing"
)

// TestBucketHeads checks a bucketHeads against a map through random
// sets and deletions, growing to thousands of keys and back to few, with
// keys drawn from a small range so that probes run into each other, and
// that it grows only as it must.
func TestBucketHeads(t *testing.T) {
	for _, keys := range []uint64{50, 3000, 1 << 40} {
		rng := rand.New(rand.NewPCG(1, keys))
		var tab bucketHeads
		want := map[uint64]int64{}
		most := 0 // keys held at most
		for step := range 40000 {
			k := rng.Uint64N(keys)
			if keys > 3000 && len(want) > 0 && rng.IntN(2) == 0 {
				for k = range want { // a key held
					break
				}
			}
			grow := step%20000 < 12000
			switch e, ok := want[k]; {
			case grow && rng.IntN(4) != 0:
				e = rng.Int64N(1 << 40)
				tab.slot(k).e1 = e + 1
				want[k] = e
			case ok && rng.IntN(4) == 0:
				tab.deleteIf(k, e+1) // not its entry: stays
			default:
				tab.deleteIf(k, e)
				if ok {
					delete(want, k)
				}
			}
			if tab.n != len(want) {
				t.Fatalf("keys %d, step %d: %d keys held, want %d", keys, step, tab.n, len(want))
			}
			// The table grows by doubling when more than 3/4 full, and
			// never shrinks.
			most = max(most, tab.n)
			size := 64
			for size*3 < most*4 {
				size *= 2
			}
			if len(tab.slots) != size {
				t.Fatalf("keys %d, step %d: %d slots for at most %d keys, want %d", keys, step, len(tab.slots), most, size)
			}
			if step%97 == 0 || keys == 50 {
				for k, e := range want {
					if got, ok := tab.get(k); !ok || got != e {
						t.Fatalf("keys %d, step %d: key %d has %d, %v, want %d", keys, step, k, got, ok, e)
					}
				}
				held := 0
				for _, sl := range tab.slots {
					if sl.e1 != 0 {
						held++
						if e, ok := want[sl.key]; !ok || sl.e1 != e+1 {
							t.Fatalf("keys %d, step %d: slot of key %d holds %d, want %d, %v", keys, step, sl.key, sl.e1-1, e, ok)
						}
					}
				}
				if held != len(want) {
					t.Fatalf("keys %d, step %d: %d slots held, want %d", keys, step, held, len(want))
				}
			}
		}
		if _, ok := tab.get(keys); ok {
			t.Errorf("keys %d: a key never set is there", keys)
		}
	}
}
