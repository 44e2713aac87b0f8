package store

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

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
		var want, got dataset.Municipality
		stdErr := json.Unmarshal([]byte(doc), &want)
		err := decodeRecord(&got, []byte(doc), dataset.Stamps{})
		if (err == nil) != (stdErr == nil) {
			t.Errorf("%s: decodeRecord: %v; encoding/json: %v", doc, err, stdErr)
		}
	}
}

func checkAll[T any, PT interface {
	*T
	stamped
}](t *testing.T, xs []T) {
	t.Helper()
	if len(xs) == 0 {
		t.Fatalf("no %T to check", xs)
	}
	for i := range xs {
		doc, err := json.Marshal(&xs[i])
		if err != nil {
			t.Fatal(err)
		}
		check[T, PT](t, doc)
	}
}

func check[T any, PT interface {
	*T
	stamped
}](t *testing.T, doc []byte) {
	t.Helper()
	var want T
	if err := json.Unmarshal(doc, &want); err != nil {
		t.Fatalf("encoding/json: %s: %v", doc, err)
	}
	var got T
	// The stamps are the store's to give (from its columns): those of
	// the document are given here, to compare the rest.
	if err := decodeRecord(PT(&got), doc, *PT(&want).StampsRef()); err != nil {
		t.Fatalf("decodeRecord: %s: %v", doc, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\ndecodeRecord  %#v\nencoding/json %#v", doc, got, want)
	}
}

// The Decoder puts each type's i-th record added in slot i, whichever
// worker decodes it, with its stamps; it reports a record that does not
// decode, by type and ID, and rows that disagree with the counts.
func TestDecoder(t *testing.T) {
	src := synth.Generate(synth.Options{Municipalities: 3000, Seed: 3})
	stamps := func(i int) dataset.Stamps {
		at := time.Date(2020, 1, 1, 0, 0, i, 0, time.UTC)
		return dataset.Stamps{Created: at, Modified: at.Add(time.Hour)}
	}
	type row struct {
		t       dataset.Type
		id, doc string
		st      dataset.Stamps
	}
	var rows []row
	counts := map[dataset.Type]int{}
	add := func(typ dataset.Type, id string, x stamped) {
		*x.StampsRef() = stamps(len(rows))
		doc, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, row{typ, id, string(doc), *x.StampsRef()})
		counts[typ]++
	}
	want := &dataset.Dataset{
		Countries: slices.Clone(src.Countries), Categories: slices.Clone(src.Categories),
		Networks: slices.Clone(src.Networks), Municipalities: slices.Clone(src.Municipalities),
		Memberships: slices.Clone(src.Memberships), Approaches: slices.Clone(src.Approaches),
	}
	for i := range want.Countries {
		add(dataset.TypeCountry, want.Countries[i].ID, &want.Countries[i])
	}
	for i := range want.Categories {
		add(dataset.TypeCategory, want.Categories[i].ID, &want.Categories[i])
	}
	for i := range want.Networks {
		add(dataset.TypeNetwork, want.Networks[i].ID, &want.Networks[i])
	}
	for i := range want.Municipalities {
		add(dataset.TypeMunicipality, want.Municipalities[i].ID, &want.Municipalities[i])
	}
	for i := range want.Memberships {
		add(dataset.TypeMembership, want.Memberships[i].ID, &want.Memberships[i])
	}
	for i := range want.Approaches {
		add(dataset.TypeApproach, want.Approaches[i].ID, &want.Approaches[i])
	}
	// Stored documents do not hold the stamps: the store's columns do.
	for i := range rows {
		var m map[string]any
		if err := json.Unmarshal([]byte(rows[i].doc), &m); err != nil {
			t.Fatal(err)
		}
		delete(m, "created")
		delete(m, "modified")
		doc, _ := json.Marshal(m)
		rows[i].doc = string(doc)
	}

	load := func(rows []row, counts map[dataset.Type]int) (*dataset.Dataset, error) {
		d := &dataset.Dataset{}
		dec := NewDecoder(d)
		defer dec.Close()
		for _, typ := range dataset.Types {
			if err := dec.Reserve(typ, counts[typ]); err != nil {
				return nil, err
			}
		}
		buf := []byte{} // reused, as the stores reuse theirs
		for _, r := range rows {
			buf = append(buf[:0], r.doc...)
			if err := dec.Add(r.t, []byte(r.id), buf, r.st); err != nil {
				return nil, err
			}
			clear(buf)
		}
		return d, dec.Wait()
	}
	got, err := load(rows, counts)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the decoded dataset differs from the one encoded")
	}

	bad := slices.Clone(rows)
	i := len(bad) / 2
	bad[i].doc = `{"id":5}`
	if _, err := load(bad, counts); err == nil || !strings.Contains(err.Error(), string(bad[i].t)+" "+bad[i].id+":") {
		t.Errorf("a bad record in the middle: %v, want an error naming %s %s", err, bad[i].t, bad[i].id)
	}
	fewer := maps.Clone(counts)
	fewer[dataset.TypeMunicipality]--
	if _, err := load(rows, fewer); err == nil {
		t.Error("more municipalities than counted: no error")
	}
	more := maps.Clone(counts)
	more[dataset.TypeMembership]++
	if _, err := load(rows, more); err == nil {
		t.Error("fewer memberships than counted: no error")
	}
	if _, err := load(append(slices.Clone(rows), row{t: "town", id: "x", doc: "{}"}), counts); err == nil {
		t.Error("a record of an unknown type: no error")
	}
}
