package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os/user"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/importer"
	"github.com/moving-cities/opendata/ingest"
	"github.com/moving-cities/opendata/store"
	"github.com/moving-cities/opendata/store/backend"
)

func runImport(ctx context.Context, e env, args []string) error {
	var s settings
	fs, err := newFlags("import", e, &s, "db", "max-import-bytes")
	if err != nil {
		return err
	}
	dryRun := fs.Bool("dry-run", false, "print what would change and change nothing")
	restore := fs.Bool("restore", false, "import into an empty database without loading the seed first (restoring a release); refuse a database that holds data")
	author := fs.String("author", "", "who makes the import, recorded in the revision history (default: the OS user, else "+defaultAuthor+")")
	message := fs.String("message", "", `why, recorded in the revision history (default: "import of" and the files' names)`)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("no files given")
	}
	meta := importMeta(*author, *message, fs.Args())
	defer limitImportMemory(e.getenv)()
	incoming, err := readFiles(ctx, fs.Args(), s.importLimit())
	if err != nil {
		return err
	}
	db, err := backend.Open(ctx, s.db)
	if err != nil {
		return err
	}
	defer db.Close()
	// An empty database is given the seed before an import, so that a
	// file of a few records lands among real data; a restore is the whole
	// data, and the seed would add what the release does not hold.
	seed := dataset.Seed
	if *restore {
		rev, err := db.Revision(ctx)
		if err != nil {
			return err
		}
		if rev != 0 {
			return fmt.Errorf("--restore needs an empty database; %s is at revision %d", s.db, rev)
		}
		seed = nil
	}
	cur, err := ingest.Open(ctx, db, seed, slog.New(slog.NewTextHandler(e.stderr, nil)))
	if err != nil {
		return err
	}
	var st store.Store = db
	if h, ok := db.(store.History); ok {
		st = withMeta{Store: db, history: h, meta: meta}
	}
	// Nothing is published from here: the server loads what was stored.
	rep, err := ingest.ImportReport(ctx, st, cur, incoming, *dryRun)
	if err != nil {
		return err
	}
	printReport(e.stdout, rep)
	return nil
}

// importMemoryLimit is the Go heap an import aims to stay under. Its
// records are held once, from decoding to the store (the merge builds
// its result in the decoded arrays), about 230 MB at 100k
// municipalities at the peak; the collector, left to itself, lets the
// heap grow to twice what it last found live, which takes the import to
// 500-520 MiB of RSS (issue 18: 512 MiB at most). The limit is soft: a
// larger import goes over it, with the collector working harder, rather
// than fail.
const importMemoryLimit = 400 << 20

// limitImportMemory sets importMemoryLimit unless GOMEMLIMIT sets a limit
// of its own, and returns what sets the previous limit back: the limit is
// the process's, and tests run the command in theirs.
func limitImportMemory(getenv func(string) string) (restore func()) {
	if getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prev := debug.SetMemoryLimit(importMemoryLimit)
	return func() { debug.SetMemoryLimit(prev) }
}

// defaultAuthor is the author of an import when neither --author nor the
// OS user names one.
const defaultAuthor = "cli-import"

// importMeta is the author and message an import's revision records:
// those given, else the OS user (or defaultAuthor) and the files' names.
func importMeta(author, message string, files []string) store.Meta {
	if author == "" {
		author = defaultAuthor
		if u, err := user.Current(); err == nil && u.Username != "" {
			author = u.Username
		}
	}
	if message == "" {
		names := make([]string, len(files))
		for i, f := range files {
			names[i] = filepath.Base(f)
		}
		message = "import of " + strings.Join(names, ", ")
	}
	return store.Meta{Author: author, Message: message}
}

// withMeta is a store whose Apply records who imported and why, on a
// store that keeps the revision history.
type withMeta struct {
	store.Store
	history store.History
	meta    store.Meta
}

func (w withMeta) Apply(ctx context.Context, base int64, changes []dataset.Change) (int64, error) {
	return w.history.ApplyRevision(ctx, base, changes, w.meta)
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
	// Validating holds what an import holds: the file's records and the
	// merged ones.
	defer limitImportMemory(e.getenv)()
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
// several files land as one revision or not at all, and a release's
// tables given together make its records whole. Every file is read
// before any error is reported, so that all broken files are named at
// once; an interruption stops at once.
func readFiles(ctx context.Context, paths []string, maxBytes int64) (*dataset.Dataset, error) {
	var (
		parts []*importer.Part
		errs  []error
	)
	for _, p := range paths {
		part, err := importer.Read(ctx, p, maxBytes)
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
		parts = append(parts, part)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return importer.Join(parts...)
}

// printReport writes a line per change, through a buffer: at 100k
// municipalities an import makes some 260,000 changes, and a write to an
// unbuffered stdout each took about a second of the import (issue 18).
// As before the buffer, a failed write to stdout does not fail an import
// that is already committed.
func printReport(out io.Writer, rep ingest.Report) {
	w := bufio.NewWriterSize(out, 64<<10)
	writeReport(w, rep)
	w.Flush()
}

func writeReport(w io.Writer, rep ingest.Report) {
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
	if n := rep.Count(dataset.Restore); n > 0 {
		// Only a CMS sync restores: an import's summary stays as it was.
		fmt.Fprintf(w, ", %d restored", n)
	}
	if !rep.DryRun {
		fmt.Fprintf(w, "; now at revision %d", rep.Revision)
	}
	fmt.Fprintln(w)
}
