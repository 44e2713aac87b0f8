package backend

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		in     string
		kind   Kind
		target string
	}{
		{"movingcities.db", SQLite, "movingcities.db"},
		{"/var/lib/mc/data.db", SQLite, "/var/lib/mc/data.db"},
		{"sqlite:///var/lib/mc/data.db", SQLite, "/var/lib/mc/data.db"},
		{"sqlite://data.db", SQLite, "data.db"},
		{"postgres://u:p@db:5432/mc", Postgres, "postgres://u:p@db:5432/mc"},
		{"postgresql://u@/mc?host=/run/pg", Postgres, "postgresql://u@/mc?host=/run/pg"},
		{"POSTGRES://h/mc", Postgres, "POSTGRES://h/mc"},
	} {
		kind, target := Parse(tt.in)
		if kind != tt.kind || target != tt.target {
			t.Errorf("Parse(%q) = %s, %q; want %s, %q", tt.in, kind, target, tt.kind, tt.target)
		}
	}
}

func TestRedact(t *testing.T) {
	if got := Redact("postgres://mc:secret@db/mc"); got != "postgres://mc:xxxxx@db/mc" {
		t.Errorf("Redact = %q", got)
	}
	if got := Redact("data.db"); got != "data.db" {
		t.Errorf("Redact = %q", got)
	}
}

func TestSQLiteURLOpensTheFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "x.db")
	if _, err := OpenReadOnly(ctx, "sqlite://"+path); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("read-only open of a missing file: %v, want not exist", err)
	}
	db, err := Open(ctx, "sqlite://"+path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ro.Close()
}
