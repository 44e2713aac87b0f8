package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/moving-cities/opendata/store"
)

var _ store.Proposals = (*DB)(nil)

// CreateProposal implements store.Proposals.
func (s *DB) CreateProposal(ctx context.Context, p store.Proposal) error {
	if err := s.open(); err != nil {
		return fmt.Errorf("create proposal: %w", err)
	}
	if s.w == nil {
		return fmt.Errorf("create proposal: %w", store.ErrReadOnly)
	}
	ops := string(p.Ops)
	if ops == "" {
		ops = "null"
	}
	_, err := s.w.ExecContext(ctx, `INSERT INTO proposals (id, kind, text, source, contact, ops, created) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		p.ID, p.Kind, p.Text, p.Source, p.Contact, ops, formatTime(p.Created))
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") || strings.Contains(err.Error(), "PRIMARY KEY") {
			return fmt.Errorf("create proposal: %w", store.ErrProposalExists)
		}
		return fmt.Errorf("create proposal: %w", err)
	}
	return nil
}

const proposalColumns = `id, kind, text, source, contact, ops, created, status, decided_by, reason, revision, decided FROM proposals`

func scanProposal(sc scanner) (store.Proposal, error) {
	var p store.Proposal
	var ops, created, decided string
	if err := sc.Scan(&p.ID, &p.Kind, &p.Text, &p.Source, &p.Contact, &ops, &created, &p.Status, &p.By, &p.Reason, &p.Revision, &decided); err != nil {
		return p, err
	}
	if ops != "null" {
		p.Ops = []byte(ops)
	}
	var err error
	if p.Created, err = parseTime(created); err != nil {
		return p, fmt.Errorf("proposal %s: created: %w", p.ID, err)
	}
	if decided != "" {
		if p.At, err = parseTime(decided); err != nil {
			return p, fmt.Errorf("proposal %s: decided: %w", p.ID, err)
		}
		p.Decision.Status = p.Status
	}
	return p, nil
}

// Proposal implements store.Proposals.
func (s *DB) Proposal(ctx context.Context, id string) (store.Proposal, error) {
	if err := s.open(); err != nil {
		return store.Proposal{}, fmt.Errorf("proposal: %w", err)
	}
	p, err := scanProposal(s.r.QueryRowContext(ctx, `SELECT `+proposalColumns+` WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
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
	rows, err := s.r.QueryContext(ctx, `SELECT `+proposalColumns+` WHERE ? = '' OR status = ? ORDER BY created, id`, status, status)
	if err != nil {
		return nil, fmt.Errorf("list proposals: %w", err)
	}
	defer rows.Close()
	var out []store.Proposal
	for rows.Next() {
		p, err := scanProposal(rows)
		if err != nil {
			return nil, fmt.Errorf("list proposals: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// DecideProposal implements store.Proposals.
func (s *DB) DecideProposal(ctx context.Context, id string, d store.Decision) error {
	if err := s.open(); err != nil {
		return fmt.Errorf("decide proposal: %w", err)
	}
	if s.w == nil {
		return fmt.Errorf("decide proposal: %w", store.ErrReadOnly)
	}
	if d.Status != store.ProposalAccepted && d.Status != store.ProposalRejected {
		return fmt.Errorf("decide proposal %s: status %q is not a decision", id, d.Status)
	}
	res, err := s.w.ExecContext(ctx, `UPDATE proposals SET status = ?, decided_by = ?, reason = ?, revision = ?, decided = ? WHERE id = ? AND status = 'pending'`,
		d.Status, d.By, d.Reason, d.Revision, formatTime(d.At), id)
	if err != nil {
		return fmt.Errorf("decide proposal %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		return nil
	}
	if _, err := s.Proposal(ctx, id); err != nil {
		return fmt.Errorf("decide proposal %s: %w", id, err)
	}
	return fmt.Errorf("decide proposal %s: %w", id, store.ErrDecided)
}
