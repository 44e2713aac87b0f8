package catalog

import (
	"context"
	"fmt"
	"io"
	"slices"
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
// hashes in hashSets). The zero value is not ready: use NewCounter.
type Counter struct {
	uriSpace string
	stats    Stats
	subjects hashSet
	objects  hashSet
	entities hashSet
	typed    map[string]*hashSet
	// last is the hash of the previous triple's subject: a stream holds
	// runs of triples of one subject, which need one look-up.
	last    uint64
	started bool
}

// NewCounter returns a Counter for a graph whose entities are named under
// base.
func NewCounter(base string) *Counter {
	return &Counter{
		uriSpace: URISpace(base),
		stats:    Stats{Classes: map[string]int64{}, Properties: map[string]int64{}, Links: map[string]int64{}},
		typed:    map[string]*hashSet{},
	}
}

// URISpace is the IRI every entity of the dataset starts with.
func URISpace(base string) string { return base + "/id/" }

// Add counts one triple.
func (c *Counter) Add(t vocab.Triple) {
	c.stats.Triples++
	s := nodeHash(t.S)
	if !c.started || s != c.last {
		c.started, c.last = true, s
		c.subjects.add(s)
		if t.S.IsIRI() && strings.HasPrefix(t.S.Value, c.uriSpace) {
			c.entities.add(s)
		}
	}
	c.objects.add(nodeHash(t.O))
	p := t.P.Value
	c.stats.Properties[p]++
	if p == vocab.RDFType.IRI && t.O.IsIRI() {
		set := c.typed[t.O.Value]
		if set == nil {
			set = &hashSet{}
			c.typed[t.O.Value] = set
		}
		set.add(s)
	}
	if t.O.IsIRI() && strings.HasPrefix(t.O.Value, vocab.WD.IRI) {
		c.stats.Links[p]++
	}
}

// Stats returns what was counted so far.
func (c *Counter) Stats() *Stats {
	s := c.stats
	s.Entities = int64(c.entities.len())
	s.DistinctSubjects = int64(c.subjects.len())
	s.DistinctObjects = int64(c.objects.len())
	s.Classes = make(map[string]int64, len(c.typed))
	for class, set := range c.typed {
		s.Classes[class] = int64(set.len())
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

// nodeHash is the 64-bit FNV-1a hash of a node's kind, value, datatype
// and language, written out rather than through hash/fnv so that the
// millions of triples of a release allocate nothing here (issue 18).
func nodeHash(n vocab.Node) uint64 {
	h := fnvByte(fnvOffset64, byte(n.Kind))
	h = fnvByte(fnvString(h, n.Value), 0)
	h = fnvByte(fnvString(h, n.Datatype), 0)
	return fnvString(h, n.Lang)
}

const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

func fnvByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime64 }

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime64
	}
	return h
}

// hashSet is a set of 64-bit hashes in about 10 bytes a member, where a
// map takes 20 to 40: a release's graph has millions of distinct objects,
// and their map was the largest thing a release held (issue 18). Hashes
// are appended to a tail, which is sorted and merged into the sorted,
// distinct members when it is full. The zero value is an empty set.
type hashSet struct {
	members []uint64 // ascending, distinct
	tail    []uint64 // not merged yet; in any order, repeats allowed
}

// hashTail is how many hashes a set takes before it merges them: large
// enough that merging (a pass over the members) is rare, small enough to
// be no weight next to the members.
const hashTail = 1 << 14

func (s *hashSet) add(h uint64) {
	if s.tail == nil {
		s.tail = make([]uint64, 0, hashTail)
	}
	s.tail = append(s.tail, h)
	if len(s.tail) == cap(s.tail) {
		s.merge()
	}
}

// merge moves the tail into the members: sorted, merged from the back
// (in place, into room for both), then duplicates dropped.
func (s *hashSet) merge() {
	if len(s.tail) == 0 {
		return
	}
	slices.Sort(s.tail)
	t := slices.Compact(s.tail)
	n := len(s.members)
	s.members = slices.Grow(s.members, len(t))[:n+len(t)]
	i, j := n-1, len(t)-1
	for k := n + len(t) - 1; j >= 0; k-- {
		if i >= 0 && s.members[i] > t[j] {
			s.members[k] = s.members[i]
			i--
		} else {
			s.members[k] = t[j]
			j--
		}
	}
	s.members = slices.Compact(s.members)
	s.tail = s.tail[:0]
}

// len is the number of distinct hashes added.
func (s *hashSet) len() int {
	s.merge()
	return len(s.members)
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
