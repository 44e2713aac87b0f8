package synth

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/moving-cities/opendata/dataset"
)

func TestGenerateIsValid(t *testing.T) {
	tests := []struct {
		name string
		opt  Options
	}{
		{"none", Options{Municipalities: 0, Seed: 1}},
		{"negative", Options{Municipalities: -5, Seed: 1}},
		{"one", Options{Municipalities: 1, Seed: 7}},
		{"2000", Options{Municipalities: 2000, Seed: 42}},
		{"2000 other seed", Options{Municipalities: 2000, Seed: -3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Generate(tt.opt)
			if err := d.Validate(); err != nil {
				t.Fatal(err)
			}
			if want := max(tt.opt.Municipalities, 0); len(d.Municipalities) != want {
				t.Errorf("%d municipalities, want %d", len(d.Municipalities), want)
			}
		})
	}
}

// TestGenerateShape checks the proportions the package promises, with
// generous bounds: they are random.
func TestGenerateShape(t *testing.T) {
	const n = 20000
	d := Generate(Options{Municipalities: n, Seed: 1})
	share := func(count int) float64 { return float64(count) / n }
	var qids, featured, noCoords, greek, cyrillic, latinDiacritics, aliased int
	for _, m := range d.Municipalities {
		if m.Wikidata != "" {
			qids++
		}
		if m.Featured {
			featured++
			if m.Summary["en"] == "" {
				t.Errorf("featured %s has no English summary", m.ID)
			}
		}
		if m.Coordinates == nil {
			noCoords++
		}
		if len(m.Aliases) > 0 {
			aliased++
		}
		for _, name := range m.Names {
			switch {
			case hasScript(name, unicode.Greek):
				greek++
			case hasScript(name, unicode.Cyrillic):
				cyrillic++
			case strings.ContainsFunc(name, func(r rune) bool { return r > unicode.MaxASCII }):
				latinDiacritics++
			}
		}
		for _, s := range m.Sources {
			if !strings.HasPrefix(s.URL, "https://") {
				t.Fatalf("%s: source %q is not https", m.ID, s.URL)
			}
		}
	}
	checks := []struct {
		what   string
		got    float64
		lo, hi float64
	}{
		{"countries", float64(len(d.Countries)), 20, 30},
		{"categories", float64(len(d.Categories)), 7, 7},
		{"networks", float64(len(d.Networks)), 35, 45},
		{"share with a QID", share(qids), 0.55, 0.65},
		{"share featured", share(featured), 0.03, 0.07},
		{"share without coordinates", share(noCoords), 0.01, 0.06},
		{"share with aliases", share(aliased), 0.10, 0.20},
		{"memberships per municipality", share(len(d.Memberships)), 1.35, 1.6},
		{"approaches per municipality", share(len(d.Approaches)), 0.09, 0.15},
		{"Greek names", float64(greek), 100, n},
		{"Cyrillic names", float64(cyrillic), 100, n},
		{"Latin names with diacritics", float64(latinDiacritics), n / 4, 2 * n},
	}
	for _, c := range checks {
		if c.got < c.lo || c.got > c.hi {
			t.Errorf("%s = %.3f, want within [%v, %v]", c.what, c.got, c.lo, c.hi)
		}
	}

	var dated, precisions = 0, map[dataset.Precision]int{}
	for _, ms := range d.Memberships {
		if !ms.Since.IsZero() {
			dated++
			precisions[ms.Since.Precision]++
		}
		if !ms.Until.IsZero() && !ms.Until.Start().After(ms.Since.Start()) {
			t.Errorf("membership %s: until %s is not after since %s", ms.ID, ms.Until, ms.Since)
		}
	}
	for _, p := range []dataset.Precision{dataset.PrecisionYear, dataset.PrecisionMonth, dataset.PrecisionDay} {
		if precisions[p] == 0 {
			t.Errorf("no membership starts with %s precision", p)
		}
	}
	var related int
	for _, a := range d.Approaches {
		if len(a.Categories) < 1 || len(a.Categories) > 3 {
			t.Errorf("approach %s has %d categories", a.ID, len(a.Categories))
		}
		if len(a.Related) > 0 {
			related++
		}
	}
	if related == 0 {
		t.Error("no approach is related to another")
	}
}

func hasScript(s string, script *unicode.RangeTable) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(script, r) })
}

func TestGenerateIsDeterministic(t *testing.T) {
	encode := func(opt Options) []byte {
		t.Helper()
		b, err := json.Marshal(Generate(opt))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	a := encode(Options{Municipalities: 3000, Seed: 99})
	if b := encode(Options{Municipalities: 3000, Seed: 99}); !bytes.Equal(a, b) {
		t.Error("two runs with the same options differ")
	}
	if c := encode(Options{Municipalities: 3000, Seed: 100}); bytes.Equal(a, c) {
		t.Error("different seeds give the same dataset")
	}
}

func TestGenerateLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 100,000 municipalities")
	}
	d := Generate(Options{Municipalities: 100000, Seed: 5})
	var ps dataset.Problems
	if err := d.Validate(); errors.As(err, &ps) {
		t.Fatalf("%d problems, the first: %v", len(ps), ps[0])
	} else if err != nil {
		t.Fatal(err)
	}
}

func BenchmarkGenerate(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Generate(Options{Municipalities: n, Seed: 1})
			}
		})
	}
}
