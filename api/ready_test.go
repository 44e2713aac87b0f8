package api

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
)

// /readyz follows the store: 503 with the reason (and no address of the
// database) while it is down, while the data routes keep serving; 200
// again once it answers.
func TestReadyzReportsTheStore(t *testing.T) {
	var down atomic.Bool
	check := func(ctx context.Context) error {
		if down.Load() {
			return errors.New("dial unix /secret/.s.PGSQL.5432: connection refused")
		}
		return nil
	}
	a := newTestAPI(t, seed(t), Config{StoreCheck: check})

	for _, tc := range []struct {
		name       string
		down       bool
		wantStatus int
	}{
		{"up", false, http.StatusOK},
		{"down", true, http.StatusServiceUnavailable},
		{"back", false, http.StatusOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			down.Store(tc.down)
			w := a.get("/readyz")
			if w.Code != tc.wantStatus {
				t.Fatalf("/readyz: %d %s, want %d", w.Code, w.Body, tc.wantStatus)
			}
			body := w.Body.String()
			if tc.down {
				var p struct {
					Status int    `json:"status"`
					Detail string `json:"detail"`
				}
				if err := json.Unmarshal(w.Body.Bytes(), &p); err != nil || p.Status != 503 {
					t.Fatalf("not a problem document: %s (%v)", body, err)
				}
				if !strings.Contains(p.Detail, "store down") || !strings.Contains(p.Detail, "revision 1") {
					t.Errorf("detail %q does not give the reason and the revision served", p.Detail)
				}
				if strings.Contains(body, "secret") {
					t.Errorf("the answer leaks the database's address: %s", body)
				}
				if w.Header().Get("Retry-After") == "" {
					t.Error("503 without Retry-After")
				}
			} else if !strings.Contains(body, `"store":"up"`) {
				t.Errorf("/readyz body %s lacks store up", body)
			}
			// Reads keep serving whatever the store does.
			if w := a.get("/healthz"); w.Code != http.StatusOK {
				t.Errorf("/healthz: %d", w.Code)
			}
			if w := a.get("/countries/DE"); w.Code != http.StatusOK {
				t.Errorf("/countries/DE: %d", w.Code)
			}
		})
	}
}
