package tpf

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

// The example SPARQL queries: the /sparql page shows them, and e2e runs
// each in Comunica over the fragments and in Oxigraph over the N-Triples
// dump and compares the answers. One file a query; its first line is a
// comment asking the question it answers.
//
//go:embed queries/*.rq
var queryFiles embed.FS

// Query is one example query.
type Query struct {
	Name     string // file name without .rq: "01-municipalities-per-country"
	Question string
	Text     string // the whole file, question comment included
}

// Queries returns the example queries in file name order.
func Queries() ([]Query, error) {
	names, err := fs.Glob(queryFiles, "queries/*.rq")
	if err != nil {
		return nil, fmt.Errorf("tpf: list the queries: %w", err)
	}
	var out []Query
	for _, n := range names {
		b, err := queryFiles.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("tpf: read %s: %w", n, err)
		}
		text := string(b)
		first, _, _ := strings.Cut(text, "\n")
		q, ok := strings.CutPrefix(first, "# ")
		if !ok {
			return nil, fmt.Errorf("tpf: %s does not start with the question it answers (# …)", n)
		}
		out = append(out, Query{Name: strings.TrimSuffix(strings.TrimPrefix(n, "queries/"), ".rq"), Question: q, Text: text})
	}
	return out, nil
}
