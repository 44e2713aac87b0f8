package dumps

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/moving-cities/opendata/vocab"
)

// The one-file download of a release (issue 17): a zip archive that holds
// every file of the release in a folder named after it, with manifest.json
// and SHA256SUMS, for those who deposit or move a release as one citable
// object.
//
// An archive cannot hold its own checksum, so it holds the release as it
// was before the archive was added: its SHA256SUMS lists every file in
// it, and its manifest.json describes them and has no generation time.
// The release folder's SHA256SUMS and manifest.json then add the
// archive's line and entry (manifest "archive" names it). Unpacked, the
// folder verifies with `sha256sum -c SHA256SUMS`; beside it, the archive
// verifies with the release's SHA256SUMS.
//
// The bytes depend on the release's content only: entries in name order,
// each dated the release's day (midnight UTC), Unix mode 0644, the same
// compression, so the same data makes the same archive. It is written
// file by file through a fixed buffer: memory does not grow with the
// release.

const archiveMediaType = "application/zip"

// ArchiveName is the name of the archive of a release.
func ArchiveName(release string) string { return "movingcities-" + release + ".zip" }

// storedTypes are media types whose files are compressed already: the
// archive stores them as they are.
var storedTypes = []string{"application/gzip", "application/vnd.apache.parquet"}

// writeArchive writes the zip of files (which are in dir) to w, in a
// folder called release.
func writeArchive(ctx context.Context, w io.Writer, dir, release string, files []FileEntry) error {
	mtime := time.Unix(0, 0).UTC()
	if k, ok := keyOf(release); ok {
		mtime, _ = time.Parse(time.DateOnly, k.date)
	}
	files = slices.Clone(files)
	slices.SortFunc(files, func(a, b FileEntry) int { return strings.Compare(a.Name, b.Name) })
	zw := zip.NewWriter(w)
	if err := zw.SetComment(fmt.Sprintf("%s, release %s: every file of the release, with its manifest and SHA-256 checksums. Licence: %s",
		DatasetTitle, release, vocab.LicenseIRI)); err != nil {
		return err
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		h := &zip.FileHeader{Name: release + "/" + f.Name, Method: zip.Deflate, Modified: mtime}
		if slices.Contains(storedTypes, f.MediaType) {
			h.Method = zip.Store
		}
		h.SetMode(0o644)
		ew, err := zw.CreateHeader(h)
		if err != nil {
			return fmt.Errorf("archive %s: %w", f.Name, err)
		}
		if err := copyFile(ew, filepath.Join(dir, f.Name)); err != nil {
			return fmt.Errorf("archive %s: %w", f.Name, err)
		}
	}
	return zw.Close()
}

func copyFile(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

// addArchive writes the archive of the release being written in dir,
// whose files and manifest m are complete, then adds it to the release's
// SHA256SUMS and manifest (see above).
func (d *Dumper) addArchive(ctx context.Context, dir string, rel *releaseInfo, m *Manifest) error {
	inner := *m
	inner.Generated = time.Time{}
	if _, err := d.writeFiles(ctx, dir, output{name: manifestFile, mediaType: "application/json",
		write: func(_ context.Context, w io.Writer, _ *releaseInfo) (int64, error) { return 0, writeJSON(w, &inner) }}, rel); err != nil {
		return fmt.Errorf("%s: %w", manifestFile, err)
	}
	name := ArchiveName(m.Release)
	contents := append(slices.Clone(m.Files), FileEntry{Name: manifestFile, MediaType: "application/json"})
	fes, err := d.writeFiles(ctx, dir, output{name: name, mediaType: archiveMediaType,
		write: func(ctx context.Context, w io.Writer, _ *releaseInfo) (int64, error) {
			return 0, writeArchive(ctx, w, dir, m.Release, contents)
		}}, rel)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	// The release's SHA256SUMS: the archive's, and the archive.
	files := slices.DeleteFunc(slices.Clone(m.Files), func(f FileEntry) bool { return f.Name == sumsFile })
	files = append(files, fes[0])
	sums, err := d.writeFiles(ctx, dir, output{name: sumsFile, mediaType: "text/plain; charset=utf-8",
		write: func(ctx context.Context, w io.Writer, _ *releaseInfo) (int64, error) {
			return writeSums(ctx, w, &releaseInfo{files: files})
		}}, rel)
	if err != nil {
		return fmt.Errorf("%s: %w", sumsFile, err)
	}
	m.Files = append(files, sums[0])
	m.Archive = name
	return nil
}
