package store

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/synth"
)

// fastDocs are documents the fast path must take and decode as
// encoding/json does (the first fastTaken), and documents it may give up
// on (it must then leave them to the slow path, never decode them
// differently).
const fastTaken = 10

var fastDocs = []string{
	`{"id":"x","names":{},"aliases":[],"wikidata_candidates":[],"sources":[]}`,
	`{"id":"x","names":{"en":"Ávioz","el":"Αθήνα"},"coordinates":{"lat":1e2,"lon":-0.5},"osm_relation":12345678901}`,
	`{"id":"x","population":{"value":3600000,"year":2020,"source":"https://example.org"},"sources":[{"url":"https://example.org","accessed":"2020-01-02","title":"t","note":"n"}]}`,
	` { "id" : "x" , "featured" : true , "id_coined" : false } `,
	`{"id":"x","summary":{"en":"s","de":"z"},"summary_origin":{"en":"platform","de":"translation"},"status":"active","kind":"district"}`,
	`{"id":"x","aliases":[{"lang":"de","name":"X"},{"name":"Y","lang":"fr"}],"wikidata_candidates":["Q1","Q2"]}`,
	`{"id":"x","lau":"1","nuts3":"DE1","geonames":"5","website":"https://x.example/","country":"DE"}`,
	`{"id":"m","municipality":"a","network":"n","since":"2019","until":"2020-05","attested":"2018-01-02","source":{"url":"u"}}`,
	`{"id":"a","title":{"en":"T"},"title_origin":{"en":"own"},"aliases":["b"],"municipality":"m","categories":[],"summary":{"en":"s"},"summary_origin":{"en":"platform"},"year_started":2018,"status":"active","related":["c","d"],"sources":[{"url":"u"}],"id_coined":true,"own_categories":false}`,
	`{"id":"x","website":"https://x.example/?a=1\u0026b=2","sources":[{"url":"u","note":"\"Stadt Ö\"\n"}]}`,
	// The fast path may give up from here on: surrogates, keys in
	// another case, nulls, duplicate keys, content fields, numbers out
	// of range, bad dates, bad JSON.
	`{"id":"x","names":{"en":"a\u00e9\ud83d\ude00\n"}}`,
	`{"ID":"x","Names":{"en":"X"},"COUNTRY":"DE","Featured":true}`,
	`{"id":"x","sources":null,"population":null}`,
	`{"id":"x\"y\\\/\b\f\n\r\t\u00e9\u0026é"}`,
	`{"id":"x\u12","names":{"e\u006e":"X"}}`,
	`{"id":"x\ud83d\ude00"}`,
	`{"id":"x\ud83d"}`,
	`{"id":"x\q"}`,
	`{"id":"é\n` + "\xff" + `"}`,
	`{"id":"é` + "\xff" + `\n"}`,
	`{"id":"x` + "\x01" + `"}`,
	`{"id":"x\n` + "\x01" + `"}`,
	`{"id":"x","id":"y"}`,
	`{"id":"x","names":{"en":"a","en":"b"}}`,
	`{"id":"x","subtitle":{"en":"s"}}`,
	`{"id":"x","osm_relation":1.5}`,
	`{"id":"x","osm_relation":99999999999999999999}`,
	`{"id":"x","coordinates":{"lat":1e400,"lon":0}}`,
	`{"id":"x","coordinates":{"lat":0x10,"lon":0}}`,
	`{"id":"x","coordinates":{"lat":01,"lon":0}}`,
	`{"id":"x","coordinates":{"lat":1.,"lon":0}}`,
	`{"id":"x","coordinates":{"lat":+1,"lon":0}}`,
	`{"id":"x","sources":[{"url":"u","accessed":"2019-13-01"}]}`,
	`{"id":"m","since":null}`,
	`{"id":"a","categories":null}`,
	`{"id":"a","year_started":1e3}`,
	`{"id":"a","title_origin":{"en":5}}`,
	`{"id":"a","steps":{"en":"x"}}`,
	`{"id":"x","names":{"en":"` + "\xff" + `"}}`,
	`{"id":"x","featured":tru}`,
	`{"id":"x","featured":truex}`,
	`{"id":"x",}`,
	`{"id":"x"`,
	`{"id":"x"} x`,
	`{"id":"x"}{}`,
	`{"id":5}`,
	`[]`,
	``,
}

// The fast path takes every municipality and membership our encoder
// writes, and decodes each as encoding/json does.
func TestFastDecodeAgreesWithEncodingJSON(t *testing.T) {
	seed, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range map[string]*dataset.Dataset{
		"seed":  seed,
		"synth": synth.Generate(synth.Options{Municipalities: 2000, Seed: 7}),
	} {
		t.Run(name, func(t *testing.T) {
			f := newFastDecoder()
			taken := 0
			for i := range d.Municipalities {
				m := d.Municipalities[i]
				m.Stamps = dataset.Stamps{}
				doc, err := json.Marshal(&m)
				if err != nil {
					t.Fatal(err)
				}
				if checkFast(t, f, doc) {
					taken++
				} else if reflect.DeepEqual(m.CityContent, dataset.CityContent{}) {
					t.Errorf("the fast path gave up on %s", doc)
				}
			}
			if taken == 0 {
				t.Error("the fast path took no municipality")
			}
			takenApproaches := 0
			for i := range d.Approaches {
				a := d.Approaches[i]
				a.Stamps = dataset.Stamps{}
				doc, err := json.Marshal(&a)
				if err != nil {
					t.Fatal(err)
				}
				if checkFastApproach(t, f, doc) {
					takenApproaches++
				} else if reflect.DeepEqual(a.ApproachContent, dataset.ApproachContent{}) {
					t.Errorf("the fast path gave up on %s", doc)
				}
			}
			if takenApproaches == 0 {
				t.Error("the fast path took no approach")
			}
			for i := range d.Memberships {
				m := d.Memberships[i]
				m.Stamps = dataset.Stamps{}
				doc, err := json.Marshal(&m)
				if err != nil {
					t.Fatal(err)
				}
				if !checkFastMembership(t, f, doc) {
					t.Errorf("the fast path gave up on %s", doc)
				}
			}
		})
	}
	f := newFastDecoder()
	for _, doc := range fastDocs {
		checkFast(t, f, []byte(doc))
		checkFastApproach(t, f, []byte(doc))
	}
	for _, doc := range fastDocs[:fastTaken] {
		take := checkFast
		if strings.HasPrefix(doc, `{"id":"a"`) {
			take = checkFastApproach
		}
		if !take(t, f, []byte(doc)) {
			t.Errorf("the fast path gave up on %s", doc)
		}
	}
}

// checkFast decodes doc as a municipality, or a membership when its ID
// is "m", and reports whether the fast path took it; when it did, it
// must agree with encoding/json.
func checkFast(t *testing.T, f *fastDecoder, doc []byte) bool {
	t.Helper()
	if strings.Contains(string(doc), `"id":"m"`) {
		return checkFastMembership(t, f, doc)
	}
	var got, want dataset.Municipality
	if !f.municipality(&got, doc) {
		return false
	}
	if err := json.Unmarshal(doc, &want); err != nil {
		t.Errorf("%s: the fast path took what encoding/json refuses: %v", doc, err)
	} else if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\nfast path     %#v\nencoding/json %#v", doc, got, want)
	}
	return true
}

func checkFastMembership(t *testing.T, f *fastDecoder, doc []byte) bool {
	t.Helper()
	var got, want dataset.Membership
	if !f.membership(&got, doc) {
		return false
	}
	if err := json.Unmarshal(doc, &want); err != nil {
		t.Errorf("%s: the fast path took what encoding/json refuses: %v", doc, err)
	} else if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\nfast path     %#v\nencoding/json %#v", doc, got, want)
	}
	return true
}

func checkFastApproach(t *testing.T, f *fastDecoder, doc []byte) bool {
	t.Helper()
	var got, want dataset.Approach
	if !f.approach(&got, doc) {
		return false
	}
	if err := json.Unmarshal(doc, &want); err != nil {
		t.Errorf("%s: the fast path took what encoding/json refuses: %v", doc, err)
	} else if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\nfast path     %#v\nencoding/json %#v", doc, got, want)
	}
	return true
}

// Whatever the fast path takes, encoding/json decodes to the same value.
func FuzzFastDecode(f *testing.F) {
	for _, doc := range fastDocs {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		f := newFastDecoder()
		checkFast(t, f, doc)
		checkFastMembership(t, f, doc)
		checkFastApproach(t, f, doc)
	})
}

func BenchmarkDecodeMunicipality(b *testing.B) {
	d := synth.Generate(synth.Options{Municipalities: 2000, Seed: 7})
	var docs [][]byte
	for i := range d.Municipalities {
		m := d.Municipalities[i]
		m.Stamps = dataset.Stamps{}
		doc, _ := json.Marshal(&m)
		docs = append(docs, doc)
	}
	b.Run("fast", func(b *testing.B) {
		f := newFastDecoder()
		for i := 0; b.Loop(); i++ {
			var m dataset.Municipality
			if !f.municipality(&m, docs[i%len(docs)]) {
				m = dataset.Municipality{}
				_ = decodeRecord(&m, docs[i%len(docs)], dataset.Stamps{})
			}
		}
	})
	b.Run("json-iterator", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			var m dataset.Municipality
			_ = decodeRecord(&m, docs[i%len(docs)], dataset.Stamps{})
		}
	})
}
