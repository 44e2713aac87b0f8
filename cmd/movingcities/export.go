package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/ingest"
	"github.com/moving-cities/opendata/store/backend"
)

// exportFormats are the formats `export` writes, by name.
var exportFormats = map[string]func(w io.Writer, s *dataset.Snapshot) error{
	// json is the import form: an export re-imports as a no-op.
	"json": func(w io.Writer, s *dataset.Snapshot) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", " ")
		return enc.Encode(s.Dataset())
	},
}

func runExport(ctx context.Context, e env, args []string) error {
	var s settings
	fs, err := newFlags("export", e, &s, "db")
	if err != nil {
		return err
	}
	format := fs.String("format", "", "output format: "+strings.Join(formatNames(), ", "))
	out := fs.String("out", "", "output file ('-' for standard output)")
	if err := parse(fs, args); err != nil {
		return err
	}
	write, ok := exportFormats[*format]
	if !ok {
		return fmt.Errorf("unknown format %q (want one of %s)", *format, strings.Join(formatNames(), ", "))
	}
	if *out == "" {
		return errors.New("--out is required")
	}
	snap, err := loadReadOnly(ctx, s.db, slog.New(slog.NewTextHandler(e.stderr, nil)))
	if err != nil {
		return err
	}
	if *out == "-" {
		return write(e.stdout, snap)
	}
	return writeFileAtomic(*out, func(w io.Writer) error { return write(w, snap) })
}

// loadReadOnly reads the snapshot of the database at path without
// writing to it: no file is created, nothing is seeded or migrated and no
// write lock is taken, so it works while an import runs. The database is
// closed again; the snapshot lives in memory.
func loadReadOnly(ctx context.Context, path string, log *slog.Logger) (*dataset.Snapshot, error) {
	db, err := backend.OpenReadOnly(ctx, path)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return ingest.Open(ctx, db, nil, log)
}

func formatNames() []string {
	var names []string
	for n := range exportFormats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// writeFileAtomic writes to a temporary file beside path and renames it
// into place, so that a failed export never leaves a truncated file.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := write(f); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	// CreateTemp makes the file private; an export is for sharing.
	if err := f.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
