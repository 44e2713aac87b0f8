package api

import (
	"bytes"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
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
	Register(api, router, mustServer(t, Config{BaseURI: testBase}, nil))
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

// TestOpenAPIListsEveryRoute walks the router: every route a client can
// call is in the OpenAPI document, with each method (HEAD goes with GET).
func TestOpenAPIListsEveryRoute(t *testing.T) {
	router := chi.NewMux()
	api := humachi.New(router, humaConfig(Config{BaseURI: testBase, Version: "test"}))
	Register(api, router, mustServer(t, Config{BaseURI: testBase}, nil))
	paths := api.OpenAPI().Paths
	n := 0
	err := chi.Walk(router, func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		n++
		if route != "/" && strings.HasSuffix(route, "/") {
			// A trailing-slash alias redirects to the documented path;
			// OpenAPI paths end without one.
			return nil
		}
		if method == http.MethodHead {
			method = http.MethodGet
		}
		item := paths[route]
		var op *huma.Operation
		if item != nil {
			op = map[string]*huma.Operation{http.MethodGet: item.Get, http.MethodPost: item.Post, http.MethodPut: item.Put,
				http.MethodPatch: item.Patch, http.MethodDelete: item.Delete}[method]
		}
		if op == nil {
			t.Errorf("%s %s is served but not in the OpenAPI document", method, route)
			return nil
		}
		if len(op.Responses) == 0 {
			t.Errorf("%s %s documents no answer", method, route)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 40 {
		t.Errorf("walked only %d routes", n)
	}
	// Documents list every format they answer in.
	for _, tp := range []string{"municipalities", "countries", "networks", "memberships", "approaches", "categories"} {
		ok := paths["/"+tp+"/{id}"].Get.Responses["200"].Content
		for _, f := range docOffer {
			if ok[f.MediaType] == nil {
				t.Errorf("/%s/{id} does not list %s", tp, f.MediaType)
			}
		}
	}
}
