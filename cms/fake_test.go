package cms

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
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
	data := populated(all[from:to], q)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"data": data,
		"meta": map[string]any{"pagination": map[string]int{"page": page, "pageSize": size, "pageCount": count, "total": len(all)}},
	})
}

// populated gives entries as Strapi v4 does for the request's populate
// parameters, so that a sync which forgets to ask for a field fails here
// as it would against the platform: an attribute holding a relation,
// media, a component or a dynamic zone (an object or a list of objects)
// is left out unless asked for, and one asked for without a nested
// populate ("populate=*", "populate[f]=true") loses its own nested
// components, as Strapi populates one level only.
func populated(entries []json.RawMessage, q url.Values) []json.RawMessage {
	every := q.Get("populate") == "*"
	shallow, deep := map[string]bool{}, map[string]bool{}
	for k, v := range q {
		f, ok := strings.CutPrefix(k, "populate[")
		if !ok {
			continue
		}
		f, rest, _ := strings.Cut(f, "]")
		switch {
		case rest == "" && len(v) > 0 && v[0] == "true":
			shallow[f] = true
		case rest == "[populate]" && len(v) > 0 && v[0] == "*":
			deep[f] = true
		}
	}
	out := []json.RawMessage{}
	for _, raw := range entries {
		var e map[string]json.RawMessage
		var attrs map[string]json.RawMessage
		if json.Unmarshal(raw, &e) != nil || json.Unmarshal(e["attributes"], &attrs) != nil {
			out = append(out, raw) // a broken entry stays broken
			continue
		}
		for name, v := range attrs {
			switch {
			case !nested(v) || deep[name]:
			case every || shallow[name]:
				attrs[name] = oneLevel(v)
			default:
				delete(attrs, name)
			}
		}
		e["attributes"], _ = json.Marshal(attrs)
		b, _ := json.Marshal(e)
		out = append(out, b)
	}
	return out
}

// nested reports whether an attribute's value is something Strapi
// populates: an object, or a list (of objects).
func nested(v json.RawMessage) bool {
	v = bytes.TrimSpace(v)
	return len(v) > 0 && (v[0] == '{' || v[0] == '[')
}

// oneLevel drops the nested components of a component or of a zone's
// components. A relation or media ({"data": …}) is kept whole.
func oneLevel(v json.RawMessage) json.RawMessage {
	var list []json.RawMessage
	if json.Unmarshal(v, &list) == nil {
		for i := range list {
			list[i] = oneLevel(list[i])
		}
		b, _ := json.Marshal(list)
		return b
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(v, &obj) != nil {
		return v
	}
	if _, ok := obj["data"]; ok {
		return v
	}
	for k, x := range obj {
		if x := bytes.TrimSpace(x); len(x) > 0 && x[0] == '{' {
			delete(obj, k)
		}
	}
	b, _ := json.Marshal(obj)
	return b
}
