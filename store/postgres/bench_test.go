package postgres

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
	"github.com/moving-cities/opendata/store/sqlite"
)

// writer is what a single editor write needs of a store.
type writer interface {
	store.Store
	store.History
}

// BenchmarkSingleWrite times one editor-sized revision (one record
// changed, with author and message) on PostgreSQL against SQLite, the
// baseline, in the same run: the ratio is the figure to report. The
// test cluster .ci/postgres.sh starts runs without fsync, SQLite with
// synchronous=FULL; see the ratio as PostgreSQL's round trips, not disks.
func BenchmarkSingleWrite(b *testing.B) {
	ctx := context.Background()
	for _, bb := range []struct {
		name string
		open func(b *testing.B) writer
	}{
		{"sqlite", func(b *testing.B) writer {
			db, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			return db
		}},
		{"postgres", func(b *testing.B) writer {
			db, err := Open(ctx, freshURL(b))
			if err != nil {
				b.Fatal(err)
			}
			return db
		}},
	} {
		b.Run(bb.name, func(b *testing.B) {
			st := bb.open(b)
			defer st.Close()
			cur := &dataset.Dataset{}
			rev := int64(0)
			meta := store.Meta{Author: "bench", Message: "one write"}
			b.ResetTimer()
			for i := range b.N {
				c := dataset.Country{ID: "XA", Names: dataset.Names{"en": fmt.Sprintf("Xa %d", i)}}
				_, changes, err := dataset.Merge(cur, &dataset.Dataset{Countries: []dataset.Country{c}})
				if err != nil {
					b.Fatal(err)
				}
				if rev, err = st.ApplyRevision(ctx, rev, changes, meta); err != nil {
					b.Fatal(err)
				}
				cur = &dataset.Dataset{Countries: []dataset.Country{c}} // as stored now
			}
		})
	}
}
