package api

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"math"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humachi"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/auth"
	"github.com/moving-cities/opendata/edit"
	"github.com/moving-cities/opendata/store"
)

// "Add your city" (issue 13): anyone, without an account, proposes a
// city, a membership or a correction with a source; editors accept it (a
// revision whose message credits the proposal) or reject it with a
// reason. Proposals are never published before acceptance: the queue is
// for editors, and a proposer sees only the status of their own, through
// its unguessable ID. Submissions are rate-limited per client, bounded in
// size, and carry a honeypot field that people leave empty.

// proposalMaxBytes bounds a proposal's body.
const proposalMaxBytes = 64 << 10

// Proposal rate: a client may send proposalBurst at once, then one every
// proposalEvery.
const (
	proposalBurst = 5
	proposalEvery = time.Minute
)

// ProposalBody is what a proposer sends.
type ProposalBody struct {
	Kind    string    `json:"kind" enum:"city,membership,correction" doc:"What is proposed: a city to add, a membership, or a correction"`
	Text    string    `json:"text" minLength:"1" maxLength:"5000" doc:"What to add or change, in your words"`
	Source  string    `json:"source" format:"uri" maxLength:"2000" doc:"Address of a public document that shows it (a council decision, a network's member list…)"`
	Contact string    `json:"contact,omitempty" maxLength:"200" doc:"How to reach you with questions (optional; never published)"`
	Ops     []BatchOp `json:"ops,omitempty" maxItems:"50" doc:"The changes in the batch form of POST /revisions, if you can write them (optional)"`
	Website string    `json:"website,omitempty" maxLength:"200" doc:"Leave empty: a trap for robots"`
}

// ProposalStatus is what a proposer may see of their proposal.
type ProposalStatus struct {
	ID          string    `json:"id" doc:"The proposal's ID; keep it, it is the only way to its status"`
	Status      string    `json:"status" enum:"pending,accepted,rejected" doc:"Where the proposal stands"`
	URL         string    `json:"url" format:"uri" doc:"This status"`
	Created     time.Time `json:"created" doc:"When it was received"`
	Decided     time.Time `json:"decided,omitzero" doc:"When an editor decided"`
	Reason      string    `json:"reason,omitempty" doc:"The editor's reason"`
	Revision    int64     `json:"revision,omitempty" doc:"The revision an acceptance made"`
	RevisionURL string    `json:"revision_url,omitempty" format:"uri" doc:"That revision's diff"`
}

// QueuedProposal is a proposal as editors see it.
type QueuedProposal struct {
	ProposalStatus
	Kind    string    `json:"kind" doc:"city, membership or correction"`
	Text    string    `json:"text" doc:"What the proposer asks for"`
	Source  string    `json:"source" doc:"The proposer's source"`
	Contact string    `json:"contact,omitempty" doc:"How to reach the proposer"`
	Ops     []BatchOp `json:"ops,omitempty" doc:"The changes the proposer wrote, if any"`
	By      string    `json:"decided_by,omitempty" doc:"The editor who decided"`
}

// ProposalIDInput names a proposal (exported: Huma reads only exported
// embedded structs).
type ProposalIDInput struct {
	ID string `path:"id" maxLength:"64" doc:"The proposal's ID"`
}

func registerProposals(api huma.API, router chi.Router, s *Server) {
	tag := []string{"Proposals"}
	huma.Register(api, huma.Operation{OperationID: "create-proposal", Method: http.MethodPost, Path: "/proposals", Tags: tag,
		Summary: "Propose a city, a membership or a correction",
		Description: fmt.Sprintf("No account needed. The proposal waits in a moderation queue until an editor accepts it (it becomes a revision crediting it) or rejects it with a reason; it is not published before. "+
			"The answer's url shows its status. At most %d proposals at once per client, then one a minute (429 with Retry-After); bodies up to %d KiB.", proposalBurst, proposalMaxBytes>>10),
		DefaultStatus: http.StatusAccepted, MaxBodyBytes: proposalMaxBytes,
		Middlewares: huma.Middlewares{s.limitProposals},
	}, func(ctx context.Context, in *struct{ Body ProposalBody }) (*struct {
		Location string `header:"Location"`
		Body     ProposalStatus
	}, error) {
		st, err := s.propose(ctx, in.Body)
		if err != nil {
			return nil, err
		}
		return &struct {
			Location string `header:"Location"`
			Body     ProposalStatus
		}{Location: st.URL, Body: st}, nil
	})
	huma.Register(api, huma.Operation{OperationID: "get-proposal", Method: http.MethodGet, Path: "/proposals/{id}", Tags: tag,
		Summary: "A proposal's status", Description: "Whether the proposal is pending, accepted (with its revision) or rejected (with the reason). Its content is not shown."},
		func(ctx context.Context, in *ProposalIDInput) (*struct{ Body ProposalStatus }, error) {
			p, err := s.proposal(ctx, in.ID)
			if err != nil {
				return nil, err
			}
			return &struct{ Body ProposalStatus }{Body: s.proposalStatus(p)}, nil
		})
	huma.Register(api, huma.Operation{OperationID: "list-proposals", Method: http.MethodGet, Path: "/proposals", Tags: tag,
		Summary: "The moderation queue", Description: "Proposals with their content, oldest first. Role: editor.", Security: security},
		func(ctx context.Context, in *struct {
			Authorization string `header:"Authorization" hidden:"true"`
			Status        string `query:"status" enum:"pending,accepted,rejected,all" default:"pending" doc:"Which proposals"`
		}) (*struct{ Body []QueuedProposal }, error) {
			q, err := s.proposals()
			if err != nil {
				return nil, err
			}
			if _, err := s.authorize(ctx, in.Authorization, auth.RoleEditor); err != nil {
				return nil, err
			}
			status := in.Status
			if status == "all" {
				status = ""
			}
			list, err := q.ListProposals(ctx, status)
			if err != nil {
				return nil, s.historyError(ctx, err)
			}
			out := &struct{ Body []QueuedProposal }{Body: []QueuedProposal{}}
			for _, p := range list {
				qp := QueuedProposal{ProposalStatus: s.proposalStatus(p), Kind: p.Kind, Text: p.Text, Source: p.Source, Contact: p.Contact, By: p.By}
				if p.Ops != nil {
					_ = json.Unmarshal(p.Ops, &qp.Ops) // written by propose from []BatchOp
				}
				out.Body = append(out.Body, qp)
			}
			return out, nil
		})
	huma.Register(api, huma.Operation{OperationID: "accept-proposal", Method: http.MethodPost, Path: "/proposals/{id}/accept", Tags: tag,
		Summary: "Accept a proposal",
		Description: "Applies the proposal's ops, or the ones given here (an editor's reading of the proposal), as one revision whose message credits the proposal, and marks it accepted. " +
			"Ops on existing records need if_match; delete and rename need the admin role. Role: editor.",
		Security: security, Errors: []int{http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusConflict, http.StatusPreconditionFailed, http.StatusPreconditionRequired, http.StatusUnprocessableEntity}},
		func(ctx context.Context, in *struct {
			Authorization string `header:"Authorization" hidden:"true"`
			ProposalIDInput
			Body struct {
				Message string    `json:"message,omitempty" maxLength:"2000" doc:"The revision's message; the proposal is credited in any case"`
				Ops     []BatchOp `json:"ops,omitempty" maxItems:"5000" doc:"The changes to make; absent: the proposal's own"`
			}
		}) (*struct{ Body QueuedProposal }, error) {
			return s.decide(ctx, in.Authorization, in.ID, store.ProposalAccepted, in.Body.Message, in.Body.Ops)
		})
	huma.Register(api, huma.Operation{OperationID: "reject-proposal", Method: http.MethodPost, Path: "/proposals/{id}/reject", Tags: tag,
		Summary: "Reject a proposal", Description: "Marks the proposal rejected with a reason its proposer sees. Role: editor.", Security: security},
		func(ctx context.Context, in *struct {
			Authorization string `header:"Authorization" hidden:"true"`
			ProposalIDInput
			Body struct {
				Reason string `json:"reason" minLength:"1" maxLength:"2000" doc:"Why, for the proposer"`
			}
		}) (*struct{ Body QueuedProposal }, error) {
			return s.decide(ctx, in.Authorization, in.ID, store.ProposalRejected, in.Body.Reason, nil)
		})
	router.Get("/propose", s.proposePage)
	router.Head("/propose", s.proposePage)
	router.Post("/propose", s.proposeForm)
	route{id: "get-propose-page", method: http.MethodGet, path: "/propose", tag: "Pages", summary: "Propose a city (page)",
		desc: "A form for people: propose a city, a membership or a correction, with a source.",
		ok:   map[string]*huma.MediaType{"text/html": {Schema: stringSchema}}}.describe(api)
	route{id: "post-propose-page", method: http.MethodPost, path: "/propose", tag: "Pages", summary: "Send the proposal form",
		desc:   "The form's target (application/x-www-form-urlencoded: kind, text, source, contact, website); answers a page with the proposal's status link.",
		status: http.StatusAccepted, ok: map[string]*huma.MediaType{"text/html": {Schema: stringSchema}},
		more: map[int]string{http.StatusUnprocessableEntity: "The form is incomplete", http.StatusTooManyRequests: "Too many proposals from this client"}}.describe(api)
}

// limitProposals applies the proposal rate limit to a Huma operation.
func (s *Server) limitProposals(ctx huma.Context, next func(huma.Context)) {
	r, w := humachi.Unwrap(ctx)
	if !s.allowProposal(w, r) {
		return
	}
	next(ctx)
}

// allowProposal takes a token of the client's proposal allowance, or
// answers 429.
func (s *Server) allowProposal(w http.ResponseWriter, r *http.Request) bool {
	l := s.proposalLimit
	client := l.client(r)
	if ip := net.ParseIP(client); ip != nil && ip.IsLoopback() && !l.loopback {
		return true // as the general limit: local tools, and a proxy that names no client
	}
	ok, wait := l.allow(client)
	if ok {
		return true
	}
	secs := max(int(math.Ceil(wait.Seconds())), 1)
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	problem(w, http.StatusTooManyRequests, fmt.Sprintf("too many proposals from this client: %d at once, then one a minute; retry after %d s", proposalBurst, secs), nil)
	return false
}

func (s *Server) proposals() (store.Proposals, error) {
	if s.cfg.Editing == nil || s.cfg.Editing.Proposals == nil {
		return nil, huma.Error503ServiceUnavailable("this server takes no proposals")
	}
	return s.cfg.Editing.Proposals, nil
}

func (s *Server) proposalStatus(p store.Proposal) ProposalStatus {
	st := ProposalStatus{ID: p.ID, Status: p.Status, URL: s.cfg.BaseURI + "/proposals/" + url.PathEscape(p.ID), Created: p.Created,
		Decided: p.At, Reason: p.Reason, Revision: p.Revision}
	if p.Revision > 0 {
		st.RevisionURL = s.cfg.BaseURI + "/revisions/" + strconv.FormatInt(p.Revision, 10)
	}
	return st
}

func (s *Server) proposal(ctx context.Context, id string) (store.Proposal, error) {
	q, err := s.proposals()
	if err != nil {
		return store.Proposal{}, err
	}
	p, err := q.Proposal(ctx, id)
	if errors.Is(err, store.ErrNoProposal) {
		return p, huma.Error404NotFound("no proposal has this ID")
	}
	if err != nil {
		return p, s.historyError(ctx, err)
	}
	return p, nil
}

// propose checks a proposal and queues it.
func (s *Server) propose(ctx context.Context, b ProposalBody) (ProposalStatus, error) {
	q, err := s.proposals()
	if err != nil {
		return ProposalStatus{}, err
	}
	var problems []error
	if b.Website != "" {
		problems = append(problems, &huma.ErrorDetail{Location: "body.website", Message: "must be left empty"})
	}
	if u, err := url.Parse(b.Source); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		problems = append(problems, &huma.ErrorDetail{Location: "body.source", Value: b.Source, Message: "give the http(s) address of a public document"})
	}
	switch b.Kind {
	case "city", "membership", "correction":
	default:
		problems = append(problems, &huma.ErrorDetail{Location: "body.kind", Value: b.Kind, Message: "want city, membership or correction"})
	}
	if strings.TrimSpace(b.Text) == "" {
		problems = append(problems, &huma.ErrorDetail{Location: "body.text", Message: "say what to add or change"})
	}
	if len(problems) > 0 {
		return ProposalStatus{}, huma.NewError(http.StatusUnprocessableEntity, "the proposal is incomplete; nothing was queued", problems...)
	}
	var ops json.RawMessage
	if len(b.Ops) > 0 {
		if ops, err = json.Marshal(b.Ops); err != nil {
			return ProposalStatus{}, huma.Error422UnprocessableEntity("the ops cannot be read")
		}
	}
	var id [16]byte
	if _, err := rand.Read(id[:]); err != nil {
		return ProposalStatus{}, huma.Error500InternalServerError("no proposal ID could be made")
	}
	p := store.Proposal{ID: base64.RawURLEncoding.EncodeToString(id[:]), Kind: b.Kind, Text: b.Text, Source: b.Source, Contact: b.Contact,
		Ops: ops, Created: time.Now().UTC().Truncate(time.Second), Status: store.ProposalPending}
	if err := q.CreateProposal(ctx, p); err != nil {
		return ProposalStatus{}, s.historyError(ctx, err)
	}
	return s.proposalStatus(p), nil
}

// decide accepts or rejects a pending proposal. Decisions are serialised,
// so that a proposal is never accepted twice.
func (s *Server) decide(ctx context.Context, authorization, id, status, text string, ops []BatchOp) (*struct{ Body QueuedProposal }, error) {
	q, err := s.proposals()
	if err != nil {
		return nil, err
	}
	pr, err := s.authorize(ctx, authorization, auth.RoleEditor)
	if err != nil {
		return nil, err
	}
	s.decideMu.Lock()
	defer s.decideMu.Unlock()
	p, err := s.proposal(ctx, id)
	if err != nil {
		return nil, err
	}
	if p.Status != store.ProposalPending {
		return nil, huma.Error409Conflict(fmt.Sprintf("the proposal was %s already", p.Status))
	}
	d := store.Decision{Status: status, By: pr.Name, At: time.Now().UTC().Truncate(time.Second)}
	if status == store.ProposalRejected {
		d.Reason = text
	} else {
		if len(ops) == 0 && p.Ops != nil {
			if err := json.Unmarshal(p.Ops, &ops); err != nil {
				return nil, huma.Error422UnprocessableEntity("the proposal's ops cannot be read; give them")
			}
		}
		if len(ops) == 0 {
			return nil, huma.NewError(http.StatusUnprocessableEntity, "the proposal has no ops: give the changes that carry it out",
				&huma.ErrorDetail{Location: "body.ops", Message: "required for a proposal without ops"})
		}
		msg := fmt.Sprintf("Proposal %s accepted", p.ID)
		if text != "" {
			msg += ": " + text
		}
		eops, need := batchOps(ops)
		out, err := s.apply(ctx, authorization, need, store.Meta{Message: msg}, eops, false)
		if err != nil {
			return nil, err
		}
		if !out.Body.Changed {
			return nil, huma.Error409Conflict("the changes are in the data already; reject the proposal with that reason instead")
		}
		d.Revision = out.Body.Revision
		d.Reason = text
	}
	if err := q.DecideProposal(ctx, id, d); err != nil {
		return nil, s.historyError(ctx, err)
	}
	p.Status, p.Decision = status, d
	qp := QueuedProposal{ProposalStatus: s.proposalStatus(p), Kind: p.Kind, Text: p.Text, Source: p.Source, Contact: p.Contact, Ops: ops, By: d.By}
	return &struct{ Body QueuedProposal }{Body: qp}, nil
}

// batchOps turns batch ops into edit ops and the role they need.
func batchOps(in []BatchOp) ([]edit.Op, string) {
	need := auth.RoleEditor
	ops := make([]edit.Op, len(in))
	for i, o := range in {
		ops[i] = o.editOp()
		if o.Op == edit.OpDelete || o.Op == edit.OpRename {
			need = auth.RoleAdmin
		}
	}
	return ops, need
}

// proposeTemplate is the form page's body; the layout around it is the
// site's. It is in English only for now.
var proposeTemplate = template.Must(template.New("propose").Parse(`
<h1>Propose a city, a membership or a correction</h1>
{{if .Done}}
<p role="status">Thank you. An editor will look at your proposal; it is published only once accepted.
Its status, now and later: <a href="{{.Done}}">{{.Done}}</a> (keep this link: it is the only way to it).</p>
{{else}}
{{if .Problems}}<div role="alert"><p>The proposal was not sent:</p><ul>{{range .Problems}}<li>{{.}}</li>{{end}}</ul></div>{{end}}
<p>No account needed. Name a public source (a council decision, a network's list of members, a news article) so that an editor can check it.</p>
<form method="post" action="/propose">
<p><label for="kind">What do you propose?</label>
<select id="kind" name="kind" required>
<option value="city"{{if eq .Kind "city"}} selected{{end}}>A city that supports a solidarity-based migration policy</option>
<option value="membership"{{if eq .Kind "membership"}} selected{{end}}>A city's membership in a network</option>
<option value="correction"{{if eq .Kind "correction"}} selected{{end}}>A correction</option>
</select></p>
<p><label for="text">What should be added or changed?</label><br>
<textarea id="text" name="text" rows="6" cols="60" maxlength="5000" required>{{.Text}}</textarea></p>
<p><label for="source">Address of the source</label><br>
<input id="source" name="source" type="url" size="60" maxlength="2000" required value="{{.Source}}"></p>
<p><label for="contact">How to reach you with questions (optional, never published)</label><br>
<input id="contact" name="contact" type="text" size="40" maxlength="200" value="{{.Contact}}"></p>
<div hidden><label for="website">Leave this empty</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<p><button type="submit">Send the proposal</button></p>
</form>
{{end}}`))

type proposeView struct {
	Kind, Text, Source, Contact string
	Problems                    []string
	Done                        string
}

func (s *Server) proposePage(w http.ResponseWriter, r *http.Request) {
	s.renderPropose(w, r, http.StatusOK, proposeView{Kind: "city"})
}

func (s *Server) renderPropose(w http.ResponseWriter, r *http.Request, status int, v proposeView) {
	var b strings.Builder
	if err := proposeTemplate.Execute(&b, v); err != nil {
		s.log.ErrorContext(r.Context(), "render the proposal form", "err", err)
		problem(w, http.StatusInternalServerError, "the page could not be rendered", nil)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	rec := &statusWriter{ResponseWriter: w, status: status}
	s.pageError(w, r, s.pages.Layout(rec, r, "Propose a city", template.HTML(b.String())))
}

// statusWriter makes the layout's answer carry another status.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (sw *statusWriter) WriteHeader(code int) {
	if code == http.StatusOK {
		code = sw.status
	}
	sw.ResponseWriter.WriteHeader(code)
}

// proposeForm takes the form (application/x-www-form-urlencoded).
func (s *Server) proposeForm(w http.ResponseWriter, r *http.Request) {
	if !s.allowProposal(w, r) {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, proposalMaxBytes)
	if err := r.ParseForm(); err != nil {
		problem(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the form is larger than %d KiB or malformed", proposalMaxBytes>>10), nil)
		return
	}
	v := proposeView{Kind: r.PostForm.Get("kind"), Text: r.PostForm.Get("text"), Source: r.PostForm.Get("source"), Contact: r.PostForm.Get("contact")}
	st, err := s.propose(r.Context(), ProposalBody{Kind: v.Kind, Text: v.Text, Source: v.Source, Contact: v.Contact, Website: r.PostForm.Get("website")})
	if err != nil {
		var em *huma.ErrorModel
		if errors.As(err, &em) && em.Status == http.StatusUnprocessableEntity {
			for _, d := range em.Errors {
				v.Problems = append(v.Problems, strings.TrimPrefix(d.Location, "body.")+": "+d.Message)
			}
			s.renderPropose(w, r, http.StatusUnprocessableEntity, v)
			return
		}
		problem(w, http.StatusServiceUnavailable, "proposals cannot be taken just now; try again later", nil)
		return
	}
	w.Header().Set("Location", st.URL)
	s.renderPropose(w, r, http.StatusAccepted, proposeView{Done: st.URL})
}
