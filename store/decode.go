package store

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	jsoniter "github.com/json-iterator/go"

	"github.com/moving-cities/opendata/dataset"
)

// Loading a dataset from its stored JSON records, shared by the SQLite and
// PostgreSQL stores: they differ in how they read rows, not in what a row
// becomes.

// Decoder fills a dataset with stored records, decoding them on every
// core while the store goes on reading rows: decoding was most of
// start-up at 100k municipalities (issue 18). The store reads a type's
// records in one order (by ID) after Reserve has sized the collection
// from its count, so the record read i-th of a type has slot i: each
// slot is written by one worker and nothing is locked.
//
// Use NewDecoder, Reserve every type, Add each row, then Wait; Close (or
// Wait) must be called to stop the workers.
type Decoder struct {
	d    *dataset.Dataset
	want map[dataset.Type]int
	got  map[dataset.Type]int

	cur  *decodeBatch
	work chan *decodeBatch
	free chan *decodeBatch
	wg   sync.WaitGroup
	once sync.Once

	failed atomic.Bool
	errMu  sync.Mutex
	err    error
}

// A decodeBatch is a run of rows, their documents and IDs copied into
// one buffer that is reused once the batch is decoded.
type decodeBatch struct {
	buf   []byte
	items []decodeItem
}

type decodeItem struct {
	t            dataset.Type
	slot         int
	id, doc, end int // offsets in buf: ID at [id, doc), document at [doc, end)
	st           dataset.Stamps
}

// Batches are cut at about this many bytes of documents: large enough
// that handing one to a worker costs little, small enough that every
// worker has some while rows are read.
const decodeBatchBytes = 64 << 10

// NewDecoder returns a Decoder that fills d, whose collections it sets
// (see Reserve).
func NewDecoder(d *dataset.Dataset) *Decoder {
	n := runtime.GOMAXPROCS(0)
	dec := &Decoder{
		d:    d,
		want: map[dataset.Type]int{},
		got:  map[dataset.Type]int{},
		work: make(chan *decodeBatch, 2*n),
		free: make(chan *decodeBatch, 3*n),
	}
	for range n {
		dec.wg.Go(dec.decodeBatches)
	}
	return dec
}

// Reserve makes d's collection of type t n records long, n being the
// count of stored records of t; the rows of t Add then fills it. It must
// be called for every type before the first Add.
func (dec *Decoder) Reserve(t dataset.Type, n int) error {
	d := dec.d
	switch t {
	case dataset.TypeCountry:
		d.Countries = make([]dataset.Country, n)
	case dataset.TypeCategory:
		d.Categories = make([]dataset.Category, n)
	case dataset.TypeNetwork:
		d.Networks = make([]dataset.Network, n)
	case dataset.TypeMunicipality:
		d.Municipalities = make([]dataset.Municipality, n)
	case dataset.TypeMembership:
		d.Memberships = make([]dataset.Membership, n)
	case dataset.TypeApproach:
		d.Approaches = make([]dataset.Approach, n)
	default:
		return fmt.Errorf("unknown record type %q", t)
	}
	dec.want[t] = n
	return nil
}

// Add queues the stored record doc of type t and ID id, with its stamps,
// for decoding into the next slot of t. doc and id are copied: the
// caller may reuse their bytes. It returns an error when a record already
// decoded failed, so that the caller stops reading.
func (dec *Decoder) Add(t dataset.Type, id, doc []byte, st dataset.Stamps) error {
	if dec.failed.Load() {
		return dec.firstErr()
	}
	slot := dec.got[t]
	if slot >= dec.want[t] {
		if _, ok := dec.want[t]; !ok {
			return fmt.Errorf("load %s %s: unknown record type %q", t, id, t)
		}
		return fmt.Errorf("load %s %s: more records of type %s than counted (%d)", t, id, t, dec.want[t])
	}
	dec.got[t] = slot + 1
	b := dec.cur
	if b == nil {
		select {
		case b = <-dec.free:
			b.buf, b.items = b.buf[:0], b.items[:0]
		default:
			b = &decodeBatch{buf: make([]byte, 0, decodeBatchBytes+4<<10)}
		}
		dec.cur = b
	}
	it := decodeItem{t: t, slot: slot, id: len(b.buf), st: st}
	b.buf = append(b.buf, id...)
	it.doc = len(b.buf)
	b.buf = append(b.buf, doc...)
	it.end = len(b.buf)
	b.items = append(b.items, it)
	if len(b.buf) >= decodeBatchBytes {
		dec.work <- b
		dec.cur = nil
	}
	return nil
}

// Wait decodes what is queued, stops the workers and returns the first
// error: a record that does not decode, or a type whose rows were fewer
// than its count (the store read them in one transaction, so counts and
// rows disagreeing means a bug, not a concurrent write).
func (dec *Decoder) Wait() error {
	dec.Close()
	if err := dec.firstErr(); err != nil {
		return err
	}
	for t, n := range dec.want {
		if dec.got[t] != n {
			return fmt.Errorf("load %s: %d records read, %d counted", t.Plural(), dec.got[t], n)
		}
	}
	return nil
}

// Close stops the workers once what is queued is decoded. It may be
// called more than once, and after Wait.
func (dec *Decoder) Close() {
	dec.once.Do(func() {
		if dec.cur != nil && !dec.failed.Load() {
			dec.work <- dec.cur
		}
		dec.cur = nil
		close(dec.work)
		dec.wg.Wait()
	})
}

func (dec *Decoder) firstErr() error {
	dec.errMu.Lock()
	defer dec.errMu.Unlock()
	return dec.err
}

func (dec *Decoder) fail(err error) {
	dec.errMu.Lock()
	defer dec.errMu.Unlock()
	if dec.err == nil {
		dec.err = err
	}
	dec.failed.Store(true)
}

// decodeBatches is a worker: it decodes batches until the work ends,
// skipping them once a record failed.
func (dec *Decoder) decodeBatches() {
	f := newFastDecoder()
	for b := range dec.work {
		if !dec.failed.Load() {
			for _, it := range b.items {
				if err := dec.decode(f, it, b.buf[it.doc:it.end]); err != nil {
					dec.fail(fmt.Errorf("load %s %s: %w", it.t, b.buf[it.id:it.doc], err))
					break
				}
			}
		}
		select {
		case dec.free <- b:
		default:
		}
	}
}

func (dec *Decoder) decode(f *fastDecoder, it decodeItem, doc []byte) error {
	d := dec.d
	switch it.t {
	case dataset.TypeCountry:
		return decodeRecord(&d.Countries[it.slot], doc, it.st)
	case dataset.TypeCategory:
		return decodeRecord(&d.Categories[it.slot], doc, it.st)
	case dataset.TypeNetwork:
		return decodeRecord(&d.Networks[it.slot], doc, it.st)
	case dataset.TypeMunicipality:
		m := &d.Municipalities[it.slot]
		if f.municipality(m, doc) {
			m.Stamps = it.st
			return nil
		}
		*m = dataset.Municipality{}
		return decodeRecord(m, doc, it.st)
	case dataset.TypeMembership:
		m := &d.Memberships[it.slot]
		if f.membership(m, doc) {
			m.Stamps = it.st
			return nil
		}
		*m = dataset.Membership{}
		return decodeRecord(m, doc, it.st)
	case dataset.TypeApproach:
		a := &d.Approaches[it.slot]
		if f.approach(a, doc) {
			a.Stamps = it.st
			return nil
		}
		*a = dataset.Approach{}
		return decodeRecord(a, doc, it.st)
	}
	return fmt.Errorf("unknown record type %q", it.t)
}

// stamped is a record type: it embeds dataset.Stamps.
type stamped interface{ StampsRef() *dataset.Stamps }

// decodeRecord decodes doc into x, which is a zero record, and sets its
// stamps. Decoding was half of start-up at 100k municipalities:
// json-iterator, in its mode compatible with encoding/json, takes about
// a third less CPU, and a test holds it to decoding every record as
// encoding/json does (issue 18).
func decodeRecord[T any, PT interface {
	*T
	stamped
}](x PT, doc []byte, st dataset.Stamps) error {
	if err := jsoniter.ConfigCompatibleWithStandardLibrary.Unmarshal(doc, x); err != nil {
		return err
	}
	*x.StampsRef() = st
	return nil
}
