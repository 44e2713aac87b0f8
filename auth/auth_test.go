package auth

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/store"
)

type memKeys map[string]store.Key

func (m memKeys) KeyByHash(_ context.Context, hash string) (store.Key, error) {
	if k, ok := m[hash]; ok {
		return k, nil
	}
	return store.Key{}, store.ErrNoKey
}

func TestNewKey(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 600, time.UTC)
	k, key, err := NewKey("anna", RoleEditor, now)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(key, Prefix) || len(key) != len(Prefix)+43 {
		t.Errorf("key %d characters, want %s and 43 base64url characters", len(key), Prefix)
	}
	if k.Hash != Hash(key) || strings.Contains(k.Hash, key) || len(k.Hash) != 64 {
		t.Errorf("stored hash %q is not the SHA-256 of the key", k.Hash)
	}
	if !k.Created.Equal(now.Truncate(time.Second)) {
		t.Errorf("created %v", k.Created)
	}
	_, other, _ := NewKey("anna", RoleEditor, now)
	if other == key {
		t.Error("two keys are equal")
	}
	for _, bad := range []struct{ name, role string }{{"", RoleEditor}, {"Anna", RoleEditor}, {"anna key", RoleAdmin}, {"anna", "root"}} {
		if _, _, err := NewKey(bad.name, bad.role, now); err == nil {
			t.Errorf("NewKey(%q, %q) succeeded", bad.name, bad.role)
		}
	}
}

func TestAuthenticate(t *testing.T) {
	now := time.Now()
	ed, edKey, _ := NewKey("anna", RoleEditor, now)
	rv, rvKey, _ := NewKey("old", RoleAdmin, now)
	rv.Revoked = now
	keys := memKeys{ed.Hash: ed, rv.Hash: rv}
	tests := []struct {
		name, header string
		want         Principal
		err          error
	}{
		{"editor", "Bearer " + edKey, Principal{"anna", RoleEditor}, nil},
		{"scheme in any case", "bearer " + edKey, Principal{"anna", RoleEditor}, nil},
		{"none", "", Principal{}, ErrNoCredentials},
		{"basic", "Basic " + edKey, Principal{}, ErrBadCredentials},
		{"unknown", "Bearer " + Prefix + "AAAA", Principal{}, ErrBadCredentials},
		{"no prefix", "Bearer " + strings.TrimPrefix(edKey, Prefix), Principal{}, ErrBadCredentials},
		{"revoked", "Bearer " + rvKey, Principal{}, ErrBadCredentials},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Authenticate(context.Background(), keys, tt.header)
			if got != tt.want || !errors.Is(err, tt.err) {
				t.Fatalf("Authenticate = %+v, %v; want %+v, %v", got, err, tt.want, tt.err)
			}
			if err != nil && strings.Contains(err.Error(), Prefix) {
				t.Fatalf("error %q quotes the key", err)
			}
		})
	}
}

func TestAllows(t *testing.T) {
	for _, tt := range []struct {
		role, need string
		want       bool
	}{{RoleEditor, RoleEditor, true}, {RoleAdmin, RoleEditor, true}, {RoleAdmin, RoleAdmin, true}, {RoleEditor, RoleAdmin, false}, {"", RoleEditor, false}} {
		if got := Allows(tt.role, tt.need); got != tt.want {
			t.Errorf("Allows(%q, %q) = %v", tt.role, tt.need, got)
		}
	}
}
