package importer

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/dumps"
	"github.com/moving-cities/opendata/synth"
)

// BenchmarkDecodeJSON decodes a file of synthetic municipalities
// (MOVINGCITIES_BENCH_JSON, e.g. from `movingcities gen`) with DecodeJSON
// and, as the baseline, with encoding/json reading the whole file.
func BenchmarkDecodeJSON(b *testing.B) {
	path := os.Getenv("MOVINGCITIES_BENCH_JSON")
	if path == "" {
		b.Skip("set MOVINGCITIES_BENCH_JSON to a JSON import file")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("streaming", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := DecodeJSON(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			var d dataset.Dataset
			if err := json.Unmarshal(data, &d); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDecodeCSV decodes the municipalities table of a release of
// 10,000 synthetic municipalities; the baselines are the same file read
// with encoding/csv alone, and the same municipalities decoded from the
// JSON form (DecodeJSON).
func BenchmarkDecodeCSV(b *testing.B) {
	d := synth.Generate(synth.Options{Municipalities: 10000, Seed: 1})
	dir := b.TempDir()
	res, err := (&dumps.Dumper{Dir: dir, BaseURI: "https://data.example", Location: time.UTC}).Release(context.Background(), dataset.NewSnapshot(d, 1))
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, res.Release, "municipalities.csv"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("importer", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := decodeCSV(bytes.NewReader(data), "municipalities"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-csv", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := csv.NewReader(bytes.NewReader(data)).ReadAll(); err != nil {
				b.Fatal(err)
			}
		}
	})
	js, err := json.Marshal(dataset.Dataset{Municipalities: d.Municipalities})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("json-form", func(b *testing.B) {
		b.SetBytes(int64(len(js)))
		for b.Loop() {
			if _, err := DecodeJSON(bytes.NewReader(js)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
