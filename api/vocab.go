package api

import (
	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"
)

// registerVocab serves the vocabulary and the JSON-LD context.
func registerVocab(api huma.API, router chi.Router, s *Server) {}
