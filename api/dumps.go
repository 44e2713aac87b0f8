package api

import (
	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"
)

// registerDumps serves the dump releases.
func registerDumps(api huma.API, router chi.Router, s *Server) {}
