package cms

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
)

// TestCollectionFollowsPagination: at two entries a page every entry of
// every page is read once, with the bearer token sent on each request.
func TestCollectionFollowsPagination(t *testing.T) {
	f, srv := newFake(t)
	f.token = "s3cret"
	c := &Client{Base: srv.URL + "/", Token: "s3cret", PageSize: 2}
	got, err := c.Collection(context.Background(), PluralCities)
	if err != nil {
		t.Fatal(err)
	}
	want := len(f.collections[PluralCities])
	if len(got) != want || want < 5 {
		t.Fatalf("%d entries, want all %d of the fixture", len(got), want)
	}
	if pages := (want + 1) / 2; f.requests != pages {
		t.Errorf("%d requests, want %d pages", f.requests, pages)
	}
	seen := map[int]bool{}
	for _, e := range got {
		if seen[e.ID] {
			t.Errorf("entry %d read twice", e.ID)
		}
		seen[e.ID] = true
		if e.Locale == "" {
			t.Errorf("entry %d: no locale", e.ID)
		}
	}
	if got[0].ID != 30 || got[0].Locale != "en" || len(got[0].Localizations) != 2 {
		t.Errorf("first entry = %+v, want Berlin (30, en) with 2 localizations", got[0])
	}
}

func TestCollectionErrors(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		body     string
		max      int64
		want     string
		wantHTTP int
	}{
		{"server error", 500, `{"data":null,"error":{"status":500,"name":"InternalServerError","message":"Internal Server Error"}}`, 0, "HTTP 500: InternalServerError: Internal Server Error", 500},
		{"unauthorized", 401, `{"data":null,"error":{"status":401,"name":"UnauthorizedError","message":"Missing or invalid credentials"}}`, 0, "HTTP 401: UnauthorizedError: Missing or invalid credentials", 401},
		{"proxy error page", 502, `<html><body>Bad Gateway</body></html>`, 0, `HTTP 502: "<html><body>Bad Gateway</body></html>"`, 502},
		{"not JSON", 200, `<!doctype html><p>maintenance`, 0, "not JSON", 0},
		{"truncated", 200, `{"data":[{"id":1,"attributes":{"locale":"en"`, 0, "not JSON: the answer is truncated", 0},
		{"trailing data", 200, `{"data":[],"meta":{"pagination":{"page":1,"pageCount":1}}} {}`, 0, "data after the answer", 0},
		{"data not an array", 200, `{"data":{"id":1},"meta":{"pagination":{"page":1,"pageCount":1}}}`, 0, "not a Strapi answer: data is a JSON object", 0},
		{"no data", 200, `{"meta":{"pagination":{"page":1,"pageCount":1}}}`, 0, `no "data" array`, 0},
		{"no pagination", 200, `{"data":[]}`, 0, `no "meta.pagination"`, 0},
		{"wrong page", 200, `{"data":[],"meta":{"pagination":{"page":2,"pageCount":3}}}`, 0, "asked for page 1, the answer is page 2", 0},
		{"too many pages", 200, `{"data":[],"meta":{"pagination":{"page":1,"pageCount":100000}}}`, 0, "100000 pages, more than the limit", 0},
		{"entry without id", 200, `{"data":[{"attributes":{"locale":"en"}}],"meta":{"pagination":{"page":1,"pageCount":1}}}`, 0, "data[0] has no positive id", 0},
		{"attributes not an object", 200, `{"data":[{"id":3,"attributes":[1]}],"meta":{"pagination":{"page":1,"pageCount":1}}}`, 0, "data[0] (id 3): attributes are not an object", 0},
		{"too large", 200, `{"data":[],"meta":{"pagination":{"page":1,"pageCount":1}}}`, 10, "larger than the limit of 10 bytes", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, srv := newFake(t)
			f.override = func(w http.ResponseWriter, r *http.Request) bool {
				w.WriteHeader(tt.status)
				w.Write([]byte(tt.body))
				return true
			}
			c := &Client{Base: srv.URL, MaxBytes: tt.max}
			_, err := c.Collection(context.Background(), PluralCities)
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want a *cms.Error", err)
			}
			if !strings.Contains(err.Error(), tt.want) || ce.Status != tt.wantHTTP {
				t.Fatalf("err = %q (status %d), want it to contain %q (status %d)", err, ce.Status, tt.want, tt.wantHTTP)
			}
			if !strings.Contains(err.Error(), "/api/cities?") {
				t.Errorf("err = %q does not name the address asked", err)
			}
		})
	}
}

func TestCollectionUnreachable(t *testing.T) {
	_, srv := newFake(t)
	srv.Close()
	c := &Client{Base: srv.URL}
	_, err := c.Collection(context.Background(), PluralCities)
	if err == nil || !strings.Contains(err.Error(), "connection refused") {
		t.Fatalf("err = %v, want connection refused", err)
	}
}

func TestCollectionStopsWhenCancelled(t *testing.T) {
	_, srv := newFake(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := (&Client{Base: srv.URL}).Collection(ctx, PluralCities)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}
