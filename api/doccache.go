package api

import (
	clist "container/list"
	"hash/maphash"
	"sync"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/exporters"
)

// docCacheBytes bounds the rendered documents kept per snapshot. Every
// format of every entity does not fit at scale (about 32 KB of heap a
// municipality for the five formats, gzipped copies included: 3.2 GB for
// 100,000; see TestDocumentSizes), so documents are rendered on first
// request and the least recently used leave first; a snapshot change
// starts afresh. The budget holds the five formats of about 2,000
// municipalities, or the Turtle of 13,000.
const docCacheBytes = 64 << 20

// docCacheShards spreads the lock of the cache.
const docCacheShards = 16

// docKey names one representation of one document.
type docKey struct {
	t  dataset.Type
	id string
	f  *exporters.Format
}

// docCache holds rendered representations of one snapshot's documents,
// up to a byte budget, least recently used out first.
type docCache struct {
	snap   *dataset.Snapshot
	seed   maphash.Seed
	shards [docCacheShards]cacheShard
}

type cacheShard struct {
	mu    sync.Mutex
	items map[docKey]*clist.Element // of *cacheEntry
	lru   clist.List                // front: most recently used
	bytes int64
	max   int64
}

type cacheEntry struct {
	key docKey
	rep *docRep
}

func newDocCache(snap *dataset.Snapshot, budget int64) *docCache {
	c := &docCache{snap: snap, seed: maphash.MakeSeed()}
	for i := range c.shards {
		c.shards[i].items = map[docKey]*clist.Element{}
		c.shards[i].max = budget / docCacheShards
	}
	return c
}

// get returns the representation of k, rendering it on a miss. Two
// requests that miss at once may both render; the bytes are the same.
func (c *docCache) get(k docKey, render func() (*docRep, error)) (*docRep, error) {
	s := &c.shards[maphash.String(c.seed, k.id)%docCacheShards]
	s.mu.Lock()
	if e, ok := s.items[k]; ok {
		s.lru.MoveToFront(e)
		rep := e.Value.(*cacheEntry).rep
		s.mu.Unlock()
		return rep, nil
	}
	s.mu.Unlock()
	rep, err := render()
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.items[k]; ok { // rendered meanwhile
		return e.Value.(*cacheEntry).rep, nil
	}
	if rep.size() > s.max {
		return rep, nil // too large to keep
	}
	s.items[k] = s.lru.PushFront(&cacheEntry{key: k, rep: rep})
	s.bytes += rep.size()
	for s.bytes > s.max {
		old := s.lru.Back()
		e := old.Value.(*cacheEntry)
		s.lru.Remove(old)
		delete(s.items, e.key)
		s.bytes -= e.rep.size()
	}
	return rep, nil
}

// len is the number of representations held.
func (c *docCache) len() int {
	n := 0
	for i := range c.shards {
		s := &c.shards[i]
		s.mu.Lock()
		n += len(s.items)
		s.mu.Unlock()
	}
	return n
}
