package dataset

import (
	"slices"
	"testing"
)

// TestKinds checks the table of record types against the seed: every
// type has a Kind that copies, appends, looks up and clones its records
// and lists the references Validate checks.
func TestKinds(t *testing.T) {
	seed, err := Seed()
	if err != nil {
		t.Fatal(err)
	}
	forSnap, _ := Seed()
	snap := NewSnapshot(forSnap, 1)
	wantRefs := map[Type][]string{TypeCountry: nil, TypeCategory: nil, TypeNetwork: {"countries[0]"},
		TypeMunicipality: {"country"}, TypeMembership: {"municipality", "network"}, TypeApproach: {"municipality", "categories[0]"}}
	var rebuilt Dataset
	for _, typ := range Types {
		t.Run(string(typ), func(t *testing.T) {
			k, ok := KindOf(typ)
			if !ok || k.Type != typ {
				t.Fatalf("KindOf(%s) = %v, %v", typ, k.Type, ok)
			}
			if got, ok := KindOfRecord(k.New()); !ok || got.Type != typ {
				t.Fatalf("KindOfRecord of a new %s: %v, %v", typ, got.Type, ok)
			}
			recs := k.Copies(seed)
			if len(recs) == 0 {
				t.Fatalf("the seed has no %s", typ)
			}
			for _, rec := range recs {
				k.Append(&rebuilt, rec)
				if got, ok := k.Lookup(snap, *k.ID(rec)); !ok || *k.ID(got) != *k.ID(rec) {
					t.Fatalf("Lookup %s %q: %v", typ, *k.ID(rec), ok)
				}
			}
			// The first record with references: the field names are the
			// import form's, and a clone's references are its own.
			for _, rec := range recs {
				refs := k.Refs(rec)
				if len(refs) == 0 {
					continue
				}
				var fields []string
				for _, r := range refs {
					fields = append(fields, r.Field)
				}
				if !slices.Equal(fields[:len(wantRefs[typ])], wantRefs[typ]) {
					t.Errorf("refs of %s %q: %v, want to start with %v", typ, *k.ID(rec), fields, wantRefs[typ])
				}
				before := *refs[0].ID
				c := k.Clone(rec)
				*k.Refs(c)[0].ID = "changed"
				if *refs[0].ID != before {
					t.Errorf("editing a clone's reference changed the original %s", typ)
				}
				break
			}
		})
	}
	if _, ok := KindOf("planet"); ok {
		t.Error("KindOf an unknown type")
	}
	if _, ok := KindOfRecord(seed.Countries[0]); ok {
		t.Error("KindOfRecord of a record value, not a pointer")
	}
	if rebuilt.Len() != seed.Len()-len(seed.Retired) {
		t.Errorf("appending every copy made %d records of %d", rebuilt.Len(), seed.Len()-len(seed.Retired))
	}
}
