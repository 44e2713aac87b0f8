package dataset_test

import (
	"errors"
	"reflect"
	"runtime"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/synth"
)

// Validate checks large collections in parts, on every core: it must
// find the same problems, in the same order, as on one core, including
// a field's problems that come from several records (a duplicate ID with
// a malformed and a duplicate Wikidata item).
func TestValidateInPartsAsInTurn(t *testing.T) {
	d := synth.Generate(synth.Options{Municipalities: 6000, Seed: 11})
	ms, mb := d.Municipalities, d.Memberships
	if len(ms) < 5000 || len(mb) < 5000 {
		t.Fatalf("%d municipalities, %d memberships: too few to be checked in parts", len(ms), len(mb))
	}
	ms[10].Wikidata = "Q123456789"
	ms[4000].ID = ms[3999].ID
	ms[3999].Wikidata = "Q123456789"
	ms[4000].Wikidata = "bad"
	ms[5999].Wikidata = "Q123456789"
	ms[2].Names = dataset.Names{}
	ms[3100].Country = "ZZ"
	ms[len(ms)-1].Status = "gone"
	mb[7].Network = "nowhere"
	mb[len(mb)/2].Municipality = ""
	mb[len(mb)-1].Until = mb[len(mb)-1].Since
	mb[len(mb)-1].Since = dataset.PartialDate{Year: 3000, Precision: dataset.PrecisionYear}

	validate := func(procs int) dataset.Problems {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var ps dataset.Problems
		if err := d.Validate(); !errors.As(err, &ps) {
			t.Fatalf("GOMAXPROCS %d: %v, want problems", procs, err)
		}
		return ps
	}
	one := validate(1)
	if len(one) < 10 {
		t.Fatalf("%d problems found, want at least 10: %v", len(one), one)
	}
	for _, procs := range []int{2, 3, 8} {
		if got := validate(procs); !reflect.DeepEqual(got, one) {
			t.Errorf("GOMAXPROCS %d:\n%v\none core:\n%v", procs, got, one)
		}
	}
}
