package dumps

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/klauspost/compress/gzip"

	"github.com/moving-cities/opendata/dataset"
)

// Every release lists a digest of each record (digestsFile), so that the
// next release can tell which records were added, changed and removed
// (changesFile) without reading the previous data.
const (
	digestsFile = "record-digests.tsv.gz"
	changesFile = "changes.json"
	// retiredType is the type of tombstones in the digests; their ID is
	// "type/id" of the retired entity.
	retiredType = "retired"
)

// recordDigest is the SHA-256 (first 16 bytes, hex) of a record's JSON.
type recordDigest struct {
	typ, id, digest string
}

// digestsOf returns the digests of every record of snap, by type (in
// table order) and ID.
func digestsOf(snap *dataset.Snapshot) ([]recordDigest, error) {
	var out []recordDigest
	add := func(typ, id string, v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("digest %s %s: %w", typ, id, err)
		}
		sum := sha256.Sum256(b)
		out = append(out, recordDigest{typ, id, hex.EncodeToString(sum[:16])})
		return nil
	}
	for _, t := range recordOrder {
		recs := records(snap, t)
		idPath, err := pathOf(recordType(t), "id")
		if err != nil {
			return nil, err
		}
		for i := range recs.Len() {
			rec := recs.Index(i)
			id, _ := idPath.get(rec)
			if err := add(string(t), id.String(), rec.Interface()); err != nil {
				return nil, err
			}
		}
	}
	var retired []recordDigest
	for _, r := range snap.Retired {
		b, err := json.Marshal(r)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(b)
		retired = append(retired, recordDigest{retiredType, string(r.Type) + "/" + r.ID, hex.EncodeToString(sum[:16])})
	}
	sort.Slice(retired, func(i, j int) bool { return retired[i].id < retired[j].id })
	return append(out, retired...), nil
}

// writeDigests writes the digests as gzipped TSV: type, ID, digest.
func writeDigests(_ context.Context, w io.Writer, rel *releaseInfo) (int64, error) {
	zw, err := gzip.NewWriterLevel(w, gzip.DefaultCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	for _, d := range rel.digests {
		bw.WriteString(d.typ)
		bw.WriteByte('\t')
		bw.WriteString(d.id)
		bw.WriteByte('\t')
		bw.WriteString(d.digest)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return int64(len(rel.digests)), zw.Close()
}

// readDigests reads a release's digests: "type\tid" → digest.
func readDigests(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	m := map[string]string{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		i := strings.LastIndexByte(line, '\t')
		if i < 0 {
			return nil, fmt.Errorf("%s: malformed line %q", path, line)
		}
		m[line[:i]] = line[i+1:]
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// Changes is changes.json: the records added, changed and removed since
// the previous release, by type. The first release has no previous one
// and lists nothing.
type Changes struct {
	Previous         string              `json:"previous"` // "" for the first release
	PreviousRevision int64               `json:"previous_revision,omitempty"`
	Revision         int64               `json:"revision"`
	Added            map[string][]string `json:"added"`
	Changed          map[string][]string `json:"changed"`
	Removed          map[string][]string `json:"removed"`
}

func changesOf(rel *releaseInfo) *Changes {
	c := &Changes{Revision: rel.revision, Added: map[string][]string{}, Changed: map[string][]string{}, Removed: map[string][]string{}}
	if rel.prev == nil || rel.prevDigests == nil {
		return c
	}
	c.Previous, c.PreviousRevision = rel.prev.Release, rel.prev.Revision
	seen := make(map[string]bool, len(rel.digests))
	for _, d := range rel.digests {
		key := d.typ + "\t" + d.id
		seen[key] = true
		switch old, ok := rel.prevDigests[key]; {
		case !ok:
			c.Added[d.typ] = append(c.Added[d.typ], d.id)
		case old != d.digest:
			c.Changed[d.typ] = append(c.Changed[d.typ], d.id)
		}
	}
	for key := range rel.prevDigests {
		if !seen[key] {
			typ, id, _ := strings.Cut(key, "\t")
			c.Removed[typ] = append(c.Removed[typ], id)
		}
	}
	for _, ids := range c.Removed {
		sort.Strings(ids)
	}
	return c
}

func writeChanges(_ context.Context, w io.Writer, rel *releaseInfo) (int64, error) {
	c := changesOf(rel)
	n := 0
	for _, m := range []map[string][]string{c.Added, c.Changed, c.Removed} {
		for _, ids := range m {
			n += len(ids)
		}
	}
	return int64(n), writeJSON(w, c)
}
