package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/auth"
	"github.com/moving-cities/opendata/store/sqlite"
)

func TestKeysCreateListRevoke(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "k.db")
	e, out, errb := testEnv(map[string]string{"MOVINGCITIES_DB": path})
	if code := run(ctx, []string{"keys", "create", "--name", "anna", "--role", "admin"}, e); code != 0 {
		t.Fatalf("keys create: exit %d: %s", code, errb)
	}
	key := strings.TrimSpace(out.String())
	if !strings.HasPrefix(key, auth.Prefix) || strings.Contains(errb.String(), key) {
		t.Fatalf("keys create printed %q on stdout; stderr %q", key, errb)
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := auth.Authenticate(ctx, db, "Bearer "+key)
	db.Close()
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
	db, _ = sqlite.Open(ctx, path)
	defer db.Close()
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
