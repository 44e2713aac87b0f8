package sqlite

import (
	"reflect"
	"slices"
	"testing"

	"github.com/moving-cities/opendata/dataset"
)

func TestInKeyOrder(t *testing.T) {
	in := []dataset.Change{
		{Type: dataset.TypeMunicipality, ID: "b", Kind: dataset.Added},
		{Type: dataset.TypeCountry, ID: "DE", Kind: dataset.Changed},
		{Type: dataset.TypeMunicipality, ID: "a", Kind: dataset.Added},
		{Type: dataset.TypeMunicipality, ID: "b", Kind: dataset.Retire},
	}
	orig := slices.Clone(in)
	got := inKeyOrder(in)
	want := []int{1, 2, 0, 3}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("inKeyOrder = %v, want %v", got, want)
	}
	if !reflect.DeepEqual(in, orig) {
		t.Error("inKeyOrder reordered its argument")
	}
}
