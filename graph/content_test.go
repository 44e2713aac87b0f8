package graph_test

import (
	"encoding/json"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/graph"
	"github.com/moving-cities/opendata/graph/graphtest"
	"github.com/moving-cities/opendata/vocab"
)

// An approach's short title and a country's political context are
// language-tagged literals with their origins, and the documents' JSON-LD
// says the same (issue 15).
func TestApproachAndCountryContentInRDF(t *testing.T) {
	d := graphtest.Escaping(t)
	a, k := &d.Approaches[0], &d.Countries[0]
	a.ShortTitle = dataset.Text{"en": "Short \"one\"", "el": "Σύντομος"}
	a.ShortTitleOrigin = dataset.Origins{"en": dataset.OriginPlatform, "el": dataset.OriginTranslation}
	k.PoliticalContext = dataset.Text{"en": "The **state**\n\ndecides.", "de": "Der Staat."}
	k.PoliticalContextOrigin = dataset.Origins{"en": dataset.OriginPlatform, "de": dataset.OriginPlatform}
	snap := dataset.NewSnapshot(d, 1)
	for _, c := range []struct {
		typ         dataset.Type
		id          string
		text        dataset.Text
		origins     dataset.Origins
		prop, oprop *vocab.Term
	}{
		{dataset.TypeApproach, a.ID, a.ShortTitle, a.ShortTitleOrigin, vocab.SchemaAlternativeHeadline, vocab.ShortTitleOrigin},
		{dataset.TypeCountry, k.ID, k.PoliticalContext, k.PoliticalContextOrigin, vocab.PoliticalContext, vocab.PoliticalContextOrigin},
	} {
		doc, ok, err := graph.Entity(base, snap, c.typ, c.id)
		if !ok || err != nil {
			t.Fatal(ok, err)
		}
		ts := triples(t, doc)
		if err := vocab.Check(ts); err != nil {
			t.Error(err)
		}
		subject := vocab.IRI(vocab.EntityIRI(base, c.typ, c.id))
		got := map[vocab.Node]bool{}
		for _, tr := range ts {
			if tr.S == subject {
				if tr.P == c.prop.Node() || tr.P == c.oprop.Node() {
					got[tr.O] = true
				}
			}
		}
		for lang, s := range c.text {
			if !got[vocab.LangStr(s, lang)] || !got[vocab.LangStr(string(c.origins[lang]), lang)] {
				t.Errorf("%s/%s: %s in %s or its origin missing from %v", c.typ, c.id, c.prop.CURIE(), lang, ts)
			}
		}
		lds := graphtest.JSONLD(t, []json.RawMessage{jsonLD(t, doc)}, contexts(t))
		graphtest.SameGraph(t, string(c.typ)+"/"+c.id, ts, lds[0])
	}
}
