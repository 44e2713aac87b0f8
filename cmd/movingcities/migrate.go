package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/moving-cities/opendata/store"
	"github.com/moving-cities/opendata/store/backend"
)

// runMigrate copies a whole dataset, revisions and tombstones included,
// from one store to an empty one: SQLite to PostgreSQL when one machine
// is no longer enough (or back).
func runMigrate(ctx context.Context, e env, args []string) error {
	var s settings
	fs, err := newFlags("migrate", e, &s)
	if err != nil {
		return err
	}
	from := fs.String("from", "", "database to copy: a SQLite file (sqlite://path) or a postgres:// URL; only read")
	to := fs.String("to", "", "database to copy into, which must hold no data: a postgres:// URL or a SQLite file (created)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *from == "" || *to == "" {
		return errors.New("both --from and --to are needed")
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	src, err := backend.OpenReadOnly(ctx, *from)
	if err != nil {
		return fmt.Errorf("--from: %w", err)
	}
	defer src.Close()
	dst, err := backend.Open(ctx, *to)
	if err != nil {
		return fmt.Errorf("--to: %w", err)
	}
	defer dst.Close()
	srcC, ok1 := src.(store.Copier)
	dstC, ok2 := dst.(store.Copier)
	if !ok1 || !ok2 {
		return errors.New("these stores cannot be copied")
	}
	c, err := srcC.Export(ctx)
	if err != nil {
		return fmt.Errorf("read %s: %w", backend.Redact(*from), err)
	}
	if len(c.Revisions) == 0 {
		return fmt.Errorf("%s holds no data", backend.Redact(*from))
	}
	if err := dstC.Restore(ctx, c); err != nil {
		if errors.Is(err, store.ErrNotEmpty) {
			return fmt.Errorf("%s already holds data: migrate copies into an empty database only", backend.Redact(*to))
		}
		return fmt.Errorf("write %s: %w", backend.Redact(*to), err)
	}
	// Read the copy back as the server will, and check it.
	d, rev, err := dst.Load(ctx)
	if err != nil {
		return fmt.Errorf("read back %s: %w", backend.Redact(*to), err)
	}
	if rev != c.Revision() || len(d.Retired) != len(c.Retired) || d.Len()-len(d.Retired) != len(c.Records) {
		return fmt.Errorf("the copy in %s differs: revision %d, %d records, %d retired; expected %d, %d, %d",
			backend.Redact(*to), rev, d.Len()-len(d.Retired), len(d.Retired), c.Revision(), len(c.Records), len(c.Retired))
	}
	if err := d.Validate(); err != nil {
		return fmt.Errorf("the copied data is not valid: %w", err)
	}
	fmt.Fprintf(e.stdout, "copied revision %d (%d revisions, %d records, %d retired IDs) from %s to %s\n",
		rev, len(c.Revisions), len(c.Records), len(c.Retired), backend.Redact(*from), backend.Redact(*to))
	return nil
}
