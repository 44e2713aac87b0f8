package query

import (
	"fmt"
	"hash/maphash"
	"testing"
)

func TestLRUBound(t *testing.T) {
	c := NewLRU(lruShards*4096, func(b []byte) int64 { return int64(len(b)) },
		func(seed maphash.Seed, k string) uint64 { return maphash.String(seed, k) })
	makes := 0
	val := func(n int) func() ([]byte, error) {
		return func() ([]byte, error) {
			makes++
			return make([]byte, n), nil
		}
	}
	for i := range 200 {
		if _, err := c.Get(fmt.Sprint(i), val(500)); err != nil {
			t.Fatal(err)
		}
	}
	if n := c.Len(); n == 0 || n >= 200 {
		t.Errorf("%d values kept within the budget", n)
	}
	for i := range c.shards {
		if s := &c.shards[i]; s.bytes > s.max {
			t.Errorf("shard %d holds %d bytes, over %d", i, s.bytes, s.max)
		}
	}
	before := makes
	for range 10 {
		_, _ = c.Get("hot", val(100))
	}
	if makes != before+1 {
		t.Errorf("a hot value was made %d times", makes-before)
	}
	n := c.Len()
	if v, err := c.Get("huge", val(1<<20)); err != nil || len(v) != 1<<20 || c.Len() > n {
		t.Errorf("a value larger than a shard: %v, %d held", err, c.Len())
	}
}
