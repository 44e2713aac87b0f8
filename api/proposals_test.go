package api

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func TestProposalAcceptedIntoRevision(t *testing.T) {
	a := newEditAPI(t)
	body := `{"kind": "city", "text": "Testville declared itself a safe harbour.", "source": "https://example.org/testville",
		"contact": "proposer@example.org",
		"ops": [{"op": "create", "type": "municipality", "record": {"id": "testville", "names": {"en": "Testville"}, "country": "GR", "status": "active"}}]}`
	w := a.req(http.MethodPost, "/proposals", "", body)
	if w.Code != http.StatusAccepted {
		t.Fatalf("propose: %d %s", w.Code, w.Body)
	}
	st := decodeBody[ProposalStatus](t, w)
	if st.Status != "pending" || w.Header().Get("Location") != st.URL || len(st.ID) < 20 {
		t.Fatalf("proposal status %+v, Location %q", st, w.Header().Get("Location"))
	}
	// Not published before acceptance: the status shows no content, the
	// queue needs a key, the city does not exist.
	w = a.req(http.MethodGet, "/proposals/"+st.ID, "", "")
	if w.Code != http.StatusOK || strings.Contains(w.Body.String(), "Testville") || strings.Contains(w.Body.String(), "proposer@") {
		t.Fatalf("public status: %d %s", w.Code, w.Body)
	}
	if w := a.req(http.MethodGet, "/proposals", "", ""); w.Code != http.StatusUnauthorized {
		t.Fatalf("queue without a key: %d", w.Code)
	}
	if w := a.req(http.MethodGet, "/municipalities/testville", "", ""); w.Code != http.StatusNotFound {
		t.Fatalf("a pending proposal is served: %d", w.Code)
	}
	queue := decodeBody[[]QueuedProposal](t, a.req(http.MethodGet, "/proposals", a.editor, ""))
	if len(queue) != 1 || queue[0].ID != st.ID || queue[0].Contact != "proposer@example.org" || len(queue[0].Ops) != 1 {
		t.Fatalf("queue %+v", queue)
	}
	w = a.req(http.MethodPost, "/proposals/"+st.ID+"/accept", a.editor, `{"message": "checked the council's decision"}`)
	if w.Code != http.StatusOK {
		t.Fatalf("accept: %d %s", w.Code, w.Body)
	}
	after := decodeBody[ProposalStatus](t, a.req(http.MethodGet, "/proposals/"+st.ID, "", ""))
	if after.Status != "accepted" || after.Revision == 0 || after.RevisionURL == "" {
		t.Fatalf("status after acceptance %+v", after)
	}
	rev := decodeBody[RevisionDiff](t, a.req(http.MethodGet, strings.TrimPrefix(after.RevisionURL, testBase), "", ""))
	if rev.Author != "erika" || !strings.Contains(rev.Message, "Proposal "+st.ID+" accepted: checked") || len(rev.Changes) != 1 {
		t.Fatalf("the acceptance's revision %+v", rev)
	}
	if w := a.req(http.MethodGet, "/municipalities/testville", "", ""); w.Code != http.StatusOK {
		t.Fatalf("the accepted city is not served: %d", w.Code)
	}
	if w := a.req(http.MethodPost, "/proposals/"+st.ID+"/reject", a.editor, `{"reason": "x"}`); w.Code != http.StatusConflict {
		t.Fatalf("deciding twice: %d", w.Code)
	}
}

func TestProposalRejected(t *testing.T) {
	a := newEditAPI(t)
	w := a.req(http.MethodPost, "/proposals", "", `{"kind": "correction", "text": "Munich left.", "source": "https://example.org/m"}`)
	if w.Code != http.StatusAccepted {
		t.Fatalf("propose: %d %s", w.Code, w.Body)
	}
	st := decodeBody[ProposalStatus](t, w)
	if w := a.req(http.MethodPost, "/proposals/"+st.ID+"/accept", a.editor, `{}`); w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("accepting a proposal without ops: %d %s", w.Code, w.Body)
	}
	if w := a.req(http.MethodPost, "/proposals/"+st.ID+"/reject", "", `{"reason": "no"}`); w.Code != http.StatusUnauthorized {
		t.Fatalf("rejecting without a key: %d", w.Code)
	}
	before := a.revision()
	if w := a.req(http.MethodPost, "/proposals/"+st.ID+"/reject", a.editor, `{"reason": "The source does not say so."}`); w.Code != http.StatusOK {
		t.Fatalf("reject: %d %s", w.Code, w.Body)
	}
	got := decodeBody[ProposalStatus](t, a.req(http.MethodGet, "/proposals/"+st.ID, "", ""))
	if got.Status != "rejected" || got.Reason != "The source does not say so." || got.Revision != 0 || a.revision() != before {
		t.Fatalf("after rejection %+v; revision %d (was %d)", got, a.revision(), before)
	}
	if w := a.req(http.MethodGet, "/proposals/nope", "", ""); w.Code != http.StatusNotFound {
		t.Fatalf("unknown proposal: %d", w.Code)
	}
}

func TestProposalChecks(t *testing.T) {
	a := newEditAPI(t)
	tests := []struct {
		name, body string
		status     int
		detail     string
	}{
		{"honeypot", `{"kind": "city", "text": "x", "source": "https://example.org/", "website": "http://spam.example"}`, 422, "website"},
		{"no source", `{"kind": "city", "text": "x", "source": "not a link"}`, 422, "source"},
		{"unknown field", `{"kind": "city", "text": "x", "source": "https://example.org/", "colour": 1}`, 422, "colour"},
		{"too large", `{"kind": "city", "text": "` + strings.Repeat("x", 70<<10) + `", "source": "https://example.org/"}`, 413, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := a.req(http.MethodPost, "/proposals", "", tt.body)
			if w.Code != tt.status || !strings.Contains(w.Body.String(), tt.detail) {
				t.Fatalf("%d %s; want %d with %q", w.Code, w.Body, tt.status, tt.detail)
			}
		})
	}
	if queue := decodeBody[[]QueuedProposal](t, a.req(http.MethodGet, "/proposals?status=all", a.editor, "")); len(queue) != 0 {
		t.Fatalf("refused proposals were queued: %+v", queue)
	}
	// The allowance per client: the tests above took 4 of 5.
	ok := `{"kind": "city", "text": "x", "source": "https://example.org/"}`
	if w := a.req(http.MethodPost, "/proposals", "", ok); w.Code != http.StatusAccepted {
		t.Fatalf("fifth proposal: %d %s", w.Code, w.Body)
	}
	w := a.req(http.MethodPost, "/proposals", "", ok)
	if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") == "" {
		t.Fatalf("sixth proposal: %d, Retry-After %q", w.Code, w.Header().Get("Retry-After"))
	}
}

func TestProposeForm(t *testing.T) {
	a := newEditAPI(t)
	w := a.req(http.MethodGet, "/propose", "", "")
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `<form method="post" action="/propose">`) || !strings.Contains(w.Body.String(), `<div hidden>`) {
		t.Fatalf("form page: %d %s", w.Code, w.Body)
	}
	post := func(form url.Values) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodPost, "/propose", strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		a.h.ServeHTTP(rec, r)
		return rec
	}
	w = post(url.Values{"kind": {"city"}, "text": {"Add Patras <b>now</b>"}, "source": {""}})
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "source:") || !strings.Contains(w.Body.String(), "Add Patras &lt;b&gt;now&lt;/b&gt;") {
		t.Fatalf("incomplete form: %d %s", w.Code, w.Body)
	}
	w = post(url.Values{"kind": {"city"}, "text": {"Add Patras"}, "source": {"https://example.org/patras"}, "website": {""}})
	loc := w.Header().Get("Location")
	if w.Code != http.StatusAccepted || loc == "" || !strings.Contains(w.Body.String(), loc) {
		t.Fatalf("sent form: %d Location %q %s", w.Code, loc, w.Body)
	}
	if st := decodeBody[ProposalStatus](t, a.req(http.MethodGet, strings.TrimPrefix(loc, testBase), "", "")); st.Status != "pending" {
		t.Fatalf("status of the form's proposal %+v", st)
	}
}
