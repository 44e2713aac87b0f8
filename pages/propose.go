package pages

import (
	"net/http"
	"time"
)

// The "add your city" pages (issue 13): the proposal form and the status
// page a proposer keeps, in the interface language like every page. The
// api package takes the form and stores the proposal.

// ProposeForm is the proposal form as the proposer filled it in.
type ProposeForm struct {
	Kind, Text, Source, Contact string
	// Problems name the fields the proposal was refused for: kind, text,
	// source or website (the honeypot). Each is said in the interface
	// language.
	Problems []string
	// Status is the answer's status: 0 (200) for the empty form, 422 for
	// one sent back with Problems.
	Status int
}

// ProposalState is what a proposer sees of their proposal: never its
// content.
type ProposalState struct {
	// Status is pending, accepted or rejected.
	Status           string
	Created, Decided time.Time
	// Reason is the editor's, for a decided proposal.
	Reason string
	// RevisionURL is the revision an accepted proposal became.
	RevisionURL string
	// Page is the root-relative path of this status page and JSON the
	// URL of the same status as JSON.
	Page, JSON string
	// Sent is true on the answer to the form just sent (202).
	Sent bool
}

// proposeFields are the form's fields that can be refused, in form order.
var proposeFields = []string{"kind", "text", "source", "website"}

type proposeView struct {
	Action                      string
	Kind, Text, Source, Contact string
	Problems                    []string
}

type proposalView struct {
	ProposalState
	StatusLabel, PageHref string
	Created, Decided      string
}

// Propose answers r with the proposal form.
func (p *Pages) Propose(w http.ResponseWriter, r *http.Request, f ProposeForm) error {
	c := p.newCtx(r)
	v := c.page(c.t("propose.title"), "")
	v.Status = f.Status
	pv := proposeView{Action: c.href("/propose", nil), Kind: f.Kind, Text: f.Text, Source: f.Source, Contact: f.Contact}
	if pv.Kind == "" {
		pv.Kind = "city"
	}
	refused := map[string]bool{}
	for _, field := range f.Problems {
		refused[field] = true
	}
	for _, field := range proposeFields {
		if refused[field] {
			pv.Problems = append(pv.Problems, c.t("propose.error."+field))
			delete(refused, field)
		}
	}
	if len(refused) > 0 {
		pv.Problems = append(pv.Problems, c.t("propose.error.other"))
	}
	v.Content = pv
	return p.write(w, r, c, "propose", v)
}

// Proposal answers r with a proposal's status page; status is 202 on the
// answer to the form, else 0 (200).
func (p *Pages) Proposal(w http.ResponseWriter, r *http.Request, s ProposalState, status int) error {
	c := p.newCtx(r)
	v := c.page(c.t("proposal.title"), "")
	v.Status = status
	pv := proposalView{ProposalState: s, StatusLabel: c.t("proposal." + s.Status), PageHref: c.href(s.Page, nil)}
	if !s.Created.IsZero() {
		pv.Created = s.Created.UTC().Format(time.DateOnly)
	}
	if !s.Decided.IsZero() {
		pv.Decided = s.Decided.UTC().Format(time.DateOnly)
	}
	v.Content = pv
	return p.write(w, r, c, "proposal", v)
}

// ProposalNotFound answers r with the 404 page of a status page address
// that names no proposal.
func (p *Pages) ProposalNotFound(w http.ResponseWriter, r *http.Request) error {
	return p.Error(w, r, http.StatusNotFound, p.newCtx(r).t("proposal.notfound"))
}
