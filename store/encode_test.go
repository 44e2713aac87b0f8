package store

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/synth"
)

// The stores write documents through one reused DocEncoder: each must be
// the bytes json.Marshal writes for the record without its stamps, and
// the record must keep its stamps afterwards.
func TestDocEncoderWritesMarshalsBytes(t *testing.T) {
	seed, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	odd := dataset.Municipality{
		ID: "x", Names: dataset.Names{"en": "<A & B>", "de": "a\u2028b\u00e9\U0001F600"}, Website: "https://example.org/?a=1&b=<2>",
		Coordinates: &dataset.Coordinates{Lat: 1e-7, Lon: 123456789.25},
	}
	odd.Created = time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	odd.Modified = odd.Created.Add(time.Hour)
	enc := NewDocEncoder()
	for name, d := range map[string]*dataset.Dataset{
		"seed":  seed,
		"synth": synth.Generate(synth.Options{Municipalities: 2000, Seed: 7}),
		"odd":   {Municipalities: []dataset.Municipality{odd}},
	} {
		t.Run(name, func(t *testing.T) {
			encodeAll(t, enc, d.Countries)
			encodeAll(t, enc, d.Categories)
			encodeAll(t, enc, d.Networks)
			encodeAll(t, enc, d.Municipalities)
			encodeAll(t, enc, d.Memberships)
			encodeAll(t, enc, d.Approaches)
		})
	}
}

func encodeAll[T any, P interface {
	*T
	StampsRef() *dataset.Stamps
}](t *testing.T, enc *DocEncoder, recs []T) {
	t.Helper()
	for i := range recs {
		rec := P(&recs[i])
		st := rec.StampsRef()
		kept := *st
		got, err := enc.Doc(rec, st)
		if err != nil {
			t.Fatal(err)
		}
		*st = dataset.Stamps{}
		want, err := json.Marshal(rec)
		*st = kept
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Fatalf("%T %d: DocEncoder wrote\n%s\njson.Marshal writes\n%s", rec, i, got, want)
		}
		if *rec.StampsRef() != kept {
			t.Fatalf("%T %d: stamps %v after Doc, want %v", rec, i, *rec.StampsRef(), kept)
		}
	}
}
