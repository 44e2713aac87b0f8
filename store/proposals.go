package store

import (
	"context"
	"encoding/json"
	"errors"
	"time"
)

// Proposals is the moderation queue of "add your city" proposals (issue
// 13): anyone proposes, editors accept (a revision crediting the
// proposal) or reject with a reason. A proposal is never published before
// it is accepted; its ID, unguessable, is the proposer's link to its
// status. A separate interface, like History, so that Store keeps its
// method set; storetest.RunProposals is its conformance suite.
type Proposals interface {
	// CreateProposal stores p (pending, with its ID and Created set by the
	// caller); an ID in use is ErrProposalExists.
	CreateProposal(ctx context.Context, p Proposal) error
	// Proposal returns the proposal with the ID, or ErrNoProposal.
	Proposal(ctx context.Context, id string) (Proposal, error)
	// ListProposals lists the proposals with the status ("" for all),
	// oldest first.
	ListProposals(ctx context.Context, status string) ([]Proposal, error)
	// DecideProposal records the decision on a pending proposal: ErrNoProposal
	// when there is none, ErrDecided when it was decided already (a
	// decision is final).
	DecideProposal(ctx context.Context, id string, d Decision) error
}

// Proposal statuses.
const (
	ProposalPending  = "pending"
	ProposalAccepted = "accepted"
	ProposalRejected = "rejected"
)

// Proposal is a change someone without a key proposes.
type Proposal struct {
	ID   string
	Kind string // city, membership or correction
	// Text says what to change, in the proposer's words.
	Text string
	// Source is the address of a public document that shows it.
	Source string
	// Contact is how to reach the proposer, if they gave one; never
	// published.
	Contact string
	// Ops are the changes proposed in the batch form (edit.Op), if the
	// proposer wrote them; an editor may give others on acceptance.
	Ops     json.RawMessage
	Created time.Time
	Status  string
	Decision
}

// Decision is an editor's verdict on a proposal.
type Decision struct {
	Status   string // accepted or rejected
	By       string // the editor's key name
	Reason   string
	Revision int64 // the revision an acceptance made
	At       time.Time
}

var (
	// ErrNoProposal means no proposal has the ID.
	ErrNoProposal = errors.New("store: no such proposal")
	// ErrProposalExists means the ID is taken.
	ErrProposalExists = errors.New("store: a proposal has that ID")
	// ErrDecided means the proposal was decided already.
	ErrDecided = errors.New("store: the proposal was decided already")
)
