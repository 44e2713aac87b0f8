package edit

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
)

func seed(t *testing.T) *dataset.Snapshot {
	t.Helper()
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	merged, _, err := dataset.Merge(&dataset.Dataset{}, d)
	if err != nil {
		t.Fatal(err)
	}
	return dataset.NewSnapshot(merged, 1)
}

func raw(s string) json.RawMessage { return json.RawMessage(s) }

const newNetwork = `{"id": "test-net", "names": {"en": "Test network"}, "scope": "european"}`

func TestPlan(t *testing.T) {
	snap := seed(t)
	tests := []struct {
		name     string
		ops      []Op
		wantKind Kind   // when an error is wanted
		wantMsg  string // in the error; empty: success
		check    func(t *testing.T, d *dataset.Dataset, changes []dataset.Change)
	}{
		{name: "create", ops: []Op{{Op: OpCreate, Type: "networks", Record: raw(newNetwork)}},
			check: func(t *testing.T, d *dataset.Dataset, ch []dataset.Change) {
				if len(ch) != 1 || ch[0].Kind != dataset.Added || ch[0].ID != "test-net" {
					t.Fatalf("changes %+v", ch)
				}
			}},
		{name: "create takes the path ID", ops: []Op{{Op: OpCreate, Type: "network", ID: "other-net", Record: raw(`{"names": {"en": "Other"}, "scope": "national"}`)}},
			check: func(t *testing.T, d *dataset.Dataset, ch []dataset.Change) {
				if len(ch) != 1 || ch[0].ID != "other-net" {
					t.Fatalf("changes %+v", ch)
				}
			}},
		{name: "create an existing ID", ops: []Op{{Op: OpCreate, Type: "network", Record: raw(`{"id": "alliance-migrations", "names": {"en": "X"}, "scope": "european"}`)}},
			wantKind: Conflict, wantMsg: "exists"},
		{name: "unknown field", ops: []Op{{Op: OpCreate, Type: "network", Record: raw(`{"id": "x-net", "names": {"en": "X"}, "scope": "european", "colour": "red"}`)}},
			wantKind: Invalid, wantMsg: `unknown field "colour"`},
		{name: "invalid ID and dangling reference at once", ops: []Op{
			{Op: OpCreate, Type: "network", Record: raw(`{"id": "Bad ID", "names": {"en": "X"}, "scope": "european"}`)},
			{Op: OpPatch, Type: "membership", ID: "a-coruna-ciudades-refugio", Patch: raw(`{"network": "no-such-network"}`)},
		}, wantKind: Invalid, wantMsg: `refers to unknown network "no-such-network"`},
		{name: "patch", ops: []Op{{Op: OpPatch, Type: "municipality", ID: "a-coruna", Patch: raw(`{"summary": {"en": "Patched."}, "wikidata": null}`)}},
			check: func(t *testing.T, d *dataset.Dataset, ch []dataset.Change) {
				m := ch[0].Record.(*dataset.Municipality)
				if m.Summary["en"] != "Patched." || m.Wikidata != "" || m.Names["es"] != "La Coruña" {
					t.Fatalf("patched record %+v", m)
				}
			}},
		{name: "patch cannot change the ID", ops: []Op{{Op: OpPatch, Type: "municipality", ID: "a-coruna", Patch: raw(`{"id": "coruna"}`)}},
			wantKind: Invalid, wantMsg: "rename"},
		{name: "patch of a missing record", ops: []Op{{Op: OpPatch, Type: "municipality", ID: "atlantis", Patch: raw(`{}`)}},
			wantKind: NotFound, wantMsg: "no municipality"},
		{name: "patch that changes nothing", ops: []Op{{Op: OpPatch, Type: "municipality", ID: "a-coruna", Patch: raw(`{"featured": false}`)}},
			check: func(t *testing.T, d *dataset.Dataset, ch []dataset.Change) {
				if len(ch) != 0 {
					t.Fatalf("changes %+v, want none", ch)
				}
			}},
		{name: "replace keeps nothing left out", ops: []Op{{Op: OpReplace, Type: "country", ID: "AL", Record: raw(`{"names": {"en": "Albania"}, "iri": "ignored", "type": "Country"}`)}},
			check: func(t *testing.T, d *dataset.Dataset, ch []dataset.Change) {
				c := ch[0].Record.(*dataset.Country)
				if c.ID != "AL" || c.Wikidata != "" || c.BBox != nil {
					t.Fatalf("replaced record %+v", c)
				}
			}},
		{name: "delete a record others point to", ops: []Op{{Op: OpDelete, Type: "municipality", ID: "a-coruna"}},
			wantKind: Conflict, wantMsg: `membership "a-coruna-ciudades-refugio" (municipality)`},
		{name: "delete", ops: []Op{{Op: OpDelete, Type: "membership", ID: "a-coruna-ciudades-refugio", Reason: "duplicate"}},
			check: func(t *testing.T, d *dataset.Dataset, ch []dataset.Change) {
				if len(ch) != 1 || ch[0].Kind != dataset.Retire || ch[0].Record.(*dataset.Retired).Reason != "duplicate" {
					t.Fatalf("changes %+v", ch)
				}
			}},
		{name: "rename rewrites references", ops: []Op{{Op: OpRename, Type: "municipality", ID: "a-coruna", To: "la-coruna"}},
			check: func(t *testing.T, d *dataset.Dataset, ch []dataset.Change) {
				kinds := map[string]dataset.ChangeKind{}
				for _, c := range ch {
					kinds[string(c.Type)+"/"+c.ID] = c.Kind
				}
				if kinds["municipality/la-coruna"] != dataset.Added || kinds["municipality/a-coruna"] != dataset.Retire ||
					kinds["membership/a-coruna-ciudades-refugio"] != dataset.Changed {
					t.Fatalf("changes %v", kinds)
				}
				for _, m := range d.Memberships {
					if m.Municipality == "a-coruna" {
						t.Fatalf("membership %s still points at the old ID", m.ID)
					}
				}
			}},
		{name: "rename onto an existing ID", ops: []Op{{Op: OpRename, Type: "municipality", ID: "a-coruna", To: snap.Municipalities[1].ID}},
			wantKind: Conflict, wantMsg: "cannot take an ID in use"},
		{name: "batch is all or nothing", ops: []Op{
			{Op: OpCreate, Type: "network", Record: raw(newNetwork)},
			{Op: OpDelete, Type: "municipality", ID: "atlantis"},
		}, wantKind: NotFound, wantMsg: "atlantis"},
		{name: "edit after delete in one batch", ops: []Op{
			{Op: OpDelete, Type: "membership", ID: "a-coruna-ciudades-refugio"},
			{Op: OpPatch, Type: "membership", ID: "a-coruna-ciudades-refugio", Patch: raw(`{}`)},
		}, wantKind: Gone, wantMsg: "retired"},
		{name: "unknown op and type", ops: []Op{{Op: "upsert", Type: "network"}, {Op: OpCreate, Type: "planet"}},
			wantKind: Invalid, wantMsg: "unknown op"},
		{name: "no ops", ops: nil, wantKind: Invalid, wantMsg: "no changes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, changes, err := Plan(snap, tt.ops, store.Meta{Author: "t"})
			if tt.wantMsg != "" && tt.check == nil {
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("Plan = %v, want an *Error", err)
				}
				if e.Kind() != tt.wantKind || !strings.Contains(e.Error(), tt.wantMsg) {
					t.Fatalf("Plan = kind %d: %v; want kind %d with %q", e.Kind(), e, tt.wantKind, tt.wantMsg)
				}
				return
			}
			if err != nil {
				t.Fatalf("Plan: %v", err)
			}
			tt.check(t, d, changes)
		})
	}
}

func TestPlanReportsEveryProblemAtOnce(t *testing.T) {
	_, _, err := Plan(seed(t), []Op{
		{Op: OpCreate, Type: "network", Record: raw(`{"id": "a-net", "names": {"en": "A"}, "scope": "galactic"}`)},
		{Op: OpCreate, Type: "network", Record: raw(`{"id": "b-net", "names": {"en": "B"}, "scope": "european", "website": "not a url"}`)},
	}, store.Meta{})
	var e *Error
	if !errors.As(err, &e) || len(e.Problems) < 2 {
		t.Fatalf("Plan = %v; want both problems", err)
	}
}

func TestMergePatch(t *testing.T) {
	tests := []struct{ doc, patch, want string }{
		{`{"a":"b"}`, `{"a":"c"}`, `{"a":"c"}`},
		{`{"a":"b"}`, `{"b":"c"}`, `{"a":"b","b":"c"}`},
		{`{"a":"b"}`, `{"a":null}`, `{}`},
		{`{"a":{"b":"c","d":"e"}}`, `{"a":{"d":null}}`, `{"a":{"b":"c"}}`},
		{`{"a":[1,2]}`, `{"a":[3]}`, `{"a":[3]}`},
	}
	for _, tt := range tests {
		got, err := mergePatch([]byte(tt.doc), []byte(tt.patch))
		if err != nil || string(got) != tt.want {
			t.Errorf("mergePatch(%s, %s) = %s, %v; want %s", tt.doc, tt.patch, got, err, tt.want)
		}
	}
	if _, err := mergePatch([]byte(`{}`), []byte(`[1]`)); err == nil {
		t.Error("a patch that is not an object was taken")
	}
}
