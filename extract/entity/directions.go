package entity

// directions are the points of the compass with the article (normalized):
// alone they name a direction or a region loosely (عصفور من الشرق، في
// الغرب، أهل الجنوب), not a place; with an adjective they may (الشرق
// الأوسط). In all of ANERcorp, alone: الشرق 16 times untagged and once a
// place, الغرب 25 untagged, الشمال 23 untagged and 3 times an
// organization, الجنوب 27 untagged and once inside an organization.
var directions = map[string]bool{"الشرق": true, "الغرب": true, "الشمال": true, "الجنوب": true}

// dropDirections drops the mentions of one word that are a point of the
// compass (directions, with a proclitic too: والشرق، بالشرق).
//
// Prefilter: one-word mentions only, one set lookup each; nothing is
// allocated.
func dropDirections(ms []mention) []mention {
	out := ms[:0]
	for _, m := range ms {
		if len(m.keys) == 1 && inSetClitic(m.keys[0], directions) {
			continue
		}
		out = append(out, m)
	}
	return out
}
