package sqlite

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/synth"
)

// loadedDB is a database holding a synthetic dataset of several decoding
// chunks' worth of records.
func loadedDB(t *testing.T) *DB {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	_, changes, _ := dataset.Merge(&dataset.Dataset{}, synth.Generate(synth.Options{Municipalities: 3 * loadChunkRows, Seed: 1}))
	if _, err := db.Apply(ctx, 0, changes); err != nil {
		t.Fatal(err)
	}
	return db
}

// Load decodes on several goroutines; it must give what decoding row
// after row gives, in the same order.
func TestLoadMatchesRowByRowDecoding(t *testing.T) {
	ctx := context.Background()
	db := loadedDB(t)
	got, _, err := db.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.r.QueryContext(ctx, `SELECT type, doc, created, modified FROM records ORDER BY type, id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	want := &dataset.Dataset{}
	for rows.Next() {
		var typ, doc, created, modified string
		if err := rows.Scan(&typ, &doc, &created, &modified); err != nil {
			t.Fatal(err)
		}
		var st dataset.Stamps
		st.Created, _ = parseTime(created)
		st.Modified, _ = parseTime(modified)
		if err := appendRecord(want, dataset.Type(typ), []byte(doc), st); err != nil {
			t.Fatal(err)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	got.Retired = nil
	if len(want.Municipalities) < 3*loadChunkRows {
		t.Fatalf("%d municipalities, want at least %d", len(want.Municipalities), 3*loadChunkRows)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("Load differs from decoding the rows one after another")
	}
}

// Of two bad rows in different chunks, Load names the first.
func TestLoadReportsFirstBadRow(t *testing.T) {
	ctx := context.Background()
	db := loadedDB(t)
	var ids []string
	rows, err := db.r.QueryContext(ctx, `SELECT id FROM records WHERE type = 'municipality' ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	first, second := ids[loadChunkRows+3], ids[2*loadChunkRows+5]
	for _, id := range []string{second, first} {
		if _, err := db.w.ExecContext(ctx, `UPDATE records SET doc = '{"id": 1}' WHERE type = 'municipality' AND id = ?`, id); err != nil {
			t.Fatal(err)
		}
	}
	_, _, err = db.Load(ctx)
	if err == nil || !strings.Contains(err.Error(), "load municipality "+first+":") {
		t.Errorf("Load: %v, want the error of municipality %s", err, first)
	}
}

func TestInKeyOrder(t *testing.T) {
	in := []dataset.Change{
		{Type: dataset.TypeMunicipality, ID: "b", Kind: dataset.Added},
		{Type: dataset.TypeCountry, ID: "DE", Kind: dataset.Changed},
		{Type: dataset.TypeMunicipality, ID: "a", Kind: dataset.Added},
		{Type: dataset.TypeMunicipality, ID: "b", Kind: dataset.Retire},
	}
	orig := slices.Clone(in)
	got := inKeyOrder(in)
	want := []dataset.Change{in[1], in[2], in[0], in[3]}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("inKeyOrder = %v, want %v", got, want)
	}
	if !reflect.DeepEqual(in, orig) {
		t.Error("inKeyOrder reordered its argument")
	}
}
