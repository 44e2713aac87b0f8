package query

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/moving-cities/opendata/dataset"
)

func seedView(t testing.TB) *View {
	t.Helper()
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return NewView(dataset.NewSnapshot(d, 1))
}

// Cached builds a value once per view however many ask at once, keeps
// no failed build, and keeps values of different keys apart.
func TestCached(t *testing.T) {
	v := seedView(t)
	type key struct{ n int }
	var builds atomic.Int32
	var wg sync.WaitGroup
	got := make([]*int, 16)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _ = Cached(v, key{1}, func() (*int, error) { builds.Add(1); n := 1; return &n, nil })
		}()
	}
	wg.Wait()
	for _, p := range got {
		if p != got[0] {
			t.Fatal("two values for one key")
		}
	}
	if builds.Load() != 1 {
		t.Errorf("%d builds", builds.Load())
	}
	if p, _ := Cached(v, key{2}, func() (*int, error) { n := 2; return &n, nil }); *p != 2 {
		t.Error("another key shares a value")
	}
	fail := errors.New("no")
	if _, err := Cached(v, key{3}, func() (int, error) { return 0, fail }); err != fail {
		t.Errorf("error %v", err)
	}
	if n, err := Cached(v, key{3}, func() (int, error) { return 3, nil }); err != nil || n != 3 {
		t.Errorf("a failed build was kept: %d %v", n, err)
	}
	if w := seedView(t); must(w, key{1}, func() *int { n := 9; return &n }) == got[0] {
		t.Error("a new view reused the old one's value")
	}
}

func TestListRefuses(t *testing.T) {
	v := seedView(t)
	first, err := v.List(Request{Type: dataset.TypeMunicipality, Limit: 2})
	if err != nil || first.Next == "" {
		t.Fatal(err)
	}
	yes := true
	for _, tc := range []struct {
		name  string
		req   Request
		param string
		kind  Kind
	}{
		{"filter of another type", Request{Type: dataset.TypeCategory, Limit: 5, Filter: Filter{Country: "DE"}}, "country", Invalid},
		{"flag of another type", Request{Type: dataset.TypeApproach, Limit: 5, Filter: Filter{Featured: &yes}}, "featured", Invalid},
		{"unknown country", Request{Type: dataset.TypeMunicipality, Limit: 5, Filter: Filter{Country: "XX"}}, "country", Invalid},
		{"no such country name", Request{Type: dataset.TypeMunicipality, Limit: 5, Filter: Filter{Country: "Atlantis"}}, "country", Invalid},
		{"unknown scope", Request{Type: dataset.TypeNetwork, Limit: 5, Filter: Filter{Scope: "galactic"}}, "scope", Invalid},
		{"bad bbox", Request{Type: dataset.TypeMunicipality, Limit: 5, Filter: Filter{BBox: "1,2,3"}}, "bbox", Invalid},
		{"unknown sort", Request{Type: dataset.TypeCountry, Limit: 5, Sort: "population"}, "sort", Invalid},
		{"relevance without q", Request{Type: dataset.TypeCountry, Limit: 5, Sort: "relevance"}, "sort", Invalid},
		{"q without letters", Request{Type: dataset.TypeCountry, Limit: 5, Q: "!!"}, "q", Invalid},
		{"limit", Request{Type: dataset.TypeCountry, Limit: MaxLimit + 1}, "limit", Invalid},
		{"altered cursor", Request{Type: dataset.TypeMunicipality, Limit: 5, Cursor: first.Next[1:]}, "cursor", Malformed},
		{"cursor of another list", Request{Type: dataset.TypeCountry, Limit: 5, Cursor: first.Next}, "cursor", Malformed},
		{"cursor of another sort", Request{Type: dataset.TypeMunicipality, Limit: 5, Sort: "name", Cursor: first.Next}, "cursor", Malformed},
		{"members of no network", Request{Type: dataset.TypeMembership, Of: "nowhere", Limit: 5}, "network", Invalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := v.List(tc.req)
			var qe *Error
			if !errors.As(err, &qe) || qe.Param != tc.param || qe.Kind != tc.kind || qe.Message == "" {
				t.Errorf("error %#v, want %s of kind %d", err, tc.param, tc.kind)
			}
		})
	}
}

// Countries are named as people write them, as reconciliation allows.
func TestCountryFilterNames(t *testing.T) {
	v := seedView(t)
	want, err := v.List(Request{Type: dataset.TypeMunicipality, Limit: MaxLimit, Filter: Filter{Country: "DE"}})
	if err != nil || want.Total == 0 {
		t.Fatal(err)
	}
	for _, name := range []string{"de", "De", "Germany", "germany", "Deutschland", "Allemagne", "Alemania", "Γερμανία", "Niemcy", "Q183", " DE "} {
		t.Run(name, func(t *testing.T) {
			got, err := v.List(Request{Type: dataset.TypeMunicipality, Limit: MaxLimit, Filter: Filter{Country: name}})
			if err != nil {
				t.Fatal(err)
			}
			if got.Total != want.Total {
				t.Errorf("%d municipalities, want %d", got.Total, want.Total)
			}
		})
	}
	// Networks, memberships and approaches take the same values.
	for _, tp := range []dataset.Type{dataset.TypeNetwork, dataset.TypeMembership, dataset.TypeApproach} {
		a, errA := v.List(Request{Type: tp, Limit: MaxLimit, Filter: Filter{Country: "IT"}})
		b, errB := v.List(Request{Type: tp, Limit: MaxLimit, Filter: Filter{Country: "Italia"}})
		if errA != nil || errB != nil || a.Total != b.Total {
			t.Errorf("%s: IT %d (%v), Italia %d (%v)", tp, a.Total, errA, b.Total, errB)
		}
	}
}

// A network's members are memberships with their own cursors.
func TestListMembers(t *testing.T) {
	v := seedView(t)
	want := v.Snap.MembersOf("sichere-haefen")
	var ids []string
	cursor := ""
	for {
		p, err := v.List(Request{Type: dataset.TypeMembership, Of: "sichere-haefen", Limit: 7, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != len(want) {
			t.Fatalf("total %d, want %d", p.Total, len(want))
		}
		ids = append(ids, p.IDs...)
		if p.Next == "" {
			break
		}
		cursor = p.Next
	}
	if len(ids) != len(want) {
		t.Fatalf("walked %d, want %d", len(ids), len(want))
	}
	for i, m := range want {
		if ids[i] != m.ID {
			t.Errorf("%d: %s, want %s", i, ids[i], m.ID)
		}
	}
	if _, err := v.List(Request{Type: dataset.TypeMembership, Limit: 7, Cursor: cursor}); err == nil {
		t.Error("a members cursor walks all memberships")
	}
}

func TestSortOptions(t *testing.T) {
	v := seedView(t)
	got := v.SortOptions(dataset.TypeCategory)
	want := []string{"id", "-id", "label", "-label", "modified", "-modified", "relevance"}
	if len(got) != len(want) {
		t.Fatalf("%v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%v, want %v", got, want)
			break
		}
	}
}
