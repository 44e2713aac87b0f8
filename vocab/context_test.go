package vocab

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
)

func TestContextDefinesEveryField(t *testing.T) {
	b, err := ContextJSON(testBase)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := ContextJSON(testBase)
	if !bytes.Equal(b, again) {
		t.Error("the context is not deterministic")
	}
	var doc struct {
		Context map[string]any `json:"@context"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	c := doc.Context
	if c["@version"] != 1.1 || c["iri"] != "@id" || c["type"] != "@type" || c["mc"] != MC.IRI {
		t.Errorf("context header: %v %v %v %v", c["@version"], c["iri"], c["type"], c["mc"])
	}
	for _, e := range EntityTypes() {
		class, ok := c[e.Name()].(map[string]any)
		if !ok || class["@id"] != e.Class.CURIE() {
			t.Errorf("no class term %s", e.Name())
			continue
		}
		scoped := class["@context"].(map[string]any)
		if scoped["@base"] != EntityNamespace(testBase, e.Type) {
			t.Errorf("%s: @base %v", e.Name(), scoped["@base"])
		}
		var keys func(fs []Field)
		keys = func(fs []Field) {
			for _, f := range fs {
				_, inScope := scoped[f.Key]
				if _, shared := c[f.Key]; !shared && !inScope {
					t.Errorf("%s.%s is not defined by the context", e.Name(), f.Key)
				}
				if f.Value == Nest {
					keys(f.Fields)
				}
			}
		}
		keys(e.Fields)
		doc := DocumentContext(testBase, e.Type)
		local := doc[1].(map[string]any)
		if doc[0] != testBase+"/context.jsonld" || local["id"] != "@id" || local["@base"] != EntityNamespace(testBase, e.Type) {
			t.Errorf("DocumentContext(%s) = %v", e.Type, doc)
		}
	}
	// Keys whose meaning differs between types are scoped to the type.
	approach := c["Approach"].(map[string]any)["@context"].(map[string]any)
	if def, _ := approach["municipality"].(map[string]any); def["@id"] != "prov:wasAssociatedWith" {
		t.Errorf("an approach's municipality: %v", approach["municipality"])
	}
	if def, _ := c["municipality"].(map[string]any); def["@id"] != "org:member" {
		t.Errorf("a membership's municipality: %v", c["municipality"])
	}
	if c["Category"].(map[string]any)["@context"].(map[string]any)["aliases"] != "skos:hiddenLabel" {
		t.Error("a category's aliases are former codes")
	}
	// Code values are read in a context that forgot the outer terms, so
	// the kind "municipality" is not taken for the key "municipality".
	kind := c["kind"].(map[string]any)
	if scope := kind["@context"].([]any); scope[0] != nil || scope[1].(map[string]any)["@vocab"] != Kinds.Namespace() {
		t.Errorf("kind: %v", kind)
	}
}

func TestTombstoneContext(t *testing.T) {
	tc := TombstoneContext(testBase, dataset.TypeNetwork)
	local := tc[1].(map[string]any)
	if local["id"] != "@id" || local["@base"] != EntityNamespace(testBase, dataset.TypeNetwork) {
		t.Errorf("tombstone context %v", local)
	}
	rb := local["replaced_by"].(map[string]any)
	if rb["@context"].(map[string]any)["@base"] != EntityNamespace(testBase, dataset.TypeNetwork) {
		t.Errorf("replaced_by resolves against %v", rb)
	}
	typ := local["type"].(map[string]any)
	classes := typ["@context"].([]any)[1].(map[string]any)
	if typ["@id"] != "dcterms:type" || classes["network"] != Network.IRI {
		t.Errorf("tombstone type %v", typ)
	}
	b, _ := json.Marshal(tc)
	if !strings.Contains(string(b), `"retired":{"@id":"prov:invalidatedAtTime","@type":"xsd:dateTime"}`) {
		t.Errorf("tombstone context %s", b)
	}
}
