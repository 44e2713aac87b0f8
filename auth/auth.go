// Package auth makes and checks the API keys of editors (issue 13).
//
// A key is 32 random bytes (256 bits), written as "mck_" and their
// unpadded base64url. It is shown once, when made, and only its SHA-256
// is stored. A salted, slow hash (bcrypt, Argon2) protects passwords,
// which people choose and which can be guessed; a key of 256 random bits
// cannot be guessed, so a fast hash is as safe and lets a request find its
// key by an index lookup instead of trying every stored key. The found
// hash is still compared in constant time.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/moving-cities/opendata/store"
)

// Prefix starts every key, so that scanners and people recognise one.
const Prefix = "mck_"

// Roles. An admin may do everything an editor may.
const (
	RoleEditor = "editor"
	RoleAdmin  = "admin"
)

// Roles lists the roles in increasing power.
var Roles = []string{RoleEditor, RoleAdmin}

// Allows reports whether role may do what need requires.
func Allows(role, need string) bool {
	return role == need || role == RoleAdmin && need == RoleEditor
}

var namePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

// NewKey makes a key record named name with role, and returns it with
// the key itself, which nothing keeps.
func NewKey(name, role string, now time.Time) (store.Key, string, error) {
	if !namePattern.MatchString(name) {
		return store.Key{}, "", fmt.Errorf("key name %q: use 1 to 64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit", name)
	}
	if role != RoleEditor && role != RoleAdmin {
		return store.Key{}, "", fmt.Errorf("role %q: want %s", role, strings.Join(Roles, " or "))
	}
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return store.Key{}, "", fmt.Errorf("make a key: %w", err)
	}
	key := Prefix + base64.RawURLEncoding.EncodeToString(b[:])
	return store.Key{Name: name, Role: role, Hash: Hash(key), Created: now.UTC().Truncate(time.Second)}, key, nil
}

// Hash is the stored form of key: lowercase hex of its SHA-256.
func Hash(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

// Principal is who a request acts for.
type Principal struct {
	Name string // the key's name, the author of the revisions it makes
	Role string
}

var (
	// ErrNoCredentials means the request carried no key.
	ErrNoCredentials = errors.New("no API key given")
	// ErrBadCredentials means the key is malformed, unknown or revoked.
	// One error for all three: a client learns nothing about which.
	ErrBadCredentials = errors.New("the API key is not valid")
)

// Finder is what Authenticate reads of the key store.
type Finder interface {
	KeyByHash(ctx context.Context, hash string) (store.Key, error)
}

// Authenticate finds the principal of an Authorization header value
// ("Bearer mck_…"). Errors never quote the header.
func Authenticate(ctx context.Context, keys Finder, authorization string) (Principal, error) {
	if authorization == "" {
		return Principal{}, ErrNoCredentials
	}
	scheme, key, ok := strings.Cut(strings.TrimSpace(authorization), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return Principal{}, ErrBadCredentials
	}
	key = strings.TrimSpace(key)
	if !strings.HasPrefix(key, Prefix) || len(key) > 128 {
		return Principal{}, ErrBadCredentials
	}
	want := Hash(key)
	k, err := keys.KeyByHash(ctx, want)
	if errors.Is(err, store.ErrNoKey) {
		return Principal{}, ErrBadCredentials
	}
	if err != nil {
		return Principal{}, fmt.Errorf("authenticate: %w", err)
	}
	if subtle.ConstantTimeCompare([]byte(k.Hash), []byte(want)) != 1 || !k.Revoked.IsZero() {
		return Principal{}, ErrBadCredentials
	}
	return Principal{Name: k.Name, Role: k.Role}, nil
}
