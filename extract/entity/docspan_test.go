package entity

import (
	"strings"
	"testing"
)

func TestDocSpans(t *testing.T) {
	const (
		O, BPER, IPER, BORG, IORG, BLOC = 0, 1, 2, 3, 4, 5
		per, org, loc                   = 1 << docSpanShift, 2 << docSpanShift, 3 << docSpanShift
		in, multi                       = 1 << (docSpanShift + 2), 1 << (docSpanShift + 3)
	)
	tests := []struct {
		name   string
		words  string
		labels []int
		want   []uint16
	}{{
		name:   "name labelled once marks nothing",
		words:  "قال مجلس الامن امس",
		labels: []int{O, BORG, IORG, O},
		want:   []uint16{0, 0, 0, 0},
	}, {
		name:   "name found at one place marks the other",
		words:  "مجلس الامن اجتمع ثم قال مجلس الامن",
		labels: []int{BORG, IORG, O, O, O, O, O},
		want:   []uint16{0, 0, 0, 0, 0, org | multi, org | multi | in},
	}, {
		name:   "a one-word name marks the first word of a longer one",
		words:  "مجلس الامن الدولي و مجلس الامن",
		labels: []int{BORG, IORG, IORG, O, BORG, O},
		want:   []uint16{org, 0, 0, 0, 0, 0},
	}, {
		name:   "both places labelled mark each other",
		words:  "زار عمان ثم عمان",
		labels: []int{O, BLOC, O, BLOC},
		want:   []uint16{0, loc, 0, loc},
	}, {
		name:   "the type labelled most often",
		words:  "احمد قال احمد و احمد",
		labels: []int{BPER, O, BPER, O, BORG},
		want:   []uint16{per, 0, per, 0, per},
	}, {
		name:   "no names",
		words:  "قال انه",
		labels: []int{O, O},
		want:   []uint16{0, 0},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			norms := strings.Fields(tc.words)
			out := make([]uint16, len(norms))
			docSpans(norms, tc.labels, out)
			for i := range out {
				if out[i] != tc.want[i] {
					t.Errorf("token %d (%s): got %#x, want %#x", i, norms[i], out[i], tc.want[i])
				}
			}
		})
	}
}

func TestDocFeaturesKeepsSpanBitsApart(t *testing.T) {
	norms := strings.Fields("مجلس الامن قال مجلس الامن")
	labels := []int{3, 4, 0, 0, 0}
	out := docFeatures(norms, norms, labels, nil)
	for i, v := range out {
		if v&^docWordMask&(1<<docSpanShift-1) != 0 {
			t.Errorf("token %d: bits 8-9 set: %#x", i, v)
		}
	}
	if out[3]>>docSpanShift == 0 || out[0]>>docSpanShift != 0 {
		t.Errorf("span bits: got %#x at 0 and %#x at 3", out[0], out[3])
	}
	if out[3]&docWordMask == 0 {
		t.Errorf("word bits of token 3 lost: %#x", out[3])
	}
}
