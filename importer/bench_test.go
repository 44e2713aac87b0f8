package importer

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/moving-cities/opendata/dataset"
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
