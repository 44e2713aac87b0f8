package cms

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"testing"
)

// fakeStrapi serves collections the way Strapi v4's REST API does:
// /api/{plural}?locale=all&pagination[page]=N&pagination[pageSize]=M.
type fakeStrapi struct {
	mu          sync.Mutex
	collections map[string][]json.RawMessage
	token       string // wanted bearer token, if any
	requests    int
	// override, when set, may answer instead (for broken CMSes): it
	// reports whether it did.
	override func(w http.ResponseWriter, r *http.Request) bool
}

func loadFixture(t testing.TB) map[string][]json.RawMessage {
	t.Helper()
	b, err := os.ReadFile("testdata/strapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var c map[string][]json.RawMessage
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func newFake(t testing.TB) (*fakeStrapi, *httptest.Server) {
	f := &fakeStrapi{collections: loadFixture(t)}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	return f, srv
}

// remove drops the entries with the given CMS IDs from a collection, as
// deleting them in the CMS would.
func (f *fakeStrapi) remove(plural string, ids ...int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var kept []json.RawMessage
	for _, raw := range f.collections[plural] {
		var e struct{ ID int }
		_ = json.Unmarshal(raw, &e)
		drop := false
		for _, id := range ids {
			drop = drop || e.ID == id
		}
		if !drop {
			kept = append(kept, raw)
		}
	}
	f.collections[plural] = kept
}

func (f *fakeStrapi) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests++
	if f.override != nil && f.override(w, r) {
		return
	}
	if f.token != "" && r.Header.Get("Authorization") != "Bearer "+f.token {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte(`{"data":null,"error":{"status":401,"name":"UnauthorizedError","message":"Missing or invalid credentials","details":{}}}`))
		return
	}
	const prefix = "/api/"
	if len(r.URL.Path) <= len(prefix) || r.URL.Path[:len(prefix)] != prefix {
		http.NotFound(w, r)
		return
	}
	all, ok := f.collections[r.URL.Path[len(prefix):]]
	q := r.URL.Query()
	if !ok || q.Get("locale") != "all" {
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte(`{"data":null,"error":{"status":404,"name":"NotFoundError","message":"Not Found","details":{}}}`))
		return
	}
	page, _ := strconv.Atoi(q.Get("pagination[page]"))
	size, _ := strconv.Atoi(q.Get("pagination[pageSize]"))
	if page < 1 {
		page = 1
	}
	if size < 1 {
		size = 25
	}
	count := (len(all) + size - 1) / size
	from, to := min((page-1)*size, len(all)), min(page*size, len(all))
	data := all[from:to]
	if data == nil {
		data = []json.RawMessage{}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"data": data,
		"meta": map[string]any{"pagination": map[string]int{"page": page, "pageSize": size, "pageCount": count, "total": len(all)}},
	})
}
