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
	"github.com/moving-cities/opendata/store"
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

// recordDigest is the SHA-256 (first 16 bytes) of a record's JSON,
// written in hex. The bytes are kept, not their hex (a string of its own
// per record): a release holds every record's digest (issue 18).
type recordDigest struct {
	typ, id string
	sum     [16]byte
}

// hex is the digest as the digests file writes it.
func (d *recordDigest) hex() string { return hex.EncodeToString(d.sum[:]) }

// digestsOf returns the digests of every record of snap, by type (in
// table order) and ID.
func digestsOf(snap *dataset.Snapshot) ([]recordDigest, error) {
	n := len(snap.Retired)
	for _, t := range recordOrder {
		n += records(snap, t).Len()
	}
	out := make([]recordDigest, 0, n)
	add := func(typ, id string, v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("digest %s %s: %w", typ, id, err)
		}
		sum := sha256.Sum256(b)
		out = append(out, recordDigest{typ: typ, id: id, sum: [16]byte(sum[:16])})
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
		retired = append(retired, recordDigest{typ: retiredType, id: string(r.Type) + "/" + r.ID, sum: [16]byte(sum[:16])})
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
	var h [32]byte
	for _, d := range rel.digests {
		bw.WriteString(d.typ)
		bw.WriteByte('\t')
		bw.WriteString(d.id)
		bw.WriteByte('\t')
		hex.Encode(h[:], d.sum[:])
		bw.Write(h[:])
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

// Changes is changes.json: the records added, changed, retired and restored
// since the previous release, by type, in the change feed's terms (a
// rename retires the old ID and adds the new one). The first release has
// no previous one and lists nothing.
type Changes struct {
	Previous         string `json:"previous"` // "" for the first release
	PreviousRevision int64  `json:"previous_revision,omitempty"`
	Revision         int64  `json:"revision"`
	// Source says what the lists were read from: "history" (the store's
	// revisions after previous_revision up to revision, the ones the feed
	// lists) or "digests" (the record digests of the two releases, when
	// the store keeps no history of those revisions).
	Source string `json:"source,omitempty"`
	// Feed is the change feed from the previous release's revision on.
	Feed    string              `json:"feed,omitempty"`
	Added   map[string][]string `json:"added"`
	Changed map[string][]string `json:"changed"`
	Retired map[string][]string `json:"retired"`
	// Restored are retired IDs that became records again (an entry back in
	// the platform's CMS), listed when there are any.
	Restored map[string][]string `json:"restored,omitempty"`
	// Removed are records that are gone without a tombstone; only the
	// digests can show them, when the data was replaced outside the
	// store's revisions.
	Removed map[string][]string `json:"removed,omitempty"`
}

// RevisionLister is what the dumps read of the store's history
// (store.History).
type RevisionLister interface {
	Revisions(ctx context.Context, after int64, limit int) ([]store.RevisionInfo, error)
}

// changesOf works out the release's change list: from the history when
// the Dumper has one holding every revision since the previous release,
// else from the digests.
func (d *Dumper) changesOf(ctx context.Context, rel *releaseInfo) (*Changes, error) {
	c := &Changes{Revision: rel.revision, Added: map[string][]string{}, Changed: map[string][]string{}, Retired: map[string][]string{}}
	if rel.prev == nil {
		return c, nil
	}
	c.Previous, c.PreviousRevision = rel.prev.Release, rel.prev.Revision
	c.Feed = fmt.Sprintf("%s/changes?after=%d", rel.base, rel.prev.Revision)
	seq, ok, err := d.historyChanges(ctx, rel.prev.Revision, rel.revision)
	if err != nil {
		return nil, err
	}
	if ok {
		c.Source = "history"
	} else {
		if rel.prevDigests == nil {
			return c, nil
		}
		c.Source = "digests"
		seq = digestChanges(rel, c)
	}
	for _, rc := range dataset.NetChanges(seq) {
		if rc.Kind == dataset.Restore && c.Restored == nil {
			c.Restored = map[string][]string{}
		}
		m := map[dataset.ChangeKind]map[string][]string{dataset.Added: c.Added, dataset.Changed: c.Changed, dataset.Retire: c.Retired, dataset.Restore: c.Restored}[rc.Kind]
		m[string(rc.Type)] = append(m[string(rc.Type)], rc.ID)
	}
	return c, nil
}

// historyChanges reads the record changes of the revisions after prev up
// to rev; ok is false when there is no history or it lacks some of them
// (a store rebuilt since the previous release).
func (d *Dumper) historyChanges(ctx context.Context, prev, rev int64) (seq []dataset.RecordChange, ok bool, err error) {
	if d.History == nil || prev >= rev {
		return nil, false, nil
	}
	next := prev + 1
	for next <= rev {
		list, err := d.History.Revisions(ctx, next-1, int(min(rev-next+1, 1000)))
		if err != nil {
			if ctx.Err() != nil {
				return nil, false, err
			}
			d.log().WarnContext(ctx, "revision history unreadable; the change list is worked out from the digests", "error", err)
			return nil, false, nil
		}
		if len(list) == 0 {
			break
		}
		for _, ri := range list {
			if ri.Revision != next {
				break
			}
			for _, r := range ri.Records {
				seq = append(seq, dataset.RecordChange{Type: r.Type, ID: r.ID, Kind: r.Kind})
			}
			next++
		}
		if list[len(list)-1].Revision != next-1 {
			break
		}
	}
	if next != rev+1 {
		d.log().WarnContext(ctx, "the revision history lacks revisions since the previous release; the change list is worked out from the digests",
			"previous_revision", prev, "revision", rev, "missing_from", next)
		return nil, false, nil
	}
	return seq, true, nil
}

// digestChanges compares the release's digests with the previous
// release's: a record whose digest is new was added (restored when the
// previous release held its tombstone), one whose digest differs changed,
// and a new tombstone retired its record. A record gone
// without a tombstone goes to c.Removed.
func digestChanges(rel *releaseInfo, c *Changes) []dataset.RecordChange {
	var seq []dataset.RecordChange
	seen := make(map[string]bool, len(rel.digests))
	for i := range rel.digests {
		d := &rel.digests[i]
		key := d.typ + "\t" + d.id
		seen[key] = true
		old, ok := rel.prevDigests[key]
		switch {
		case d.typ == retiredType:
			if !ok {
				typ, id, _ := strings.Cut(d.id, "/")
				seq = append(seq, dataset.RecordChange{Type: dataset.Type(typ), ID: id, Kind: dataset.Retire})
			}
		case !ok && rel.prevDigests[retiredType+"\t"+d.typ+"/"+d.id] != "":
			seq = append(seq, dataset.RecordChange{Type: dataset.Type(d.typ), ID: d.id, Kind: dataset.Restore})
		case !ok:
			seq = append(seq, dataset.RecordChange{Type: dataset.Type(d.typ), ID: d.id, Kind: dataset.Added})
		case old != d.hex():
			seq = append(seq, dataset.RecordChange{Type: dataset.Type(d.typ), ID: d.id, Kind: dataset.Changed})
		}
	}
	for key := range rel.prevDigests {
		typ, id, _ := strings.Cut(key, "\t")
		if seen[key] || typ == retiredType || seen[retiredType+"\t"+typ+"/"+id] {
			continue
		}
		if c.Removed == nil {
			c.Removed = map[string][]string{}
		}
		c.Removed[typ] = append(c.Removed[typ], id)
	}
	for _, ids := range c.Removed {
		sort.Strings(ids)
	}
	return seq
}

func writeChanges(_ context.Context, w io.Writer, rel *releaseInfo) (int64, error) {
	c := rel.changes
	n := 0
	for _, m := range []map[string][]string{c.Added, c.Changed, c.Retired, c.Restored, c.Removed} {
		for _, ids := range m {
			n += len(ids)
		}
	}
	return int64(n), writeJSON(w, c)
}
