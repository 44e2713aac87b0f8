// Package edit turns editors' changes (create, replace, patch, delete,
// rename; one at a time or in a batch) into one revision of the store,
// on the one path data takes: merge over the current data, validate the
// whole, write in one transaction, then wait until the publisher serves
// it (issue 13).
package edit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
)

// Op is one change. In a batch (JSON) it reads
// {"op": "patch", "type": "municipality", "id": "berlin", "patch": {…}}.
type Op struct {
	// Op is create, replace, patch, delete or rename.
	Op   string       `json:"op"`
	Type dataset.Type `json:"type"`
	// ID names the record; for create it may be left out (the record's
	// own "id" counts).
	ID string `json:"id,omitempty"`
	// Record is the whole record (create, replace), in the import form;
	// the read-only members of published documents (iri, type, created,
	// modified) are ignored.
	Record json.RawMessage `json:"record,omitempty"`
	// Patch is an RFC 7396 JSON merge patch over the record's import form.
	Patch json.RawMessage `json:"patch,omitempty"`
	// To is the new ID of a rename.
	To string `json:"to,omitempty"`
	// Reason is kept in the tombstone of a delete or rename.
	Reason string `json:"reason,omitempty"`
	// IfMatch is the ETag the editor last saw of the record (replace,
	// patch, delete, rename); the HTTP layer checks it.
	IfMatch string `json:"if_match,omitempty"`
}

// Op names.
const (
	OpCreate  = "create"
	OpReplace = "replace"
	OpPatch   = "patch"
	OpDelete  = "delete"
	OpRename  = "rename"
)

// NeedsRecord reports whether an op acts on an existing record (and so
// needs the ETag of it).
func (o Op) NeedsRecord() bool { return o.Op != OpCreate }

// Kind classifies a problem, so that the HTTP layer picks its status.
type Kind int

const (
	// Invalid: the input is malformed or the result does not validate.
	Invalid Kind = iota
	// NotFound: no record has the ID.
	NotFound
	// Gone: the ID was retired.
	Gone
	// Conflict: the change contradicts the data (an ID taken, a record
	// others point to).
	Conflict
)

// Problem is one thing wrong with a change.
type Problem struct {
	Kind    Kind
	Op      int // the op's index in the batch; -1 for the result as a whole
	Type    dataset.Type
	ID      string
	Field   string
	Message string
}

// Error is every problem of a change; nothing was written.
type Error struct{ Problems []Problem }

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d problem(s), nothing written:", len(e.Problems))
	for _, p := range e.Problems {
		fmt.Fprintf(&b, "\n  %s %s: %s: %s", p.Type, p.ID, p.Field, p.Message)
	}
	return b.String()
}

// Kind is the kind of the problems when they agree, else Invalid.
func (e *Error) Kind() Kind {
	k := e.Problems[0].Kind
	for _, p := range e.Problems[1:] {
		if p.Kind != k {
			return Invalid
		}
	}
	return k
}

// Plan applies ops in order over the snapshot and returns the merged,
// valid dataset and its changes (none when the ops change nothing). Every
// problem is reported at once, as an *Error.
func Plan(snap *dataset.Snapshot, ops []Op, meta store.Meta) (*dataset.Dataset, []dataset.Change, error) {
	cur := snap.Dataset()
	p := &planner{snap: snap, w: load(cur), touched: map[key]bool{}, retiring: map[key]bool{}, meta: meta}
	if len(ops) == 0 {
		p.fail(Invalid, -1, "", "", "ops", "no changes given")
	}
	for i, o := range ops {
		p.op(i, o)
	}
	if len(p.problems) > 0 {
		return nil, nil, &Error{Problems: p.problems}
	}
	incoming := &dataset.Dataset{Retired: p.retired}
	keys := make([]key, 0, len(p.touched))
	for k := range p.touched {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].t != keys[j].t {
			return keys[i].t < keys[j].t
		}
		return keys[i].id < keys[j].id
	})
	for _, k := range keys {
		if rec, ok := p.w[k]; ok {
			kind(k.t).Append(incoming, rec)
		}
	}
	merged, changes, err := dataset.Merge(cur, incoming)
	if err != nil {
		return nil, nil, problemsOf(err)
	}
	if err := merged.Validate(); err != nil {
		return nil, nil, problemsOf(err)
	}
	return merged, changes, nil
}

func problemsOf(err error) error {
	var ps dataset.Problems
	if !errors.As(err, &ps) {
		return err
	}
	out := &Error{}
	for _, p := range ps {
		out.Problems = append(out.Problems, Problem{Kind: Invalid, Op: -1, Type: p.Type, ID: p.ID, Field: p.Field, Message: p.Message})
	}
	return out
}

type planner struct {
	snap     *dataset.Snapshot
	w        records
	touched  map[key]bool
	retiring map[key]bool
	retired  []dataset.Retired
	meta     store.Meta
	problems []Problem
}

func (p *planner) fail(k Kind, op int, t dataset.Type, id, field, format string, args ...any) {
	p.problems = append(p.problems, Problem{Kind: k, Op: op, Type: t, ID: id, Field: field, Message: fmt.Sprintf(format, args...)})
}

// isRetired reports whether t/id is a tombstone, now or by this batch.
func (p *planner) isRetired(k key) bool {
	if p.retiring[k] {
		return true
	}
	_, _, ok := p.snap.Retirement(k.t, k.id)
	return ok
}

// existing returns the working record t/id, or reports why there is none.
func (p *planner) existing(i int, k key) (dataset.Record, bool) {
	if rec, ok := p.w[k]; ok {
		return rec, true
	}
	if p.isRetired(k) {
		p.fail(Gone, i, k.t, k.id, "id", "%s %q was retired; its ID is kept as a tombstone and cannot be edited", k.t, k.id)
	} else {
		p.fail(NotFound, i, k.t, k.id, "id", "no %s has the ID %q", k.t, k.id)
	}
	return nil, false
}

func (p *planner) op(i int, o Op) {
	t, ok := dataset.ParseType(string(o.Type))
	if !ok {
		p.fail(Invalid, i, o.Type, o.ID, "type", "unknown entity type %q", o.Type)
		return
	}
	k := key{t, o.ID}
	switch o.Op {
	case OpCreate:
		rec, ok := p.decode(i, t, o.ID, o.Record, "record")
		if !ok {
			return
		}
		k.id = *kind(t).ID(rec)
		switch {
		case p.w[k] != nil:
			p.fail(Conflict, i, t, k.id, "id", "%s %q exists; replace or patch it instead", t, k.id)
		case p.isRetired(k):
			p.fail(Conflict, i, t, k.id, "id", "the ID %q was used before and retired; identifiers are never reused", k.id)
		default:
			p.w[k], p.touched[k] = rec, true
		}
	case OpReplace:
		if _, ok := p.existing(i, k); !ok {
			return
		}
		if rec, ok := p.decode(i, t, o.ID, o.Record, "record"); ok {
			p.w[k], p.touched[k] = rec, true
		}
	case OpPatch:
		cur, ok := p.existing(i, k)
		if !ok {
			return
		}
		doc, err := Document(cur)
		if err != nil {
			p.fail(Invalid, i, t, o.ID, "patch", "%v", err)
			return
		}
		if len(o.Patch) == 0 {
			p.fail(Invalid, i, t, o.ID, "patch", "missing")
			return
		}
		merged, err := mergePatch(doc, o.Patch)
		if err != nil {
			p.fail(Invalid, i, t, o.ID, "patch", "%v", err)
			return
		}
		if rec, ok := p.decode(i, t, o.ID, merged, "patch"); ok {
			p.w[k], p.touched[k] = rec, true
		}
	case OpDelete:
		if _, ok := p.existing(i, k); !ok {
			return
		}
		if p.referred(i, k, "delete") {
			return
		}
		delete(p.w, k)
		delete(p.touched, k)
		p.retire(k, "", o.Reason)
	case OpRename:
		cur, ok := p.existing(i, k)
		if !ok {
			return
		}
		to := key{t, o.To}
		switch {
		case o.To == "":
			p.fail(Invalid, i, t, o.ID, "to", "missing: give the new ID")
			return
		case o.To == o.ID:
			p.fail(Invalid, i, t, o.ID, "to", "the new ID is the old one")
			return
		case p.w[to] != nil:
			p.fail(Conflict, i, t, o.ID, "to", "%s %q exists; a rename cannot take an ID in use", t, o.To)
			return
		case p.isRetired(to):
			p.fail(Conflict, i, t, o.ID, "to", "the ID %q was used before and retired; identifiers are never reused", o.To)
			return
		}
		rec := kind(t).Clone(cur)
		*kind(t).ID(rec) = o.To
		delete(p.w, k)
		delete(p.touched, k)
		p.w[to], p.touched[to] = rec, true
		// Records that pointed at the old ID point at the new one, in the
		// same revision.
		for rk, r := range p.w {
			var c dataset.Record
			for _, f := range kind(rk.t).Refs(r) {
				if f.To == t && *f.ID == o.ID {
					if c == nil {
						c = kind(rk.t).Clone(r)
					}
				}
			}
			if c == nil {
				continue
			}
			for _, f := range kind(rk.t).Refs(c) {
				if f.To == t && *f.ID == o.ID {
					*f.ID = o.To
				}
			}
			p.w[rk], p.touched[rk] = c, true
		}
		p.retire(k, o.To, o.Reason)
	default:
		p.fail(Invalid, i, t, o.ID, "op", "unknown op %q: want create, replace, patch, delete or rename", o.Op)
	}
}

// decode reads a record for op i; id, when given, must be its ID (a
// record without one takes it).
func (p *planner) decode(i int, t dataset.Type, id string, body []byte, field string) (dataset.Record, bool) {
	if len(body) == 0 {
		p.fail(Invalid, i, t, id, field, "missing")
		return nil, false
	}
	rec, err := decode(t, body)
	if err != nil {
		p.fail(Invalid, i, t, id, field, "%v", err)
		return nil, false
	}
	got := kind(t).ID(rec)
	switch {
	case *got == "" && id != "":
		*got = id
	case id != "" && *got != id:
		p.fail(Invalid, i, t, id, "id", "the record's ID %q is not %q; to change an ID, rename the record", *got, id)
		return nil, false
	}
	return rec, true
}

// referred reports (as a Conflict) the records that point at k.
func (p *planner) referred(i int, k key, what string) bool {
	var from []string
	for rk, r := range p.w {
		for _, f := range kind(rk.t).Refs(r) {
			if f.To == k.t && *f.ID == k.id {
				from = append(from, fmt.Sprintf("%s %q (%s)", rk.t, rk.id, f.Field))
			}
		}
	}
	if len(from) == 0 {
		return false
	}
	sort.Strings(from)
	p.fail(Conflict, i, k.t, k.id, "id", "cannot %s %s %q: %d record(s) refer to it: %s", what, k.t, k.id, len(from), strings.Join(from, ", "))
	return true
}

func (p *planner) retire(k key, to, reason string) {
	if reason == "" {
		reason = p.meta.Message
	}
	if reason == "" {
		if to != "" {
			reason = "renamed to " + to
		} else {
			reason = "removed by an editor"
		}
	}
	p.retiring[k] = true
	p.retired = append(p.retired, dataset.Retired{Type: k.t, ID: k.id, ReplacedBy: to, Reason: reason})
}

// Writer is what an Editor writes to.
type Writer interface {
	Revision(ctx context.Context) (int64, error)
	ApplyRevision(ctx context.Context, base int64, changes []dataset.Change, meta store.Meta) (int64, error)
}

// Published is what an Editor reads: the snapshot served, which follows
// the store (*publish.Publisher).
type Published interface {
	Load() *dataset.Snapshot
	WaitForRevision(ctx context.Context, rev int64) error
}

// Editor applies changes one revision at a time.
type Editor struct {
	store Writer
	pub   Published
	// PublishWait bounds the waits for the publisher; zero means
	// DefaultPublishWait. Tests on a loaded machine set it long: it only
	// matters when the publisher does not catch up.
	PublishWait time.Duration
	// mu makes this process's writes queue, so that each plans over the
	// revision before it; writes by other processes are caught by the
	// store's revision check.
	mu sync.Mutex
}

// New returns an Editor writing to st and reading pub.
func New(st Writer, pub Published) *Editor { return &Editor{store: st, pub: pub} }

// Request is one revision's worth of changes.
type Request struct {
	Ops  []Op
	Meta store.Meta
	// Check, when set, judges the snapshot the ops apply to before
	// anything is planned (the HTTP layer checks If-Match there); its
	// error is returned as it is.
	Check func(*dataset.Snapshot) error
	// Commit, when set, writes the revision in place of the store's
	// ApplyRevision, so that what it records beside the changes commits
	// with them or not at all (accepting a proposal:
	// store.Proposals.AcceptProposal). It must fail with
	// store.ErrConflict when the store is no longer at base.
	Commit func(ctx context.Context, base int64, changes []dataset.Change, meta store.Meta) (int64, error)
}

// Result is what a request did.
type Result struct {
	// Revision is the new revision, or the current one when nothing changed.
	Revision int64
	Changes  []dataset.Change
	// Snapshot is the snapshot served after the write.
	Snapshot *dataset.Snapshot
}

// DefaultPublishWait bounds the wait for the publisher, before a write (to
// plan over the latest revision) and after it (so that the writer reads
// its write everywhere).
const DefaultPublishWait = 5 * time.Second

func (e *Editor) publishWait() time.Duration {
	if e.PublishWait > 0 {
		return e.PublishWait
	}
	return DefaultPublishWait
}

// ErrNotPublished means the publisher did not catch up with the store in
// time (a build failed, or the machine is overloaded).
var ErrNotPublished = errors.New("edit: the latest revision is not published yet; try again")

// Apply plans the request over the latest revision and writes it as one
// revision, all or nothing.
func (e *Editor) Apply(ctx context.Context, req Request) (Result, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for attempt := 0; ; attempt++ {
		snap, err := e.latest(ctx)
		if err != nil {
			return Result{}, err
		}
		if req.Check != nil {
			if err := req.Check(snap); err != nil {
				return Result{}, err
			}
		}
		_, changes, err := Plan(snap, req.Ops, req.Meta)
		if err != nil {
			return Result{}, err
		}
		if len(changes) == 0 {
			return Result{Revision: snap.Revision, Snapshot: snap}, nil
		}
		commit := e.store.ApplyRevision
		if req.Commit != nil {
			commit = req.Commit
		}
		rev, err := commit(ctx, snap.Revision, changes, req.Meta)
		if errors.Is(err, store.ErrConflict) && attempt < 3 {
			continue // another process wrote meanwhile: plan again over its revision
		}
		if err != nil {
			return Result{}, fmt.Errorf("write: %w", err)
		}
		wctx, cancel := context.WithTimeout(ctx, e.publishWait())
		err = e.pub.WaitForRevision(wctx, rev)
		cancel()
		res := Result{Revision: rev, Changes: changes, Snapshot: e.pub.Load()}
		if err != nil && ctx.Err() == nil {
			// Written all the same: the answer says so, and the
			// publisher will catch up.
			return res, nil
		}
		return res, ctx.Err()
	}
}

// latest waits until the snapshot served is the store's latest revision.
func (e *Editor) latest(ctx context.Context) (*dataset.Snapshot, error) {
	rev, err := e.store.Revision(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the revision: %w", err)
	}
	wctx, cancel := context.WithTimeout(ctx, e.publishWait())
	defer cancel()
	if err := e.pub.WaitForRevision(wctx, rev); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, ErrNotPublished
	}
	snap := e.pub.Load()
	if snap == nil {
		return nil, ErrNotPublished
	}
	return snap, nil
}
