package api

import (
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/dumps"
	"github.com/moving-cities/opendata/ingest"
)

// changeSet is what happened to which records: "type/id" → kind.
type changeSet map[string]string

func (c changeSet) String() string {
	var lines []string
	for _, k := range slices.Sorted(maps.Keys(c)) {
		lines = append(lines, c[k]+" "+k)
	}
	return strings.Join(lines, "\n")
}

// TestDumpChangesAgreeWithFeed makes revisions of several kinds across
// types between two dump releases and checks that the releases' change
// list (read from the history, and worked out from the digests when
// there is none) and the change feed in JSON and ActivityStreams name the
// same records with the same kinds of change over the same revisions.
func TestDumpChangesAgreeWithFeed(t *testing.T) {
	t.Parallel() // its own database, publisher and handler
	a := newEditAPI(t)
	ctx := context.Background()
	clock := func() time.Time { return time.Date(2026, 11, 28, 3, 0, 0, 0, time.UTC) }
	// No PDFs: four releases of them would be most of the test's time
	// under -race, and only changes.json matters here.
	withHistory := &dumps.Dumper{Dir: t.TempDir(), BaseURI: testBase, History: a.db, Now: clock, Location: time.UTC, NoPDF: true}
	fromDigests := &dumps.Dumper{Dir: t.TempDir(), BaseURI: testBase, Now: clock, Location: time.UTC, NoPDF: true}
	release := func(rev int64) {
		t.Helper()
		if err := a.pub.WaitForRevision(ctx, rev); err != nil {
			t.Fatal(err)
		}
		for _, d := range []*dumps.Dumper{withHistory, fromDigests} {
			if res, err := d.Release(ctx, a.pub.Load()); err != nil || !res.Created {
				t.Fatalf("release at revision %d: %+v, %v", rev, res, err)
			}
		}
	}
	// A network retired before the first release, to be restored after
	// it (as a CMS sync restores an entry that comes back).
	if w := a.req(http.MethodPost, "/networks", a.editor, `{"id": "comeback-network", "names": {"en": "Comeback"}, "scope": "national"}`); w.Code != http.StatusCreated {
		t.Fatalf("create comeback-network: %d %s", w.Code, w.Body)
	}
	comeback, _ := a.pub.Load().Network("comeback-network")
	if w := a.req(http.MethodDelete, "/networks/comeback-network?reason=gone", a.admin, "", "If-Match", a.etag("/networks/comeback-network")); w.Code != http.StatusOK {
		t.Fatalf("delete comeback-network: %d %s", w.Code, w.Body)
	}
	start := a.revision()
	release(start)

	snap := a.pub.Load()
	want := changeSet{}
	var deleted string
	for _, m := range snap.Memberships {
		if m.Municipality != "a-coruna" && deleted == "" {
			deleted = m.ID
		}
		if m.Municipality == "a-coruna" {
			want["membership/"+m.ID] = "changed" // the rename rewrites its reference
		}
	}
	for _, ap := range snap.Approaches {
		if ap.Municipality == "a-coruna" {
			want["approach/"+ap.ID] = "changed"
		}
	}
	steps := []struct {
		method, path, key, body string
		ifMatch                 bool
		status                  int
	}{
		{http.MethodPost, "/networks", a.editor, testNetwork, false, http.StatusCreated},
		{http.MethodPost, "/networks/test-network/rename", a.admin, `{"to": "renamed-network", "reason": "a better name"}`, true, http.StatusOK},
		{http.MethodPatch, "/networks/renamed-network", a.editor, `{"founded": 2021}`, true, http.StatusOK},
		{http.MethodDelete, "/networks/renamed-network?reason=gone", a.admin, "", true, http.StatusOK},
		{http.MethodPost, "/networks", a.editor, `{"id": "kept-network", "names": {"en": "Kept"}, "scope": "national"}`, false, http.StatusCreated},
		{http.MethodPatch, "/networks/kept-network", a.editor, `{"founded": 2020}`, true, http.StatusOK},
		{http.MethodPatch, "/municipalities/barcelona", a.editor, `{"summary": {"en": "Edited."}}`, true, http.StatusOK},
		{http.MethodPost, "/municipalities/a-coruna/rename", a.admin, `{"to": "coruna-renamed", "reason": "test"}`, true, http.StatusOK},
		{http.MethodDelete, "/memberships/" + deleted + "?reason=ended", a.admin, "", true, http.StatusOK},
	}
	for _, s := range steps {
		var hdr []string
		if s.ifMatch {
			hdr = []string{"If-Match", a.etag(strings.TrimSuffix(s.path[:strings.IndexAny(s.path+"?", "?")], "/rename"))}
		}
		if w := a.req(s.method, s.path, s.key, s.body, hdr...); w.Code != s.status {
			t.Fatalf("%s %s: %d %s", s.method, s.path, w.Code, w.Body)
		}
	}
	if err := a.pub.WaitForRevision(ctx, a.revision()); err != nil {
		t.Fatal(err)
	}
	back := *comeback
	rep, _, err := ingest.ImportRestoring(ctx, a.db, a.pub.Load(), &dataset.Dataset{Networks: []dataset.Network{back}}, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.pub.WaitForRevision(ctx, rep.Revision); err != nil {
		t.Fatal(err)
	}
	// The IRI that answered 410 answers 200 again; its history ends in
	// the restoration.
	if w := a.req(http.MethodGet, "/networks/comeback-network", "", ""); w.Code != http.StatusOK {
		t.Errorf("the restored network answers %d %s", w.Code, w.Body)
	}
	if h := decodeBody[History](t, a.req(http.MethodGet, "/networks/comeback-network/history", "", "")); len(h.Versions) != 3 || h.Versions[2].Change != "restored" {
		t.Errorf("the restored network's history: %+v", h.Versions)
	}
	maps.Copy(want, changeSet{
		"network/comeback-network": "restored",
		"network/test-network":     "retired", "network/renamed-network": "retired", "network/kept-network": "added",
		"municipality/barcelona": "changed", "municipality/a-coruna": "retired", "municipality/coruna-renamed": "added",
		"membership/" + deleted: "retired",
	})
	end := a.revision()
	if end != start+int64(len(steps))+1 {
		t.Fatalf("%d steps and a restoration made revisions %d to %d", len(steps), start+1, end)
	}
	release(end)

	// The change feed from the first release's revision, folded.
	var feed []dataset.RecordChange
	page := decodeBody[RevisionPage](t, a.req(http.MethodGet, "/changes?after="+itoa(start)+"&limit=1000", "", ""))
	if len(page.Items) != len(steps)+1 || page.Latest != end {
		t.Fatalf("feed after %d: %d revisions, latest %d", start, len(page.Items), page.Latest)
	}
	for _, rv := range page.Items {
		for _, r := range rv.Records {
			feed = append(feed, dataset.RecordChange{Type: dataset.Type(r.Type), ID: r.ID, Kind: dataset.ChangeKind(r.Change)})
		}
	}
	fromFeed := changeSet{}
	for _, rc := range dataset.NetChanges(feed) {
		fromFeed[string(rc.Type)+"/"+rc.ID] = string(rc.Kind)
	}
	// The ActivityStreams page: Create, Update, Delete, Move or Undo (of a
	// Delete) per record.
	var as2 struct {
		Items []struct{ ID, Type string } `json:"orderedItems"`
	}
	if err := json.Unmarshal(a.req(http.MethodGet, "/changes.jsonld?after="+itoa(start), "", "").Body.Bytes(), &as2); err != nil {
		t.Fatal(err)
	}
	var activities []dataset.RecordChange
	for _, it := range as2.Items {
		_, rec, _ := strings.Cut(it.ID, "#")
		typ, id, _ := strings.Cut(rec, "/")
		kind := map[string]dataset.ChangeKind{"Create": dataset.Added, "Update": dataset.Changed, "Delete": dataset.Retire, "Move": dataset.Retire, "Undo": dataset.Restore}[it.Type]
		activities = append(activities, dataset.RecordChange{Type: dataset.Type(typ), ID: id, Kind: kind})
	}
	fromAS2 := changeSet{}
	for _, rc := range dataset.NetChanges(activities) {
		fromAS2[string(rc.Type)+"/"+rc.ID] = string(rc.Kind)
	}

	lists := map[string]changeSet{"the JSON feed": fromFeed, "the ActivityStreams feed": fromAS2}
	for name, d := range map[string]*dumps.Dumper{"history": withHistory, "digests": fromDigests} {
		b, err := os.ReadFile(filepath.Join(d.Dir, dumps.LatestLink, "changes.json"))
		if err != nil {
			t.Fatal(err)
		}
		var c dumps.Changes
		if err := json.Unmarshal(b, &c); err != nil {
			t.Fatal(err)
		}
		if c.Source != name || c.PreviousRevision != start || c.Revision != end || len(c.Removed) != 0 ||
			c.Feed != testBase+"/changes?after="+itoa(start) {
			t.Errorf("changes.json from the %s: %s", name, b)
		}
		set := changeSet{}
		for kind, m := range map[string]map[string][]string{"added": c.Added, "changed": c.Changed, "retired": c.Retired, "restored": c.Restored} {
			for typ, ids := range m {
				for _, id := range ids {
					set[typ+"/"+id] = kind
				}
			}
		}
		lists["changes.json from the "+name] = set
	}
	for name, got := range lists {
		if !maps.Equal(got, want) {
			t.Errorf("%s says\n%s\nwant\n%s", name, got, want)
		}
	}
}
