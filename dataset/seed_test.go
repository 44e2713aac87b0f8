package dataset

import "testing"

// The embedded seed must always be valid: the service loads it into every
// new database.
func TestSeedIsValid(t *testing.T) {
	d, err := Seed()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	featured := 0
	for _, m := range d.Municipalities {
		if m.Featured {
			featured++
		}
		for _, q := range m.WikidataCandidates {
			if q == m.Wikidata {
				t.Errorf("%s: candidate %s published as its Wikidata link", m.ID, q)
			}
		}
	}
	if featured < 21 || len(d.Networks) < 15 || len(d.Approaches) < 22 || len(d.Categories) < 7 || len(d.Municipalities) < 200 {
		t.Errorf("seed lost records: %d featured, %d networks, %d approaches, %d categories, %d municipalities",
			featured, len(d.Networks), len(d.Approaches), len(d.Categories), len(d.Municipalities))
	}
}
