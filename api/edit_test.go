package api

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/common/expfmt"

	"github.com/moving-cities/opendata/auth"
	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/edit"
	"github.com/moving-cities/opendata/ingest"
	"github.com/moving-cities/opendata/publish"
	"github.com/moving-cities/opendata/store/sqlite"
)

// lockedBuffer is a log sink the server's goroutines share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// editAPI is the whole service over a real store: the seed in SQLite, the
// publisher following it, and an editor and an admin key.
type editAPI struct {
	t             *testing.T
	h             http.Handler
	db            *sqlite.DB
	pub           *publish.Publisher
	log           *lockedBuffer
	reg           *prometheus.Registry
	editor, admin string
}

func newEditAPI(t *testing.T) *editAPI {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "edit.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	logs := &lockedBuffer{}
	log := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	if _, err := ingest.Seed(ctx, db, dataset.Seed, log); err != nil {
		t.Fatal(err)
	}
	pub := publish.New(publish.Config{Store: db, Log: log})
	if err := pub.Start(ctx); err != nil {
		t.Fatal(err)
	}
	a := &editAPI{t: t, db: db, pub: pub, log: logs, reg: NewRegistry()}
	for _, k := range []struct {
		name, role string
		dst        *string
	}{{"erika", auth.RoleEditor, &a.editor}, {"adam", auth.RoleAdmin, &a.admin}} {
		rec, key, err := auth.NewKey(k.name, k.role, db.Now())
		if err != nil {
			t.Fatal(err)
		}
		if err := db.CreateKey(ctx, rec); err != nil {
			t.Fatal(err)
		}
		*k.dst = key
	}
	cfg := Config{BaseURI: testBase, RateLimit: -1, Metrics: a.reg,
		Editing: &Editing{Editor: testEditor(db, pub), Keys: db, History: db, Proposals: db}}
	a.h, err = New(cfg, pub, log)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// req sends a request with a key ("" for none) and headers as pairs.
// testEditor is edit.New with a publish wait long enough for a loaded
// machine under -race: a write's answer waits until it is served, so that
// the next request reads it (the default 5 s can pass while the snapshot
// builds, and the next request then finds the old one).
func testEditor(st edit.Writer, pub edit.Published) *edit.Editor {
	e := edit.New(st, pub)
	e.PublishWait = time.Minute
	return e
}

func (a *editAPI) req(method, target, key, body string, hdr ...string) *httptest.ResponseRecorder {
	a.t.Helper()
	var r *http.Request
	if body != "" {
		r = httptest.NewRequest(method, target, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
	} else {
		r = httptest.NewRequest(method, target, nil)
	}
	if key != "" {
		r.Header.Set("Authorization", "Bearer "+key)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	a.h.ServeHTTP(w, r)
	return w
}

func (a *editAPI) etag(path string) string {
	a.t.Helper()
	w := a.req(http.MethodGet, path+".json", "", "")
	if w.Code != http.StatusOK || w.Header().Get("ETag") == "" {
		a.t.Fatalf("GET %s.json: %d, ETag %q", path, w.Code, w.Header().Get("ETag"))
	}
	return w.Header().Get("ETag")
}

func (a *editAPI) revision() int64 {
	a.t.Helper()
	rev, err := a.db.Revision(context.Background())
	if err != nil {
		a.t.Fatal(err)
	}
	return rev
}

func decodeBody[T any](t *testing.T, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode %s: %v", w.Body, err)
	}
	return v
}

type problemBody struct {
	Status int    `json:"status"`
	Detail string `json:"detail"`
	Errors []struct {
		Location string `json:"location"`
		Message  string `json:"message"`
	} `json:"errors"`
}

func (p problemBody) text() string {
	s := p.Detail
	for _, e := range p.Errors {
		s += " | " + e.Location + ": " + e.Message
	}
	return s
}

const testNetwork = `{"id": "test-network", "names": {"en": "Test network"}, "scope": "european"}`

func TestWriteAuthorisation(t *testing.T) {
	t.Parallel() // its own database, publisher and handler
	a := newEditAPI(t)
	tests := []struct {
		name, method, path, key, body string
		status                        int
		challenge                     string
	}{
		{"no key", http.MethodPost, "/networks", "", testNetwork, 401, `Bearer realm="movingcities"`},
		{"unknown key", http.MethodPost, "/networks", auth.Prefix + "nope", testNetwork, 401, `error="invalid_token"`},
		{"editor deletes", http.MethodDelete, "/memberships/a-coruna-ciudades-refugio", a.editor, "", 403, ""},
		{"editor renames", http.MethodPost, "/municipalities/a-coruna/rename", a.editor, `{"to": "la-coruna"}`, 403, ""},
		{"editor batch with delete", http.MethodPost, "/revisions", a.editor, `{"ops": [{"op": "delete", "type": "membership", "id": "a-coruna-ciudades-refugio", "if_match": "*"}]}`, 403, ""},
	}
	before := a.revision()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := a.req(tt.method, tt.path, tt.key, tt.body, "If-Match", "*")
			if w.Code != tt.status || w.Header().Get("Content-Type") != "application/problem+json" {
				t.Fatalf("%d %s: %s", w.Code, w.Header().Get("Content-Type"), w.Body)
			}
			if got := w.Header().Get("WWW-Authenticate"); !strings.Contains(got, tt.challenge) || (tt.challenge == "") != (got == "") {
				t.Fatalf("WWW-Authenticate %q, want %q", got, tt.challenge)
			}
		})
	}
	if a.revision() != before {
		t.Fatal("a refused write made a revision")
	}
	if w := a.req(http.MethodGet, "/municipalities/a-coruna", "", ""); w.Code != http.StatusOK {
		t.Fatalf("reads need no key: %d", w.Code)
	}
}

func TestWriteConcurrencyAndVisibility(t *testing.T) {
	t.Parallel() // its own database, publisher and handler
	a := newEditAPI(t)
	path := "/municipalities/a-coruna"
	patch := `{"summary": {"en": "Edited by a test."}}`
	if w := a.req(http.MethodPatch, path, a.editor, patch); w.Code != http.StatusPreconditionRequired {
		t.Fatalf("PATCH without If-Match: %d %s", w.Code, w.Body)
	}
	if w := a.req(http.MethodPatch, path, a.editor, patch, "If-Match", `"stale"`); w.Code != http.StatusPreconditionFailed {
		t.Fatalf("PATCH with a stale ETag: %d %s", w.Code, w.Body)
	}
	tag := a.etag(path)
	if w := a.req(http.MethodPatch, path, a.editor, patch, "If-Match", "W/"+tag); w.Code != http.StatusPreconditionFailed {
		t.Fatalf("PATCH with a weak ETag: %d %s", w.Code, w.Body)
	}
	w := a.req(http.MethodPatch, path+"?message=Better+summary", a.editor, patch, "If-Match", tag, "Content-Type", "application/merge-patch+json")
	if w.Code != http.StatusOK {
		t.Fatalf("PATCH: %d %s", w.Code, w.Body)
	}
	res := decodeBody[WriteResult](t, w)
	if !res.Changed || len(res.Records) != 1 || res.Records[0].Change != "changed" {
		t.Fatalf("PATCH result %+v", res)
	}
	newTag := w.Header().Get("ETag")
	// The write is served as soon as it is answered: REST, Turtle, HTML.
	if got := a.etag(path); got != newTag || got == tag {
		t.Fatalf("ETag after the write %q; the write answered %q, before %q", got, newTag, tag)
	}
	for _, suffix := range []string{".json", ".ttl", ".html"} {
		if body := a.req(http.MethodGet, path+suffix, "", "").Body.String(); !strings.Contains(body, "Edited by a test.") {
			t.Errorf("%s%s does not show the write", path, suffix)
		}
	}
	// The old ETag is stale now.
	if w := a.req(http.MethodPatch, path, a.editor, `{"featured": true}`, "If-Match", tag); w.Code != http.StatusPreconditionFailed {
		t.Fatalf("PATCH with the ETag before the write: %d", w.Code)
	}
	// The gzip ETag names the same version.
	gz := strings.TrimSuffix(newTag, `"`) + `-gzip"`
	if w := a.req(http.MethodPatch, path, a.editor, `{"summary": {"en": "Edited by a test."}}`, "If-Match", gz); w.Code != http.StatusOK || decodeBody[WriteResult](t, w).Changed {
		t.Fatalf("PATCH that changes nothing with the gzip ETag: %d %s", w.Code, w.Body)
	}
	// PUT of the document as read.
	doc := a.req(http.MethodGet, path+".json", "", "").Body.String()
	doc = strings.Replace(doc, "Edited by a test.", "Replaced by a test.", 1)
	if w := a.req(http.MethodPut, path, a.editor, doc, "If-Match", newTag); w.Code != http.StatusOK {
		t.Fatalf("PUT of the document as read: %d %s", w.Code, w.Body)
	}
}

func TestWriteCreateRenameDelete(t *testing.T) {
	t.Parallel() // its own database, publisher and handler
	a := newEditAPI(t)
	w := a.req(http.MethodPost, "/networks", a.editor, testNetwork)
	if w.Code != http.StatusCreated || w.Header().Get("Location") != testBase+"/networks/test-network" || w.Header().Get("ETag") == "" {
		t.Fatalf("POST: %d Location %q ETag %q %s", w.Code, w.Header().Get("Location"), w.Header().Get("ETag"), w.Body)
	}
	tag := a.etag("/networks/test-network")
	w = a.req(http.MethodPost, "/networks/test-network/rename", a.admin, `{"to": "renamed-network", "reason": "a better name"}`, "If-Match", tag)
	if w.Code != http.StatusOK || w.Header().Get("Location") != testBase+"/networks/renamed-network" {
		t.Fatalf("rename: %d %s", w.Code, w.Body)
	}
	if w := a.req(http.MethodGet, "/networks/test-network", "", ""); w.Code != http.StatusMovedPermanently || w.Header().Get("Location") != testBase+"/networks/renamed-network" {
		t.Fatalf("old ID after rename: %d Location %q", w.Code, w.Header().Get("Location"))
	}
	tag = a.etag("/networks/renamed-network")
	if w := a.req(http.MethodDelete, "/networks/renamed-network?reason=test+over", a.admin, "", "If-Match", tag); w.Code != http.StatusOK {
		t.Fatalf("DELETE: %d %s", w.Code, w.Body)
	}
	w = a.req(http.MethodGet, "/networks/renamed-network.jsonld", "", "")
	if w.Code != http.StatusGone || !strings.Contains(w.Body.String(), "test over") {
		t.Fatalf("deleted ID: %d %s", w.Code, w.Body)
	}
	if w := a.req(http.MethodPost, "/networks", a.editor, strings.Replace(testNetwork, "test-network", "renamed-network", 1)); w.Code != http.StatusConflict {
		t.Fatalf("creating a retired ID: %d %s", w.Code, w.Body)
	}
	// The feed names the rename's successor; ActivityStreams calls it a Move.
	renamedAt := a.revision() - 1
	page := decodeBody[RevisionPage](t, a.req(http.MethodGet, "/changes?after="+itoa(renamedAt-1)+"&limit=1", "", ""))
	var found bool
	for _, r := range page.Items[0].Records {
		found = found || r.ID == "test-network" && r.Change == "retired" && r.ReplacedBy == "renamed-network"
	}
	if !found {
		t.Fatalf("the rename's feed entry %+v", page.Items[0])
	}
	as2 := a.req(http.MethodGet, "/changes.jsonld?after="+itoa(renamedAt-1), "", "").Body.String()
	if !strings.Contains(as2, `"type":"Move"`) || !strings.Contains(as2, `"target":"`+testBase+`/id/network/renamed-network"`) {
		t.Fatalf("ActivityStreams page of the rename: %s", as2)
	}
}

func TestWriteRefusesBadInput(t *testing.T) {
	t.Parallel() // its own database, publisher and handler
	a := newEditAPI(t)
	coruna := a.etag("/municipalities/a-coruna")
	membership := a.etag("/memberships/a-coruna-ciudades-refugio")
	other := "barcelona"
	tests := []struct {
		name, method, path, key, body, ifMatch string
		status                                 int
		detail                                 string
	}{
		{"unknown field", http.MethodPost, "/networks", a.editor, `{"id": "x-net", "names": {"en": "X"}, "scope": "european", "colour": "red"}`, "", 422, `unknown field "colour"`},
		{"invalid ID", http.MethodPost, "/networks", a.editor, `{"id": "Not A Slug", "names": {"en": "X"}, "scope": "european"}`, "", 422, "is not a lowercase slug"},
		{"dangling reference", http.MethodPatch, "/memberships/a-coruna-ciudades-refugio", a.editor, `{"network": "no-such-network"}`, membership, 422, `refers to unknown network "no-such-network"`},
		{"not JSON", http.MethodPost, "/networks", a.editor, `{"id": `, "", 422, "not a JSON object"},
		{"existing ID", http.MethodPost, "/municipalities", a.editor, `{"id": "a-coruna", "names": {"en": "A"}, "country": "ES", "status": "active"}`, "", 409, "exists"},
		{"rename onto an existing ID", http.MethodPost, "/municipalities/a-coruna/rename", a.admin, `{"to": "` + other + `"}`, coruna, 409, "in use"},
		{"delete of a record others point to", http.MethodDelete, "/municipalities/a-coruna", a.admin, "", coruna, 409, `membership "a-coruna-ciudades-refugio"`},
		{"missing record", http.MethodPatch, "/municipalities/atlantis", a.editor, `{}`, `"x"`, 404, "no municipality"},
		{"ID changed by PUT", http.MethodPut, "/municipalities/a-coruna", a.editor, `{"id": "coruna", "names": {"en": "A"}, "country": "ES", "status": "active"}`, coruna, 422, "rename"},
		{"batch unknown member", http.MethodPost, "/revisions", a.editor, `{"ops": [], "colour": 1}`, "", 422, "colour"},
		{"batch with a missing If-Match", http.MethodPost, "/revisions", a.editor, `{"ops": [{"op": "patch", "type": "municipality", "id": "a-coruna", "patch": {}}]}`, "", 428, "ops[0].if_match"},
		{"batch all or nothing", http.MethodPost, "/revisions", a.editor, `{"ops": [{"op": "create", "type": "network", "record": ` + testNetwork + `}, {"op": "patch", "type": "municipality", "id": "a-coruna", "if_match": ` + jsonString(coruna) + `, "patch": {"country": "XX"}}]}`, "", 422, `refers to unknown country "XX"`},
	}
	before := a.revision()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hdr []string
			if tt.ifMatch != "" {
				hdr = []string{"If-Match", tt.ifMatch}
			}
			w := a.req(tt.method, tt.path, tt.key, tt.body, hdr...)
			p := decodeBody[problemBody](t, w)
			if w.Code != tt.status || w.Header().Get("Content-Type") != "application/problem+json" || !strings.Contains(p.text(), tt.detail) {
				t.Fatalf("%d %s %q; want %d saying %q", w.Code, w.Header().Get("Content-Type"), p.text(), tt.status, tt.detail)
			}
		})
	}
	if a.revision() != before {
		t.Fatal("refused writes made a revision")
	}
	if w := a.req(http.MethodGet, "/networks/test-network", "", ""); w.Code != http.StatusNotFound {
		t.Fatalf("a refused batch left its first op written: %d", w.Code)
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestBatchIsOneRevision(t *testing.T) {
	t.Parallel() // its own database, publisher and handler
	a := newEditAPI(t)
	before := a.revision()
	body := `{"message": "two networks", "ops": [
		{"op": "create", "type": "networks", "record": {"id": "net-a", "names": {"en": "A"}, "scope": "national"}},
		{"op": "create", "type": "network", "record": {"id": "net-b", "names": {"en": "B"}, "scope": "national"}},
		{"op": "patch", "type": "network", "id": "net-a", "if_match": "*", "patch": {"founded": 2020}}]}`
	w := a.req(http.MethodPost, "/revisions", a.editor, body)
	if w.Code != http.StatusOK {
		t.Fatalf("batch: %d %s", w.Code, w.Body)
	}
	res := decodeBody[WriteResult](t, w)
	if res.Revision != before+1 || len(res.Records) != 2 {
		t.Fatalf("batch result %+v; want revision %d with two records", res, before+1)
	}
	if !strings.Contains(a.req(http.MethodGet, "/networks/net-a.json", "", "").Body.String(), `"founded":2020`) {
		t.Fatal("the batch's patch of a record it created is not served")
	}
}

func TestHistoryDiffAndEarlierVersions(t *testing.T) {
	t.Parallel() // its own database, publisher and handler
	a := newEditAPI(t)
	path := "/municipalities/a-coruna"
	first := a.revision()
	for i, summary := range []string{"First edit.", "Second edit."} {
		w := a.req(http.MethodPatch, path+"?message=edit+"+string(rune('1'+i)), a.editor, `{"summary": {"en": "`+summary+`"}}`, "If-Match", a.etag(path))
		if w.Code != http.StatusOK {
			t.Fatalf("edit %d: %d %s", i, w.Code, w.Body)
		}
	}
	w := a.req(http.MethodGet, path+"/history", "", "")
	h := decodeBody[History](t, w)
	if w.Code != http.StatusOK || len(h.Versions) != 3 {
		t.Fatalf("history: %d %+v", w.Code, h)
	}
	v := h.Versions[1]
	if v.Revision != first+1 || v.Author != "erika" || v.Message != "edit 1" || v.Change != "changed" || v.Time.Nanosecond() != 0 {
		t.Fatalf("history version %+v", v)
	}
	// The diff of the second edit: before and after.
	w = a.req(http.MethodGet, "/revisions/"+itoa(first+2), "", "")
	d := decodeBody[RevisionDiff](t, w)
	if w.Code != http.StatusOK || len(d.Changes) != 1 || !strings.Contains(string(d.Changes[0].Before), "First edit.") ||
		!strings.Contains(string(d.Changes[0].After), "Second edit.") || d.Author != "erika" {
		t.Fatalf("diff: %d %s", w.Code, w.Body)
	}
	// The earlier version, as JSON.
	w = a.req(http.MethodGet, strings.TrimPrefix(v.Document, testBase), "", "")
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "First edit.") {
		t.Fatalf("version at %d: %d %s", v.Revision, w.Code, w.Body)
	}
	if w := a.req(http.MethodGet, path+".ttl?revision=1", "", ""); w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("revision= in Turtle: %d", w.Code)
	}
	if w := a.req(http.MethodGet, "/revisions/999", "", ""); w.Code != http.StatusNotFound {
		t.Fatalf("unknown revision: %d", w.Code)
	}
	// /revisions: newest first.
	list := decodeBody[RevisionPage](t, a.req(http.MethodGet, "/revisions?limit=2", "", ""))
	if len(list.Items) != 2 || list.Items[0].Revision != first+2 || list.Latest != first+2 || list.Next == "" {
		t.Fatalf("revisions %+v", list)
	}
}

func itoa(n int64) string { return strings.TrimSpace(strings.Repeat(" ", 0) + jsonNumber(n)) }

func jsonNumber(n int64) string { b, _ := json.Marshal(n); return string(b) }

func TestChangeFeed(t *testing.T) {
	t.Parallel() // its own database, publisher and handler
	a := newEditAPI(t)
	start := a.revision()
	for i := range 5 {
		id := "feed-net-" + itoa(int64(i))
		if w := a.req(http.MethodPost, "/networks?message=feed", a.editor, `{"id": "`+id+`", "names": {"en": "N"}, "scope": "national"}`); w.Code != http.StatusCreated {
			t.Fatalf("create %s: %d %s", id, w.Code, w.Body)
		}
	}
	var seen []string
	next := "/changes?after=" + itoa(start) + "&limit=2"
	for range 10 {
		page := decodeBody[RevisionPage](t, a.req(http.MethodGet, strings.TrimPrefix(next, testBase), "", ""))
		if len(page.Items) == 0 {
			break
		}
		for _, it := range page.Items {
			for _, r := range it.Records {
				seen = append(seen, r.ID)
				if r.Document != testBase+"/networks/"+r.ID {
					t.Errorf("record document %q", r.Document)
				}
			}
		}
		next = page.Next
	}
	if strings.Join(seen, ",") != "feed-net-0,feed-net-1,feed-net-2,feed-net-3,feed-net-4" {
		t.Fatalf("feed from a cursor saw %v", seen)
	}
	w := a.req(http.MethodGet, "/changes.atom", "", "")
	var feed atomFeed
	if w.Code != http.StatusOK || xml.Unmarshal(w.Body.Bytes(), &feed) != nil || len(feed.Entries) == 0 ||
		!strings.Contains(feed.Entries[0].Title, "feed") || feed.Entries[0].Author == nil || feed.Entries[0].Author.Name != "erika" {
		t.Fatalf("atom: %d %s", w.Code, w.Body)
	}
	w = a.req(http.MethodGet, "/changes.jsonld?after="+itoa(start), "", "")
	var as2 struct {
		Type  string           `json:"type"`
		Items []map[string]any `json:"orderedItems"`
		Next  string           `json:"next"`
	}
	if w.Code != http.StatusOK || json.Unmarshal(w.Body.Bytes(), &as2) != nil || as2.Type != "OrderedCollectionPage" || len(as2.Items) != 5 ||
		as2.Items[0]["type"] != "Create" || as2.Items[0]["object"] != testBase+"/id/network/feed-net-0" {
		t.Fatalf("as2: %d %s", w.Code, w.Body)
	}
}

// TestKeyNeverLogged sends keys (good, revoked, malformed) through the
// whole handler and looks for them in the logs and the metrics.
func TestKeyNeverLogged(t *testing.T) {
	t.Parallel() // its own database, publisher and handler
	a := newEditAPI(t)
	keys := []string{a.editor, a.admin, auth.Prefix + "not-a-real-key-but-secret"}
	for _, key := range keys {
		a.req(http.MethodPost, "/networks", key, `{"id": "k-net", "names": {"en": "K"}, "scope": "national"}`)
		a.req(http.MethodDelete, "/networks/k-net", key, "", "If-Match", "*")
		a.req(http.MethodPatch, "/municipalities/atlantis", key, `{`, "If-Match", `"x"`)
		a.req(http.MethodGet, "/municipalities/a-coruna", key, "")
	}
	var metrics bytes.Buffer
	families, err := a.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	enc := expfmt.NewEncoder(&metrics, expfmt.NewFormat(expfmt.TypeTextPlain))
	for _, f := range families {
		if err := enc.Encode(f); err != nil {
			t.Fatal(err)
		}
	}
	m := a.req(http.MethodGet, "/metrics", "", "")
	logs := a.log.String()
	if !strings.Contains(logs, `"path":"/networks"`) || !strings.Contains(metrics.String(), "http_requests") && !strings.Contains(m.Body.String(), "http") {
		t.Fatalf("the test saw no request logs or metrics: %d bytes of logs", len(logs))
	}
	for _, key := range keys {
		secret := strings.TrimPrefix(key, auth.Prefix)
		for what, text := range map[string]string{"logs": logs, "metrics": metrics.String(), "/metrics": m.Body.String()} {
			if strings.Contains(text, secret) {
				t.Errorf("a key appears in the %s", what)
			}
		}
	}
	_, _ = io.Discard.Write(nil)
}
