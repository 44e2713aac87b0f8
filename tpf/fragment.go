package tpf

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/graph"
	"github.com/moving-cities/opendata/vocab"
)

// PageSize is the number of triples a page holds at most.
const PageSize = 100

// Request is what a fragment request asks for: a pattern and a page
// (from 1).
type Request struct {
	Pattern Pattern
	Page    int
}

// ErrBadRequest marks the errors of ParseQuery: the client's fault.
var ErrBadRequest = errors.New("bad fragment request")

// ParseQuery reads a fragment request from the query parameters the
// search form's template fills (subject, predicate, object, each once,
// in the explicit representation) and page. A missing or empty
// parameter, a variable (?x) or a blank node (_:b) leaves the position
// open.
func ParseQuery(q url.Values) (Request, error) {
	req := Request{Page: 1}
	for name, vals := range q {
		if name != "page" && position(name) < 0 {
			return req, fmt.Errorf("%w: unknown query parameter %s; fragments take subject, predicate, object and page", ErrBadRequest, name)
		}
		if len(vals) > 1 {
			return req, fmt.Errorf("%w: query parameter %s is given %d times", ErrBadRequest, name, len(vals))
		}
	}
	slots := []*vocab.Node{&req.Pattern.S, &req.Pattern.P, &req.Pattern.O}
	for i, p := range graph.Positions {
		n, err := ParseTerm(q.Get(p.Variable))
		if err != nil {
			return req, fmt.Errorf("%w: %s: %w", ErrBadRequest, p.Variable, err)
		}
		if i != 2 && n.IsLiteral() {
			return req, fmt.Errorf("%w: %s: a literal is only ever an object", ErrBadRequest, p.Variable)
		}
		*slots[i] = n
	}
	if s := q.Get("page"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || strconv.Itoa(n) != s {
			return req, fmt.Errorf("%w: page %q is not a page number (1, 2, …)", ErrBadRequest, s)
		}
		req.Page = n
	}
	return req, nil
}

func position(name string) int {
	for i, p := range graph.Positions {
		if p.Variable == name {
			return i
		}
	}
	return -1
}

// ParseTerm reads a term in Hydra's explicit representation: an IRI as
// it is, a literal in double quotes followed by nothing (a string), by
// @tag or by ^^datatype-IRI. Empty, a variable (?x) or a blank node (_:b)
// is no term: the zero Node.
func ParseTerm(s string) (vocab.Node, error) {
	switch {
	case s == "", strings.HasPrefix(s, "?"), strings.HasPrefix(s, "_:"):
		return vocab.Node{}, nil
	case strings.HasPrefix(s, `"`):
		end := strings.LastIndexByte(s, '"')
		if end == 0 {
			return vocab.Node{}, fmt.Errorf("literal %s has no closing quote", s)
		}
		lex, rest := s[1:end], s[end+1:]
		switch {
		case rest == "":
			return vocab.Str(lex), nil
		case strings.HasPrefix(rest, "@") && len(rest) > 1:
			return vocab.LangStr(lex, rest[1:]), nil
		case strings.HasPrefix(rest, "^^"):
			dt := strings.TrimSuffix(strings.TrimPrefix(rest[2:], "<"), ">")
			if err := checkIRI(dt); err != nil {
				return vocab.Node{}, fmt.Errorf("datatype of %s: %w", s, err)
			}
			if dt == vocab.XSDString.IRI {
				return vocab.Str(lex), nil
			}
			return vocab.Node{Kind: vocab.LiteralNode, Value: lex, Datatype: dt}, nil
		}
		return vocab.Node{}, fmt.Errorf("literal %s: after the closing quote comes @tag, ^^datatype or nothing", s)
	}
	if err := checkIRI(s); err != nil {
		return vocab.Node{}, err
	}
	return vocab.IRI(s), nil
}

func checkIRI(s string) error {
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || strings.ContainsAny(s, " <>\"{}|\\^`") {
		return fmt.Errorf("%q is not an absolute IRI", s)
	}
	return nil
}

// Explicit writes a term in the explicit representation (ParseTerm reads
// it back).
func Explicit(n vocab.Node) string {
	switch {
	case n.IsZero(), n.IsBlank():
		return ""
	case n.IsLiteral():
		switch {
		case n.Lang != "":
			return `"` + n.Value + `"@` + n.Lang
		case n.Datatype == "" || n.Datatype == vocab.XSDString.IRI:
			return `"` + n.Value + `"`
		}
		return `"` + n.Value + `"^^` + n.Datatype
	}
	return n.Value
}

// URL is the IRI of page page of the fragment of p: the form's template
// filled in, and page when it is not the first.
func URL(base string, p Pattern, page int) string {
	var q []string
	for i, n := range []vocab.Node{p.S, p.P, p.O} {
		if v := Explicit(n); v != "" {
			q = append(q, graph.Positions[i].Variable+"="+escape(v))
		}
	}
	if page > 1 {
		q = append(q, "page="+strconv.Itoa(page))
	}
	u := vocab.FragmentsURL(base)
	if len(q) > 0 {
		u += "?" + strings.Join(q, "&")
	}
	return u
}

// escape percent-encodes a query value as RFC 6570 does (a space is
// %20, not +).
func escape(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }

// Fragment is one page of a triple pattern fragment: its data (the
// matching triples of the page) and its metadata and controls (the
// counts, the links to other pages, the search form), which formats with
// named graphs hold in the graph MetaGraph.
type Fragment struct {
	Data      []vocab.Triple
	Meta      []vocab.Triple
	MetaGraph vocab.Node
	// Total is the number of triples matching the pattern, on all pages.
	Total int
}

// Fragment returns the page req asks for; pageIRI is the IRI the client
// asked it by (the page's own IRI in the metadata, which clients look
// their controls up by). ok is false for a page beyond the last.
func (x *Index) Fragment(base, pageIRI string, req Request) (f *Fragment, ok bool) {
	total, data := x.Match(req.Pattern, (req.Page-1)*PageSize, PageSize)
	last := max(1, (total+PageSize-1)/PageSize)
	if req.Page > last {
		return nil, false
	}
	ds := vocab.IRI(vocab.DatasetIRI(base))
	frag := vocab.IRI(URL(base, req.Pattern, 1))
	page := vocab.IRI(pageIRI)
	meta := vocab.IRI(pageIRI + "#metadata")
	t := func(s vocab.Node, p *vocab.Term, o vocab.Node) vocab.Triple {
		return vocab.Triple{S: s, P: p.Node(), O: o}
	}
	ts := []vocab.Triple{
		t(meta, vocab.FOAFPrimaryTopic, frag),
		t(ds, vocab.RDFType, vocab.VoIDDataset.Node()),
		t(ds, vocab.VoIDSubset, frag),
	}
	ts = append(ts, graph.SearchForm(base)...)
	// The fragment, then its page: a client finds the fragment as what
	// the page is a subset of, and the metadata graph as the one whose
	// primary topic that is.
	n := vocab.Integer(int64(total))
	ts = append(ts,
		t(frag, vocab.HydraTotalItems, n),
		t(frag, vocab.VoIDTriples, n),
		t(frag, vocab.VoIDSubset, page),
		t(page, vocab.RDFType, vocab.HydraPartialCollectionView.Node()),
		t(page, vocab.DCTermsTitle, vocab.LangStr(title(req), "en")),
		t(page, vocab.DCTermsSource, ds),
		t(page, vocab.HydraItemsPerPage, vocab.Integer(PageSize)),
		t(page, vocab.HydraFirst, vocab.IRI(URL(base, req.Pattern, 1))),
	)
	if req.Page > 1 {
		ts = append(ts, t(page, vocab.HydraPrevious, vocab.IRI(URL(base, req.Pattern, req.Page-1))))
	}
	if req.Page < last {
		ts = append(ts, t(page, vocab.HydraNext, vocab.IRI(URL(base, req.Pattern, req.Page+1))))
	}
	return &Fragment{Data: data, Meta: ts, MetaGraph: meta, Total: total}, true
}

// title says which triples the page holds.
func title(req Request) string {
	var parts []string
	for i, n := range []vocab.Node{req.Pattern.S, req.Pattern.P, req.Pattern.O} {
		if n.IsZero() {
			parts = append(parts, "?"+graph.Positions[i].Variable)
		} else if n.IsLiteral() {
			parts = append(parts, Explicit(n))
		} else {
			parts = append(parts, "<"+n.Value+">")
		}
	}
	return fmt.Sprintf("Page %d of the triples of the Moving Cities dataset matching { %s }", req.Page, strings.Join(parts, " "))
}

// Write writes the page in format f: in a format with named graphs
// (exporters.GraphWriter: TriG, JSON-LD) the metadata graph first, then
// the data in the default graph; otherwise the metadata and the data in
// one graph, each triple once.
func (fr *Fragment) Write(w io.Writer, f *exporters.Format) error {
	all := append(append([]vocab.Triple{}, fr.Meta...), fr.Data...)
	tw := f.NewWriter(w, exporters.Options{Namespaces: graph.Namespaces(all)})
	data := fr.Data
	if gw, ok := tw.(exporters.GraphWriter); ok && f != exporters.Turtle {
		if err := gw.WriteGraph(fr.MetaGraph, fr.Meta); err != nil {
			return fmt.Errorf("tpf: write the metadata as %s: %w", f.Name, err)
		}
	} else {
		seen := make(map[vocab.Triple]bool, len(fr.Meta))
		for _, t := range fr.Meta {
			seen[t] = true
			if err := tw.WriteTriple(t); err != nil {
				return fmt.Errorf("tpf: write the metadata as %s: %w", f.Name, err)
			}
		}
		data = nil
		for _, t := range fr.Data {
			if !seen[t] {
				data = append(data, t)
			}
		}
	}
	for _, t := range data {
		if err := tw.WriteTriple(t); err != nil {
			return fmt.Errorf("tpf: write the data as %s: %w", f.Name, err)
		}
	}
	if err := tw.Close(); err != nil {
		return fmt.Errorf("tpf: write the page as %s: %w", f.Name, err)
	}
	return nil
}
