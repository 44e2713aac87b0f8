package catalog

import (
	"hash/fnv"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/moving-cities/opendata/vocab"
)

// A hashSet counts what a map counts, across merges of its tail and with
// repeats inside the tail, across merges and in the members.
func TestHashSetCountsLikeAMap(t *testing.T) {
	for _, c := range []struct {
		name        string
		adds, space int // how many hashes, drawn from how many values
	}{
		{"empty", 0, 1},
		{"one", 1, 1},
		{"repeats in the tail", 1000, 10},
		{"a full tail exactly", hashTail, 1 << 62},
		{"many merges, few repeats", 5*hashTail + 17, 1 << 62},
		{"many merges, many repeats", 7 * hashTail, 3 * hashTail},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, uint64(c.adds)))
			var s hashSet
			want := map[uint64]bool{}
			for i := range c.adds {
				h := r.Uint64N(uint64(c.space))
				s.add(h)
				want[h] = true
				if i == c.adds/2 && s.len() != len(want) { // counting midway must not disturb the set
					t.Fatalf("midway: %d members, want %d", s.len(), len(want))
				}
			}
			if got := s.len(); got != len(want) {
				t.Fatalf("%d members, want %d", got, len(want))
			}
			for i := 1; i < len(s.members); i++ {
				if s.members[i-1] >= s.members[i] {
					t.Fatalf("members not ascending and distinct at %d", i)
				}
			}
		})
	}
}

// nodeHash is FNV-1a of the node's parts, as hash/fnv computes it.
func TestNodeHashIsFNV1a(t *testing.T) {
	for _, n := range []vocab.Node{
		vocab.IRI("https://example.org/a"), vocab.Blank("b1"), vocab.Str(""), vocab.Str("Zürich"),
		vocab.LangStr("Αθήνα", "el"), vocab.Integer(42),
	} {
		h := fnv.New64a()
		h.Write([]byte{byte(n.Kind)})
		io.WriteString(h, n.Value)
		h.Write([]byte{0})
		io.WriteString(h, n.Datatype)
		h.Write([]byte{0})
		io.WriteString(h, n.Lang)
		if got, want := nodeHash(n), h.Sum64(); got != want {
			t.Errorf("nodeHash(%v) = %x, want %x", n, got, want)
		}
	}
}
