package importer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/moving-cities/opendata/dataset"
)

// The fuzzers check that no input makes a decoder panic and that whatever
// a decoder accepts can be published: it encodes as JSON, and that JSON
// decodes back to the same dataset.

func FuzzDecodeCSV(f *testing.F) {
	for _, s := range []string{
		"id,country,name_en\nberlin,DE,Berlin\n",
		"\uFEFFid,kind,name_en,name_el,aliases,country,lat,lon,featured,population,population_year,summary_en,sources\r\n" +
			"athina,municipality,Athens,Αθήνα,\"en:Athina|el:Αθήνα\",GR,37.98,23.73,yes,643452,2021,\"A \"\"city\"\",\nwith lines\",https://a.example/\r\n",
		"id,country,name_en,name_uk,wikidata,wikidata_candidates,osm_relation,status\nkyiv,UA,Kyiv,Київ,Q1899,Q1|Q2,421866,withdrawn\n",
		"municipality,network,since,until,source_url,source_note\npalermo,solidarity-cities,2016,2019-06-01,https://a.example/,note\n",
		"network,municipality,id\nn,m,\n",
		"id,country,name_en,lat\na,DE,A,NaN\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := DecodeCSV(strings.NewReader(in))
		if err != nil {
			if d != nil {
				t.Fatalf("DecodeCSV returned a dataset and the error %v", err)
			}
			return
		}
		if len(d.Municipalities) > 0 && len(d.Memberships) > 0 {
			t.Fatal("a CSV file decoded to both municipalities and memberships")
		}
		roundTrip(t, d)
	})
}

func FuzzDecodeJSON(f *testing.F) {
	for _, s := range []string{
		`{}`,
		`{"countries":[{"id":"DE","names":{"en":"Germany","de":"Deutschland"},"wikidata":"Q183","bbox":{"west":5.8,"south":47.2,"east":15.1,"north":55.1}}]}`,
		`{"municipalities":[{"id":"athina","names":{"en":"Athens","el":"Αθήνα"},"aliases":[{"lang":"en","name":"Athina"}],` +
			`"country":"GR","coordinates":{"lat":37.98,"lon":23.73},"population":{"value":643452,"year":2021},` +
			`"featured":true,"summary":{"en":"x"},"sources":[{"url":"https://a.example/","accessed":"2024-05-01"}],"status":"active",` +
			`"created":"2024-01-02T03:04:05Z","modified":"2024-01-02T03:04:05+02:00"}]}`,
		`{"memberships":[{"id":"a-n","municipality":"a","network":"n","since":"2016","until":"2019-06","source":{"url":"https://a.example/"}}]}`,
		`{"approaches":[{"id":"x","title":{"en":"X"},"municipality":"a","categories":["housing"],"status":"active","related":["y"]}],` +
			`"retired":[{"type":"municipality","id":"old","replaced_by":"new","reason":"renamed","retired":"2025-01-01T00:00:00Z"}]}`,
		`{"networks":[{"id":"n","names":{"en":"N"},"scope":"european","founded":2016}],"categories":[{"id":"housing","labels":{"en":"Housing","de":"Wohnen"}}]}`,
		`{"networks":[{"id":"n","names":{"en":"N","en":"M"}}],"countries":[{"id":"D\u00c9","names":{"en":"\ud83d\ude00 \ud800"}}]}`,
		"{\"categories\":[{\"id\":\"c\",\"labels\":{\"en\":\"\xff\"},\"x\":[1,{\"a\":null}]}],\"countries\":null}",
		`{"networks":[{"id":"n","founded":-0.5e+3,"countries":["DE",true]}]} `,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := DecodeJSON(strings.NewReader(in))
		if err != nil {
			if d != nil {
				t.Fatalf("DecodeJSON returned a dataset and the error %v", err)
			}
			return
		}
		// Whatever it accepts, encoding/json accepts too and reads the
		// same; DecodeJSON is only stricter (UTF-8, repeated fields, case
		// of field names).
		var want dataset.Dataset
		dec := json.NewDecoder(strings.NewReader(strings.TrimPrefix(in, bom)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&want); err != nil {
			t.Fatalf("DecodeJSON accepted what encoding/json refuses (%v)", err)
		}
		if !reflect.DeepEqual(*d, want) {
			t.Fatalf("DecodeJSON and encoding/json differ:\n%+v\n%+v", *d, want)
		}
		if s, ok := invalidText(reflect.ValueOf(d)); ok {
			t.Fatalf("DecodeJSON accepted the text %q, which is not UTF-8", s)
		}
		roundTrip(t, d)
	})
}

// invalidText finds a string in v that is not valid UTF-8.
func invalidText(v reflect.Value) (string, bool) {
	switch v.Kind() {
	case reflect.String:
		return v.String(), !utf8.ValidString(v.String())
	case reflect.Pointer:
		if !v.IsNil() {
			return invalidText(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if s, bad := invalidText(v.Field(i)); bad {
				return s, true
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			if s, bad := invalidText(v.Index(i)); bad {
				return s, true
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if s, bad := invalidText(it.Key()); bad {
				return s, true
			}
			if s, bad := invalidText(it.Value()); bad {
				return s, true
			}
		}
	}
	return "", false
}

// roundTrip encodes d and decodes the result with DecodeJSON: both must
// succeed, and the second encoding must equal the first.
func roundTrip(t *testing.T, d any) {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatalf("a decoded dataset does not encode as JSON: %v", err)
	}
	d2, err := DecodeJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the JSON of a decoded dataset does not decode: %v\n%s", err, b)
	}
	b2, err := json.Marshal(d2)
	if err != nil {
		t.Fatalf("re-encode: %v", err)
	}
	if !bytes.Equal(b, b2) {
		t.Fatalf("JSON round trip changed the dataset:\n%s\n%s", b, b2)
	}
}

// FuzzSizeLimit: under a size limit, a decoder gives what it gives without
// one when the input fits, and never succeeds on an input that does not.
func FuzzSizeLimit(f *testing.F) {
	f.Add(`{"countries":[{"id":"DE","names":{"en":"Germany"}}]}`, uint16(10), true)
	f.Add(`{"countries":[{"id":"DE","names":{"en":"Germany"}}]}`, uint16(100), true)
	f.Add("id,country,name_en\nberlin,DE,Berlin\n", uint16(36), false)
	f.Add("id,country,name_en\nberlin,DE,Berlin", uint16(34), false)
	f.Fuzz(func(t *testing.T, in string, limit uint16, isJSON bool) {
		decode := DecodeCSV
		if isJSON {
			decode = DecodeJSON
		}
		lim := int64(limit) + 1
		d, err := decode(NewReader(context.Background(), strings.NewReader(in), lim))
		if int64(len(in)) > lim {
			if err == nil {
				t.Fatalf("%d bytes decoded under a limit of %d", len(in), lim)
			}
			return
		}
		var tl *TooLargeError
		if errors.As(err, &tl) {
			t.Fatalf("%d bytes refused under a limit of %d: %v", len(in), lim, err)
		}
		d2, err2 := decode(strings.NewReader(in))
		if (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() || !reflect.DeepEqual(d, d2) {
			t.Fatalf("with a limit: %v, %v; without: %v, %v", d, err, d2, err2)
		}
	})
}
