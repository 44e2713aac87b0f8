package dumps

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/graph"
	"github.com/moving-cities/opendata/vocab"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/release.sha256 from a release made now")

const goldenFile = "testdata/release.sha256"

// A release of a fixed synthetic dataset, with the real graph and the
// PDFs, has the bytes recorded in testdata/release.sha256: the checksum
// of every file, and of the content of every gzipped one. Optimisations of
// the writers (issue 18) must leave every line as it is; a change of the
// layout or the data regenerates it with -update, and the diff shows
// which files changed (a compressor that changed only the gzip bytes
// would change a file's line and leave its "content" line alone).
func TestReleaseMatchesGolden(t *testing.T) {
	snap := testSnapshot(t, 300, 3)
	dir := t.TempDir()
	dm := newTestDumper(dir)
	dm.NoPDF = false
	dm.Graph = GraphFunc(func(ctx context.Context, snap *dataset.Snapshot, emit func(vocab.Triple) error) error {
		return graph.DatasetTriples(ctx, snap, testBase, emit)
	})
	res, err := dm.Release(context.Background(), snap)
	if err != nil {
		t.Fatal(err)
	}
	got, err := releaseSums(filepath.Join(dir, res.Release))
	if err != nil {
		t.Fatal(err)
	}
	if *updateGolden {
		if err := os.WriteFile(goldenFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenFile)
	if err != nil {
		t.Fatalf("%v (make it with go test ./dumps -run TestReleaseMatchesGolden -update)", err)
	}
	if got == string(want) {
		return
	}
	wl, gl := strings.Split(string(want), "\n"), strings.Split(got, "\n")
	wantSet := map[string]bool{}
	for _, l := range wl {
		wantSet[l] = true
	}
	for _, l := range gl {
		if !wantSet[l] {
			t.Errorf("not in %s: %s", goldenFile, l)
		}
	}
	if len(wl) != len(gl) {
		t.Errorf("%d lines, %s has %d", len(gl), goldenFile, len(wl))
	}
}

// releaseSums lists "sha256  name" for each file of the release folder,
// and "sha256  name content" for the decompressed content of each .gz.
func releaseSums(dir string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return "", err
		}
		sum := sha256.Sum256(raw)
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), e.Name())
		if strings.HasSuffix(e.Name(), ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(raw))
			if err != nil {
				return "", fmt.Errorf("%s: %w", e.Name(), err)
			}
			h := sha256.New()
			if _, err := io.Copy(h, zr); err != nil {
				return "", fmt.Errorf("%s: %w", e.Name(), err)
			}
			fmt.Fprintf(&b, "%s  %s content\n", hex.EncodeToString(h.Sum(nil)), e.Name())
		}
	}
	return b.String(), nil
}
