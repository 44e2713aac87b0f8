package dumps

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
)

// fakeHistory serves the revisions it holds; err, when set, fails.
type fakeHistory struct {
	revs []store.RevisionInfo
	err  error
}

func (f fakeHistory) Revisions(_ context.Context, after int64, limit int) ([]store.RevisionInfo, error) {
	if f.err != nil {
		return nil, f.err
	}
	var out []store.RevisionInfo
	for _, r := range f.revs {
		if r.Revision > after && len(out) < limit {
			out = append(out, r)
		}
	}
	return out, nil
}

// TestChangesReadTheHistory: a release's change list comes from the
// revisions since the previous release when the history has them all,
// and from the digests when it lacks one or cannot be read.
func TestChangesReadTheHistory(t *testing.T) {
	snap := testSnapshot(t, 20, 1)
	ds := snap.Dataset()
	ds.Municipalities[0].Names = dataset.Names{"en": "Renamed"}
	id := ds.Municipalities[0].ID
	next := dataset.NewSnapshot(ds, 3)
	rev := func(n int64, kind dataset.ChangeKind) store.RevisionInfo {
		return store.RevisionInfo{Revision: n, Records: []store.RecordRef{{Type: dataset.TypeMunicipality, ID: id, Kind: kind}}}
	}
	tests := []struct {
		name    string
		history RevisionLister
		source  string
	}{
		{"every revision", fakeHistory{revs: []store.RevisionInfo{rev(1, dataset.Added), rev(2, dataset.Changed), rev(3, dataset.Changed), rev(4, dataset.Changed)}}, "history"},
		{"a revision missing", fakeHistory{revs: []store.RevisionInfo{rev(3, dataset.Changed)}}, "digests"},
		{"unreadable", fakeHistory{err: errors.New("disk on fire")}, "digests"},
		{"none", nil, "digests"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			// No PDFs: they are most of a release's time, and only changes.json
			// matters here.
			d := &Dumper{Dir: dir, BaseURI: testBase, Now: fixedClock(day1), Location: time.UTC, History: tt.history, NoPDF: true}
			if _, err := d.Release(context.Background(), snap); err != nil {
				t.Fatal(err)
			}
			res, err := d.Release(context.Background(), next)
			if err != nil || !res.Created {
				t.Fatalf("%+v, %v", res, err)
			}
			b, err := os.ReadFile(filepath.Join(dir, res.Release, changesFile))
			if err != nil {
				t.Fatal(err)
			}
			var c Changes
			if err := json.Unmarshal(b, &c); err != nil {
				t.Fatal(err)
			}
			if c.Source != tt.source || c.PreviousRevision != 1 || c.Revision != 3 || len(c.Added) != 0 || len(c.Retired) != 0 ||
				!slices.Equal(c.Changed["municipality"], []string{id}) || len(c.Changed) != 1 {
				t.Errorf("changes.json %s", b)
			}
		})
	}
}
