package reconcile

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/moving-cities/opendata/dataset"
)

// Query is one reconciliation query, whatever the protocol version.
type Query struct {
	// Names are the names to match, alternatives of one another; empty
	// for queries by properties only.
	Names []string
	// Type restricts candidates to one type; "" means any.
	Type dataset.Type
	// Limit bounds the candidates returned; 0 means DefaultLimit.
	Limit int
	// Conditions are the property conditions.
	Conditions []Condition
	// IDs, when not empty, are the only candidates: reconciliation IDs
	// (the 1.0 draft's matchType "id"), scored by Names and Conditions.
	IDs []string
}

// Condition is a property condition of a query.
type Condition struct {
	Property string // a Property ID
	// Values are what the property is compared with: strings, numbers,
	// booleans, or entity IDs (from {"id": …} values).
	Values []string
	// Required drops the candidates that do not satisfy the condition;
	// otherwise they are only scored down.
	Required bool
	// Quantifier is "any" (default), "all" or "none".
	Quantifier string
}

// Candidate is an entity proposed for a query.
type Candidate struct {
	ID          string // reconciliation ID
	Name        string
	Description string
	Type        Type
	// Score is between 0 and 100.
	Score float64
	// Match is the service's decision that this candidate is the one.
	Match    bool
	Features []Feature
}

// Feature is a matching feature of a candidate: a number or a boolean.
type Feature struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Value any    `json:"value"`
}

const (
	// DefaultLimit is the number of candidates a query without a limit
	// gets; MaxLimit bounds any limit.
	DefaultLimit = 10
	MaxLimit     = 100
	// MaxBatch is the largest batch of queries or IDs one request may
	// carry; BatchSize is the size manifests recommend.
	MaxBatch  = 1000
	BatchSize = 100

	// idSim is the name similarity of an entity whose identifier the
	// query spells ("network:eccar"): high, but not the same name.
	idSim = 0.96
	// minNameSim is the least name similarity of a candidate.
	minNameSim = 0.3
	// matchMargin is how many points the best candidate must lead the
	// next one by to be an automatic match.
	matchMargin = 10
	// qidNameSim is the least name similarity with which a Wikidata
	// condition alone makes a match: a name that contradicts the QID
	// means the query is confused.
	qidNameSim = 0.6
	// maxCandidates bounds the entities one query scores.
	maxCandidates = 150
	// commonWord is the posting length beyond which a word ("de", "bad")
	// only retrieves candidates when the query has no rarer word.
	commonWord = 2000
)

// scored is a candidate while its query is evaluated.
type scored struct {
	ent          int32
	nameSim      float64
	nameExact    bool // the best name is the same as the query's
	nameShort    bool // the best name was a short alias
	byID         bool // the query spells the entity's identifier
	score        float64
	corroborated bool // a condition confirms the candidate
	contradicted bool // a condition speaks against it
	qidMatch     bool
	checks       []check // the conditions that applied, in query order
}

// check is the outcome of one condition for one candidate.
type check struct {
	prop string
	ok   bool
}

// features lists what s's score rests on.
func (s *scored) features(named bool) []Feature {
	var fs []Feature
	if named {
		fs = append(fs,
			Feature{"name", "Name similarity (0 to 1)", math.Round(s.nameSim*1000) / 1000},
			Feature{"name_exact", "A name or alias is the same, ignoring case, diacritics and script", s.nameExact})
	}
	for _, c := range s.checks {
		p, _ := propertyByID(c.prop)
		fs = append(fs, Feature{c.prop, p.Name + " condition satisfied", c.ok})
	}
	if fs == nil {
		fs = []Feature{}
	}
	return fs
}

// Reconcile answers one query. Queries are independent of one another and
// of earlier ones, as the specifications ask.
func (ix *Index) Reconcile(q Query) []Candidate {
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)

	conds := slices.Clone(q.Conditions)
	forms := ix.nameForms(q.Names, &conds)
	byID := map[int32]*scored{}
	var order []int32
	// consider takes an entity into the candidates. Entities found by
	// word or typo stop at maxCandidates; those whose name is the query's
	// (all) never do, or a namesake could go unseen and its rival look
	// unique.
	consider := func(i int32, all bool) {
		if _, ok := byID[i]; ok || (!all && len(order) >= maxCandidates) {
			return
		}
		if q.Type != "" && ix.entities[i].typ != q.Type {
			return
		}
		byID[i] = &scored{ent: i}
		order = append(order, i)
	}
	byRID := func(ids []string) {
		for _, n := range ids {
			if t, id, ok := ParseEntityID(strings.TrimSpace(n)); ok {
				if i, ok := ix.byRID[EntityID(t, id)]; ok {
					consider(i, true)
					if s := byID[i]; s != nil {
						s.byID = true
					}
				}
			}
		}
	}
	sc := ix.scratch.Get().(*scratch)
	defer ix.scratch.Put(sc)
	if len(q.IDs) > 0 {
		byRID(q.IDs) // the candidates are named: nothing else is looked for
	} else {
		byRID(q.Names) // an identifier as the query finds its entity
		ix.retrieve(forms, conds, consider, sc)
	}

	var out []*scored
	for _, i := range order {
		s := byID[i]
		if !ix.score(s, forms, conds, sc) {
			continue
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b *scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := cmp.Compare(b.nameSim, a.nameSim); c != 0 {
			return c
		}
		return strings.Compare(ix.entities[a.ent].rid, ix.entities[b.ent].rid)
	})
	match := len(out) > 0 && ix.decide(out, len(forms) > 0)
	if len(q.IDs) > 0 && len(forms) == 0 {
		// Asked for by identifier alone: the one entity found is it.
		match = len(out) == 1
	}
	if len(out) > limit {
		out = out[:limit]
	}
	cands := make([]Candidate, len(out))
	for k, s := range out {
		e := &ix.entities[s.ent]
		t, _ := typeByID(string(e.typ))
		cands[k] = Candidate{ID: e.rid, Name: e.name, Description: e.desc, Type: t,
			Score: math.Round(s.score*10) / 10, Features: s.features(len(forms) > 0)}
	}
	if match {
		cands[0].Match = true
	}
	return cands
}

// nameForm is one way of reading a query name.
type nameForm struct {
	text
	sim float64 // the similarity an exact hit on key is worth
}

// nameForms reads the query names: their search keys, the keys without
// status words ("Stadt Bielefeld"), and the name before a country
// qualifier ("Valencia, Spain"), whose country becomes a condition unless
// the query has one.
func (ix *Index) nameForms(names []string, conds *[]Condition) []nameForm {
	var forms []nameForm
	add := func(key string, sim float64) {
		for _, f := range forms {
			if f.key == key {
				return
			}
		}
		forms = append(forms, nameForm{newText(key), sim})
	}
	hasCountry := slices.ContainsFunc(*conds, func(c Condition) bool { return c.Property == PropCountry })
	for _, n := range names {
		if head, qual := splitQualifier(n); qual != "" {
			if code, ok := ix.country(qual); ok {
				n = head
				if !hasCountry {
					*conds = append(*conds, Condition{Property: PropCountry, Values: []string{code}})
					hasCountry = true
				}
			}
		}
		for _, k := range keysOf(n) {
			add(k, 1)
			if s := stripAdmin(k); s != "" {
				add(s, 0.98)
			}
		}
	}
	return forms
}

// country resolves a country as queries give it: an ISO code in any case,
// a name in any language we hold, or its Wikidata item. Two letters that
// are no country of ours still read as an ISO code.
func (ix *Index) country(s string) (string, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "http://www.wikidata.org/entity/")
	if code, ok := ix.countries[strings.ToLower(s)]; ok {
		return code, true
	}
	for _, k := range keysOf(s) {
		if code, ok := ix.countries[k]; ok {
			return code, true
		}
	}
	if len(s) == 2 && isASCIILetters(s) {
		return strings.ToUpper(s), true
	}
	return "", false
}

func isASCIILetters(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// retrieve offers consider the entities worth scoring: by whole key, by
// identifier, by Wikidata item, by word (rarest first) and by words one
// or two typos away; without names, by the property conditions.
func (ix *Index) retrieve(forms []nameForm, conds []Condition, consider func(i int32, all bool), sc *scratch) {
	for _, c := range conds {
		if c.Property == PropWikidata && c.Quantifier != "none" {
			for _, v := range c.Values {
				for _, i := range ix.byQID[normQID(v)] {
					consider(i, true)
				}
			}
		}
	}
	for _, f := range forms {
		for _, i := range ix.keys[f.key] {
			consider(i, true)
		}
	}
	// Words, rarest first; common words only when nothing rarer exists.
	type posting struct {
		ents []int32
	}
	var ps []posting
	for _, f := range forms {
		for _, w := range strings.Fields(f.key) {
			if l := ix.words[w]; len(l) > 0 {
				ps = append(ps, posting{l})
			}
			for _, v := range ix.similarWords(w, sc) {
				ps = append(ps, posting{ix.words[v]})
			}
		}
	}
	slices.SortStableFunc(ps, func(a, b posting) int { return cmp.Compare(len(a.ents), len(b.ents)) })
	for k, p := range ps {
		if k > 0 && len(p.ents) > commonWord {
			break
		}
		for _, i := range p.ents {
			consider(i, false)
		}
	}
	if len(forms) > 0 {
		return
	}
	// A query by properties only.
	for _, c := range conds {
		if c.Quantifier == "none" {
			continue
		}
		switch c.Property {
		case PropNetwork:
			for _, v := range c.Values {
				if id, ok := ix.networkID(v); ok {
					for _, ms := range ix.snap.MembersOf(id) {
						if i, ok := ix.byRID[ms.Municipality]; ok {
							consider(i, false)
						}
					}
				}
			}
		case PropCountry:
			for _, v := range c.Values {
				if code, ok := ix.country(v); ok {
					for _, m := range ix.snap.MunicipalitiesIn(code) {
						consider(ix.byRID[m.ID], false)
					}
				}
			}
		case PropMunicipality:
			for _, v := range c.Values {
				for _, id := range ix.municipalityIDs(v) {
					for _, a := range ix.snap.ApproachesOf(id) {
						consider(ix.byRID[EntityID(dataset.TypeApproach, a.ID)], false)
					}
				}
			}
		}
	}
}

// similarWords returns the indexed words one edit (words of five to seven
// letters) or two edits (longer words) away from w, found through shared
// trigrams. Words under five letters are only matched exactly.
func (ix *Index) similarWords(w string, sc *scratch) []string {
	wr := []rune(w)
	n := len(wr)
	if n < 5 {
		return nil
	}
	k := 1
	if n >= 8 {
		k = 2
	}
	grams := trigrams(w)
	need := max(len(grams)-3*k, 1)
	if len(sc.counts) < len(ix.vocab) {
		sc.counts = make([]uint16, len(ix.vocab))
	}
	touched := sc.touched[:0]
	for _, g := range grams {
		for _, v := range ix.grams[g] {
			if sc.counts[v] == 0 {
				touched = append(touched, v)
			}
			sc.counts[v]++
		}
	}
	var out []string
	for _, v := range touched {
		c := sc.counts[v]
		sc.counts[v] = 0
		if int(c) < need {
			continue
		}
		cand := ix.vocab[v]
		if cand == w {
			continue
		}
		if sc.levenshtein(wr, []rune(cand), k) <= k {
			out = append(out, cand)
		}
	}
	sc.touched = touched
	slices.Sort(out)
	return out
}

// score computes s's name similarity and score and applies the
// conditions; it reports false when a required condition drops s.
func (ix *Index) score(s *scored, forms []nameForm, conds []Condition, sc *scratch) bool {
	e := &ix.entities[s.ent]
	for fi := range forms {
		f := &forms[fi]
		for ni := range e.names {
			nk := &e.names[ni]
			sim, exact := sc.similarity(&f.text, &nk.text, s.nameSim), false
			if sim == 1 {
				sim, exact = f.sim, true
			}
			better := sim > s.nameSim || (sim == s.nameSim && s.nameShort && !nk.short)
			if better {
				s.nameSim, s.nameExact, s.nameShort = sim, exact, nk.short
			}
		}
	}
	if s.byID && s.nameSim < idSim {
		s.nameSim, s.nameExact, s.nameShort = idSim, false, false
	}
	if len(forms) > 0 {
		if s.nameSim < minNameSim && !s.byID {
			return false
		}
		s.score = 100 * s.nameSim
	} else {
		s.score = 50
	}
	for _, c := range conds {
		ok, known := ix.satisfies(e, c)
		if !known {
			continue // the entity has no such property: neither for nor against
		}
		if c.Required && !ok {
			return false
		}
		s.checks = append(s.checks, check{c.Property, ok})
		if ok {
			// Only a condition that names one value confirms a candidate:
			// "ES or VE", or "not DE", leaves the place open.
			if c.Quantifier == "all" || (c.Quantifier != "none" && len(c.Values) == 1) {
				s.corroborated = true
				s.qidMatch = s.qidMatch || c.Property == PropWikidata
			}
			continue
		}
		s.contradicted = true
		switch c.Property {
		case PropWikidata:
			s.score *= 0.3
		case PropNetwork:
			s.score *= 0.8 // membership records are incomplete
		default:
			s.score *= 0.5
		}
	}
	if s.qidMatch && !s.contradicted && (len(forms) == 0 || s.nameSim >= qidNameSim) {
		s.score = 100
	}
	return true
}

// satisfies says whether e satisfies c; known is false when e's type has
// no such property, or e has no value for it that could decide.
func (ix *Index) satisfies(e *entity, c Condition) (ok, known bool) {
	var has func(v string) bool
	switch c.Property {
	case PropCountry:
		if len(e.countries) == 0 {
			return false, false
		}
		has = func(v string) bool {
			code, ok := ix.country(v)
			return ok && slices.Contains(e.countries, code)
		}
	case PropWikidata:
		if e.typ == dataset.TypeApproach || e.qid == "" {
			return false, false
		}
		has = func(v string) bool { return normQID(v) == e.qid }
	case PropNetwork:
		if e.typ != dataset.TypeMunicipality {
			return false, false
		}
		has = func(v string) bool {
			id, ok := ix.networkID(v)
			return ok && slices.Contains(ix.members[e.id], id)
		}
	case PropMunicipality:
		if e.typ != dataset.TypeApproach {
			return false, false
		}
		has = func(v string) bool { return slices.Contains(ix.municipalityIDs(v), e.appr.Municipality) }
	default:
		return false, false
	}
	if len(c.Values) == 0 {
		return false, false
	}
	n := 0
	for _, v := range c.Values {
		if has(v) {
			n++
		}
	}
	switch c.Quantifier {
	case "all":
		return n == len(c.Values), true
	case "none":
		return n == 0, true
	}
	return n > 0, true
}

// networkID resolves a network given by ID (plain or "network:…") or by
// any of its names.
func (ix *Index) networkID(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if t, id, ok := ParseEntityID(v); ok && (t == dataset.TypeNetwork || !strings.Contains(v, ":")) {
		if _, ok := ix.snap.Network(id); ok {
			return id, true
		}
	}
	for _, k := range keysOf(v) {
		if id, ok := ix.networks[k]; ok {
			return id, true
		}
	}
	return "", false
}

// municipalityIDs resolves a municipality given by ID or by name; a name
// may stand for several.
func (ix *Index) municipalityIDs(v string) []string {
	if t, id, ok := ParseEntityID(strings.TrimSpace(v)); ok && t == dataset.TypeMunicipality {
		if _, ok := ix.snap.Municipality(id); ok {
			return []string{id}
		}
	}
	for _, k := range keysOf(v) {
		if ids, ok := ix.munis[k]; ok {
			return ids
		}
	}
	return nil
}

// normQID reads "Q64", "q64", "wd:Q64" or a Wikidata entity IRI as "Q64".
func normQID(v string) string {
	v = strings.TrimSpace(v)
	for _, p := range []string{"http://www.wikidata.org/entity/", "https://www.wikidata.org/entity/",
		"https://www.wikidata.org/wiki/", "wd:"} {
		v = strings.TrimPrefix(v, p)
	}
	return strings.ToUpper(v)
}

// decide reports whether out[0], the best candidate of a sorted list, is
// clearly right:
//   - its name is the same as the query's (or the query has no name), or a
//     Wikidata condition names it;
//   - a condition confirms it, unless it is a network or an approach
//     matched on a whole name (those names are long and specific; a bare
//     municipality name is not: many places share it);
//   - no condition contradicts it;
//   - no rival: no other candidate with the same name (or named by the
//     Wikidata condition) that no condition rules out, and none within
//     matchMargin points when the best is not itself the same name.
func (ix *Index) decide(out []*scored, named bool) bool {
	best := out[0]
	e := &ix.entities[best.ent]
	if best.contradicted {
		return false
	}
	switch {
	case best.qidMatch && best.score == 100:
	case named && best.nameExact:
		if !best.corroborated && (e.typ == dataset.TypeMunicipality || best.nameShort) {
			return false
		}
	default:
		return false
	}
	for _, r := range out[1:] {
		if r.contradicted {
			continue
		}
		if r.qidMatch || (r.nameExact && named) {
			return false // a namesake nothing rules out
		}
		if !best.nameExact && r.score > best.score-matchMargin {
			return false
		}
	}
	return true
}
