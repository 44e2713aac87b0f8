package graph_test

import (
	"encoding/json"
	"strconv"
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

// Quotes and sections are blank nodes of their entity (mc:contentBlock),
// each with its language, position, kind and texts, and the documents'
// JSON-LD says the same (issue 15).
func TestBlocksInRDF(t *testing.T) {
	d := graphtest.Escaping(t)
	snap := dataset.NewSnapshot(d, 1)
	for _, c := range []struct {
		typ dataset.Type
		id  string
	}{{dataset.TypeMunicipality, "escaping-test-town"}, {dataset.TypeApproach, "escaping-test-approach"}} {
		doc, ok, err := graph.Entity(base, snap, c.typ, c.id)
		if !ok || err != nil {
			t.Fatal(ok, err)
		}
		ts := triples(t, doc)
		if err := vocab.Check(ts); err != nil {
			t.Error(err)
		}
		var want []dataset.Block
		if c.typ == dataset.TypeMunicipality {
			m, _ := snap.Municipality(c.id)
			want = m.Blocks
		} else {
			a, _ := snap.Approach(c.id)
			want = a.Blocks
		}
		subject := vocab.IRI(vocab.EntityIRI(base, c.typ, c.id))
		props := map[vocab.Node]map[vocab.Node]vocab.Node{} // block node → predicate → object
		for _, tr := range ts {
			if tr.S == subject && tr.P == vocab.ContentBlock.Node() {
				if tr.O.IsIRI() || tr.O.IsLiteral() {
					t.Errorf("%s: a block is %s, not a blank node", c.id, tr.O)
				}
				props[tr.O] = map[vocab.Node]vocab.Node{}
			}
		}
		for _, tr := range ts {
			if p, ok := props[tr.S]; ok {
				p[tr.P] = tr.O
			}
		}
		if len(props) != len(want) {
			t.Fatalf("%s: %d blocks in RDF, want %d", c.id, len(props), len(want))
		}
		for _, b := range want {
			found := false
			for _, p := range props {
				kind := vocab.IRI(vocab.BlockKinds.Namespace() + string(b.Kind))
				if p[vocab.SchemaInLanguage.Node()] == vocab.Str(b.Lang) &&
					p[vocab.SchemaPosition.Node()] == vocab.Typed(strconv.Itoa(b.Position), vocab.XSDInteger) &&
					p[vocab.BlockKindProp.Node()] == kind && p[vocab.SchemaText.Node()] == vocab.Str(b.Text) &&
					(b.Title == "") == (p[vocab.SchemaHeadline.Node()] == vocab.Node{}) &&
					(b.Author == "") == (p[vocab.QuoteAuthor.Node()] == vocab.Node{}) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: no block node for %+v in %v", c.id, b, props)
			}
		}
		lds := graphtest.JSONLD(t, []json.RawMessage{jsonLD(t, doc)}, contexts(t))
		graphtest.SameGraph(t, string(c.typ)+"/"+c.id, ts, lds[0])
	}
}
