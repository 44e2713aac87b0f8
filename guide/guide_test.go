package guide

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
)

func seedInput(t testing.TB) Input {
	t.Helper()
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return Input{Snap: dataset.NewSnapshot(d, 7), BaseURI: "https://data.example.org"}
}

// Unchanged data makes identical bytes, and the documents carry their
// metadata: title, language, author, creation date from the data.
func TestGuideDeterministicWithMetadata(t *testing.T) {
	in := seedInput(t)
	for _, lang := range dataset.Languages {
		var a, b bytes.Buffer
		if err := WriteGuide(&a, in, lang); err != nil {
			t.Fatal(lang, err)
		}
		if err := WriteGuide(&b, seedInput(t), lang); err != nil {
			t.Fatal(lang, err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two guides of the same data differ", lang)
		}
		raw := a.String()
		for _, want := range []string{"/Lang (" + lang + ")", "/Author", "/Title", "/Outlines", "/CreationDate (D:" + in.date().Format("20060102150405")} {
			if !strings.Contains(raw, want) {
				t.Errorf("%s: no %q in the PDF", lang, want)
			}
		}
		if !strings.HasPrefix(raw, "%PDF-") {
			t.Errorf("%s: not a PDF", lang)
		}
	}
}

func TestProfilesDeterministic(t *testing.T) {
	in := seedInput(t)
	var a, b bytes.Buffer
	n, err := WriteProfiles(context.Background(), &a, in)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(len(in.Snap.Municipalities)) || n == 0 {
		t.Fatalf("profiles: %d, municipalities: %d", n, len(in.Snap.Municipalities))
	}
	if _, err := WriteProfiles(context.Background(), &b, seedInput(t)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two profile archives of the same data differ")
	}
}

func TestMapOutlines(t *testing.T) {
	if len(outlines) < 62 {
		t.Fatalf("map outlines: %d rings, want at least one per country path", len(outlines))
	}
	for _, r := range outlines {
		for _, p := range r {
			// The outlines are clipped to the frame, give or take a stroke.
			if p.X < europe.X-50 || p.X > europe.X+europe.W+50 || p.Y < europe.Y-50 || p.Y > europe.Y+europe.H+50 {
				t.Fatalf("outline point %v outside the map frame", p)
			}
		}
	}
}
