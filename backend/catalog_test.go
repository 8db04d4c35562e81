package backend

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/search"
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

// TestFacetsByDocNumber checks that the facets counted from the document
// numbers of an index snapshot, with the catalog's table of them empty and
// then filled, are those counted from the IDs of the matches.
func TestFacetsByDocNumber(t *testing.T) {
	b, e := open(t)
	ctx := context.Background()
	bl := e.Index.(*index.Inverted)
	counted := 0
	for _, q := range []string{"الطاقة", "في", "النفط OR الطاقة", "قال"} {
		pq, err := search.Parse(q)
		if err != nil {
			t.Fatal(err)
		}
		req := index.Request{Query: pq}
		ids, _, err := bl.IDs(ctx, req, 0)
		if errors.Is(err, index.ErrNoTerms) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		want := b.cat.facets(ids, 5)
		counted += len(ids)
		for round := range 2 {
			var got server.Facets
			if _, err := bl.Matches(ctx, req, func(snap index.Snapshot, nums []uint64, id func(uint64) (string, error)) error {
				got, err = b.cat.facetsOf(snap, nums, id, 5)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, round %d: by number %+v, by ID %+v", q, round, got, want)
			}
		}
	}
	if counted == 0 {
		t.Error("no query found anything: nothing compared")
	}
}
