package query

import (
	clist "container/list"
	"hash/maphash"
	"sync"
)

// LRU is a cache of up to a byte budget, least recently used out first,
// for what is too large to keep whole per snapshot (every format of every
// document at 100,000 municipalities is gigabytes): keep one in a View
// (Cached), and it goes with its snapshot. It is safe for concurrent use.
type LRU[K comparable, V any] struct {
	seed   maphash.Seed
	hash   func(maphash.Seed, K) uint64
	size   func(V) int64
	shards [lruShards]lruShard[K, V]
}

// lruShards spreads the lock.
const lruShards = 16

type lruShard[K comparable, V any] struct {
	mu    sync.Mutex
	items map[K]*clist.Element // of *lruEntry
	order clist.List           // front: most recently used
	bytes int64
	max   int64
}

type lruEntry[K comparable, V any] struct {
	key K
	val V
}

// NewLRU returns a cache of budget bytes; size tells a value's cost and
// hash spreads keys over the cache's locks.
func NewLRU[K comparable, V any](budget int64, size func(V) int64, hash func(maphash.Seed, K) uint64) *LRU[K, V] {
	c := &LRU[K, V]{seed: maphash.MakeSeed(), hash: hash, size: size}
	for i := range c.shards {
		c.shards[i].items = map[K]*clist.Element{}
		c.shards[i].max = budget / lruShards
	}
	return c
}

// Get returns the value of k, making it with make on a miss. Two callers
// that miss at once may both make it; the first kept wins. A value too
// large for the budget is returned and not kept.
func (c *LRU[K, V]) Get(k K, make func() (V, error)) (V, error) {
	s := &c.shards[c.hash(c.seed, k)%lruShards]
	s.mu.Lock()
	if e, ok := s.items[k]; ok {
		s.order.MoveToFront(e)
		v := e.Value.(*lruEntry[K, V]).val
		s.mu.Unlock()
		return v, nil
	}
	s.mu.Unlock()
	v, err := make()
	if err != nil {
		return v, err
	}
	n := c.size(v)
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.items[k]; ok { // made meanwhile
		return e.Value.(*lruEntry[K, V]).val, nil
	}
	if n > s.max {
		return v, nil
	}
	s.items[k] = s.order.PushFront(&lruEntry[K, V]{key: k, val: v})
	s.bytes += n
	for s.bytes > s.max {
		old := s.order.Back()
		e := old.Value.(*lruEntry[K, V])
		s.order.Remove(old)
		delete(s.items, e.key)
		s.bytes -= c.size(e.val)
	}
	return v, nil
}

// Len is the number of values held.
func (c *LRU[K, V]) Len() int {
	n := 0
	for i := range c.shards {
		s := &c.shards[i]
		s.mu.Lock()
		n += len(s.items)
		s.mu.Unlock()
	}
	return n
}
