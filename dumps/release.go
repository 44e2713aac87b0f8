package dumps

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/moving-cities/opendata/catalog"
	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/guide"
	"github.com/moving-cities/opendata/vocab"
)

const (
	// SchemaVersion is the version of the release layout: its files,
	// tables and columns. A change in it makes a new release even when
	// the data did not change.
	//
	// 1.1.0 (issue 17): the one-file archive; list columns are strings in
	// datapackage.json; times are whole seconds.
	// 1.2.0 (issue 13): changes.json speaks the change feed's terms
	// (added, changed, retired), names its source and links the feed.
	SchemaVersion = "1.2.0"
	// DatasetTitle and DatasetDescription name the dataset in metadata.
	DatasetTitle       = "Moving Cities Open Data"
	DatasetDescription = "European municipalities that support a solidarity-based migration policy, the city networks they form and the local approaches they implemented, published by Moving Cities."

	// LatestLink is the symlink in the dumps folder that names the latest
	// complete release.
	LatestLink   = "latest"
	manifestFile = "manifest.json"
	sumsFile     = "SHA256SUMS"
	lastRunFile  = ".last-run"
	tmpPrefix    = ".tmp-"
	trashPrefix  = ".trash-"
)

// DefaultLocation is where release dates and the schedule are reckoned:
// Europe/Berlin, or UTC if the time zone database lacks it (a binary that
// imports time/tzdata never does).
func DefaultLocation() *time.Location {
	if loc, err := time.LoadLocation("Europe/Berlin"); err == nil {
		return loc
	}
	return time.UTC
}

// Dumper makes releases in a dumps folder.
type Dumper struct {
	// Dir is the dumps folder; it is created if missing.
	Dir string
	// BaseURI is the base of the dataset's IRIs, without a trailing slash.
	BaseURI string
	// Graph produces the triples of the graph dumps; without it a release
	// has no graph dumps.
	Graph Graph
	// Retention says which releases are kept.
	Retention Retention
	// Location is where release dates are reckoned; nil means
	// DefaultLocation.
	Location *time.Location
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Log receives a line per release and per error; nil discards.
	Log *slog.Logger
	// Metrics, when set, counts runs.
	Metrics *Metrics
	// Progress, when set, is told of each file before it is written.
	Progress func(Progress)
	// Catalog, when set, describes the dataset's publication: each
	// release then holds its DCAT-AP catalogue and VoID description
	// (catalog.DCATFile, catalog.VoIDFile). Its BaseURI is BaseURI.
	Catalog *catalog.Config
	// History, when set, is the store's revision history: a release's
	// change list then names what the revisions since the previous
	// release did, as the change feed lists them. Without it, or when it
	// lacks some of those revisions, the list is worked out from the
	// record digests of the two releases.
	History RevisionLister
	// NoPDF leaves the printable publications (the guides and the book
	// of profiles, package guide) out of releases. Tests of the other
	// files set it, as the PDFs would be most of their time; a release
	// of the service never does.
	NoPDF bool

	create func(name string) (file, error) // tests make writes fail
}

// Progress reports a release being written: file Step of Steps.
type Progress struct {
	Step, Steps int
	File        string
}

// Result says what a run did.
type Result struct {
	// Release is the new release, or the latest one when nothing changed.
	Release string
	// Created is false when the data had not changed since the latest
	// release, and no release was made.
	Created bool
	// Manifest describes Release.
	Manifest *Manifest
	// Removed are the releases retention deleted.
	Removed []string
}

// Manifest is a release's manifest.json.
type Manifest struct {
	Dataset           string `json:"dataset"`
	Release           string `json:"release"`
	Revision          int64  `json:"revision"`
	SchemaVersion     string `json:"schema_version"`
	VocabularyVersion string `json:"vocabulary_version"`
	BaseURI           string `json:"base_uri"`
	License           string `json:"license"`
	// Generated is when the release was made; the manifest inside the
	// archive has none, so that the same data makes the same archive.
	Generated time.Time `json:"generated,omitzero"`
	// Previous is the release the change list compares with.
	Previous string `json:"previous,omitempty"`
	// Fingerprint identifies the data and layout: the next run makes no
	// release while it is the same.
	Fingerprint string      `json:"fingerprint"`
	Files       []FileEntry `json:"files"`
	// Archive names the file that holds every other file of the release
	// in one zip (ArchiveName); "" in the archive's own manifest.
	Archive string `json:"archive,omitempty"`
	// VoID is the statistics of the release's graph, counted while its
	// N-Triples dump was written, for the VoID description; nil when the
	// release has no N-Triples dump.
	VoID *catalog.Stats `json:"void,omitempty"`
	// Coverage is what the release holds against what the Moving Cities
	// platform shows, counted from its data.
	Coverage *Coverage `json:"coverage,omitempty"`
}

// Coverage is a release's dataset.Coverage with its statement in English.
type Coverage struct {
	dataset.Coverage
	Statement string `json:"statement"`
}

// File returns the entry of the file called name.
func (m *Manifest) File(name string) (FileEntry, bool) {
	for _, f := range m.Files {
		if f.Name == name {
			return f, true
		}
	}
	return FileEntry{}, false
}

// FileEntry describes one file of a release.
type FileEntry struct {
	Name      string `json:"name"`
	Bytes     int64  `json:"bytes"`
	SHA256    string `json:"sha256"`
	MediaType string `json:"media_type"`
	// UncompressedMediaType is the media type of a gzipped file's content.
	UncompressedMediaType string `json:"uncompressed_media_type,omitempty"`
	Rows                  *int64 `json:"rows,omitempty"`
	Triples               *int64 `json:"triples,omitempty"`
}

// releaseInfo is what a run's writers share.
type releaseInfo struct {
	snap     *dataset.Snapshot
	base     string
	revision int64
	tables   []*Table
	digests  []recordDigest
	// prev is the manifest of the latest release and prevDigests its
	// record digests; nil for the first release.
	prev        *Manifest
	prevDigests map[string]string
	// changes is the change list since prev.
	changes *Changes
	files   []FileEntry // written so far
	// name and previous name the release being written.
	name, previous string
	// earlier are the releases before this one, newest first, and stats
	// the VoID statistics of its graph, counted while the N-Triples dump
	// is written: for the catalogue.
	earlier []*Manifest
	stats   *catalog.Stats
	// parquetCodec compresses every Parquet file of the release.
	parquetCodec *parquetCodec
}

// output is one file of a release: its name, media type, what its count
// counts, and its writer.
type output struct {
	name, mediaType, uncompressed string
	count                         string // "rows", "triples" or ""
	write                         func(ctx context.Context, w io.Writer, rel *releaseInfo) (int64, error)
	// also are further files that writeAll writes in the same pass as
	// this one (the graph in each format); write is then unused.
	also     []output
	writeAll func(ctx context.Context, ws []io.Writer, rel *releaseInfo) ([]int64, error)
}

// files are the files the output writes: itself and also.
func (o output) files() []output { return append([]output{o}, o.also...) }

// outputs lists the files of a release, in the order they are written:
// each table as CSV and Parquet, the municipalities as features, the
// graph, the record digests and the change list, then the metadata that
// describes the files before it.
func (d *Dumper) outputs(tables []*Table) []output {
	var outs []output
	for _, t := range tables {
		t := t
		outs = append(outs,
			output{name: t.Name + ".csv", mediaType: "text/csv; charset=utf-8; header=present", count: "rows",
				write: func(ctx context.Context, w io.Writer, rel *releaseInfo) (int64, error) {
					return writeCSV(ctx, w, t, rel.snap)
				}},
			output{name: t.Name + ".parquet", mediaType: "application/vnd.apache.parquet", count: "rows",
				write: func(ctx context.Context, w io.Writer, rel *releaseInfo) (int64, error) {
					return writeTableParquet(ctx, w, t, rel)
				}})
		if t.Role == RoleRecords && t.Type == dataset.TypeMunicipality {
			outs = append(outs,
				output{name: t.Name + ".geojson", mediaType: "application/geo+json", count: "rows",
					write: func(ctx context.Context, w io.Writer, rel *releaseInfo) (int64, error) {
						return writeGeoJSON(ctx, w, t, rel)
					}},
				output{name: t.Name + ".geo.parquet", mediaType: "application/vnd.apache.parquet", count: "rows",
					write: func(ctx context.Context, w io.Writer, rel *releaseInfo) (int64, error) {
						return writeGeoParquet(ctx, w, t, rel)
					}})
		}
	}
	if d.Graph != nil {
		var files []output
		for _, f := range graphFormats {
			files = append(files, output{name: graphFile(f), mediaType: "application/gzip", uncompressed: f.MediaType, count: "triples"})
		}
		g := files[0]
		g.also = files[1:]
		g.writeAll = func(ctx context.Context, ws []io.Writer, rel *releaseInfo) ([]int64, error) {
			// The VoID statistics of the graph, for the release's catalogue
			// and the manifest the service's catalogue reads.
			c := catalog.NewCounter(d.BaseURI)
			n, err := writeGraphs(ctx, ws, d.Graph, graphFormats, rel.snap, c.Add)
			rel.stats = c.Stats()
			return n, err
		}
		outs = append(outs, g)
	}
	outs = append(outs,
		output{name: digestsFile, mediaType: "application/gzip", uncompressed: "text/tab-separated-values", count: "rows", write: writeDigests},
		output{name: changesFile, mediaType: "application/json", write: writeChanges},
		output{name: "csv-metadata.json", mediaType: "application/csvm+json", write: writeCSVW},
		output{name: "datapackage.json", mediaType: "application/json", write: writeDataPackage},
	)
	if !d.NoPDF {
		outs = append(outs, d.publications()...)
	}
	if d.Catalog != nil {
		for _, file := range []string{catalog.DCATFile, catalog.VoIDFile} {
			file := file
			outs = append(outs, output{name: file, mediaType: "text/turtle; charset=utf-8",
				write: func(ctx context.Context, w io.Writer, rel *releaseInfo) (int64, error) {
					return 0, catalog.WriteRelease(ctx, w, file, d.catalogInput(rel), nil)
				}})
		}
	}
	return append(outs, output{name: sumsFile, mediaType: "text/plain; charset=utf-8", write: writeSums})
}

// catalogInput is what the catalogue of the release being written
// describes: the files written so far, and the earlier releases.
func (d *Dumper) catalogInput(rel *releaseInfo) catalog.Input {
	cfg := *d.Catalog
	cfg.BaseURI = d.BaseURI
	latest := (&Manifest{Release: rel.name, Revision: rel.revision, SchemaVersion: SchemaVersion,
		VocabularyVersion: vocab.Version, Previous: rel.previous, Files: rel.files}).CatalogRelease()
	in := catalog.Input{Config: cfg, Snapshot: rel.snap, Latest: &latest, Stats: rel.stats}
	for _, m := range rel.earlier {
		in.Earlier = append(in.Earlier, m.CatalogRelease())
	}
	return in
}

// CatalogRelease is the release as the catalogue describes it.
func (m *Manifest) CatalogRelease() catalog.Release {
	r := catalog.Release{Name: m.Release, Revision: m.Revision, SchemaVersion: m.SchemaVersion,
		VocabularyVersion: m.VocabularyVersion, Previous: m.Previous, Archive: m.Archive}
	for _, f := range m.Files {
		r.Files = append(r.Files, catalog.File{Name: f.Name, Bytes: f.Bytes, SHA256: f.SHA256, MediaType: f.MediaType,
			UncompressedMediaType: f.UncompressedMediaType, Rows: f.Rows, Triples: f.Triples})
	}
	return r
}

// fingerprint identifies what a release would hold: the layout, the base
// of the IRIs, the files and every record's digest.
func fingerprint(base string, outs []output, digests []recordDigest) string {
	h := sha256.New()
	fmt.Fprintf(h, "schema %s\nvocabulary %s\nbase %s\n", SchemaVersion, vocab.Version, base)
	for _, o := range outs {
		for _, f := range o.files() {
			fmt.Fprintf(h, "file %s\n", f.name)
		}
	}
	for _, d := range digests {
		fmt.Fprintf(h, "%s\t%s\t%x\n", d.typ, d.id, d.sum[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (d *Dumper) log() *slog.Logger {
	if d.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return d.Log
}

func (d *Dumper) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

func (d *Dumper) location() *time.Location {
	if d.Location != nil {
		return d.Location
	}
	return DefaultLocation()
}

// Release writes a release of snap unless the latest release already
// holds the same data, then applies retention. On any error the dumps
// folder is as it was: the latest release complete and still latest.
func (d *Dumper) Release(ctx context.Context, snap *dataset.Snapshot) (res *Result, err error) {
	start := time.Now()
	defer func() {
		if err != nil {
			err = fmt.Errorf("dump release: %w", err)
			d.log().ErrorContext(ctx, "dump failed", "dir", d.Dir, "revision", snap.Revision, "error", err)
		}
		d.Metrics.observe(res, err, time.Since(start))
	}()
	if snap == nil {
		return nil, errors.New("no dataset snapshot")
	}
	if d.Dir == "" {
		return nil, errors.New("no dumps folder")
	}
	if err := os.MkdirAll(d.Dir, 0o755); err != nil {
		return nil, err
	}
	unlock, err := lockDir(ctx, d.Dir)
	if err != nil {
		return nil, err
	}
	defer unlock()
	d.sweep()

	tables, err := Tables(d.BaseURI)
	if err != nil {
		return nil, err
	}
	digests, err := digestsOf(snap)
	if err != nil {
		return nil, err
	}
	outs := d.outputs(tables)
	fp := fingerprint(d.BaseURI, outs, digests)
	archive := Open(d.Dir)
	rel := &releaseInfo{snap: snap, base: d.BaseURI, revision: snap.Revision, tables: tables, digests: digests,
		parquetCodec: newParquetCodec()}
	if latest, err := archive.Latest(); err == nil {
		if m, err := archive.Manifest(latest); err == nil {
			rel.prev = m
			if m.Fingerprint == fp {
				d.noteRun()
				d.log().InfoContext(ctx, "dump unchanged", "release", latest, "revision", snap.Revision)
				return &Result{Release: latest, Manifest: m}, nil
			}
			if dg, err := readDigests(filepath.Join(d.Dir, latest, digestsFile)); err == nil {
				rel.prevDigests = dg
			}
		} else {
			d.log().WarnContext(ctx, "latest dump release unreadable; making a new one", "release", latest, "error", err)
		}
	}

	now := d.now()
	name := d.releaseName(now.In(d.location()), snap.Revision)
	rel.name = name
	if rel.prev != nil {
		rel.previous = rel.prev.Release
	}
	if rel.changes, err = d.changesOf(ctx, rel); err != nil {
		return nil, err
	}
	// The change list was the previous digests' one use: at 100k records
	// they are 39 MiB the rest of the release need not hold (issue 18).
	rel.prevDigests = nil
	if d.Catalog != nil {
		if rel.earlier, err = archive.Releases(); err != nil {
			return nil, err
		}
	}
	tmp, err := os.MkdirTemp(d.Dir, tmpPrefix+name+"-")
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	steps := 2 // the archive and the manifest
	for _, o := range outs {
		steps += len(o.files())
	}
	step := 0
	for _, o := range outs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var names []string
		for _, f := range o.files() {
			names = append(names, f.name)
		}
		step += len(names)
		d.progress(step, steps, strings.Join(names, ", "))
		fes, err := d.writeFiles(ctx, tmp, o, rel)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", strings.Join(names, ", "), err)
		}
		rel.files = append(rel.files, fes...)
	}
	m := &Manifest{
		Dataset: DatasetTitle, Release: name, Revision: snap.Revision,
		SchemaVersion: SchemaVersion, VocabularyVersion: vocab.Version,
		BaseURI: d.BaseURI, License: vocab.LicenseIRI, Generated: dataset.Stamp(now),
		Fingerprint: fp, Files: rel.files, VoID: rel.stats,
	}
	if rel.prev != nil {
		m.Previous = rel.prev.Release
	}
	if totals, err := dataset.Platform(); err == nil {
		c := dataset.CoverageOf(snap, totals)
		m.Coverage = &Coverage{Coverage: c, Statement: c.Statement("en")}
	}
	d.progress(steps-1, steps, ArchiveName(name))
	if err := d.addArchive(ctx, tmp, rel, m); err != nil {
		return nil, err
	}
	d.progress(steps, steps, manifestFile)
	if _, err := d.writeFiles(ctx, tmp, output{name: manifestFile, mediaType: "application/json",
		write: func(_ context.Context, w io.Writer, _ *releaseInfo) (int64, error) { return 0, writeJSON(w, m) }}, rel); err != nil {
		return nil, fmt.Errorf("%s: %w", manifestFile, err)
	}
	if err := syncDir(tmp); err != nil {
		return nil, err
	}
	// The release appears whole, then becomes the latest.
	if err := os.Rename(tmp, filepath.Join(d.Dir, name)); err != nil {
		return nil, err
	}
	if err := syncDir(d.Dir); err != nil {
		return nil, err
	}
	if err := replaceSymlink(name, filepath.Join(d.Dir, LatestLink)); err != nil {
		return nil, fmt.Errorf("move %s to %s: %w", LatestLink, name, err)
	}
	d.noteRun()
	res = &Result{Release: name, Created: true, Manifest: m}
	var total int64
	for _, f := range m.Files {
		total += f.Bytes
	}
	d.log().InfoContext(ctx, "dump release created", "release", name, "revision", snap.Revision,
		"files", len(m.Files)+1, "bytes", total, "duration", time.Since(start).Round(time.Millisecond).String())
	removed, rerr := d.applyRetention()
	res.Removed = removed
	if rerr != nil {
		// The release is made; a release that could not be deleted
		// is tried again next time.
		d.log().WarnContext(ctx, "dump retention failed", "error", rerr)
	}
	return res, nil
}

func (d *Dumper) progress(step, steps int, name string) {
	if d.Progress != nil {
		d.Progress(Progress{Step: step, Steps: steps, File: name})
	}
}

// releaseName is "YYYY-MM-DD-rREV", with "-2", "-3"… when a release of
// that name exists (same day and revision, another layout or base URI).
func (d *Dumper) releaseName(t time.Time, rev int64) string {
	base := fmt.Sprintf("%s-r%d", t.Format(time.DateOnly), rev)
	name := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(filepath.Join(d.Dir, name)); errors.Is(err, os.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s-%d", base, i)
	}
}

// writeFiles writes the files of an output into dir, synced to disk, and
// describes them.
func (d *Dumper) writeFiles(ctx context.Context, dir string, o output, rel *releaseInfo) (fes []FileEntry, err error) {
	create := d.create
	if create == nil {
		create = createFile
	}
	files := o.files()
	var (
		fs       []file
		counters []*counter
		hashes   []hash.Hash
		ws       []io.Writer
	)
	defer func() {
		for _, f := range fs {
			if cerr := f.Close(); err == nil && cerr != nil {
				err = cerr
			}
		}
	}()
	for _, spec := range files {
		f, err := create(filepath.Join(dir, spec.name))
		if err != nil {
			return nil, err
		}
		fs = append(fs, f)
		h := sha256.New()
		c := &counter{w: f, h: h}
		hashes, counters, ws = append(hashes, h), append(counters, c), append(ws, c)
	}
	var counts []int64
	if o.writeAll != nil {
		counts, err = o.writeAll(ctx, ws, rel)
	} else {
		var n int64
		n, err = o.write(ctx, ws[0], rel)
		counts = []int64{n}
	}
	if err != nil {
		return nil, err
	}
	for i, spec := range files {
		if err := fs[i].Sync(); err != nil {
			return nil, fmt.Errorf("%s: %w", spec.name, err)
		}
		fe := FileEntry{Name: spec.name, Bytes: counters[i].n, SHA256: hex.EncodeToString(hashes[i].Sum(nil)),
			MediaType: spec.mediaType, UncompressedMediaType: spec.uncompressed}
		n := counts[i]
		switch spec.count {
		case "rows":
			fe.Rows = &n
		case "triples":
			fe.Triples = &n
		}
		fes = append(fes, fe)
	}
	return fes, nil
}

// sweep removes what killed runs left: temporary release folders and
// releases half deleted. It runs under the lock, so no run is using them.
func (d *Dumper) sweep() {
	entries, err := os.ReadDir(d.Dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if n := e.Name(); strings.HasPrefix(n, tmpPrefix) || strings.HasPrefix(n, trashPrefix) {
			if err := os.RemoveAll(filepath.Join(d.Dir, n)); err != nil {
				d.log().Warn("dump: cannot remove leftover", "path", n, "error", err)
			}
		}
	}
}

// noteRun records the time of a successful run, for the catch-up at start.
func (d *Dumper) noteRun() {
	p := filepath.Join(d.Dir, lastRunFile)
	if err := os.WriteFile(p+".tmp", []byte(d.now().UTC().Format(time.RFC3339)+"\n"), 0o644); err == nil {
		_ = os.Rename(p+".tmp", p)
	}
}

// LastRun returns the time of the last successful run in dir (one that
// made a release or found nothing changed), or the zero time.
func LastRun(dir string) time.Time {
	b, err := os.ReadFile(filepath.Join(dir, lastRunFile))
	if err != nil {
		return time.Time{}
	}
	t, _ := time.Parse(time.RFC3339, strings.TrimSpace(string(b)))
	return t
}

// publications are the printable publications of a release: the guide in
// each language and the book of city profiles (guide.ProfilesFile), whose
// row count is the number of profiles.
func (d *Dumper) publications() []output {
	var outs []output
	for _, lang := range dataset.Languages {
		outs = append(outs, output{name: guide.FileName(lang), mediaType: "application/pdf",
			write: func(_ context.Context, w io.Writer, rel *releaseInfo) (int64, error) {
				return 0, guide.WriteGuide(w, guide.Input{Snap: rel.snap, BaseURI: d.BaseURI}, lang)
			}})
	}
	return append(outs, output{name: guide.ProfilesFile, mediaType: "application/pdf", count: "rows",
		write: func(ctx context.Context, w io.Writer, rel *releaseInfo) (int64, error) {
			return guide.WriteProfiles(ctx, w, guide.Input{Snap: rel.snap, BaseURI: d.BaseURI})
		}})
}
