package reconcile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// The 0.2 protocol: a query batch is a JSON object of queries by key,
// sent in a form field named "queries"; a data extension query in a field
// named "extend".

// query02 is a 0.2 reconciliation query.
type query02 struct {
	Query      string       `json:"query"`
	Type       any          `json:"type"` // a type ID, or an array of IDs or {"id": …} objects
	Limit      int          `json:"limit"`
	Properties []property02 `json:"properties"`
	TypeStrict string       `json:"type_strict"`
}

type property02 struct {
	PID string `json:"pid"`
	V   any    `json:"v"`
}

// Batch02 is a decoded 0.2 query batch: the queries and their keys.
type Batch02 struct {
	Keys    []string
	Queries []Query
}

// DecodeQueries02 reads the "queries" field of a 0.2 request.
func DecodeQueries02(data string) (Batch02, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(data), &raw); err != nil {
		return Batch02{}, invalid("queries: not a JSON object of queries: %v", err)
	}
	if len(raw) > MaxBatch {
		return Batch02{}, fmt.Errorf("%w: %d queries; at most %d per batch", ErrTooLarge, len(raw), MaxBatch)
	}
	var b Batch02
	for k := range raw {
		b.Keys = append(b.Keys, k)
	}
	sort.Strings(b.Keys)
	for _, k := range b.Keys {
		var q query02
		dec := json.NewDecoder(bytes.NewReader(raw[k]))
		if err := dec.Decode(&q); err != nil {
			return Batch02{}, invalid("query %q: %v", k, err)
		}
		out, err := q.query()
		if err != nil {
			return Batch02{}, fmt.Errorf("query %q: %w", k, err)
		}
		b.Queries = append(b.Queries, out)
	}
	return b, nil
}

func (q query02) query() (Query, error) {
	var out Query
	if s := strings.TrimSpace(q.Query); s != "" {
		out.Names = []string{s}
	}
	types, err := valuesOf(q.Type)
	if err != nil {
		return out, err
	}
	for _, t := range types {
		if typ := queryType(t); typ != "" {
			out.Type = typ // several types: the first we know
			break
		}
	}
	if out.Limit, err = checkLimit(q.Limit); err != nil {
		return out, err
	}
	for _, p := range q.Properties {
		c, err := condition(p.PID, p.V, false, "")
		if err != nil {
			return out, err
		}
		out.Conditions = append(out.Conditions, c)
	}
	if len(out.Names) == 0 && len(out.Conditions) == 0 {
		return out, invalid("a query needs a query string or properties")
	}
	return out, nil
}

// Result02 is the result of one 0.2 query.
type Result02 struct {
	Result []ReconCandidate `json:"result"`
}

// Reconcile02 answers a 0.2 batch: results by the keys of the queries.
func (ix *Index) Reconcile02(b Batch02) map[string]Result02 {
	out := make(map[string]Result02, len(b.Keys))
	for i, k := range b.Keys {
		out[k] = Result02{Result: wireCandidates(ix.Reconcile(b.Queries[i]))}
	}
	return out
}

// DecodeExtend reads a data extension query, the "extend" field of a 0.2
// request or the body of a 1.0-draft one.
func DecodeExtend(data []byte) (ExtendQuery, error) {
	var q ExtendQuery
	if err := json.Unmarshal(data, &q); err != nil {
		return q, invalid("extend: not a data extension query: %v", err)
	}
	return q, nil
}

// Extend02 is a 0.2 data extension response.
type Extend02 struct {
	Meta []ExtendMeta                        `json:"meta"`
	Rows map[string]map[string][]ExtendValue `json:"rows"`
}

// Extend02 answers a data extension query in the 0.2 shape.
func (ix *Index) Extend02(q ExtendQuery) (Extend02, error) {
	meta, rows, err := ix.Extend(q)
	if err != nil {
		return Extend02{}, err
	}
	out := Extend02{Meta: meta, Rows: make(map[string]map[string][]ExtendValue, len(rows))}
	for _, r := range rows {
		props := make(map[string][]ExtendValue, len(meta))
		for j, m := range meta {
			props[m.ID] = r.Values[j]
		}
		out.Rows[r.ID] = props
	}
	return out, nil
}
