package postgres

import (
	"context"
	"fmt"
	"reflect"
	"strings"
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
