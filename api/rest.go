package api

import (
	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"
)

// registerREST adds the REST collections.
func registerREST(api huma.API, router chi.Router, s *Server) {}
