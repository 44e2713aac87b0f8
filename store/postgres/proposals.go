package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
)

// CreateProposal implements store.Proposals.
func (s *DB) CreateProposal(ctx context.Context, p store.Proposal) error {
	if err := s.open(); err != nil {
		return fmt.Errorf("create proposal: %w", err)
	}
	if s.readOnly {
		return fmt.Errorf("create proposal: %w", store.ErrReadOnly)
	}
	var ops *string
	if len(p.Ops) > 0 {
		o := string(p.Ops)
		ops = &o
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO proposals (id, kind, text, source, contact, ops, created) VALUES ($1, $2, $3, $4, $5, $6::text::json, $7)`,
		p.ID, p.Kind, p.Text, p.Source, p.Contact, ops, dataset.Stamp(p.Created))
	if uniqueViolation(err) {
		return fmt.Errorf("create proposal: %w", store.ErrProposalExists)
	}
	if err != nil {
		return fmt.Errorf("create proposal: %w", err)
	}
	return nil
}

const proposalColumns = `id, kind, text, source, contact, ops::text, created, status, decided_by, reason, revision, decided FROM proposals`

func scanProposal(row pgx.CollectableRow) (store.Proposal, error) {
	var p store.Proposal
	var ops *string
	var decided *time.Time
	if err := row.Scan(&p.ID, &p.Kind, &p.Text, &p.Source, &p.Contact, &ops, &p.Created, &p.Status, &p.By, &p.Reason, &p.Revision, &decided); err != nil {
		return p, err
	}
	if ops != nil && *ops != "null" {
		p.Ops = []byte(*ops)
	}
	p.Created = p.Created.UTC()
	if decided != nil {
		p.At = decided.UTC()
		p.Decision.Status = p.Status
	}
	return p, nil
}

// Proposal implements store.Proposals.
func (s *DB) Proposal(ctx context.Context, id string) (store.Proposal, error) {
	if err := s.open(); err != nil {
		return store.Proposal{}, fmt.Errorf("proposal: %w", err)
	}
	rows, err := s.pool.Query(ctx, `SELECT `+proposalColumns+` WHERE id = $1`, id)
	if err != nil {
		return store.Proposal{}, fmt.Errorf("proposal: %w", err)
	}
	p, err := pgx.CollectExactlyOneRow(rows, scanProposal)
	if errors.Is(err, pgx.ErrNoRows) {
		return store.Proposal{}, store.ErrNoProposal
	}
	if err != nil {
		return store.Proposal{}, fmt.Errorf("proposal: %w", err)
	}
	return p, nil
}

// ListProposals implements store.Proposals.
func (s *DB) ListProposals(ctx context.Context, status string) ([]store.Proposal, error) {
	if err := s.open(); err != nil {
		return nil, fmt.Errorf("list proposals: %w", err)
	}
	rows, err := s.pool.Query(ctx, `SELECT `+proposalColumns+` WHERE $1 = '' OR status = $1 ORDER BY created, id`, status)
	if err != nil {
		return nil, fmt.Errorf("list proposals: %w", err)
	}
	out, err := pgx.CollectRows(rows, scanProposal)
	if err != nil {
		return nil, fmt.Errorf("list proposals: %w", err)
	}
	return out, nil
}

// querier is what runs the decision: the pool, or the transaction of a
// revision.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// decide marks the pending proposal id decided, or says why not.
func decide(ctx context.Context, q querier, id string, d store.Decision) error {
	if d.Status != store.ProposalAccepted && d.Status != store.ProposalRejected {
		return fmt.Errorf("decide proposal %s: status %q is not a decision", id, d.Status)
	}
	tag, err := q.Exec(ctx, `UPDATE proposals SET status = $1, decided_by = $2, reason = $3, revision = $4, decided = $5 WHERE id = $6 AND status = 'pending'`,
		d.Status, d.By, d.Reason, d.Revision, dataset.Stamp(d.At), id)
	if err != nil {
		return fmt.Errorf("decide proposal %s: %w", id, err)
	}
	if tag.RowsAffected() == 1 {
		return nil
	}
	var exists bool
	if err := q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM proposals WHERE id = $1)`, id).Scan(&exists); err != nil {
		return fmt.Errorf("decide proposal %s: %w", id, err)
	}
	if !exists {
		return fmt.Errorf("decide proposal %s: %w", id, store.ErrNoProposal)
	}
	return fmt.Errorf("decide proposal %s: %w", id, store.ErrDecided)
}

// DecideProposal implements store.Proposals.
func (s *DB) DecideProposal(ctx context.Context, id string, d store.Decision) error {
	if err := s.open(); err != nil {
		return fmt.Errorf("decide proposal: %w", err)
	}
	if s.readOnly {
		return fmt.Errorf("decide proposal: %w", store.ErrReadOnly)
	}
	return decide(ctx, s.pool, id, d)
}

// AcceptProposal implements store.Proposals: the decision is written in
// the revision's transaction, so that a proposal is accepted exactly
// when its revision is made.
func (s *DB) AcceptProposal(ctx context.Context, id string, base int64, changes []dataset.Change, meta store.Meta, d store.Decision) (int64, error) {
	d.Status = store.ProposalAccepted
	return s.write(ctx, base, changes, meta, func(tx pgx.Tx, next int64) error {
		d.Revision = next
		return decide(ctx, tx, id, d)
	})
}
