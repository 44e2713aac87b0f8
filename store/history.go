package store

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/moving-cities/opendata/dataset"
)

// History is what a store that keeps every revision offers beside Store
// (issue 13): who made each revision, when and why, and every version of
// every record. It is a separate interface so that Store keeps its
// method set; store/sqlite implements both, and storetest.RunHistory is
// its conformance suite.
//
// Revisions are never edited or deleted: the methods only append
// (ApplyRevision) or read.
type History interface {
	// ApplyRevision is Store.Apply that also records meta with the
	// revision. Store.Apply records an empty Meta.
	ApplyRevision(ctx context.Context, base int64, changes []dataset.Change, meta Meta) (int64, error)
	// Revisions lists up to limit revisions after the revision after, in
	// ascending order, each with the records it changed.
	Revisions(ctx context.Context, after int64, limit int) ([]RevisionInfo, error)
	// RevisionInfo returns one revision, or ErrNoRevision.
	RevisionInfo(ctx context.Context, rev int64) (RevisionInfo, error)
	// Versions lists the versions of the record t/id that revisions wrote,
	// oldest first; none for an ID no revision touched.
	Versions(ctx context.Context, t dataset.Type, id string) ([]Version, error)
	// VersionAt returns the version of t/id in force at revision rev (the
	// last one written at or before it), or ErrNoVersion.
	VersionAt(ctx context.Context, t dataset.Type, id string, rev int64) (Version, error)
	// VersionsIn returns the versions revision rev wrote, by type and ID.
	VersionsIn(ctx context.Context, rev int64) ([]Version, error)
}

// Meta is who made a revision and why.
type Meta struct {
	// Author names the API key that wrote it, or who ran an import or a
	// CMS sync on the server's machine (--author); "" for the seed.
	Author string
	// Message says why, in the author's words.
	Message string
}

// RevisionInfo describes one revision.
type RevisionInfo struct {
	Revision int64
	// Time is when the revision was committed, in whole seconds, UTC.
	Time time.Time
	Meta
	// Records are the records the revision wrote, by type and ID.
	Records []RecordRef
}

// RecordRef names a record a revision wrote and what it did to it.
type RecordRef struct {
	Type dataset.Type
	ID   string
	Kind dataset.ChangeKind
	// ReplacedBy is, for a retirement that renamed the record, the new ID
	// (the tombstone's replaced_by).
	ReplacedBy string
}

// Version is a record as one revision wrote it.
type Version struct {
	Revision int64
	Type     dataset.Type
	ID       string
	Kind     dataset.ChangeKind
	// Doc is the record's JSON in the import form, without its stamps;
	// for a retirement, the tombstone (dataset.Retired) without its time.
	Doc json.RawMessage
	// Created is when the record was first stored; Time when this version
	// was written (the revision's time, full precision).
	Created, Time time.Time
}

// Keys stores the API keys of editors (issue 13). Only a hash of a key is
// kept: the key itself is shown once, when it is made, and never stored.
// Names are never reused, so that a revision's author stays unambiguous
// after its key is revoked.
type Keys interface {
	// CreateKey stores k; a name already taken (even by a revoked key) is
	// ErrKeyExists.
	CreateKey(ctx context.Context, k Key) error
	// ListKeys lists every key, revoked ones included, by name.
	ListKeys(ctx context.Context) ([]Key, error)
	// KeyByHash returns the key whose hash is hash, revoked or not, or
	// ErrNoKey.
	KeyByHash(ctx context.Context, hash string) (Key, error)
	// RevokeKey marks the key named name revoked at the time given;
	// ErrNoKey when there is none. Revoking twice keeps the first time.
	RevokeKey(ctx context.Context, name string, at time.Time) error
}

// Key is an API key's record.
type Key struct {
	Name string
	Role string // "editor" or "admin"
	// Hash identifies the key: lowercase hex of the SHA-256 of the key.
	Hash    string
	Created time.Time
	Revoked time.Time // zero while the key is valid
}

var (
	// ErrNoRevision means no revision has the number asked for.
	ErrNoRevision = errors.New("store: no such revision")
	// ErrNoVersion means the record had no version at the revision asked for.
	ErrNoVersion = errors.New("store: no version of the record at that revision")
	// ErrKeyExists means a key of that name exists or existed.
	ErrKeyExists = errors.New("store: a key of that name exists")
	// ErrNoKey means no key matches.
	ErrNoKey = errors.New("store: no such key")
)
