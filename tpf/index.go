// Package tpf serves the graph of a snapshot as Triple Pattern Fragments
// (the Linked Data Fragments specification): for a triple pattern, a page
// of the matching triples, their count, links to the other pages and the
// form that selects any other pattern, so that a client such as Comunica
// can run SPARQL over the dataset with nothing but cheap, cacheable
// requests.
//
// Index holds one snapshot's triples, dictionary-encoded and sorted three
// ways (SPO, POS, OSP), so that every pattern, whichever of its positions
// are bound, is a contiguous run of one of them: a count and a page cost
// two binary searches. The API builds it once per snapshot through the
// read model's cache.
package tpf

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/graph"
	"github.com/moving-cities/opendata/vocab"
)

// id names a term of an Index; 0 is no term.
type id = uint32

// Index is the graph of one snapshot, read-only once built.
type Index struct {
	terms []vocab.Node      // by id; terms[0] is unused
	ids   map[vocab.Node]id // by key(node)
	// The triples in three orders; each row is a triple in that order
	// (pos holds p, o, s).
	spo, pos, osp [][3]id
}

// Build reads the dataset graph of snap under base (graph.DatasetTriples,
// the stream the dumps are written from) into an Index. Blank nodes become
// skolem IRIs (vocab.SkolemIRI): a client can only join on a term it can
// send back, and a blank node label means nothing outside its document.
func Build(ctx context.Context, snap *dataset.Snapshot, base string) (*Index, error) {
	x := &Index{terms: []vocab.Node{{}}, ids: map[vocab.Node]id{}}
	var spo [][3]id
	err := graph.DatasetTriples(ctx, snap, base, func(t vocab.Triple) error {
		spo = append(spo, [3]id{x.intern(skolem(base, t.S)), x.intern(t.P), x.intern(skolem(base, t.O))})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("tpf: index the dataset graph: %w", err)
	}
	slices.SortFunc(spo, compareRows)
	spo = slices.Compact(spo) // a graph is a set
	x.spo = slices.Clip(spo)
	x.pos = make([][3]id, len(spo))
	x.osp = make([][3]id, len(spo))
	for i, t := range spo {
		x.pos[i] = [3]id{t[1], t[2], t[0]}
		x.osp[i] = [3]id{t[2], t[0], t[1]}
	}
	slices.SortFunc(x.pos, compareRows)
	slices.SortFunc(x.osp, compareRows)
	return x, nil
}

func compareRows(a, b [3]id) int {
	if c := cmp.Compare(a[0], b[0]); c != 0 {
		return c
	}
	if c := cmp.Compare(a[1], b[1]); c != 0 {
		return c
	}
	return cmp.Compare(a[2], b[2])
}

func skolem(base string, n vocab.Node) vocab.Node {
	if n.IsBlank() {
		return vocab.IRI(vocab.SkolemIRI(base, n.Value))
	}
	return n
}

// key is the form of a node terms are looked up by: literals with their
// datatype spelled out and language tags in lower case, which RDF
// compares without regard to case (clients such as N3.js and Oxigraph
// send them lowered).
func key(n vocab.Node) vocab.Node {
	if !n.IsLiteral() {
		return n
	}
	switch {
	case n.Lang != "":
		n.Lang = strings.ToLower(n.Lang)
		n.Datatype = vocab.RDFLangString.IRI
	case n.Datatype == "":
		n.Datatype = vocab.XSDString.IRI
	}
	return n
}

func (x *Index) intern(n vocab.Node) id {
	k := key(n)
	if i, ok := x.ids[k]; ok {
		return i
	}
	i := id(len(x.terms))
	x.terms = append(x.terms, n)
	x.ids[k] = i
	return i
}

// Len is the number of triples.
func (x *Index) Len() int { return len(x.spo) }

// Pattern is a triple pattern: a zero Node is a variable.
type Pattern struct{ S, P, O vocab.Node }

// Match returns the number of triples that match p and those of them
// from offset on, at most limit, in a fixed order (the order of the index
// the pattern is a run of).
func (x *Index) Match(p Pattern, offset, limit int) (total int, page []vocab.Triple) {
	var bound [3]id // in S, P, O order
	for i, n := range []vocab.Node{p.S, p.P, p.O} {
		if n.IsZero() {
			continue
		}
		t, ok := x.ids[key(n)]
		if !ok {
			return 0, nil // a term the graph lacks matches nothing
		}
		bound[i] = t
	}
	s, pr, o := bound[0], bound[1], bound[2]
	// Pick the order whose leading positions are the bound ones, and the
	// prefix of a row that they fix.
	rows, prefix, order := x.spo, []id{}, [3]int{0, 1, 2}
	switch {
	case s != 0 && pr != 0 && o != 0:
		prefix = []id{s, pr, o}
	case s != 0 && pr != 0:
		prefix = []id{s, pr}
	case s != 0 && o != 0:
		rows, prefix, order = x.osp, []id{o, s}, [3]int{1, 2, 0}
	case s != 0:
		prefix = []id{s}
	case pr != 0 && o != 0:
		rows, prefix, order = x.pos, []id{pr, o}, [3]int{2, 0, 1}
	case pr != 0:
		rows, prefix, order = x.pos, []id{pr}, [3]int{2, 0, 1}
	case o != 0:
		rows, prefix, order = x.osp, []id{o}, [3]int{1, 2, 0}
	}
	lo, hi := run(rows, prefix)
	total = hi - lo
	if offset >= total || limit <= 0 {
		return total, nil
	}
	end := min(lo+offset+limit, hi)
	page = make([]vocab.Triple, 0, end-lo-offset)
	for _, r := range rows[lo+offset : end] {
		page = append(page, vocab.Triple{S: x.terms[r[order[0]]], P: x.terms[r[order[1]]], O: x.terms[r[order[2]]]})
	}
	return total, page
}

// run returns the bounds of the rows that start with prefix.
func run(rows [][3]id, prefix []id) (lo, hi int) {
	if len(prefix) == 0 {
		return 0, len(rows)
	}
	cmpPrefix := func(r [3]id, _ struct{}) int {
		for i, v := range prefix {
			if c := cmp.Compare(r[i], v); c != 0 {
				return c
			}
		}
		return 0
	}
	lo, _ = slices.BinarySearchFunc(rows, struct{}{}, cmpPrefix)
	hi = lo + sortSearch(rows[lo:], func(r [3]id) bool { return cmpPrefix(r, struct{}{}) > 0 })
	return lo, hi
}

// sortSearch is the first index of rows for which after holds (rows are
// sorted so that it holds from some index on).
func sortSearch(rows [][3]id, after func([3]id) bool) int {
	lo, hi := 0, len(rows)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if after(rows[m]) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}
