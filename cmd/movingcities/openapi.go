package main

import (
	"context"

	"github.com/moving-cities/opendata/api"
)

// runOpenAPI prints the OpenAPI document generated from the operations;
// openapi.yaml at the repository root is its committed output.
func runOpenAPI(_ context.Context, e env, args []string) error {
	var s settings
	fs, err := newFlags("openapi", e, &s, "base-uri")
	if err != nil {
		return err
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	spec, err := api.Spec(api.Config{BaseURI: s.base(), Version: version})
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(spec)
	return err
}
