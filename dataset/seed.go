package dataset

import (
	_ "embed"
	"encoding/json"
	"fmt"
)

// seedJSON is the curated seed dataset, built by scripts/build-seed.py from
// the researched facts (each record with its sources).
//
//go:embed seed.json
var seedJSON []byte

// Seed returns a fresh copy of the embedded seed dataset.
func Seed() (*Dataset, error) {
	var d Dataset
	if err := json.Unmarshal(seedJSON, &d); err != nil {
		return nil, fmt.Errorf("decode embedded seed: %w", err)
	}
	return &d, nil
}
