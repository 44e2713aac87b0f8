package pages

import (
	"html/template"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// proposeKeys are the messages of the proposal pages.
func proposeKeys() []string {
	var keys []string
	for k := range messages {
		if strings.HasPrefix(k, "propose.") || strings.HasPrefix(k, "proposal.") {
			keys = append(keys, k)
		}
	}
	return keys
}

// TestProposePagesInEveryLanguage renders the proposal form (sent back
// with every problem) and the status page in each language: each shows
// its own language's labels, errors and statuses, and no English text of
// them is left over.
func TestProposePagesInEveryLanguage(t *testing.T) {
	p := testPages(t)
	keys := proposeKeys()
	if len(keys) < 25 {
		t.Fatalf("only %d proposal messages: the scan is broken", len(keys))
	}
	for li, lang := range Languages {
		t.Run(lang, func(t *testing.T) {
			var body strings.Builder
			for _, page := range []func(w http.ResponseWriter, r *http.Request) error{
				func(w http.ResponseWriter, r *http.Request) error {
					return p.Propose(w, r, ProposeForm{Kind: "membership", Problems: []string{"kind", "text", "source", "website", "colour"}, Status: 422})
				},
				func(w http.ResponseWriter, r *http.Request) error {
					return p.Proposal(w, r, ProposalState{Status: "pending", Created: time.Date(2026, 12, 6, 3, 0, 0, 0, time.UTC),
						Page: "/propose/abc", JSON: testBase + "/proposals/abc", Sent: true}, http.StatusAccepted)
				},
			} {
				w := httptest.NewRecorder()
				if err := page(w, httptest.NewRequest(http.MethodGet, "/propose?lang="+lang, nil)); err != nil {
					t.Fatal(err)
				}
				if w.Header().Get("Content-Language") != lang {
					t.Errorf("Content-Language %q", w.Header().Get("Content-Language"))
				}
				body.WriteString(w.Body.String())
			}
			// Each status, on its own page.
			for _, st := range []string{"accepted", "rejected"} {
				w := httptest.NewRecorder()
				err := p.Proposal(w, httptest.NewRequest(http.MethodGet, "/propose/abc?lang="+lang, nil), ProposalState{Status: st,
					Created: time.Now(), Decided: time.Now(), Reason: "r", RevisionURL: testBase + "/revisions/9", Page: "/propose/abc", JSON: testBase + "/proposals/abc"}, 0)
				if err != nil || w.Code != http.StatusOK {
					t.Fatalf("%s: %d %v", st, w.Code, err)
				}
				body.WriteString(w.Body.String())
			}
			w := httptest.NewRecorder()
			if err := p.ProposalNotFound(w, httptest.NewRequest(http.MethodGet, "/propose/nope?lang="+lang, nil)); err != nil || w.Code != http.StatusNotFound {
				t.Fatalf("not found: %d %v", w.Code, err)
			}
			body.WriteString(w.Body.String())
			page := body.String()
			for _, k := range keys {
				own := template.HTMLEscapeString(messages[k][li])
				if !strings.Contains(page, own) {
					t.Errorf("%s: %q is not shown", k, messages[k][li])
				}
				if lang == "en" {
					continue
				}
				en := messages[k][0]
				if messages[k][li] == en {
					t.Errorf("%s is English in %s: %q", k, lang, en)
					continue
				}
				if strings.Contains(page, template.HTMLEscapeString(en)) {
					t.Errorf("%s: the English %q is left over", k, en)
				}
			}
			if lang != "en" && strings.Contains(page, `action="/propose"`) {
				t.Error("the form does not carry the chosen language on")
			}
		})
	}
}
