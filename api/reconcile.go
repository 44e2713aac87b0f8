package api

import (
	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"
)

// registerReconcile serves the W3C reconciliation APIs.
func registerReconcile(api huma.API, router chi.Router, s *Server) {}
