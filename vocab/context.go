package vocab

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/moving-cities/opendata/dataset"
)

// The JSON-LD context makes the API's JSON valid JSON-LD. It is generated
// from the fields of the dataset types (EntityTypes):
//
//   - every namespace is a prefix; "iri" is @id and "type" is @type (the
//     API's JSON: WireFields); "id", the plain identifier, is
//     dcterms:identifier;
//   - each type's name ("Municipality") is a term for its class, with a
//     type-scoped context for the type's own meanings of shared keys and
//     @base set to the type's entity namespace;
//   - references to other entities ("country": "DE") expand to entity IRIs
//     through a property-scoped @base, code values ("status": "active") to
//     the vocabulary's concepts and QIDs to Wikidata IRIs through a
//     property-scoped @vocab;
//   - multilingual fields are language maps, aliases are value objects,
//     dates and numbers are typed, "coordinates" is nested into its
//     record (@nest), sources and population figures are blank nodes;
//   - "memberships", "approaches" and "document" are reverse properties
//     (@reverse): the nested nodes have the record as their org:member,
//     prov:wasAssociatedWith or foaf:primaryTopic;
//   - where two types give a key different meanings ("municipality" of a
//     membership is org:member, of an approach prov:wasAssociatedWith),
//     the first type in EntityTypes sets the default and the other's
//     meaning is scoped to its type.
//
// The dataset's own JSON has no "iri" and no "type": DocumentContext
// reads it, taking "id" as the entity's IRI relative to the type's entity
// namespace (the graph then has no rdf:type and no dcterms:identifier).
// Tombstones have TombstoneContext.

// FlattenedProfile is the JSON-LD profile IRI (RFC 6906) of the flattened
// document form. Entity documents in that form carry a context of
// prefixes only, which JSON-LD 1.0 processors read as well: the
// published context needs JSON-LD 1.1 (scoped contexts, @nest).
const FlattenedProfile = "http://www.w3.org/ns/json-ld#flattened"

// Context returns the context document published at ContextURL(base).
func Context(base string) map[string]any {
	c := map[string]any{"@version": 1.1}
	for _, ns := range Namespaces {
		c[ns.Prefix] = ns.IRI
	}
	addDefs(base, WireFields, c)
	shared, overrides := splitDefs(base)
	for k, v := range shared {
		c[k] = v
	}
	for _, e := range entityTypes {
		scoped := map[string]any{"@base": EntityNamespace(base, e.Type)}
		for k, v := range overrides[e.Type] {
			scoped[k] = v
		}
		c[e.Name()] = map[string]any{"@id": e.Class.CURIE(), "@context": scoped}
	}
	return map[string]any{"@context": c}
}

// ContextJSON returns Context(base) as indented JSON.
func ContextJSON(base string) ([]byte, error) {
	b, err := json.MarshalIndent(Context(base), "", "  ")
	if err != nil {
		return nil, fmt.Errorf("vocab: encode JSON-LD context: %w", err)
	}
	return append(b, '\n'), nil
}

// DocumentContext is the "@context" value for JSON that describes one
// record of type t and has no "type" field (the dataset's own JSON): the
// published context, then the type's @base and its own meanings of
// shared keys.
func DocumentContext(base string, t dataset.Type) []any {
	_, overrides := splitDefs(base)
	local := map[string]any{"@base": EntityNamespace(base, t), "id": "@id"}
	for k, v := range overrides[t] {
		local[k] = v
	}
	return []any{ContextURL(base), local}
}

// TombstoneContext is the "@context" value for a tombstone
// (dataset.Retired) of an entity of type t.
func TombstoneContext(base string, t dataset.Type) []any {
	local := map[string]any{"@base": EntityNamespace(base, t)}
	fields := make([]Field, len(RetiredFields))
	copy(fields, RetiredFields)
	for i := range fields {
		if fields[i].Value == EntityRef {
			fields[i].Ref = t
		}
	}
	addDefs(base, fields, local)
	local["id"] = "@id"
	return []any{ContextURL(base), local}
}

// splitDefs computes every type's term definitions and splits them into
// the shared ones (the first type's meaning of each key) and, per type,
// the definitions that differ from the shared ones.
func splitDefs(base string) (shared map[string]any, overrides map[dataset.Type]map[string]any) {
	shared = map[string]any{}
	overrides = map[dataset.Type]map[string]any{}
	for _, e := range entityTypes {
		defs := map[string]any{}
		addDefs(base, e.Fields, defs)
		overrides[e.Type] = map[string]any{}
		for k, v := range defs {
			s, ok := shared[k]
			switch {
			case !ok:
				shared[k] = v
			case !reflect.DeepEqual(s, v):
				overrides[e.Type][k] = v
			}
		}
	}
	return shared, overrides
}

// addDefs adds the term definitions of fields to defs.
func addDefs(base string, fields []Field, defs map[string]any) {
	for i := range fields {
		f := &fields[i]
		switch f.Value {
		case IRIKey:
			defs[f.Key] = "@id"
		case TypeKey:
			defs[f.Key] = "@type"
		case Nest:
			defs[f.Key] = "@nest"
			addDefs(base, f.Fields, defs)
		default:
			defs[f.Key] = termDef(base, f)
		}
	}
}

// termDef is the JSON-LD term definition of a field.
func termDef(base string, f *Field) any {
	id := f.Term.CURIE()
	if f.Reverse {
		switch f.Value {
		case Entity:
			return map[string]any{"@reverse": id} // node objects name themselves
		case URL:
			return map[string]any{"@reverse": id, "@type": "@id"}
		}
		panic("vocab: reverse field " + f.Key + " must hold entities or URLs")
	}
	switch f.Value {
	case ID:
		return id // the plain identifier; the IRI comes from "iri" or @base
	case Entity:
		return id // a node object: its own "iri" names it
	case Literal:
		if dt := f.LiteralType(); dt != XSDString {
			return map[string]any{"@id": id, "@type": dt.CURIE()}
		}
		return id
	case LangMap:
		return map[string]any{"@id": id, "@container": "@language"}
	case LangPairs:
		return map[string]any{"@id": id, "@context": map[string]any{"lang": "@language", f.PairKey(): "@value"}}
	case EntityRef:
		return map[string]any{"@id": id, "@type": "@id", "@context": map[string]any{"@base": EntityNamespace(base, f.Ref)}}
	case URL:
		return map[string]any{"@id": id, "@type": "@id"}
	case Code:
		return vocabRelative(f, map[string]any{"@vocab": f.Codes.Namespace()})
	case WikidataItem:
		return vocabRelative(f, map[string]any{"@vocab": WD.IRI})
	case ClassName:
		scope := map[string]any{}
		for _, e := range entityTypes {
			scope[string(e.Type)] = e.Class.IRI
		}
		return vocabRelative(f, scope)
	case Object:
		nested := map[string]any{}
		addDefs(base, f.Fields, nested)
		return map[string]any{"@id": id, "@context": nested}
	}
	panic("vocab: field " + f.Key + " has no value kind")
}

// vocabRelative defines a field whose string values are expanded against
// a property-scoped @vocab or terms. The scoped context starts from null,
// so that a value that happens to equal a term of the outer context
// ("municipality" is both a kind and a key) is not taken for that term;
// it then defines the field again, since null forgot it too.
func vocabRelative(f *Field, scope map[string]any) any {
	scope[f.Key] = map[string]any{"@id": f.Term.IRI, "@type": "@vocab"}
	return map[string]any{"@id": f.Term.CURIE(), "@type": "@vocab", "@context": []any{nil, scope}}
}
