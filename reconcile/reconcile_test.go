package reconcile

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/synth"
)

func TestEntityIDs(t *testing.T) {
	for _, c := range []struct {
		in   string
		typ  dataset.Type
		id   string
		want bool
	}{
		{"munich", dataset.TypeMunicipality, "munich", true},
		{"municipality:munich", dataset.TypeMunicipality, "munich", true},
		{"network:eccar", dataset.TypeNetwork, "eccar", true},
		{"approaches:charter", dataset.TypeApproach, "charter", true},
		{"city:munich", "", "", false},
		{"Munich", "", "", false},
		{"", "", "", false},
	} {
		typ, id, ok := ParseEntityID(c.in)
		if ok != c.want || typ != c.typ || id != c.id {
			t.Errorf("ParseEntityID(%q) = %q, %q, %v", c.in, typ, id, ok)
		}
	}
	if EntityID(dataset.TypeNetwork, "eccar") != "network:eccar" || EntityID(dataset.TypeMunicipality, "bonn") != "bonn" {
		t.Error("EntityID")
	}
}

func TestDecodeQueries02(t *testing.T) {
	b, err := DecodeQueries02(`{
	 "q1": {"query": "Munich", "type": "municipality", "limit": 3, "properties": [{"pid": "country", "v": "DE"}]},
	 "q0": {"query": "Gdansk", "type": [{"id": "municipality", "name": "Municipality"}], "type_strict": "should",
	        "properties": [{"pid": "wikidata", "v": {"id": "Q1792", "name": "Gdańsk"}}, {"pid": "network", "v": ["iash", "eccar"]}]},
	 "q2": {"properties": [{"pid": "wikidata", "v": "Q64"}]}
	}`)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(b.Keys, []string{"q0", "q1", "q2"}) {
		t.Fatalf("keys %v", b.Keys)
	}
	q0 := b.Queries[0]
	if q0.Type != dataset.TypeMunicipality || q0.Names[0] != "Gdansk" || len(q0.Conditions) != 2 ||
		q0.Conditions[0].Values[0] != "Q1792" || !slices.Equal(q0.Conditions[1].Values, []string{"iash", "eccar"}) {
		t.Errorf("q0 = %+v", q0)
	}
	res := seedIndex().Reconcile02(b)
	if c := res["q1"].Result; len(c) == 0 || c[0].ID != "munich" || !c[0].Match || len(c) > 3 {
		t.Errorf("q1: %+v", c)
	}
	if c := res["q2"].Result; len(c) != 1 || c[0].ID != "berlin" || !c[0].Match {
		t.Errorf("q2 (by QID only): %+v", c)
	}
	for _, bad := range []string{`[]`, `{"q0": {"query": "x", "properties": [{"pid": "mayor", "v": "x"}]}}`, `{"q0": {}}`,
		`{"q0": {"query": "x", "limit": -1}}`} {
		if _, err := DecodeQueries02(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("DecodeQueries02(%s) = %v, want ErrInvalid", bad, err)
		}
	}
	var big strings.Builder
	big.WriteString("{")
	for i := range MaxBatch + 1 {
		if i > 0 {
			big.WriteString(",")
		}
		fmt.Fprintf(&big, `"q%d": {"query": "x"}`, i)
	}
	big.WriteString("}")
	if _, err := DecodeQueries02(big.String()); !errors.Is(err, ErrTooLarge) {
		t.Errorf("a batch of %d: %v, want ErrTooLarge", MaxBatch+1, err)
	}
}

func TestQueries10(t *testing.T) {
	var b QueryBatch10
	err := json.Unmarshal([]byte(`{"queries": [
	 {"type": "municipality", "limit": 2, "conditions": [
	   {"matchType": "name", "propertyValue": "München"},
	   {"matchType": "property", "propertyId": "country", "propertyValue": "Deutschland", "required": true}]},
	 {"conditions": [{"matchType": "name", "v": "Valencia"}, {"matchType": "property", "pid": "country", "v": {"id": "ES"}}]},
	 {"conditions": [{"matchType": "property", "propertyId": "country", "propertyValue": "DE", "matchQuantifier": "none"},
	                 {"matchType": "name", "propertyValue": "Valencia"}]}
	]}`), &b)
	if err != nil {
		t.Fatal(err)
	}
	qs, err := Queries10(b)
	if err != nil {
		t.Fatal(err)
	}
	res := seedIndex().Reconcile10(qs)
	if c := res.Results[0].Candidates; len(c) != 2 || c[0].ID != "munich" || !c[0].Match || c[1].ID != "grafing-bei-munchen" {
		t.Errorf("query 0: %+v", c) // limit 2
	}
	if c := res.Results[1].Candidates; c[0].ID != "valencia" || !c[0].Match {
		t.Errorf("query 1 (pid/v spelling): %+v", c)
	}
	if c := res.Results[2].Candidates; c[0].ID != "valencia" || c[0].Match {
		t.Errorf("query 2 (not in DE: satisfied, but no confirmation): %+v", c)
	}
	for _, bad := range []string{
		`{"queries": [{"conditions": []}]}`,
		`{"queries": [{"conditions": [{"matchType": "label", "propertyValue": "x"}]}]}`,
		`{"queries": [{"conditions": [{"matchType": "property", "propertyValue": "x"}]}]}`,
		`{"queries": [{"conditions": [{"matchType": "name"}]}]}`,
		`{"queries": [{"conditions": [{"matchType": "property", "propertyId": "country", "propertyValue": "DE", "matchQuantifier": "most"}]}]}`,
		`{"queries": [{"conditions": [{"matchType": "id", "propertyValue": "not an id!"}]}]}`,
		`{"queries": [{"query": "Munich", "conditions": [{"matchType": "property", "propertyId": "country", "propertyValue": "DE"}]}]}`,
	} {
		var b QueryBatch10
		if err := json.Unmarshal([]byte(bad), &b); err != nil {
			t.Fatal(err)
		}
		if _, err := Queries10(b); !errors.Is(err, ErrInvalid) {
			t.Errorf("Queries10(%s) = %v, want ErrInvalid", bad, err)
		}
	}
}

// The 1.0 draft's matchType "id" names the candidates; a 0.2-style
// "query" is refused with the 1.0 form rather than ignored.
func TestQueries10ByID(t *testing.T) {
	ix := seedIndex()
	for _, c := range []struct {
		body  string
		ids   []string
		match bool
	}{
		{`{"queries": [{"conditions": [{"matchType": "id", "propertyValue": "munich"}]}]}`, []string{"munich"}, true},
		{`{"queries": [{"conditions": [{"matchType": "id", "propertyValue": ["network:iash", "munich"]}]}]}`, []string{"munich", "network:iash"}, false},
		{`{"queries": [{"type": "network", "conditions": [{"matchType": "id", "propertyValue": "munich"}]}]}`, nil, false},
		{`{"queries": [{"conditions": [{"matchType": "id", "propertyValue": "no-such-town"}]}]}`, nil, false},
		{`{"queries": [{"conditions": [{"matchType": "id", "propertyValue": "munich"}, {"matchType": "name", "propertyValue": "München"},
		   {"matchType": "property", "propertyId": "country", "propertyValue": "DE"}]}]}`, []string{"munich"}, true},
	} {
		var b QueryBatch10
		if err := json.Unmarshal([]byte(c.body), &b); err != nil {
			t.Fatal(err)
		}
		qs, err := Queries10(b)
		if err != nil {
			t.Fatalf("%s: %v", c.body, err)
		}
		cands := ix.Reconcile10(qs).Results[0].Candidates
		var ids []string
		for _, x := range cands {
			ids = append(ids, x.ID)
		}
		slices.Sort(ids)
		if !slices.Equal(ids, c.ids) || (len(cands) > 0 && cands[0].Match != c.match) {
			t.Errorf("%s: %v (match %v), want %v (match %v)", c.body, ids, len(cands) > 0 && cands[0].Match, c.ids, c.match)
		}
	}
	var b QueryBatch10
	_ = json.Unmarshal([]byte(`{"queries": [{"query": "Munich", "conditions": [{"matchType": "name", "propertyValue": "x"}]}]}`), &b)
	if _, err := Queries10(b); err == nil || !strings.Contains(err.Error(), `{"conditions":[{"matchType":"name","propertyValue":"Munich"}]}`) {
		t.Errorf("a 0.2-style query: %v", err)
	}
}

// TestMatchRules pins the decisions the labelled set relies on.
func TestMatchRules(t *testing.T) {
	ix := seedIndex()
	q := func(name string, conds ...Condition) []Candidate {
		return ix.Reconcile(Query{Names: []string{name}, Type: dataset.TypeMunicipality, Conditions: conds})
	}
	country := func(c string) Condition { return Condition{Property: PropCountry, Values: []string{c}} }
	if c := q("Munich"); c[0].ID != "munich" || c[0].Score != 100 || c[0].Match {
		t.Errorf("a bare name: %+v; want munich at 100 without match", c[0])
	}
	if c := q("Munich", country("DE")); !c[0].Match {
		t.Errorf("with its country: %+v", c[0])
	}
	if c := q("Munich", country("AT")); c[0].Match || c[0].Score >= 100 {
		t.Errorf("with another country: %+v", c[0])
	}
	if c := q("Munich", Condition{Property: PropCountry, Values: []string{"AT"}, Required: true}); len(c) != 0 {
		t.Errorf("a required condition no candidate satisfies: %+v", c)
	}
	if c := q("Valencia", Condition{Property: PropCountry, Values: []string{"ES", "VE"}}); c[0].ID != "valencia" || c[0].Match {
		t.Errorf("one of two countries leaves the place open: %+v", c[0])
	}
	if c := q("Frankfurt", country("DE")); c[0].ID != "frankfurt-am-main" || c[0].Match {
		t.Errorf("Frankfurt/DE: %+v", c[0])
	}
	if c := q("Munch", country("DE")); c[0].ID != "munich" || c[0].Match {
		t.Errorf("a typo: %+v", c[0])
	}
	for _, cs := range [][]Candidate{q("Munich", country("DE")), q("zzzz")} {
		for i, c := range cs {
			if i > 0 && c.Score > cs[i-1].Score {
				t.Errorf("candidates not sorted by score: %+v", cs)
			}
		}
	}
	if c := q("zzzz"); len(c) != 0 {
		t.Errorf("nonsense found %+v", c)
	}
	// An identifier as the query finds its entity.
	if c := ix.Reconcile(Query{Names: []string{"network:iash"}}); len(c) == 0 || c[0].ID != "network:iash" || c[0].Match {
		t.Errorf("an ID as query: %+v", c)
	}
	// Features name what the score rests on.
	c := q("München", country("DE"))[0]
	feats := map[string]any{}
	for _, f := range c.Features {
		feats[f.ID] = f.Value
	}
	if feats["name"] != 1.0 || feats["name_exact"] != true || feats["country"] != true {
		t.Errorf("features %v", feats)
	}
}

func TestSuggest(t *testing.T) {
	ix := seedIndex()
	ids := func(r SuggestResponse) []string {
		var out []string
		for _, it := range r.Result {
			out = append(out, it.ID)
		}
		return out
	}
	if got := ids(ix.SuggestEntities("Münch", "", 0, 10)); len(got) < 2 || got[0] != "munich" || !slices.Contains(got, "grafing-bei-munchen") {
		t.Errorf("Münch: %v", got)
	}
	if got := ids(ix.SuggestEntities("αθ", "municipality", 0, 10)); len(got) == 0 || got[0] != "athens" {
		t.Errorf("αθ: %v", got)
	}
	if got := ids(ix.SuggestEntities("safe", "network", 0, 10)); !slices.Contains(got, "network:sichere-haefen") || !slices.Contains(got, "network:iash") {
		t.Errorf("safe (networks): %v", got)
	}
	if got := ids(ix.SuggestEntities("network:eccar", "", 0, 10)); len(got) == 0 || got[0] != "network:eccar" {
		t.Errorf("an ID as prefix: %v", got)
	}
	first := ids(ix.SuggestEntities("", "", 0, 10))
	second := ids(ix.SuggestEntities("", "", 10, 10))
	if len(first) != 10 || len(second) != 10 || first[9] >= second[0] {
		t.Errorf("empty prefix pages: %v then %v", first, second)
	}
	if got := ids(SuggestTypes("mun", 0, 10)); !slices.Equal(got, []string{"municipality"}) {
		t.Errorf("types: %v", got)
	}
	if got := ids(SuggestProperties("co", "municipality", 0, 10)); !slices.Equal(got, []string{"country", "coordinates"}) {
		t.Errorf("properties: %v", got)
	}
	if got := ids(SuggestProperties("", "approach", 0, 10)); !slices.Equal(got, []string{"country", "municipality"}) {
		t.Errorf("approach properties: %v", got)
	}
	p, err := ProposeProperties("municipality", 0)
	if err != nil || len(p.Properties) != 6 || p.Type != "municipality" {
		t.Errorf("propose: %+v %v", p, err)
	}
	if _, err := ProposeProperties("city", 0); !errors.Is(err, ErrInvalid) {
		t.Errorf("propose for an unknown type: %v", err)
	}
}

func TestExtend(t *testing.T) {
	ix := seedIndex()
	q := ExtendQuery{IDs: []string{"berlin", "castellon-de-la-plana", "network:iash", "nowhere"},
		Properties: []ExtendProperty{{ID: "wikidata"}, {ID: "country"}, {ID: "coordinates"}, {ID: "network"}, {ID: "featured"}, {ID: "population"}}}
	res, err := ix.Extend10(q)
	if err != nil {
		t.Fatal(err)
	}
	if res.Meta[0].Service != WikidataService || res.Meta[3].Type == nil || res.Meta[3].Type.ID != "network" {
		t.Errorf("meta %+v", res.Meta)
	}
	berlin := res.Rows[0].Properties
	if v := berlin[0].Values; len(v) != 1 || v[0].ID != "Q64" || v[0].Name != "Berlin" {
		t.Errorf("berlin wikidata %+v", v)
	}
	if v := berlin[1].Values; len(v) != 1 || *v[0].Str != "DE" {
		t.Errorf("berlin country %+v", v)
	}
	if v := berlin[2].Values; len(v) != 1 || *v[0].Str != "52.5167,13.3833" {
		t.Errorf("berlin coordinates %+v", v)
	}
	if v := berlin[3].Values; len(v) == 0 || !strings.HasPrefix(v[0].ID, "network:") {
		t.Errorf("berlin networks %+v", v)
	}
	if v := berlin[4].Values; len(v) != 1 || *v[0].Str != "true" {
		t.Errorf("berlin featured %+v", v)
	}
	if v := res.Rows[1].Properties[0].Values; len(v) != 0 {
		t.Errorf("an unconfirmed QID was returned: %+v", v)
	}
	if v := res.Rows[2].Properties[1].Values; len(v) != 7 {
		t.Errorf("iash countries %+v", v)
	}
	for _, p := range res.Rows[3].Properties {
		if len(p.Values) != 0 {
			t.Errorf("an unknown ID has values: %+v", p)
		}
	}
	r02, err := ix.Extend02(q)
	if err != nil || len(r02.Rows) != 4 || *r02.Rows["berlin"]["country"][0].Str != "DE" {
		t.Errorf("0.2 shape: %+v %v", r02, err)
	}
	if _, err := ix.Extend10(ExtendQuery{IDs: []string{"berlin"}, Properties: []ExtendProperty{{ID: "mayor"}}}); !errors.Is(err, ErrInvalid) {
		t.Errorf("an unknown property: %v", err)
	}
}

func TestPreview(t *testing.T) {
	ix := seedIndex()
	for _, id := range []string{"munich", "network:iash", "approach:charter"} {
		b, ok := ix.Preview(id, testService)
		if !ok {
			t.Fatalf("no preview of %s", id)
		}
		html := string(b)
		for _, forbidden := range []string{"<script", "<img", "<link", "@import", "url(", "<iframe", "src="} {
			if strings.Contains(html, forbidden) {
				t.Errorf("preview of %s contains %q", id, forbidden)
			}
		}
		if !strings.Contains(html, "https://data.test/") {
			t.Errorf("preview of %s does not link its page", id)
		}
	}
	b, _ := ix.Preview("munich", testService)
	if !strings.Contains(string(b), "Q1726") || !strings.Contains(string(b), "Germany (DE)") {
		t.Errorf("munich preview:\n%s", b)
	}
	if _, ok := ix.Preview("nowhere", testService); ok {
		t.Error("a preview of an unknown ID")
	}
}

func TestManifests(t *testing.T) {
	m02 := testService.Manifest02()
	if m02.IdentifierSpace != "https://data.test/id/municipality/" || m02.SchemaSpace != VocabNS ||
		m02.View.URL != "https://data.test/reconcile/view/{{id}}" || m02.Suggest.Entity.ServiceURL != "https://data.test/reconcile/v0.2" {
		t.Errorf("0.2 manifest %+v", m02)
	}
	m10 := testService.Manifest10()
	if m10.View.URL != "https://data.test/reconcile/view/{id}" || !slices.Equal(m10.Versions, []string{"1.0-draft"}) {
		t.Errorf("1.0 manifest %+v", m10)
	}
	if testService.ViewURL("network:eccar") != "https://data.test/reconcile/view/network:eccar" {
		t.Error(testService.ViewURL("network:eccar"))
	}
}

// TestSyntheticNamesakes checks the match rule where namesakes abound: in
// 20,000 synthetic municipalities, a name with its country is matched
// exactly when no other municipality of that country bears the name.
func TestSyntheticNamesakes(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a synthetic dataset")
	}
	d := synth.Generate(synth.Options{Municipalities: 20_000, Seed: 3})
	ix := NewIndex(dataset.NewSnapshot(d, 1))
	byKeyCountry := map[string][]string{}
	for _, e := range ix.entities {
		if e.typ != dataset.TypeMunicipality {
			continue
		}
		for _, nk := range e.names {
			k := nk.key + "|" + e.countries[0]
			if !slices.Contains(byKeyCountry[k], e.id) {
				byKeyCountry[k] = append(byKeyCountry[k], e.id)
			}
		}
	}
	r := rand.New(rand.NewPCG(3, 3))
	matched, ambiguous := 0, 0
	for range 1000 {
		m := d.Municipalities[r.IntN(len(d.Municipalities))]
		langs := m.Names.Langs()
		name := m.Names[langs[r.IntN(len(langs))]]
		cs := ix.Reconcile(Query{Names: []string{name}, Type: dataset.TypeMunicipality,
			Conditions: []Condition{{Property: PropCountry, Values: []string{m.Country}}}})
		namesakes := 0
		for _, k := range keysOf(name) {
			namesakes = max(namesakes, len(byKeyCountry[k+"|"+m.Country]))
		}
		switch {
		case namesakes > 1 && cs[0].Match:
			t.Errorf("%q in %s: matched %s though %d municipalities there bear the name", name, m.Country, cs[0].ID, namesakes)
		case namesakes == 1 && (!cs[0].Match || cs[0].ID != m.ID):
			t.Errorf("%q in %s: the only one of that name (%s) was not matched: %s", name, m.Country, m.ID, describe(cs))
		case namesakes > 1:
			ambiguous++
		default:
			matched++
		}
	}
	t.Logf("1000 queries: %d unique names matched, %d namesakes left open", matched, ambiguous)
}
