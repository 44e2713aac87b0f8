package dumps

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
)

func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

func TestArchiveServesOnlyListedFiles(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "dumps")
	d := newTestDumper(dir)
	res, err := d.Release(context.Background(), seedSnapshot(t, 1))
	if err != nil {
		t.Fatal(err)
	}
	// Things that must never be served: beside the folder, inside a
	// release but not listed, and a symlink out of the folder.
	os.WriteFile(filepath.Join(root, "secret.txt"), []byte("secret"), 0o644)
	os.WriteFile(filepath.Join(dir, res.Release, "stray.csv"), []byte("stray"), 0o644)
	os.Symlink(filepath.Join(root, "secret.txt"), filepath.Join(dir, res.Release, "link.csv"))
	os.Mkdir(filepath.Join(dir, "2020-01-01-r1"), 0o755)
	os.Symlink(filepath.Join(root, "secret.txt"), filepath.Join(dir, "2020-01-01-r1", manifestFile))
	a := Open(dir)
	for _, tc := range []struct {
		release, file string
		ok            bool
	}{
		{res.Release, "municipalities.csv", true},
		{LatestLink, "municipalities.parquet", true},
		{LatestLink, manifestFile, true},
		{res.Release, sumsFile, true},
		{res.Release, "stray.csv", false},
		{res.Release, "link.csv", false},
		{res.Release, "../secret.txt", false},
		{res.Release, "..", false},
		{res.Release, ".", false},
		{res.Release, "", false},
		{"..", "secret.txt", false},
		{".", "latest", false},
		{"../dumps/" + res.Release, "municipalities.csv", false},
		{res.Release + "/..", "secret.txt", false},
		{"%2e%2e", "secret.txt", false},
		{res.Release, "%2e%2e%2fsecret.txt", false},
		{res.Release, "sub/municipalities.csv", false},
		{res.Release, "/etc/passwd", false},
		{res.Release, `..\secret.txt`, false},
		{res.Release, "municipalities.csv\x00", false},
		{"2020-01-01-r1", manifestFile, false},
		{"2099-01-01-r1", "municipalities.csv", false},
		{".tmp-x", "municipalities.csv", false},
		{LatestLink, ".lock", false},
		{LatestLink, "..", false},
	} {
		f, fe, _, err := a.OpenFile(tc.release, tc.file)
		if tc.ok {
			if err != nil {
				t.Errorf("%q/%q: %v", tc.release, tc.file, err)
				continue
			}
			b, _ := io.ReadAll(f)
			f.Close()
			if fe.Bytes != 0 && int64(len(b)) != fe.Bytes {
				t.Errorf("%q/%q: read %d bytes, manifest says %d", tc.release, tc.file, len(b), fe.Bytes)
			}
			continue
		}
		if err == nil {
			b, _ := io.ReadAll(f)
			f.Close()
			t.Errorf("%q/%q was served: %.40q", tc.release, tc.file, b)
		} else if !errors.Is(err, ErrNotFound) {
			t.Errorf("%q/%q: %v, want ErrNotFound", tc.release, tc.file, err)
		}
	}
	// A latest link pointing outside is not followed.
	os.Remove(filepath.Join(dir, LatestLink))
	os.Symlink("../", filepath.Join(dir, LatestLink))
	if _, _, _, err := a.OpenFile(LatestLink, "secret.txt"); err == nil {
		t.Error("followed latest out of the folder")
	}
}

func TestArchiveWithoutFolder(t *testing.T) {
	for _, dir := range []string{"", filepath.Join(t.TempDir(), "missing")} {
		a := Open(dir)
		if ms, err := a.Releases(); err != nil || len(ms) != 0 {
			t.Errorf("%q: %v, %v", dir, ms, err)
		}
		if _, err := a.Latest(); !errors.Is(err, ErrNotFound) {
			t.Errorf("%q: latest: %v", dir, err)
		}
	}
}
