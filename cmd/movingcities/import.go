package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/importer"
	"github.com/moving-cities/opendata/ingest"
	"github.com/moving-cities/opendata/store/backend"
)

func runImport(ctx context.Context, e env, args []string) error {
	var s settings
	fs, err := newFlags("import", e, &s, "db", "max-import-bytes")
	if err != nil {
		return err
	}
	dryRun := fs.Bool("dry-run", false, "print what would change and change nothing")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("no files given")
	}
	incoming, err := readFiles(ctx, fs.Args(), s.importLimit())
	if err != nil {
		return err
	}
	db, err := backend.Open(ctx, s.db)
	if err != nil {
		return err
	}
	defer db.Close()
	cur, err := ingest.Open(ctx, db, dataset.Seed, slog.New(slog.NewTextHandler(e.stderr, nil)))
	if err != nil {
		return err
	}
	rep, _, err := ingest.Import(ctx, db, cur, incoming, *dryRun)
	if err != nil {
		return err
	}
	printReport(e.stdout, rep)
	return nil
}

func runValidate(ctx context.Context, e env, args []string) error {
	var s settings
	fs, err := newFlags("validate", e, &s, "db", "max-import-bytes")
	if err != nil {
		return err
	}
	standalone := fs.Bool("standalone", false, "check the files on their own, not merged over the database")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("no files given")
	}
	incoming, err := readFiles(ctx, fs.Args(), s.importLimit())
	if err != nil {
		return err
	}
	if *standalone {
		if _, _, err := dataset.Merge(&dataset.Dataset{}, incoming); err != nil {
			return err
		}
		if err := incoming.Validate(); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "valid: %d records\n", incoming.Len())
		return nil
	}
	// Read-only: validating changes nothing, not even an empty database.
	db, err := backend.OpenReadOnly(ctx, s.db)
	if err != nil {
		return err
	}
	defer db.Close()
	cur, err := ingest.Open(ctx, db, nil, slog.New(slog.NewTextHandler(e.stderr, nil)))
	if err != nil {
		return err
	}
	rep, _, err := ingest.Import(ctx, db, cur, incoming, true)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "valid: %d records; importing would add %d, change %d, retire %d\n",
		incoming.Len(), rep.Count(dataset.Added), rep.Count(dataset.Changed), rep.Count(dataset.Retire))
	return nil
}

// importLimit is the size limit of one import file: --max-import-bytes,
// its default when 0, none when negative.
func (s *settings) importLimit() int64 {
	switch {
	case s.maxImportBytes == 0:
		return importer.DefaultMaxBytes
	case s.maxImportBytes < 0:
		return 0
	}
	return s.maxImportBytes
}

// readFiles decodes every file and joins them into one import, so that
// several files land as one revision or not at all. Every file is read
// before any error is reported, so that all broken files are named at once;
// an interruption stops at once.
func readFiles(ctx context.Context, paths []string, maxBytes int64) (*dataset.Dataset, error) {
	all := &dataset.Dataset{}
	var errs []error
	for _, p := range paths {
		d, err := importer.ReadFile(ctx, p, maxBytes)
		if ctx.Err() != nil {
			return nil, fmt.Errorf("import interrupted, nothing changed: %w", context.Cause(ctx))
		}
		var tooLarge *importer.TooLargeError
		if errors.As(err, &tooLarge) {
			err = fmt.Errorf("%w; --max-import-bytes (MOVINGCITIES_MAX_IMPORT_BYTES) sets the limit", err)
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		all.Countries = append(all.Countries, d.Countries...)
		all.Categories = append(all.Categories, d.Categories...)
		all.Networks = append(all.Networks, d.Networks...)
		all.Municipalities = append(all.Municipalities, d.Municipalities...)
		all.Memberships = append(all.Memberships, d.Memberships...)
		all.Approaches = append(all.Approaches, d.Approaches...)
		all.Retired = append(all.Retired, d.Retired...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return all, nil
}

func printReport(w io.Writer, rep ingest.Report) {
	verb := "imported"
	if rep.DryRun {
		verb = "dry run: would import"
	}
	if len(rep.Changes) == 0 {
		fmt.Fprintf(w, "nothing to change (revision %d)\n", rep.Revision)
		return
	}
	for _, c := range rep.Changes {
		fmt.Fprintf(w, "%-8s %s %s\n", c.Kind, c.Type, c.ID)
	}
	fmt.Fprintf(w, "%s: %d added, %d changed, %d retired", verb,
		rep.Count(dataset.Added), rep.Count(dataset.Changed), rep.Count(dataset.Retire))
	if !rep.DryRun {
		fmt.Fprintf(w, "; now at revision %d", rep.Revision)
	}
	fmt.Fprintln(w)
}
