package dataset

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// TestMergeConsuming: MergeConsuming, which builds the result in the
// incoming arrays, gives what Merge gives (the records, their stamps, the
// changes in order and what they point at, the problems), and leaves
// current as it was.
func TestMergeConsuming(t *testing.T) {
	seed, err := Seed()
	if err != nil {
		t.Fatal(err)
	}
	stamped := clone(t, seed)
	for i := range stamped.Municipalities {
		stamped.Municipalities[i].Created = mustDate(t, "2020-01-01").Start()
	}
	ms := seed.Municipalities
	edited := func(f func(d *Dataset)) *Dataset {
		d := clone(t, seed)
		f(d)
		return d
	}
	cases := []struct {
		name              string
		current, incoming *Dataset
	}{
		{"into an empty current", &Dataset{}, seed},
		{"the same again", stamped, seed},
		{"some changed, some added, in reverse order", stamped, edited(func(d *Dataset) {
			slices.Reverse(d.Municipalities)
			for i := range d.Municipalities {
				if i%3 == 0 {
					d.Municipalities[i].Website = "https://example.org/" + d.Municipalities[i].ID
				}
				if i%5 == 0 {
					d.Municipalities[i].ID += "-new"
				}
			}
			d.Municipalities = d.Municipalities[:len(d.Municipalities)*2/3]
		})},
		{"a retirement and a changed record", stamped, &Dataset{
			Municipalities: []Municipality{func() Municipality { m := ms[1]; m.Website = "https://example.org"; return m }()},
			Retired:        []Retired{{Type: TypeMunicipality, ID: ms[0].ID, Reason: "merged"}},
		}},
		{"only new records, fewer than current", stamped, &Dataset{Municipalities: []Municipality{
			func() Municipality { m := ms[2]; m.ID = "aaa-first"; return m }(),
			func() Municipality { m := ms[2]; m.ID = "zzz-last"; return m }(),
		}}},
		{"a duplicate ID", stamped, &Dataset{Municipalities: []Municipality{ms[3], ms[3]}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := encode(t, c.current)
			want, wantChanges, wantErr := Merge(clone(t, c.current), clone(t, c.incoming))
			got, gotChanges, gotErr := MergeConsuming(c.current, clone(t, c.incoming))
			if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
				t.Fatalf("error %v, want %v", gotErr, wantErr)
			}
			if encode(t, c.current) != before {
				t.Error("MergeConsuming modified current")
			}
			if wantErr != nil {
				return
			}
			if g, w := encode(t, got), encode(t, want); g != w {
				t.Errorf("result differs:\n got %.300s\nwant %.300s", g, w)
			}
			if len(gotChanges) != len(wantChanges) {
				t.Fatalf("%d changes, want %d", len(gotChanges), len(wantChanges))
			}
			for i, w := range wantChanges {
				g := gotChanges[i]
				if g.Kind != w.Kind || g.Type != w.Type || g.ID != w.ID || g.KeepStamps != w.KeepStamps || encode(t, g.Record) != encode(t, w.Record) {
					t.Errorf("change %d: %s %s %s, want %s %s %s", i, g.Kind, g.Type, g.ID, w.Kind, w.Type, w.ID)
				}
				if g.Kind != Retire && !pointsInto(g.Record, got) {
					t.Errorf("change %d (%s) does not point into the result", i, g.ID)
				}
			}
		})
	}
}

// pointsInto reports whether rec points at an element of one of d's arrays.
func pointsInto(rec any, d *Dataset) bool {
	p := reflect.ValueOf(rec).Pointer()
	for _, a := range []any{d.Countries, d.Categories, d.Networks, d.Municipalities, d.Memberships, d.Approaches} {
		s := reflect.ValueOf(a)
		for i := range s.Len() {
			if s.Index(i).Addr().Pointer() == p {
				return true
			}
		}
	}
	return false
}

func clone(t *testing.T, d *Dataset) *Dataset {
	t.Helper()
	var c Dataset
	if err := json.Unmarshal([]byte(encode(t, d)), &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

func encode(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
