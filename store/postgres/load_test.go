package postgres

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
)

// openSeeded opens a fresh database holding the seed; pool is its
// pool_max_conns.
func openSeeded(t *testing.T, pool int) *DB {
	t.Helper()
	ctx := context.Background()
	u := freshURL(t)
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	db, err := Open(ctx, fmt.Sprintf("%s%spool_max_conns=%d", u, sep, pool))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	seed, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	_, changes, _ := dataset.Merge(&dataset.Dataset{}, seed)
	if _, err := db.Apply(ctx, 0, changes); err != nil {
		t.Fatal(err)
	}
	return db
}

// Load reads its records in two parts, on two connections when the pool
// has them, in transactions that share one snapshot: while revisions are
// written, each load is one revision's data, whole, and the same as one
// connection reads.
func TestLoadWhileWriting(t *testing.T) {
	ctx := context.Background()
	for _, pool := range []int{1, 4} {
		t.Run(fmt.Sprintf("pool %d", pool), func(t *testing.T) {
			db := openSeeded(t, pool)
			base, rev, err := db.Load(ctx)
			if err != nil {
				t.Fatal(err)
			}
			// Revision rev+i adds municipality i and a membership of it.
			const writes = 20
			var wg sync.WaitGroup
			wg.Go(func() {
				for i := 1; i <= writes; i++ {
					m := base.Municipalities[0]
					m.ID = fmt.Sprintf("added-%d", i)
					m.Wikidata, m.GeoNames, m.LAU, m.OSMRelation = "", "", "", 0
					ms := dataset.Membership{ID: m.ID + "-" + base.Networks[0].ID, Municipality: m.ID, Network: base.Networks[0].ID}
					if _, err := db.Apply(ctx, rev+int64(i-1), []dataset.Change{
						{Kind: dataset.Added, Type: dataset.TypeMunicipality, ID: m.ID, Record: &m},
						{Kind: dataset.Added, Type: dataset.TypeMembership, ID: ms.ID, Record: &ms},
					}); err != nil {
						t.Error(err)
						return
					}
				}
			})
			for {
				d, r, err := db.Load(ctx)
				if err != nil {
					t.Fatal(err)
				}
				added := int(r - rev)
				if len(d.Municipalities) != len(base.Municipalities)+added || len(d.Memberships) != len(base.Memberships)+added {
					t.Fatalf("revision %d loaded with %d municipalities and %d memberships, want %d and %d", r,
						len(d.Municipalities), len(d.Memberships), len(base.Municipalities)+added, len(base.Memberships)+added)
				}
				if r == rev+writes {
					break
				}
			}
			wg.Wait()
			again, _, err := db.Load(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if again2, _, err := db.Load(ctx); err != nil || !reflect.DeepEqual(again, again2) {
				t.Errorf("two loads of one revision differ (%v)", err)
			}
		})
	}
}

// A bad document stops the load with the record named, whichever part
// of the records it is in; with bad documents in both, the one a reading
// in order meets first is named.
func TestLoadBadDocument(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		types []string
		want  string // the type named
	}{
		{"first part", []string{"membership"}, "membership"},
		{"second part", []string{"network"}, "network"},
		{"both", []string{"network", "approach"}, "approach"},
	} {
		t.Run(c.name, func(t *testing.T) {
			db := openSeeded(t, 4)
			ids := map[string]string{}
			for _, typ := range c.types {
				var id string
				if err := db.pool.QueryRow(ctx, `SELECT min(id) FROM records WHERE type = $1`, typ).Scan(&id); err != nil {
					t.Fatal(err)
				}
				if _, err := db.pool.Exec(ctx, `UPDATE records SET doc = '{"id":5}' WHERE type = $1 AND id = $2`, typ, id); err != nil {
					t.Fatal(err)
				}
				ids[typ] = id
			}
			_, _, err := db.Load(ctx)
			if want := "load " + c.want + " " + ids[c.want] + ":"; err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("Load: %v, want an error starting %q", err, want)
			}
		})
	}
}

// A load needs one connection: with the rest of a small pool held by
// others (a CMS sync holds one for its lock and waits for another to
// write), it reads on the one it has instead of waiting for a second.
func TestLoadWithPoolHeld(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db := openSeeded(t, 2)
	want, wantRev, err := db.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	held, err := db.pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Release()
	got, rev, err := db.Load(ctx)
	if err != nil {
		t.Fatalf("load with one connection free: %v", err)
	}
	if rev != wantRev || !reflect.DeepEqual(got, want) {
		t.Fatalf("load with one connection free read revision %d and other data than with two (revision %d)", rev, wantRev)
	}
}
