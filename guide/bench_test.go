package guide

import (
	"io"
	"testing"
)

// BenchmarkGuide makes the Greek guide of the seed; BenchmarkProfile one
// profile. bench/guide.sh measures whole releases at seed size and 10k.
func BenchmarkGuide(b *testing.B) {
	in := seedInput(b)
	for b.Loop() {
		if err := WriteGuide(io.Discard, in, "el"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkProfile(b *testing.B) {
	in := seedInput(b)
	m := in.Snap.Municipalities[0]
	for b.Loop() {
		if err := WriteProfile(io.Discard, in, m, ProfileLang); err != nil {
			b.Fatal(err)
		}
	}
}
