package api

import (
	"bytes"
	"flag"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/danielgtaylor/huma/v2/adapters/humachi"
	"github.com/go-chi/chi/v5"
)

var update = flag.Bool("update", false, "rewrite ../openapi.yaml from the operations")

// TestOpenAPIFile fails when the committed openapi.yaml differs from the
// document the operations generate. Regenerate it with
//
//	go run ./cmd/movingcities openapi > openapi.yaml
//
// or go test ./api -run TestOpenAPIFile -update.
func TestOpenAPIFile(t *testing.T) {
	// The settings of "movingcities openapi" without flags or environment.
	spec, err := Spec(Config{BaseURI: "http://127.0.0.1:8080", Version: "dev"})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "openapi.yaml")
	if *update {
		if err := os.WriteFile(path, spec, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	committed, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; generate it with: go run ./cmd/movingcities openapi > openapi.yaml", err)
	}
	if !bytes.Equal(committed, spec) {
		t.Errorf("openapi.yaml is out of date with the operations; regenerate it with:\n\tgo run ./cmd/movingcities openapi > openapi.yaml\n(or go test ./api -run TestOpenAPIFile -update)")
	}
}

// TestOpenAPIComplete checks what the spec promises readers: every
// operation has a summary, a description, tags, documented parameters with
// examples, and declared error answers.
func TestOpenAPIComplete(t *testing.T) {
	router := chi.NewMux()
	api := humachi.New(router, humaConfig(Config{BaseURI: testBase, Version: "test"}))
	Register(api, router, NewServer(Config{BaseURI: testBase}, nil, slog.New(slog.DiscardHandler)))
	restTags := map[string]bool{}
	for _, tag := range []string{"Municipalities", "Countries", "Networks", "Memberships", "Approaches", "Categories", "Wikidata"} {
		restTags[tag] = true
	}
	n := 0
	for path, item := range api.OpenAPI().Paths {
		op := item.Get
		if op == nil || len(op.Tags) == 0 || !restTags[op.Tags[0]] {
			continue
		}
		n++
		if op.Summary == "" || op.Description == "" || len(op.Tags) == 0 || op.OperationID == "" {
			t.Errorf("GET %s: summary, description, tags or operation ID missing", path)
		}
		for _, p := range op.Parameters {
			if p.Description == "" {
				t.Errorf("GET %s: parameter %s undocumented", path, p.Name)
			}
			if p.Example == nil && (p.Schema == nil || len(p.Schema.Examples) == 0) {
				t.Errorf("GET %s: parameter %s has no example", path, p.Name)
			}
		}
		hasError := false
		for status := range op.Responses {
			if status[0] == '4' {
				hasError = true
			}
		}
		if !hasError {
			t.Errorf("GET %s declares no 4xx answer", path)
		}
	}
	if n != 14 {
		t.Errorf("%d REST operations, want 14", n)
	}
}
