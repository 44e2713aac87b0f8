package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/auth"
	"github.com/moving-cities/opendata/store"
	"github.com/moving-cities/opendata/store/backend"
	"github.com/moving-cities/opendata/store/postgres/pgtest"
)

// keys works on both stores: SQLite, and PostgreSQL where replicas
// share the keys.
func TestKeysCreateListRevoke(t *testing.T) {
	for _, tt := range []struct {
		name string
		db   func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "k.db") }},
		{"postgres", func(t *testing.T) string { return pgtest.FreshURL(t) }},
	} {
		t.Run(tt.name, func(t *testing.T) { testKeysCreateListRevoke(t, tt.db(t)) })
	}
}

// openKeys opens the keys of the store at path.
func openKeys(t *testing.T, path string) (store.Keys, func()) {
	t.Helper()
	db, err := backend.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return db.(store.Keys), func() { db.Close() }
}

func testKeysCreateListRevoke(t *testing.T, path string) {
	ctx := context.Background()
	e, out, errb := testEnv(map[string]string{"MOVINGCITIES_DB": path})
	if code := run(ctx, []string{"keys", "create", "--name", "anna", "--role", "admin"}, e); code != 0 {
		t.Fatalf("keys create: exit %d: %s", code, errb)
	}
	key := strings.TrimSpace(out.String())
	if !strings.HasPrefix(key, auth.Prefix) || strings.Contains(errb.String(), key) {
		t.Fatalf("keys create printed %q on stdout; stderr %q", key, errb)
	}
	db, closeDB := openKeys(t, path)
	p, err := auth.Authenticate(ctx, db, "Bearer "+key)
	closeDB()
	if err != nil || p.Name != "anna" || p.Role != auth.RoleAdmin {
		t.Fatalf("the created key authenticates as %+v, %v", p, err)
	}

	e, out, errb = testEnv(map[string]string{"MOVINGCITIES_DB": path})
	if code := run(ctx, []string{"keys", "create", "--name", "anna"}, e); code != 1 || !strings.Contains(errb.String(), "exists") {
		t.Fatalf("creating a taken name: exit %d, %s", code, errb)
	}
	e, out, _ = testEnv(map[string]string{"MOVINGCITIES_DB": path})
	if code := run(ctx, []string{"keys", "revoke", "anna"}, e); code != 0 {
		t.Fatalf("keys revoke: exit %d", code)
	}
	e, out, _ = testEnv(map[string]string{"MOVINGCITIES_DB": path})
	if code := run(ctx, []string{"keys", "list"}, e); code != 0 {
		t.Fatalf("keys list: exit %d", code)
	}
	list := out.String()
	if !strings.Contains(list, "anna") || !strings.Contains(list, "admin") || strings.Contains(list, key) || strings.Contains(list, auth.Hash(key)) {
		t.Fatalf("keys list = %q; want the name and role, never the key or its hash", list)
	}
	if row := strings.SplitN(list, "\n", 3)[1]; strings.Count(row, "Z") != 2 || strings.HasSuffix(strings.TrimSpace(row), "-") {
		t.Fatalf("keys list does not show the revocation time: %q", list)
	}
	db, closeDB = openKeys(t, path)
	defer closeDB()
	if _, err := auth.Authenticate(ctx, db, "Bearer "+key); err == nil {
		t.Fatal("a revoked key still authenticates")
	}
	e, _, _ = testEnv(map[string]string{"MOVINGCITIES_DB": path})
	if code := run(ctx, []string{"keys", "revoke", "nobody"}, e); code != 1 {
		t.Fatalf("revoking an unknown key: exit %d, want 1", code)
	}
	e, _, _ = testEnv(map[string]string{"MOVINGCITIES_DB": path})
	if code := run(ctx, []string{"keys", "frobnicate"}, e); code != 2 {
		t.Fatalf("unknown subcommand: exit %d, want 2", code)
	}
}
