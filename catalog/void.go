package catalog

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"sort"
	"strings"

	"github.com/knakk/rdf"

	"github.com/moving-cities/opendata/dataset"
	rdfgraph "github.com/moving-cities/opendata/graph"
	"github.com/moving-cities/opendata/vocab"
)

// Stats are the VoID statistics of a graph: what Counter counts.
type Stats struct {
	// Triples is the number of triples, as the N-Triples dump holds them.
	Triples int64
	// Entities is the number of distinct subjects in the dataset's URI
	// space ({base}/id/).
	Entities int64
	// DistinctSubjects and DistinctObjects count distinct subjects
	// (IRIs and blank nodes) and objects (IRIs, blank nodes, literals).
	DistinctSubjects, DistinctObjects int64
	// Classes maps each class IRI to its number of distinct instances.
	Classes map[string]int64
	// Properties maps each predicate IRI to its number of triples.
	Properties map[string]int64
	// Links maps each predicate IRI to its number of triples whose
	// object is a Wikidata entity: the linksets to Wikidata.
	Links map[string]int64
}

// Counter counts the VoID statistics of a stream of triples, in memory
// proportional to the distinct subjects and objects (kept as 64-bit
// hashes). The zero value is not ready: use NewCounter.
type Counter struct {
	uriSpace string
	stats    Stats
	subjects map[uint64]struct{}
	objects  map[uint64]struct{}
	entities map[uint64]struct{}
	typed    map[string]map[uint64]struct{}
}

// NewCounter returns a Counter for a graph whose entities are named under
// base.
func NewCounter(base string) *Counter {
	return &Counter{
		uriSpace: URISpace(base),
		stats:    Stats{Classes: map[string]int64{}, Properties: map[string]int64{}, Links: map[string]int64{}},
		subjects: map[uint64]struct{}{}, objects: map[uint64]struct{}{}, entities: map[uint64]struct{}{},
		typed: map[string]map[uint64]struct{}{},
	}
}

// URISpace is the IRI every entity of the dataset starts with.
func URISpace(base string) string { return base + "/id/" }

// Add counts one triple.
func (c *Counter) Add(t vocab.Triple) {
	c.stats.Triples++
	s := nodeHash(t.S)
	c.subjects[s] = struct{}{}
	if t.S.IsIRI() && strings.HasPrefix(t.S.Value, c.uriSpace) {
		c.entities[s] = struct{}{}
	}
	c.objects[nodeHash(t.O)] = struct{}{}
	p := t.P.Value
	c.stats.Properties[p]++
	if p == vocab.RDFType.IRI && t.O.IsIRI() {
		set := c.typed[t.O.Value]
		if set == nil {
			set = map[uint64]struct{}{}
			c.typed[t.O.Value] = set
		}
		set[s] = struct{}{}
	}
	if t.O.IsIRI() && strings.HasPrefix(t.O.Value, vocab.WD.IRI) {
		c.stats.Links[p]++
	}
}

// Stats returns what was counted so far.
func (c *Counter) Stats() *Stats {
	s := c.stats
	s.Entities = int64(len(c.entities))
	s.DistinctSubjects = int64(len(c.subjects))
	s.DistinctObjects = int64(len(c.objects))
	s.Classes = make(map[string]int64, len(c.typed))
	for class, set := range c.typed {
		s.Classes[class] = int64(len(set))
	}
	s.Properties = copyCounts(c.stats.Properties)
	s.Links = copyCounts(c.stats.Links)
	return &s
}

func copyCounts(m map[string]int64) map[string]int64 {
	out := make(map[string]int64, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func nodeHash(n vocab.Node) uint64 {
	h := fnv.New64a()
	h.Write([]byte{byte(n.Kind)})
	io.WriteString(h, n.Value)
	h.Write([]byte{0})
	io.WriteString(h, n.Datatype)
	h.Write([]byte{0})
	io.WriteString(h, n.Lang)
	return h.Sum64()
}

// Graph produces the triples of the whole dataset, as the dumps write
// them (the signature of dumps.Graph's method).
type Graph func(ctx context.Context, snap *dataset.Snapshot, emit func(vocab.Triple) error) error

// CountGraph counts the statistics of the triples g emits for snap: the
// same stream the graph dumps are written from.
func CountGraph(ctx context.Context, base string, g Graph, snap *dataset.Snapshot) (*Stats, error) {
	c := NewCounter(base)
	err := g(ctx, snap, func(t vocab.Triple) error {
		c.Add(t)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("catalog: count the graph: %w", err)
	}
	return c.Stats(), nil
}

// CountNTriples counts the statistics of an N-Triples document, such as
// a release's N-Triples dump (uncompressed).
func CountNTriples(ctx context.Context, base string, r io.Reader) (*Stats, error) {
	c := NewCounter(base)
	dec := rdf.NewTripleDecoder(r, rdf.NTriples)
	for i := 0; ; i++ {
		if i%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		t, err := dec.Decode()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("catalog: read N-Triples: %w", err)
		}
		c.Add(vocab.Triple{S: fromRDF(t.Subj), P: fromRDF(t.Pred), O: fromRDF(t.Obj)})
	}
	return c.Stats(), nil
}

func fromRDF(t rdf.Term) vocab.Node {
	switch t := t.(type) {
	case rdf.IRI:
		return vocab.IRI(t.String())
	case rdf.Blank:
		return vocab.Blank(t.String())
	case rdf.Literal:
		n := vocab.Node{Kind: vocab.LiteralNode, Value: t.String(), Datatype: t.DataType.String(), Lang: t.Lang()}
		if n.Lang != "" {
			n.Datatype = vocab.RDFLangString.IRI
		}
		return n
	}
	return vocab.Node{}
}

// wikidata names Wikidata as a dataset (its item about itself), the
// target of the linksets.
const wikidata = "http://www.wikidata.org/entity/Q2013"

// VoID returns the VoID description of the dataset: its dumps,
// vocabularies, example resources and, when in.Stats is set, its size,
// class and property partitions and linksets to Wikidata, as counted in
// the N-Triples dump.
func VoID(in Input) ([]vocab.Triple, error) {
	cfg := in.Config.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if in.Snapshot == nil {
		return nil, fmt.Errorf("catalog: no dataset snapshot")
	}
	b := &builder{g: newGraph(), cfg: cfg, in: in, base: cfg.BaseURI}
	g := b.g
	ds := vocab.IRI(vocab.DatasetIRI(b.base))
	g.typ(ds, vocab.VoIDDataset)
	g.texts(ds, vocab.DCTermsTitle, cfg.Title)
	g.texts(ds, vocab.DCTermsDescription, in.description(cfg))
	g.add(ds, vocab.DCTermsPublisher, b.publisher())
	g.add(ds, vocab.DCTermsLicense, b.licence())
	g.add(ds, vocab.DCTermsModified, b.modified())
	g.add(ds, vocab.FOAFHomepage, b.document(LandingURL(b.base)))
	g.add(ds, vocab.RDFSSeeAlso, vocab.IRI(b.base+"/catalog"))
	g.add(ds, vocab.VoIDURISpace, vocab.Str(URISpace(b.base)))
	// Where to query it: the search form of its triple pattern fragments.
	for _, t := range rdfgraph.SearchForm(b.base) {
		p, _ := vocab.Lookup(t.P.Value) // the form's predicates are the table's (graph checks it)
		g.add(t.S, p, t.O)
	}
	for _, ex := range examples(b.base, in.Snapshot) {
		g.add(ds, vocab.VoIDExampleResource, vocab.IRI(ex))
	}
	if r := in.Latest; r != nil {
		g.add(ds, vocab.DCATVersion, vocab.Str(r.Name))
		for _, f := range r.Files {
			if mt := f.GraphMediaType(); mt != "" {
				g.add(ds, vocab.VoIDDataDump, vocab.IRI(DownloadURL(b.base, r.Name, f.Name)))
				if feat, ok := formatFeatures[mt]; ok {
					g.add(ds, vocab.VoIDFeature, vocab.IRI(feat))
				}
			}
		}
	}
	s := in.Stats
	if s == nil {
		return g.triples(), nil
	}
	for _, ns := range vocabularies(s) {
		g.add(ds, vocab.VoIDVocabulary, vocab.IRI(ns))
	}
	count := func(n vocab.Node, p *vocab.Term, v int64) { g.add(n, p, vocab.Integer(v)) }
	count(ds, vocab.VoIDTriples, s.Triples)
	count(ds, vocab.VoIDEntities, s.Entities)
	count(ds, vocab.VoIDDistinctSubjects, s.DistinctSubjects)
	count(ds, vocab.VoIDDistinctObjects, s.DistinctObjects)
	count(ds, vocab.VoIDClasses, int64(len(s.Classes)))
	count(ds, vocab.VoIDProperties, int64(len(s.Properties)))
	for i, class := range sortedKeys(s.Classes) {
		part := vocab.Blank(fmt.Sprintf("class%d", i+1))
		g.add(ds, vocab.VoIDClassPartition, part)
		g.add(part, vocab.VoIDClass, vocab.IRI(class))
		count(part, vocab.VoIDEntities, s.Classes[class])
	}
	for i, p := range sortedKeys(s.Properties) {
		part := vocab.Blank(fmt.Sprintf("property%d", i+1))
		g.add(ds, vocab.VoIDPropertyPartition, part)
		g.add(part, vocab.VoIDProperty, vocab.IRI(p))
		count(part, vocab.VoIDTriples, s.Properties[p])
	}
	for _, p := range sortedKeys(s.Links) {
		ls := vocab.IRI(LinksetIRI(b.base, p))
		g.add(ds, vocab.VoIDSubset, ls)
		g.typ(ls, vocab.VoIDLinkset)
		g.add(ls, vocab.DCTermsTitle, vocab.LangStr("Links to Wikidata with "+curie(p), "en"))
		g.add(ls, vocab.VoIDLinkPredicate, vocab.IRI(p))
		g.add(ls, vocab.VoIDSubjectsTarget, ds)
		g.add(ls, vocab.VoIDObjectsTarget, vocab.IRI(wikidata))
		count(ls, vocab.VoIDTriples, s.Links[p])
	}
	wd := vocab.IRI(wikidata)
	g.typ(wd, vocab.VoIDDataset)
	g.add(wd, vocab.DCTermsTitle, vocab.LangStr("Wikidata", "en"))
	g.add(wd, vocab.FOAFHomepage, vocab.IRI("https://www.wikidata.org/"))
	g.add(wd, vocab.VoIDURISpace, vocab.Str(vocab.WD.IRI))
	return g.triples(), nil
}

// LinksetIRI names the linkset of the links to Wikidata with predicate p.
func LinksetIRI(base, p string) string {
	return base + "/.well-known/void#wikidata-" + strings.ReplaceAll(curie(p), ":", "-")
}

// curie abbreviates an IRI with the table's prefixes where one fits.
func curie(iri string) string {
	if t, ok := vocab.Lookup(iri); ok {
		return t.CURIE()
	}
	for _, ns := range vocab.Namespaces {
		if local, ok := strings.CutPrefix(iri, ns.IRI); ok && local != "" && !strings.ContainsAny(local, "/#") {
			return ns.Prefix + ":" + local
		}
	}
	return iri
}

// vocabularies lists the vocabularies whose classes and predicates the
// graph uses: our ontology's IRI for ours, the namespace for others.
func vocabularies(s *Stats) []string {
	seen := map[string]bool{}
	for _, iris := range [][]string{sortedKeys(s.Classes), sortedKeys(s.Properties)} {
		for _, iri := range iris {
			for _, ns := range vocab.Namespaces {
				if strings.HasPrefix(iri, ns.IRI) {
					if ns == vocab.MC {
						seen[vocab.OntologyIRI] = true
					} else {
						seen[ns.IRI] = true
					}
					break
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for ns := range seen {
		out = append(out, ns)
	}
	sort.Strings(out)
	return out
}

// examples are a few entities that show what the dataset holds: the first
// featured municipality (or the first one), network, approach and
// category.
func examples(base string, s *dataset.Snapshot) []string {
	var out []string
	var muni *dataset.Municipality
	for _, m := range s.Municipalities {
		if muni == nil || m.Featured && !muni.Featured {
			muni = m
		}
	}
	if muni != nil {
		out = append(out, vocab.EntityIRI(base, dataset.TypeMunicipality, muni.ID))
	}
	if len(s.Networks) > 0 {
		out = append(out, vocab.EntityIRI(base, dataset.TypeNetwork, s.Networks[0].ID))
	}
	if len(s.Approaches) > 0 {
		out = append(out, vocab.EntityIRI(base, dataset.TypeApproach, s.Approaches[0].ID))
	}
	if len(s.Categories) > 0 {
		out = append(out, vocab.EntityIRI(base, dataset.TypeCategory, s.Categories[0].ID))
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
