package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/graph"
	"github.com/moving-cities/opendata/graph/graphtest"
	"github.com/moving-cities/opendata/vocab"
)

const base = "https://data.test"

// docs returns the document of every entity and every tombstone of snap.
func docs(t *testing.T, snap *dataset.Snapshot) []*graph.Doc {
	t.Helper()
	var out []*graph.Doc
	add := func(typ dataset.Type, id string) {
		d, ok, err := graph.Entity(base, snap, typ, id)
		if err != nil || !ok {
			t.Fatalf("%s/%s: %v %v", typ, id, ok, err)
		}
		out = append(out, d)
	}
	for _, x := range snap.Countries {
		add(dataset.TypeCountry, x.ID)
	}
	for _, x := range snap.Categories {
		add(dataset.TypeCategory, x.ID)
	}
	for _, x := range snap.Networks {
		add(dataset.TypeNetwork, x.ID)
	}
	for _, x := range snap.Municipalities {
		add(dataset.TypeMunicipality, x.ID)
	}
	for _, x := range snap.Memberships {
		add(dataset.TypeMembership, x.ID)
	}
	for _, x := range snap.Approaches {
		add(dataset.TypeApproach, x.ID)
	}
	for _, r := range snap.Retired {
		d, err := graph.Tombstone(base, r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

func triples(t *testing.T, d *graph.Doc) []vocab.Triple {
	t.Helper()
	ts, err := d.Triples()
	if err != nil {
		t.Fatalf("%s/%s: %v", d.Type, d.ID, err)
	}
	return ts
}

// jsonLD is a document's JSON-LD: its @context, then its object.
func jsonLD(t *testing.T, d *graph.Doc) json.RawMessage {
	t.Helper()
	b, err := append(graph.Object{{Key: "@context", Value: d.Context()}}, d.Object...).MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func contexts(t *testing.T) map[string]json.RawMessage {
	t.Helper()
	ctx, err := vocab.ContextJSON(base)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]json.RawMessage{vocab.ContextURL(base): ctx}
}

// Every document's triples are what the jsonld processor reads from its
// JSON and the published context: the seed's and the escaping records',
// tombstones included. This is the promise that an entity's JSON-LD and
// its Turtle are one graph.
func TestDocumentsAreTheirJSONLD(t *testing.T) {
	snap := dataset.NewSnapshot(graphtest.Escaping(t), 1)
	all := docs(t, snap)
	var lds []json.RawMessage
	want := make([][]vocab.Triple, len(all))
	for i, d := range all {
		ts, err := d.Triples()
		if err != nil {
			t.Fatalf("%s/%s: %v", d.Type, d.ID, err)
		}
		if err := vocab.Check(ts); err != nil {
			t.Errorf("%s/%s: %v", d.Type, d.ID, err)
		}
		want[i] = ts
		lds = append(lds, jsonLD(t, d))
	}
	got := graphtest.JSONLD(t, lds, contexts(t))
	for i, d := range all {
		if !graphtest.SameGraph(t, string(d.Type)+"/"+d.ID, want[i], got[i]) {
			t.Logf("JSON-LD: %s", lds[i])
		}
	}
}

// A municipality's document holds its point, memberships (with their
// dates at the source's precision), approaches (with their categories)
// and the document's metadata.
func TestMunicipalityDocument(t *testing.T) {
	snap := dataset.NewSnapshot(graphtest.Escaping(t), 1)
	d, ok, err := graph.Entity(base, snap, dataset.TypeMunicipality, "escaping-test-town")
	if !ok || err != nil {
		t.Fatal(ok, err)
	}
	ts := triples(t, d)
	town := vocab.IRI(base + "/id/municipality/escaping-test-town")
	doc := vocab.IRI(base + "/municipalities/escaping-test-town")
	ms := vocab.IRI(base + "/id/membership/escaping-test-town-escaping-test-network")
	ap := vocab.IRI(base + "/id/approach/escaping-test-approach")
	has := func(s vocab.Node, p *vocab.Term, o vocab.Node) {
		t.Helper()
		for _, x := range ts {
			if x.S == s && x.P == p.Node() && (o.IsZero() && x.O.IsBlank() || x.O == o) {
				return
			}
		}
		t.Errorf("no %s %s %s", s, p.CURIE(), o)
	}
	has(town, vocab.RDFType, vocab.Municipality.Node())
	has(town, vocab.SKOSPrefLabel, vocab.LangStr("Αθήνα, Θεσσαλονίκη — Ελλάδα", "el"))
	has(town, vocab.SKOSAltLabel, vocab.LangStr("Beograd", "sr-Latn"))
	has(town, vocab.OWLSameAs, vocab.IRI("http://www.wikidata.org/entity/Q4115189"))
	has(town, vocab.WikidataCandidate, vocab.IRI("http://www.wikidata.org/entity/Q4115190"))
	has(town, vocab.GeoNamesID, vocab.Str("2925533"))
	has(town, vocab.OSMRelation, vocab.Integer(62422))
	has(town, vocab.GeoLat, vocab.Double(52.347))
	has(town, vocab.GSPHasGeometry, vocab.Node{})
	has(town, vocab.DCTermsModified, vocab.DateTime(graphtest.Stamp.Add(3600e9)))
	has(town, vocab.DCTermsSource, vocab.Node{})
	has(ms, vocab.RDFType, vocab.OrgMembership.Node())
	has(ms, vocab.OrgMember, town)
	has(ms, vocab.OrgOrganizationProp, vocab.IRI(base+"/id/network/escaping-test-network"))
	has(ms, vocab.Since, vocab.Typed("2018-07", vocab.EDTFDate))
	has(ms, vocab.Until, vocab.Typed("2021", vocab.EDTFDate))
	has(ap, vocab.PROVWasAssociatedWith, town)
	has(ap, vocab.DCTermsSubject, vocab.IRI(base+"/id/category/reception"))
	has(doc, vocab.RDFType, vocab.FOAFDocument.Node())
	has(doc, vocab.FOAFPrimaryTopic, town)
	has(doc, vocab.DCTermsLicense, vocab.IRI(vocab.LicenseIRI))
	has(doc, vocab.VoIDInDataset, vocab.IRI(base+"/dataset"))
	has(doc, vocab.DCTermsIsPartOf, vocab.IRI(base+"/dataset"))
	var wkt string
	for _, x := range ts {
		if x.P == vocab.GSPAsWKT.Node() {
			wkt = x.O.Value
		}
	}
	if wkt != "POINT(14.55 52.347)" {
		t.Errorf("WKT %q", wkt)
	}
	// The triples of one subject are together, the entity's first.
	if ts[0].S != town || ts[0].P != vocab.RDFType.Node() {
		t.Errorf("first triple %s", ts[0])
	}
	seen := map[vocab.Node]bool{}
	for i, x := range ts {
		if i > 0 && x.S != ts[i-1].S {
			if seen[x.S] {
				t.Errorf("the triples of %s are not together", x.S)
			}
			seen[ts[i-1].S] = true
		}
	}
	if !d.Modified.Equal(dataset.Stamp(graphtest.Stamp.Add(3600e9))) { // the snapshot holds whole seconds
		t.Errorf("modified %v", d.Modified)
	}
}

func TestTombstone(t *testing.T) {
	snap := dataset.NewSnapshot(graphtest.Escaping(t), 1)
	for _, r := range snap.Retired {
		if r.ID != "escaping-old-name" {
			continue
		}
		d, err := graph.Tombstone(base, r)
		if err != nil {
			t.Fatal(err)
		}
		ts := triples(t, d)
		old := vocab.IRI(base + "/id/municipality/escaping-old-name")
		want := []vocab.Triple{
			{S: old, P: vocab.DCTermsType.Node(), O: vocab.Municipality.Node()},
			{S: old, P: vocab.DCTermsIsReplacedBy.Node(), O: vocab.IRI(base + "/id/municipality/escaping-test-town")},
			{S: old, P: vocab.RetirementReason.Node(), O: vocab.Str(r.Reason)},
			{S: old, P: vocab.PROVInvalidatedAtTime.Node(), O: vocab.DateTime(r.Retired)},
		}
		graphtest.SameGraph(t, "tombstone", want, ts)
		return
	}
	t.Fatal("no tombstone escaping-old-name")
}

// The dataset graph is every document's graph at once: each entity's
// triples and its document's, and the tombstones.
func TestDatasetIsTheUnionOfItsDocuments(t *testing.T) {
	snap := dataset.NewSnapshot(graphtest.Escaping(t), 1)
	var got []vocab.Triple
	if err := graph.DatasetTriples(context.Background(), snap, base, func(tr vocab.Triple) error {
		got = append(got, tr)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if err := vocab.Check(got); err != nil {
		t.Error(err)
	}
	ds := vocab.IRI(base + "/dataset")
	want := []vocab.Triple{
		{S: ds, P: vocab.RDFType.Node(), O: vocab.VoIDDataset.Node()},
		{S: ds, P: vocab.DCTermsLicense.Node(), O: vocab.IRI(vocab.LicenseIRI)},
		{S: ds, P: vocab.DCTermsPublisher.Node(), O: vocab.IRI(vocab.PublisherIRI)},
		{S: ds, P: vocab.DCTermsModified.Node(), O: vocab.DateTime(snap.Modified)},
	}
	want = append(want, graph.SearchForm(base)...)
	for i, d := range docs(t, snap) {
		// Blank node labels are per document: make them unique.
		for _, tr := range triples(t, d) {
			for _, n := range []*vocab.Node{&tr.S, &tr.O} {
				if n.IsBlank() {
					n.Value = fmt.Sprintf("d%d_%s", i, n.Value)
				}
			}
			want = append(want, tr)
		}
	}
	set := func(ts []vocab.Triple) []string {
		lines := graphtest.Canonical(ts)
		out := lines[:0]
		for i, l := range lines {
			if i == 0 || l != lines[i-1] {
				out = append(out, l)
			}
		}
		return out
	}
	w, g := set(want), set(got)
	if missing, extra := graphtest.Diff(w, g), graphtest.Diff(g, w); len(missing)+len(extra) > 0 {
		t.Errorf("dataset graph differs from its documents'\nmissing: %v\nextra: %v", first(missing), first(extra))
	}
	// Blank node labels are unique across the stream.
	labels := map[string]vocab.Node{}
	for _, tr := range got {
		if tr.O.IsBlank() {
			if s, dup := labels[tr.O.Value]; dup {
				t.Fatalf("blank node %s is the object of %s and %s", tr.O.Value, s, tr.S)
			}
			labels[tr.O.Value] = tr.S
		}
	}
}

// The dataset streams in every graph format and reads back as itself.
func TestWriteDataset(t *testing.T) {
	snap := dataset.NewSnapshot(graphtest.Escaping(t), 1)
	var want []vocab.Triple
	_ = graph.DatasetTriples(context.Background(), snap, base, func(tr vocab.Triple) error {
		want = append(want, tr)
		return nil
	})
	write := func(f *exporters.Format) []byte {
		var b bytes.Buffer
		if err := graph.WriteDataset(context.Background(), &b, snap, base, f); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	for _, f := range []*exporters.Format{exporters.NTriples, exporters.Turtle} {
		got, err := graphtest.Knakk(write(f), strings.ToLower(f.Name))
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		graphtest.SameGraph(t, f.Name, want, got)
	}
	t.Run("jsonld", func(t *testing.T) {
		got := graphtest.JSONLD(t, []json.RawMessage{write(exporters.JSONLD)}, nil)
		graphtest.SameGraph(t, "JSON-LD", want, got[0])
	})
	t.Run("rapper", func(t *testing.T) {
		graphtest.SameGraph(t, "rapper turtle", want, graphtest.Rapper(t, write(exporters.Turtle), "turtle"))
	})
}

func TestWriteDatasetStops(t *testing.T) {
	snap := dataset.NewSnapshot(graphtest.Seed(t), 1)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b bytes.Buffer
	if err := graph.WriteDataset(ctx, &b, snap, base, exporters.NTriples); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	boom := errors.New("disk full")
	err := graph.DatasetTriples(context.Background(), snap, base, func(vocab.Triple) error { return boom })
	if !errors.Is(err, boom) {
		t.Errorf("emit error: %v", err)
	}
}

// A key the field table does not define is an error, never dropped (as
// the jsonld processor's safe mode would have it).
func TestUnknownKeys(t *testing.T) {
	snap := dataset.NewSnapshot(graphtest.Seed(t), 1)
	d, _, _ := graph.Entity(base, snap, dataset.TypeCountry, "DE")
	d.Object = append(d.Object, graph.Member{Key: "colour", Value: "red"})
	if _, err := d.Triples(); err == nil || !strings.Contains(err.Error(), `"colour"`) {
		t.Errorf("unknown key: %v", err)
	}
	if _, ok, err := graph.Entity(base, snap, dataset.TypeCountry, "XX"); ok || err != nil {
		t.Errorf("missing entity: %v %v", ok, err)
	}
}

func TestObjectJSON(t *testing.T) {
	v, err := graph.DecodeJSON([]byte(`{"b":1,"a":[{"z":"<&>","y":null}],"n":12345678901234567890}`))
	if err != nil {
		t.Fatal(err)
	}
	b, err := v.(graph.Object).MarshalJSON()
	if err != nil || string(b) != `{"b":1,"a":[{"z":"<&>","y":null}],"n":12345678901234567890}` {
		t.Errorf("%s %v", b, err)
	}
	if _, err := graph.DecodeJSON([]byte(`{} {}`)); err == nil {
		t.Error("trailing data accepted")
	}
}

func first(lines []string) []string {
	if len(lines) > 10 {
		return append(lines[:10:10], fmt.Sprintf("… %d more", len(lines)-10))
	}
	return lines
}

func TestNamespaces(t *testing.T) {
	ts := []vocab.Triple{
		{S: vocab.IRI(base + "/id/x"), P: vocab.RDFType.Node(), O: vocab.Municipality.Node()},
		{S: vocab.IRI(base + "/id/x"), P: vocab.Since.Node(), O: vocab.Typed("2018", vocab.EDTFDate)},
	}
	var got []string
	for _, ns := range graph.Namespaces(ts) {
		got = append(got, ns.Prefix)
	}
	if strings.Join(got, " ") != "mc rdf edtf" {
		t.Errorf("namespaces %v", got)
	}
	if graph.Namespaces(nil) == nil {
		t.Error("nil means every namespace to the writers")
	}
}

// The seed's membership dates reach RDF at their sources' precision: a
// start known to the day, and a month at which a source only attests the
// membership.
func TestSeedMembershipDatesInRDF(t *testing.T) {
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	snap := dataset.NewSnapshot(d, 1)
	for _, c := range []struct {
		id   string
		p    *vocab.Term
		want string
	}{
		{"briancon-anvita", vocab.Since, "2018-09-26"},
		{"heraklion-cni-greece", vocab.Since, "2018-11"},
		{"bristol-city-of-sanctuary", vocab.Since, "2013"},
		{"aurich-sichere-haefen", vocab.Attested, "2022-03"},
	} {
		doc, ok, err := graph.Entity(base, snap, dataset.TypeMembership, c.id)
		if !ok || err != nil {
			t.Fatal(c.id, ok, err)
		}
		var got []vocab.Node
		for _, tr := range triples(t, doc) {
			if tr.P == c.p.Node() {
				got = append(got, tr.O)
			}
		}
		if want := vocab.Typed(c.want, vocab.EDTFDate); len(got) != 1 || got[0] != want {
			t.Errorf("%s %s: %v, want %v", c.id, c.p.CURIE(), got, want)
		}
	}
}

// In RDF every language of a seed text has its origin beside it, one
// language-tagged literal per language (mc:titleOrigin "translation"@de);
// each source node has the day it was read, and each record the day its
// facts were gathered (issue 19).
func TestSeedOriginsSourcesAndDatesInRDF(t *testing.T) {
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	snap := dataset.NewSnapshot(d, 1)
	doc, ok, err := graph.Entity(base, snap, dataset.TypeApproach, "charter")
	if !ok || err != nil {
		t.Fatal(ok, err)
	}
	texts, origins := map[string]bool{}, map[string]vocab.Node{}
	var accessed, created []vocab.Node
	for _, tr := range triples(t, doc) {
		switch tr.P {
		case vocab.DCTermsTitle.Node():
			if tr.S == vocab.IRI(vocab.EntityIRI(base, dataset.TypeApproach, "charter")) {
				texts[tr.O.Lang] = true
			}
		case vocab.TitleOrigin.Node():
			origins[tr.O.Lang] = tr.O
		case vocab.Accessed.Node():
			accessed = append(accessed, tr.O)
		case vocab.DCTermsCreated.Node():
			created = append(created, tr.O)
		}
	}
	for _, lang := range dataset.Languages {
		want := vocab.LangStr("translation", lang)
		if lang == "en" {
			want = vocab.LangStr("own", lang)
		}
		if !texts[lang] || origins[lang] != want {
			t.Errorf("title in %s: text %v, origin %v, want %v", lang, texts[lang], origins[lang], want)
		}
	}
	if len(accessed) == 0 || accessed[0] != vocab.Typed("2026-11-26", vocab.EDTFDate) {
		t.Errorf("sources accessed %v", accessed)
	}
	if len(created) != 1 || created[0] != vocab.Typed("2026-11-26T00:00:00Z", vocab.XSDDateTime) {
		t.Errorf("created %v", created)
	}
}

// The search form is the one the Triple Pattern Fragments specification
// describes: a template over subject, predicate and object with explicit
// representation, each variable mapped to its position.
func TestSearchForm(t *testing.T) {
	ts := graph.SearchForm(base)
	if err := vocab.Check(ts); err != nil {
		t.Error(err)
	}
	if got, want := graph.SearchTemplate(base), base+"/fragments{?subject,predicate,object}"; got != want {
		t.Errorf("template %q, want %q", got, want)
	}
	mapped := map[string]string{}
	var form vocab.Node
	for _, tr := range ts {
		if tr.P == vocab.HydraSearch.Node() && tr.S.Value == base+"/dataset" {
			form = tr.O
		}
	}
	for _, tr := range ts {
		if tr.S == form && tr.P == vocab.HydraMapping.Node() {
			var name, prop string
			for _, m := range ts {
				switch {
				case m.S == tr.O && m.P == vocab.HydraVariable.Node():
					name = m.O.Value
				case m.S == tr.O && m.P == vocab.HydraProperty.Node():
					prop = m.O.Value
				}
			}
			mapped[name] = prop
		}
	}
	want := map[string]string{"subject": vocab.RDFSubject.IRI, "predicate": vocab.RDFPredicate.IRI, "object": vocab.RDFObject.IRI}
	if fmt.Sprint(mapped) != fmt.Sprint(want) {
		t.Errorf("mappings %v, want %v", mapped, want)
	}
}
