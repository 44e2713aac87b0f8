package reconcile

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/moving-cities/opendata/dataset"
)

// The JSON shapes both protocol versions share. The struct tags also
// describe them in the OpenAPI document of the 1.0-draft operations.

// ErrInvalid marks a request the client must fix; ErrTooLarge one with
// more queries or IDs than MaxBatch.
var (
	ErrInvalid  = errors.New("invalid request")
	ErrTooLarge = errors.New("batch too large")
)

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// TypeRef names a type.
type TypeRef struct {
	ID   string `json:"id" doc:"Type identifier" example:"municipality"`
	Name string `json:"name" doc:"Type name" example:"Municipality"`
}

// TypeInfo is a type as manifests and type suggestions give it.
type TypeInfo struct {
	ID          string `json:"id" doc:"Type identifier" example:"municipality"`
	Name        string `json:"name" doc:"Type name" example:"Municipality"`
	Description string `json:"description,omitempty" doc:"What the type covers"`
}

// MatchFeature is a matching feature of a candidate.
type MatchFeature struct {
	ID    string `json:"id" doc:"Feature identifier: name, name_exact, or the property of a condition" example:"name"`
	Name  string `json:"name" doc:"What the feature measures"`
	Value any    `json:"value" doc:"A number or a boolean"`
}

// ReconCandidate is a candidate as both versions serialise it.
type ReconCandidate struct {
	ID          string         `json:"id" doc:"Reconciliation ID: a municipality's ID, or type:ID for networks and approaches" example:"munich"`
	Name        string         `json:"name" doc:"English name" example:"Munich"`
	Description string         `json:"description,omitempty" doc:"Kind, country and other names, to tell namesakes apart" example:"Municipality in Germany (München)"`
	Type        []TypeRef      `json:"type" doc:"The candidate's type"`
	Score       float64        `json:"score" minimum:"0" maximum:"100" doc:"How well the candidate matches the query, 0 to 100"`
	Match       bool           `json:"match" doc:"True only for the first candidate, and only when it is clearly the one: the same name, a condition confirming it, none against it and no close rival"`
	Features    []MatchFeature `json:"features" doc:"What the score was computed from"`
}

func wireCandidates(cs []Candidate) []ReconCandidate {
	out := make([]ReconCandidate, len(cs))
	for i, c := range cs {
		fs := make([]MatchFeature, len(c.Features))
		for j, f := range c.Features {
			fs[j] = MatchFeature(f)
		}
		out[i] = ReconCandidate{ID: c.ID, Name: c.Name, Description: c.Description,
			Type: []TypeRef{{c.Type.ID, c.Type.Name}}, Score: c.Score, Match: c.Match, Features: fs}
	}
	return out
}

// SuggestItem is one suggestion of an entity, type or property.
type SuggestItem struct {
	ID          string    `json:"id" doc:"Identifier of the suggested entity, type or property" example:"munich"`
	Name        string    `json:"name" doc:"Its name" example:"Munich"`
	Description string    `json:"description,omitempty" doc:"Context to tell namesakes apart"`
	Notable     []TypeRef `json:"notable,omitempty" doc:"For entities: their type"`
}

// SuggestResponse is the answer of every suggest service.
type SuggestResponse struct {
	Result []SuggestItem `json:"result" doc:"Suggestions, best first"`
}

// PropertyRef is a proposed property.
type PropertyRef struct {
	ID          string `json:"id" doc:"Property identifier" example:"country"`
	Name        string `json:"name" doc:"Property name" example:"Country"`
	Description string `json:"description,omitempty" doc:"What the property holds"`
}

// ProposeResponse is the answer of data extension property proposals.
type ProposeResponse struct {
	Type       string        `json:"type" doc:"The type the properties were proposed for" example:"municipality"`
	Limit      int           `json:"limit,omitempty" doc:"The limit requested"`
	Properties []PropertyRef `json:"properties" doc:"Properties data extension can fetch for the type"`
}

// ExtendQuery is a data extension query, the same in both versions.
type ExtendQuery struct {
	_          struct{}         `additionalProperties:"true"`
	IDs        []string         `json:"ids" maxItems:"1000" doc:"Reconciliation IDs of the entities" example:"[\"munich\",\"gdansk\"]"`
	Properties []ExtendProperty `json:"properties" maxItems:"50" doc:"Properties to fetch"`
}

// ExtendProperty is a property requested by a data extension query.
type ExtendProperty struct {
	_        struct{}       `additionalProperties:"true"`
	ID       string         `json:"id" doc:"Property identifier" example:"population"`
	Settings map[string]any `json:"settings,omitempty" doc:"Property settings (none are defined; ignored)"`
}

// ExtendMeta describes a column of a data extension response.
type ExtendMeta struct {
	ID      string   `json:"id" doc:"Property identifier" example:"wikidata"`
	Name    string   `json:"name" doc:"Property name" example:"Wikidata item"`
	Type    *TypeRef `json:"type,omitempty" doc:"Type of the entities the values are, when they are entities"`
	Service string   `json:"service,omitempty" doc:"Reconciliation service the value IDs belong to, when not this one" example:"https://wikidata.reconci.link/en/api"`
}

// ExtendValue is one value: a string, an integer, a number or an entity.
type ExtendValue struct {
	Str   *string  `json:"str,omitempty" doc:"A string"`
	Int   *int64   `json:"int,omitempty" doc:"An integer"`
	Float *float64 `json:"float,omitempty" doc:"A floating-point number"`
	ID    string   `json:"id,omitempty" doc:"An entity's identifier"`
	Name  string   `json:"name,omitempty" doc:"An entity's name"`
}

// WikidataService is the reconciliation service Wikidata item values
// belong to: OpenRefine's Wikidata service, so that a fetched QID column
// arrives reconciled against Wikidata.
const WikidataService = "https://wikidata.reconci.link/en/api"

// valuesOf turns a property value as JSON decoded it (string, number,
// boolean, {"id": …} object or an array of those) into strings.
func valuesOf(v any) ([]string, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		return []string{x}, nil
	case float64:
		return []string{strconv.FormatFloat(x, 'f', -1, 64)}, nil
	case json.Number:
		return []string{x.String()}, nil
	case bool:
		return []string{strconv.FormatBool(x)}, nil
	case map[string]any:
		if id, ok := x["id"].(string); ok && id != "" {
			return []string{id}, nil
		}
		if name, ok := x["name"].(string); ok && name != "" {
			return []string{name}, nil
		}
		return nil, invalid("an entity value needs an id")
	case []any:
		var out []string
		for _, e := range x {
			if _, nested := e.([]any); nested {
				return nil, invalid("values cannot be nested arrays")
			}
			vs, err := valuesOf(e)
			if err != nil {
				return nil, err
			}
			out = append(out, vs...)
		}
		return out, nil
	}
	return nil, invalid("unsupported value %v", v)
}

// condition builds a property condition, checking the property.
func condition(pid string, v any, required bool, quantifier string) (Condition, error) {
	p, ok := propertyByID(pid)
	if !ok || !p.Condition {
		return Condition{}, invalid("unknown property %q: conditions take %s", pid, strings.Join(conditionIDs(), ", "))
	}
	vs, err := valuesOf(v)
	if err != nil {
		return Condition{}, err
	}
	switch quantifier {
	case "", "any", "all", "none":
	default:
		return Condition{}, invalid("matchQuantifier %q is not any, all or none", quantifier)
	}
	return Condition{Property: pid, Values: vs, Required: required, Quantifier: quantifier}, nil
}

func conditionIDs() []string {
	var ids []string
	for _, p := range Properties {
		if p.Condition {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// queryType reads the type of a query; unknown types are ignored, as the
// specifications let services return candidates of other types.
func queryType(s string) dataset.Type {
	t, _ := ParseType(s)
	return t
}

func checkLimit(n int) (int, error) {
	if n < 0 {
		return 0, invalid("limit %d is negative", n)
	}
	return n, nil
}

// Types and properties as suggest and proposals give them.

// SuggestTypes suggests the types whose ID or name starts with prefix.
func SuggestTypes(prefix string, cursor, limit int) SuggestResponse {
	var items []SuggestItem
	p := dataset.Fold(prefix)
	for _, t := range Types {
		if p == "" || strings.HasPrefix(t.ID, p) || strings.HasPrefix(dataset.Fold(t.Name), p) {
			items = append(items, SuggestItem{ID: t.ID, Name: t.Name, Description: t.Description})
		}
	}
	return SuggestResponse{Result: page(items, cursor, limit)}
}

// SuggestProperties suggests the properties whose ID or a word of whose
// name starts with prefix, for entities of type typ ("" for any).
func SuggestProperties(prefix, typ string, cursor, limit int) SuggestResponse {
	var items []SuggestItem
	p := dataset.Fold(prefix)
	t := queryType(typ)
	for _, pr := range Properties {
		if t != "" && !pr.hasType(t) {
			continue
		}
		match := p == "" || strings.HasPrefix(pr.ID, p)
		for _, w := range strings.Fields(dataset.Fold(pr.Name)) {
			match = match || strings.HasPrefix(w, p)
		}
		if match {
			items = append(items, SuggestItem{ID: pr.ID, Name: pr.Name, Description: pr.Description})
		}
	}
	return SuggestResponse{Result: page(items, cursor, limit)}
}

// ProposeProperties lists the properties data extension can fetch for
// entities of type typ.
func ProposeProperties(typ string, limit int) (ProposeResponse, error) {
	t, ok := ParseType(typ)
	if !ok {
		return ProposeResponse{}, invalid("unknown type %q: types are municipality, network and approach", typ)
	}
	out := ProposeResponse{Type: string(t), Limit: limit, Properties: []PropertyRef{}}
	for _, p := range Properties {
		if p.Extend && p.hasType(t) && (limit <= 0 || len(out.Properties) < limit) {
			out.Properties = append(out.Properties, PropertyRef{p.ID, p.Name, p.Description})
		}
	}
	return out, nil
}

// page cuts items to the cursor and limit of a suggest query.
func page[T any](items []T, cursor, limit int) []T {
	if limit <= 0 {
		limit = DefaultLimit
	}
	if cursor < 0 || cursor >= len(items) {
		return []T{}
	}
	items = items[cursor:]
	return items[:min(limit, len(items))]
}
