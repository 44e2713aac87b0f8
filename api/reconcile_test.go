package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The 0.2 protocol's forms sent to the 1.0 endpoint are refused with a
// message that names the 1.0 form, on every route that takes a 1.0 batch,
// rather than ignored or refused by a generic schema error (issue 17).
func TestReconcile10RefusesThe02Forms(t *testing.T) {
	a := newTestAPI(t, seed(t), Config{})
	const oneForm = `{\"conditions\":[{\"matchType\":\"name\",\"propertyValue\":\"Munich\"}]}`
	for _, tc := range []struct {
		method, path, body string
		status             int
		want               string
	}{
		{"POST", "/reconcile/match", `{"queries":[{"query":"Munich"}]}`, 400, oneForm},
		{"POST", "/reconcile/reconcile", `{"queries":[{"query":"Munich"}]}`, 400, oneForm},
		{"POST", "/reconcile", `{"queries":[{"query":"Munich"}]}`, 400, oneForm},
		{"POST", "/reconcile/match", `{"queries":[{"query":"Munich","conditions":[{"matchType":"property","propertyId":"country","propertyValue":"DE"}]}]}`, 400, oneForm},
		{"POST", "/reconcile/match", `{"queries":[{"type":"municipality"}]}`, 400, "conditions: at least one is required"},
		{"POST", "/reconcile/match", `{"queries":[{"conditions":[]}]}`, 422, "expected array length >= 1"},
		{"GET", "/reconcile?queries=%7B%7D", "", 400, testBase + "/reconcile/match"},
		{"GET", "/reconcile?extend=%7B%7D", "", 400, testBase + "/reconcile/extend"},
		{"GET", "/reconcile?q=Munich", "", 422, "unknown query parameter"},
	} {
		r := httptest.NewRequest(tc.method, tc.path, strings.NewReader(tc.body))
		if tc.body != "" {
			r.Header.Set("Content-Type", "application/json")
		}
		w := httptest.NewRecorder()
		a.h.ServeHTTP(w, r)
		if w.Code != tc.status || !strings.Contains(w.Body.String(), tc.want) || w.Header().Get("Content-Type") != "application/problem+json" {
			t.Errorf("%s %s %s: %d %s %s; want %d with %s", tc.method, tc.path, tc.body, w.Code, w.Header().Get("Content-Type"), w.Body, tc.status, tc.want)
		}
	}
	// The manifest itself still answers.
	w := a.get("/reconcile")
	var m struct {
		Versions []string `json:"versions"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &m); w.Code != http.StatusOK || err != nil || len(m.Versions) == 0 {
		t.Errorf("GET /reconcile: %d %s", w.Code, w.Body)
	}
}
