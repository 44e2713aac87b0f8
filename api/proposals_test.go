package api

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/store"
	"github.com/moving-cities/opendata/store/sqlite"
)

func TestProposalAcceptedIntoRevision(t *testing.T) {
	t.Parallel() // its own database, publisher and handler
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
	t.Parallel() // its own database, publisher and handler
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
	t.Parallel() // its own database, publisher and handler
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
	t.Parallel() // its own database, publisher and handler
	a := newEditAPI(t)
	w := a.req(http.MethodGet, "/propose", "", "")
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `<form method="post" action="/propose">`) || !strings.Contains(w.Body.String(), `<div hidden>`) {
		t.Fatalf("form page: %d %s", w.Code, w.Body)
	}
	post := func(form url.Values, acceptLanguage string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodPost, "/propose", strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("Accept-Language", acceptLanguage)
		rec := httptest.NewRecorder()
		a.h.ServeHTTP(rec, r)
		return rec
	}
	w = post(url.Values{"kind": {"city"}, "text": {"Add Patras <b>now</b>"}, "source": {""}}, "en")
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "Give the web address (http or https) of a public document") ||
		!strings.Contains(w.Body.String(), "Add Patras &lt;b&gt;now&lt;/b&gt;") {
		t.Fatalf("incomplete form: %d %s", w.Code, w.Body)
	}
	// The form speaks the proposer's language, errors included.
	w = post(url.Values{"kind": {"town"}, "text": {" "}, "source": {"ftp://example.org/"}}, "de-AT,de;q=0.9")
	body := w.Body.String()
	if w.Code != http.StatusUnprocessableEntity || w.Header().Get("Content-Language") != "de" || !strings.Contains(body, "Der Vorschlag wurde nicht gesendet:") ||
		!strings.Contains(body, "Wählen Sie, was Sie vorschlagen") || !strings.Contains(body, "Beschreiben Sie, was ergänzt") ||
		!strings.Contains(body, "Geben Sie als Quelle die Webadresse") || strings.Contains(body, "source:") || strings.Contains(body, "What do you propose?") {
		t.Fatalf("incomplete form in German: %d %s", w.Code, body)
	}
	w = post(url.Values{"kind": {"city"}, "text": {"Add Patras"}, "source": {"https://example.org/patras"}, "website": {""}}, "fr")
	loc := w.Header().Get("Location")
	if w.Code != http.StatusAccepted || loc == "" || !strings.Contains(w.Body.String(), loc) || !strings.Contains(w.Body.String(), "Merci.") {
		t.Fatalf("sent form: %d Location %q %s", w.Code, loc, w.Body)
	}
	st := decodeBody[ProposalStatus](t, a.req(http.MethodGet, strings.TrimPrefix(loc, testBase), "", ""))
	if st.Status != "pending" {
		t.Fatalf("status of the form's proposal %+v", st)
	}
	// The status page the proposer keeps, linked from the answer.
	page := "/propose/" + st.ID
	if !strings.Contains(w.Body.String(), `href="`+page+`"`) {
		t.Fatalf("the answer does not link the status page %s: %s", page, w.Body)
	}
	w = a.req(http.MethodGet, page+"?lang=pl", "", "")
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "Czeka na redakcję") || strings.Contains(w.Body.String(), "Add Patras") {
		t.Fatalf("status page: %d %s", w.Code, w.Body)
	}
	if w := a.req(http.MethodGet, "/propose/no-such-proposal?lang=it", "", ""); w.Code != http.StatusNotFound ||
		!strings.Contains(w.Body.String(), "Non c&#39;è nessuna proposta a questo indirizzo.") {
		t.Fatalf("status page of no proposal: %d %s", w.Code, w.Body)
	}
}

// racingProposals is a proposal queue where another replica rejects a
// proposal right after this one read it pending.
type racingProposals struct {
	*sqlite.DB
}

func (r racingProposals) Proposal(ctx context.Context, id string) (store.Proposal, error) {
	p, err := r.DB.Proposal(ctx, id)
	if err == nil && p.Status == store.ProposalPending {
		err = r.DB.DecideProposal(ctx, id, store.Decision{Status: store.ProposalRejected, By: "other", Reason: "duplicate", At: time.Now()})
	}
	return p, err
}

// An acceptance writes its revision and its decision in one
// transaction: a proposal decided elsewhere between the check and the
// write makes no revision, and keeps the other editor's decision.
func TestProposalDecidedMeanwhileMakesNoRevision(t *testing.T) {
	t.Parallel() // its own database, publisher and handler
	a := newEditAPI(t)
	body := `{"kind": "city", "text": "Testville", "source": "https://example.org/testville",
		"ops": [{"op": "create", "type": "municipality", "record": {"id": "testville", "names": {"en": "Testville"}, "country": "GR", "status": "active"}}]}`
	w := a.req(http.MethodPost, "/proposals", "", body)
	if w.Code != http.StatusAccepted {
		t.Fatalf("propose: %d %s", w.Code, w.Body)
	}
	st := decodeBody[ProposalStatus](t, w)
	cfg := Config{BaseURI: testBase, RateLimit: -1, Metrics: NewRegistry(),
		Editing: &Editing{Editor: testEditor(a.db, a.pub), Keys: a.db, History: a.db, Proposals: racingProposals{a.db}}}
	h, err := New(cfg, a.pub, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	a.h = h
	before := a.revision()
	w = a.req(http.MethodPost, "/proposals/"+st.ID+"/accept", a.editor, `{}`)
	if w.Code != http.StatusConflict || w.Header().Get("Content-Type") != "application/problem+json" {
		t.Fatalf("accepting a proposal rejected meanwhile: %d %s %s", w.Code, w.Header().Get("Content-Type"), w.Body)
	}
	if rev := a.revision(); rev != before {
		t.Fatalf("revision %d after a refused acceptance, was %d", rev, before)
	}
	if w := a.req(http.MethodGet, "/municipalities/testville", "", ""); w.Code != http.StatusNotFound {
		t.Fatalf("the refused proposal's city is served: %d", w.Code)
	}
	p, err := a.db.Proposal(context.Background(), st.ID)
	if err != nil || p.Status != store.ProposalRejected || p.By != "other" || p.Revision != 0 {
		t.Fatalf("proposal after the race: %+v, %v; want the other editor's rejection", p, err)
	}
}
