package store

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/synth"
)

// Load decodes records with a faster decoder than encoding/json: every
// record it stores must decode to the same value as encoding/json
// decodes it to, and what encoding/json refuses it must refuse too.
func TestDecodeAgreesWithEncodingJSON(t *testing.T) {
	seed, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range map[string]*dataset.Dataset{
		"seed":  seed,
		"synth": synth.Generate(synth.Options{Municipalities: 2000, Seed: 7}),
	} {
		t.Run(name, func(t *testing.T) {
			checkAll(t, d.Countries)
			checkAll(t, d.Categories)
			checkAll(t, d.Networks)
			checkAll(t, d.Municipalities)
			checkAll(t, d.Memberships)
			checkAll(t, d.Approaches)
		})
	}
	// Documents no encoder of ours writes, but a database edited by hand
	// may hold: empty and null collections, keys in another case.
	for _, doc := range []string{
		`{"id":"x","names":{},"aliases":[],"sources":null,"wikidata_candidates":[],"population":null}`,
		`{"ID":"x","Names":{"en":"X"},"COUNTRY":"DE","Featured":true}`,
		`{"id":"x","names":{"en":"a\u00e9\ud83d\ude00\n"},"coordinates":{"lat":1e2,"lon":-0.5},"osm_relation":12345678901}`,
		`{"id":"x","population":{"value":3600000,"year":2020},"sources":[{"url":"https://example.org","accessed":"2020-01-02"}]}`,
	} {
		check[dataset.Municipality](t, []byte(doc))
	}
	for _, doc := range []string{
		`{"id":5}`,
		`{"id":"x",}`,
		`{"id":"x"`,
		`{"id":"x","sources":[{"url":"u","accessed":"2019-13-01"}]}`,
		`{"id":"x","osm_relation":1.5}`,
		`{"id":"x","names":{"en":5}}`,
		`[]`,
		``,
	} {
		var want dataset.Municipality
		stdErr := json.Unmarshal([]byte(doc), &want)
		var list []dataset.Municipality
		err := decodeInto(&list, []byte(doc), func(*dataset.Municipality) {})
		if (err == nil) != (stdErr == nil) || err != nil && len(list) != 0 {
			t.Errorf("%s: decodeInto: %v, %d records; encoding/json: %v", doc, err, len(list), stdErr)
		}
	}
}

func checkAll[T any](t *testing.T, xs []T) {
	t.Helper()
	if len(xs) == 0 {
		t.Fatalf("no %T to check", xs)
	}
	for i := range xs {
		doc, err := json.Marshal(&xs[i])
		if err != nil {
			t.Fatal(err)
		}
		check[T](t, doc)
	}
}

func check[T any](t *testing.T, doc []byte) {
	t.Helper()
	var want T
	if err := json.Unmarshal(doc, &want); err != nil {
		t.Fatalf("encoding/json: %s: %v", doc, err)
	}
	var got []T
	if err := decodeInto(&got, doc, func(*T) {}); err != nil {
		t.Fatalf("decodeInto: %s: %v", doc, err)
	}
	if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Errorf("%s:\ndecodeInto    %#v\nencoding/json %#v", doc, got, want)
	}
}
