package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/synth"
)

// Records are written many rows to a statement: the tables must hold
// exactly what one row to a statement writes, for batches that fill,
// batches cut short by a retirement, and a last batch that does not fill.
func TestBatchedRowsWriteWhatSingleRowsWrite(t *testing.T) {
	var want string
	for _, size := range []int{1, 7, batchRows} {
		got := applyRevisions(t, size)
		if size == 1 {
			want = got
			continue
		}
		if got != want {
			t.Errorf("%d rows to a statement wrote other rows than one to a statement", size)
		}
	}
	if n := strings.Count(want, "\n"); n < 3*batchRows {
		t.Fatalf("only %d rows written: too few to fill batches", n)
	}
}

// applyRevisions applies two revisions (many records added; then some
// changed, one retired among them, some added) with a batch size, and
// returns every row of the records, versions, retired and revisions tables.
func applyRevisions(t *testing.T, size int) string {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.batchRows = size
	clock := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	db.Now = func() time.Time { clock = clock.Add(time.Second); return clock }

	in := synth.Generate(synth.Options{Municipalities: 150, Seed: 5})
	_, changes, err := dataset.Merge(&dataset.Dataset{}, in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Apply(ctx, 0, changes); err != nil {
		t.Fatal(err)
	}
	cur, rev, err := db.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	next := &dataset.Dataset{}
	for i, m := range cur.Municipalities {
		switch {
		case i == len(cur.Municipalities)/2:
			next.Retired = append(next.Retired, dataset.Retired{Type: dataset.TypeMunicipality, ID: m.ID, Reason: "test"})
		case i%3 == 0:
			m.Website = fmt.Sprintf("https://example.org/%d", i)
			next.Municipalities = append(next.Municipalities, m)
		}
	}
	for i := range 20 {
		m := cur.Municipalities[0]
		m.ID, m.Wikidata, m.Website = fmt.Sprintf("zz-new-%d", i), "", ""
		next.Municipalities = append(next.Municipalities, m)
	}
	// Not validated: the store writes what it is given.
	_, changes, err = dataset.Merge(cur, next)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Apply(ctx, rev, changes); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, q := range []string{
		`SELECT type, id, doc, created, modified, revision FROM records ORDER BY type, id`,
		`SELECT type, id, revision, kind, doc, created FROM versions ORDER BY type, id, revision`,
		`SELECT type, id, replaced_by, reason, retired_at, revision FROM retired ORDER BY type, id`,
		`SELECT revision, applied_at, added, changed, retired, restored, author, message FROM revisions ORDER BY revision`,
	} {
		rows, err := db.r.QueryContext(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%q\n", vals)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return b.String()
}
