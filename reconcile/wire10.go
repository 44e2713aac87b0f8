package reconcile

import (
	"cmp"
	"encoding/json"
	"fmt"
	"strings"
)

// The 1.0-draft protocol: JSON bodies, queries made of conditions, results
// and extension rows as arrays in query order.

// QueryBatch10 is the body of a 1.0-draft reconciliation request.
type QueryBatch10 struct {
	_       struct{}  `additionalProperties:"true"`
	Queries []Query10 `json:"queries" maxItems:"1000" doc:"Queries, answered in the same order"`
}

// Query10 is a 1.0-draft reconciliation query. Conditions are required,
// but Queries10 checks that rather than the schema, so that a 0.2-style
// query ({"query": "Munich"}) gets the message that shows its 1.0 form.
type Query10 struct {
	_          struct{}      `additionalProperties:"true"`
	Type       string        `json:"type,omitempty" doc:"Type to restrict candidates to: municipality, network or approach" example:"municipality"`
	Limit      int           `json:"limit,omitempty" minimum:"0" doc:"Largest number of candidates to return (default 10, at most 100)"`
	Lang       string        `json:"lang,omitempty" doc:"Language of the query's text (names are matched in every language anyway)"`
	Dir        string        `json:"dir,omitempty" enum:"ltr,rtl,auto" doc:"Direction of the query's text"`
	Conditions []Condition10 `json:"conditions" required:"false" minItems:"1" doc:"Required: a name condition and property conditions (country, wikidata, network, municipality), or id conditions"`
	// Query is the 0.2 form of the name: refused with the 1.0 form
	// rather than ignored.
	Query any `json:"query,omitempty" doc:"Not part of the 1.0 draft: refused, with the 1.0 form in the message (a name condition)"`
}

// Condition10 is a condition of a 1.0-draft query. The draft's text names
// the fields pid and v, its schema propertyId and propertyValue: both are
// read.
type Condition10 struct {
	_               struct{} `additionalProperties:"true"`
	MatchType       string   `json:"matchType" enum:"name,id,property" doc:"Whether the value is matched to names, to entity IDs (reconciliation IDs such as munich or network:eccar) or to a property"`
	PropertyID      string   `json:"propertyId,omitempty" doc:"Property of a property condition" example:"country"`
	PID             string   `json:"pid,omitempty" doc:"Alias of propertyId"`
	PropertyValue   any      `json:"propertyValue,omitempty" doc:"A value or an array of values: strings, numbers, booleans or {\"id\": …} entities" example:"\"DE\""`
	V               any      `json:"v,omitempty" doc:"Alias of propertyValue"`
	Required        bool     `json:"required,omitempty" doc:"Drop the candidates that do not satisfy the condition"`
	MatchQuantifier string   `json:"matchQuantifier,omitempty" enum:"any,all,none" doc:"Which of several values must match (default any)"`
	MatchQualifier  string   `json:"matchQualifier,omitempty" doc:"How to compare values; not supported, ignored"`
}

// Queries10 checks a 1.0-draft batch and returns its queries.
func Queries10(b QueryBatch10) ([]Query, error) {
	if len(b.Queries) > MaxBatch {
		return nil, fmt.Errorf("%w: %d queries; at most %d per batch", ErrTooLarge, len(b.Queries), MaxBatch)
	}
	out := make([]Query, len(b.Queries))
	for i, q := range b.Queries {
		var err error
		if out[i], err = q.query(); err != nil {
			return nil, fmt.Errorf("queries[%d]: %w", i, err)
		}
	}
	return out, nil
}

func (q Query10) query() (Query, error) {
	var out Query
	out.Type = queryType(q.Type)
	var err error
	if out.Limit, err = checkLimit(q.Limit); err != nil {
		return out, err
	}
	if q.Query != nil {
		name, _ := q.Query.(string)
		b, _ := json.Marshal(map[string]any{"conditions": []map[string]any{{"matchType": "name", "propertyValue": cmp.Or(name, "Munich")}}})
		return out, invalid("query: the 0.2 form of a name; in the 1.0 draft the name is a condition: %s", b)
	}
	if len(q.Conditions) == 0 {
		return out, invalid("conditions: at least one is required")
	}
	for j, c := range q.Conditions {
		v := c.PropertyValue
		if v == nil {
			v = c.V
		}
		if v == nil {
			return out, invalid("conditions[%d]: propertyValue is required", j)
		}
		switch c.MatchType {
		case "name":
			vs, err := valuesOf(v)
			if err != nil {
				return out, fmt.Errorf("conditions[%d]: %w", j, err)
			}
			for _, s := range vs {
				if s = strings.TrimSpace(s); s != "" {
					out.Names = append(out.Names, s)
				}
			}
		case "id":
			vs, err := valuesOf(v)
			if err != nil {
				return out, fmt.Errorf("conditions[%d]: %w", j, err)
			}
			for _, s := range vs {
				if _, _, ok := ParseEntityID(strings.TrimSpace(s)); !ok {
					return out, invalid("conditions[%d]: %q is not a reconciliation ID (munich, network:eccar)", j, s)
				}
				out.IDs = append(out.IDs, strings.TrimSpace(s))
			}
		case "property":
			pid := c.PropertyID
			if pid == "" {
				pid = c.PID
			}
			if pid == "" {
				return out, invalid("conditions[%d]: a property condition needs a propertyId", j)
			}
			cond, err := condition(pid, v, c.Required, c.MatchQuantifier)
			if err != nil {
				return out, fmt.Errorf("conditions[%d]: %w", j, err)
			}
			out.Conditions = append(out.Conditions, cond)
		default:
			return out, invalid("conditions[%d]: matchType %q is not name, id or property", j, c.MatchType)
		}
	}
	return out, nil
}

// ResultBatch10 is the answer to a 1.0-draft reconciliation request.
type ResultBatch10 struct {
	Results []Result10 `json:"results" doc:"Results, in the order of the queries"`
}

// Result10 is the result of one 1.0-draft query.
type Result10 struct {
	Candidates []ReconCandidate `json:"candidates" doc:"Candidates, best first"`
}

// Reconcile10 answers a 1.0-draft batch.
func (ix *Index) Reconcile10(qs []Query) ResultBatch10 {
	out := ResultBatch10{Results: make([]Result10, len(qs))}
	for i, q := range qs {
		out.Results[i] = Result10{Candidates: wireCandidates(ix.Reconcile(q))}
	}
	return out
}

// Extend10 is a 1.0-draft data extension response.
type Extend10 struct {
	Meta []ExtendMeta `json:"meta" doc:"The requested properties"`
	Rows []ExtendRow  `json:"rows" doc:"One row per requested ID, in the order of the query"`
}

// ExtendRow holds the values of one entity.
type ExtendRow struct {
	ID         string          `json:"id" doc:"Reconciliation ID from the query" example:"munich"`
	Properties []ExtendColumns `json:"properties" doc:"Values per property"`
}

// ExtendColumns holds the values of one property of one entity.
type ExtendColumns struct {
	ID     string        `json:"id" doc:"Property identifier" example:"population"`
	Values []ExtendValue `json:"values" doc:"Its values; empty when the entity has none"`
}

// Extend10 answers a data extension query in the 1.0-draft shape.
func (ix *Index) Extend10(q ExtendQuery) (Extend10, error) {
	meta, rows, err := ix.Extend(q)
	if err != nil {
		return Extend10{}, err
	}
	out := Extend10{Meta: meta, Rows: make([]ExtendRow, len(rows))}
	for i, r := range rows {
		cols := make([]ExtendColumns, len(meta))
		for j, m := range meta {
			cols[j] = ExtendColumns{ID: m.ID, Values: r.Values[j]}
		}
		out.Rows[i] = ExtendRow{ID: r.ID, Properties: cols}
	}
	return out, nil
}
