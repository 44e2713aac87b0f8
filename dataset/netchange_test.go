package dataset

import (
	"slices"
	"testing"
)

func TestNetChanges(t *testing.T) {
	rc := func(t Type, id string, k ChangeKind) RecordChange { return RecordChange{Type: t, ID: id, Kind: k} }
	tests := []struct {
		name string
		seq  []RecordChange
		want []RecordChange
	}{
		{"nothing", nil, []RecordChange{}},
		{"added then changed is added",
			[]RecordChange{rc(TypeNetwork, "n", Added), rc(TypeNetwork, "n", Changed), rc(TypeNetwork, "n", Changed)},
			[]RecordChange{rc(TypeNetwork, "n", Added)}},
		{"changed twice is changed",
			[]RecordChange{rc(TypeCountry, "DE", Changed), rc(TypeCountry, "DE", Changed)},
			[]RecordChange{rc(TypeCountry, "DE", Changed)}},
		{"added then retired is retired",
			[]RecordChange{rc(TypeNetwork, "n", Added), rc(TypeNetwork, "n", Retire)},
			[]RecordChange{rc(TypeNetwork, "n", Retire)}},
		{"changed then retired is retired",
			[]RecordChange{rc(TypeMunicipality, "m", Changed), rc(TypeMunicipality, "m", Retire)},
			[]RecordChange{rc(TypeMunicipality, "m", Retire)}},
		{"retired then restored was there before and after: changed",
			[]RecordChange{rc(TypeMunicipality, "m", Retire), rc(TypeMunicipality, "m", Restore)},
			[]RecordChange{rc(TypeMunicipality, "m", Changed)}},
		{"added, retired and restored is added",
			[]RecordChange{rc(TypeMunicipality, "m", Added), rc(TypeMunicipality, "m", Retire), rc(TypeMunicipality, "m", Restore)},
			[]RecordChange{rc(TypeMunicipality, "m", Added)}},
		{"restored then changed is restored",
			[]RecordChange{rc(TypeMunicipality, "m", Restore), rc(TypeMunicipality, "m", Changed)},
			[]RecordChange{rc(TypeMunicipality, "m", Restore)}},
		{"restored then retired is retired",
			[]RecordChange{rc(TypeMunicipality, "m", Restore), rc(TypeMunicipality, "m", Retire)},
			[]RecordChange{rc(TypeMunicipality, "m", Retire)}},
		{"same ID in two types stays two records, in Types order then by ID",
			[]RecordChange{rc(TypeApproach, "x", Added), rc(TypeNetwork, "x", Changed), rc(TypeNetwork, "a", Added), rc(TypeCountry, "x", Retire)},
			[]RecordChange{rc(TypeCountry, "x", Retire), rc(TypeNetwork, "a", Added), rc(TypeNetwork, "x", Changed), rc(TypeApproach, "x", Added)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NetChanges(tt.seq); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
