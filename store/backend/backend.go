// Package backend picks the store.Store implementation from the --db value
// (MOVINGCITIES_DB), in one place for every command: a postgres:// or
// postgresql:// URL opens PostgreSQL (store/postgres); a sqlite:// URL or
// anything else is a SQLite file path (store/sqlite).
package backend

import (
	"context"
	"fmt"
	"strings"

	"github.com/moving-cities/opendata/store"
	"github.com/moving-cities/opendata/store/postgres"
	"github.com/moving-cities/opendata/store/sqlite"
)

// Kind names a store implementation.
type Kind string

const (
	SQLite   Kind = "sqlite"
	Postgres Kind = "postgres"
)

// Parse says which store db names and what to hand its Open: the URL
// itself for PostgreSQL, the file path for SQLite ("sqlite://" removed,
// so sqlite:///abs/path and sqlite://rel/path both work).
func Parse(db string) (Kind, string) {
	lower := strings.ToLower(db)
	switch {
	case strings.HasPrefix(lower, "postgres://"), strings.HasPrefix(lower, "postgresql://"):
		return Postgres, db
	case strings.HasPrefix(lower, "sqlite://"):
		return SQLite, db[len("sqlite://"):]
	}
	return SQLite, db
}

// Open opens db for reading and writing, creating and migrating it as
// needed.
func Open(ctx context.Context, db string) (store.Store, error) {
	kind, target := Parse(db)
	if kind == Postgres {
		s, err := postgres.Open(ctx, target)
		if err != nil {
			// Name the database (without its password): "connection
			// refused" alone does not say which.
			return nil, fmt.Errorf("PostgreSQL database %s: %w", Redact(db), err)
		}
		return s, nil
	}
	return sqlite.Open(ctx, target)
}

// OpenReadOnly opens an existing db for reading only: nothing is created
// or migrated, and Apply returns store.ErrReadOnly.
func OpenReadOnly(ctx context.Context, db string) (store.Store, error) {
	kind, target := Parse(db)
	if kind == Postgres {
		s, err := postgres.OpenReadOnly(ctx, target)
		if err != nil {
			return nil, fmt.Errorf("PostgreSQL database %s: %w", Redact(db), err)
		}
		return s, nil
	}
	return sqlite.OpenReadOnly(ctx, target)
}

// Redact returns db fit for logs: a URL's password is hidden.
func Redact(db string) string {
	kind, _ := Parse(db)
	if kind != Postgres {
		return db
	}
	at := strings.LastIndex(db, "@")
	scheme := strings.Index(db, "://") + 3
	if at < scheme {
		return db
	}
	cred := db[scheme:at]
	if i := strings.Index(cred, ":"); i >= 0 {
		return db[:scheme] + cred[:i] + ":xxxxx" + db[at:]
	}
	return db
}
