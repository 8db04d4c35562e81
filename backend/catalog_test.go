package backend

import (
	"fmt"
	"slices"
	"sort"
	"testing"

	"github.com/marsad/marsad/server"
)

func TestAddTop(t *testing.T) {
	for _, k := range []int{1, 3, 10} {
		var all, top []server.EntityCount
		for i := range 40 {
			e := server.EntityCount{Name: fmt.Sprintf("e%02d", (i*7)%40), Count: (i * 13) % 9}
			all = append(all, e)
			top = addTop(top, e, k)
		}
		sort.Slice(all, func(i, j int) bool { return before(all[i], all[j]) })
		if !slices.Equal(top, all[:k]) {
			t.Errorf("k=%d: top %v, want %v", k, top, all[:k])
		}
	}
}
