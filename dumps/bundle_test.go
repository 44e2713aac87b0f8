package dumps

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestArchiveHoldsTheRelease: the release's zip holds every file of the
// release in a folder named after it, sorted, dated the release's day;
// its SHA256SUMS verifies its files, its manifest describes them; the
// release's own SHA256SUMS and manifest add the archive (issue 17).
func TestArchiveHoldsTheRelease(t *testing.T) {
	dir := t.TempDir()
	res, err := newTestDumper(dir).Release(context.Background(), testSnapshot(t, 50, 7))
	if err != nil {
		t.Fatal(err)
	}
	m := checkRelease(t, dir, res.Release)
	rel := filepath.Join(dir, res.Release)
	name := ArchiveName(res.Release)
	if m.Archive != name || name != "movingcities-2026-11-27-r7.zip" {
		t.Fatalf("manifest archive %q, want %q", m.Archive, name)
	}
	ae, ok := m.File(name)
	if !ok || ae.MediaType != "application/zip" || m.Files[len(m.Files)-1].Name != sumsFile || m.Files[len(m.Files)-2].Name != name {
		t.Fatalf("manifest files end with %v", m.Files[len(m.Files)-2:])
	}
	zr, err := zip.OpenReader(filepath.Join(rel, name))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	read := func(f *zip.File) []byte {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		b, err := io.ReadAll(rc) // checks the CRC-32
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		return b
	}
	entries := map[string][]byte{}
	var names []string
	day := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	for _, f := range zr.File {
		base, ok := strings.CutPrefix(f.Name, res.Release+"/")
		if !ok || strings.Contains(base, "/") {
			t.Fatalf("entry %q is not in the folder %s", f.Name, res.Release)
		}
		names = append(names, base)
		entries[base] = read(f)
		if !f.Modified.Equal(day) || f.Mode() != 0o644 {
			t.Errorf("%s: modified %v, mode %v", f.Name, f.Modified, f.Mode())
		}
		if compressed := strings.HasSuffix(base, ".gz") || strings.HasSuffix(base, ".parquet"); compressed != (f.Method == zip.Store) {
			t.Errorf("%s: method %d", f.Name, f.Method)
		}
	}
	if !slices.IsSorted(names) {
		t.Errorf("entries not in name order: %v", names)
	}
	// Every file of the release but the archive, and the manifest.
	var want []string
	for _, f := range m.Files {
		if f.Name != name {
			want = append(want, f.Name)
		}
	}
	want = append(want, manifestFile)
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Fatalf("archive holds %v, want %v", names, want)
	}
	for _, n := range names {
		if n == manifestFile || n == sumsFile {
			continue
		}
		b, _ := os.ReadFile(filepath.Join(rel, n))
		if !bytes.Equal(b, entries[n]) {
			t.Errorf("%s differs in the archive", n)
		}
	}
	// The archive's SHA256SUMS verifies every file in it; the release's
	// adds the archive's line.
	inSums := string(entries[sumsFile])
	outSums, _ := os.ReadFile(filepath.Join(rel, sumsFile))
	if string(outSums) != inSums+ae.SHA256+"  "+name+"\n" {
		t.Errorf("the release's SHA256SUMS is not the archive's plus the archive:\n%s", outSums)
	}
	listed := 0
	sc := bufio.NewScanner(strings.NewReader(inSums))
	for sc.Scan() {
		sum, file, _ := strings.Cut(sc.Text(), "  ")
		h := sha256.Sum256(entries[file])
		if hex.EncodeToString(h[:]) != sum {
			t.Errorf("archive: %s does not match its SHA256SUMS", file)
		}
		listed++
	}
	if listed != len(names)-2 { // all but SHA256SUMS and manifest.json
		t.Errorf("the archive's SHA256SUMS lists %d of %d files", listed, len(names))
	}
	// The archive's manifest: the release's without its generation time
	// and without the archive; it describes the files beside it.
	var in Manifest
	if err := json.Unmarshal(entries[manifestFile], &in); err != nil {
		t.Fatal(err)
	}
	if !in.Generated.IsZero() || in.Archive != "" || bytes.Contains(entries[manifestFile], []byte(`"generated"`)) {
		t.Errorf("the archive's manifest has generated %v, archive %q", in.Generated, in.Archive)
	}
	for _, f := range in.Files {
		h := sha256.Sum256(entries[f.Name])
		if b, ok := entries[f.Name]; !ok || int64(len(b)) != f.Bytes || hex.EncodeToString(h[:]) != f.SHA256 {
			t.Errorf("the archive's manifest does not describe its %s", f.Name)
		}
	}
	if len(in.Files) != len(names)-1 || in.Fingerprint != m.Fingerprint || in.Release != m.Release {
		t.Errorf("the archive's manifest lists %d files (archive %d)", len(in.Files), len(names))
	}
	if st, _ := os.Stat(filepath.Join(rel, name)); st.Size() != ae.Bytes {
		t.Errorf("archive is %d bytes, manifest says %d", st.Size(), ae.Bytes)
	}
}

// TestArchiveStreams: writing the archive of large files allocates a
// small, fixed amount, not the files' size.
func TestArchiveStreams(t *testing.T) {
	dir := t.TempDir()
	const size = 24 << 20
	big := make([]byte, size)
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < size; i += 8 {
		binary.LittleEndian.PutUint64(big[i:], r.Uint64())
	}
	if err := os.WriteFile(filepath.Join(dir, "big.parquet"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	text := bytes.Repeat([]byte("municipality,Aachen,DE,50.77,6.08\n"), size/34)
	if err := os.WriteFile(filepath.Join(dir, "big.csv"), text, 0o644); err != nil {
		t.Fatal(err)
	}
	big, text = nil, nil
	files := []FileEntry{{Name: "big.parquet", MediaType: "application/vnd.apache.parquet"}, {Name: "big.csv", MediaType: "text/csv"}}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var n countWriter
	if err := writeArchive(context.Background(), &n, dir, "2026-11-27-r1", files); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if n < size {
		t.Fatalf("archive of %d bytes", n)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("a %d MiB archive allocated %d KiB", n>>20, alloc>>10)
	if alloc > 4<<20 {
		t.Errorf("writing a %d MiB archive allocated %d MiB", n>>20, alloc>>20)
	}
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
