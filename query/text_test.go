package query

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
)

// textFixture is the seed with texts in every platform language put in
// a few records, as journalists' searches would meet them.
func textFixture(t testing.TB) *dataset.Dataset {
	t.Helper()
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	muni := func(id string) *dataset.Municipality {
		for i := range d.Municipalities {
			if d.Municipalities[i].ID == id {
				return &d.Municipalities[i]
			}
		}
		t.Fatalf("no municipality %s in the seed", id)
		return nil
	}
	appr := func(id string) *dataset.Approach {
		for i := range d.Approaches {
			if d.Approaches[i].ID == id {
				return &d.Approaches[i]
			}
		}
		t.Fatalf("no approach %s in the seed", id)
		return nil
	}
	muni("gdansk").Summary = dataset.Text{
		"en": "Featured for its council of immigrants, which advises the city on inclusion.",
		"pl": "Miasto chroni mieszkańców przed deportacją i wspiera uchodźców.",
	}
	muni("bern").Summary = dataset.Text{
		"en": "Featured for a city ID card that shields undocumented residents from deportation.",
		"de": "Die Stadt plant ein Bürgerasyl und schützt Menschen ohne Papiere vor der Abschiebung.",
		"fr": "La ville protège les sans-papiers contre les expulsions.",
	}
	muni("thessaloniki").Summary = dataset.Text{
		"en": "Listed as a member of the Greek Cities Network for Integration.",
		"el": "Ο δήμος στεγάζει πρόσφυγες στο κέντρο της πόλης.",
	}
	// Names another city: a search for that name must rank the city
	// itself first.
	muni("grafing-bei-munchen").Summary = dataset.Text{"en": "Like Munich, it joined the Safe Harbours campaign."}
	appr("charter").Summary = dataset.Text{
		"en": "A charter that rejects deportations and calls mobility a human right.",
		"es": "Una carta que rechaza la deportación de los migrantes.",
		"it": "Una carta che accoglie i rifugiati e rifiuta le espulsioni.",
	}
	// A case study's texts, blocks included, and an approach's sections
	// and the platform's slugs it is known by.
	muni("palermo").CityContent = dataset.CityContent{
		Subtitle:  dataset.Text{"en": "A harbour city"},
		Reasoning: dataset.Text{"en": "The mayor calls residence permits a formality."},
		Takeaways: []dataset.Takeaway{{Lang: "en", Text: "Palermo appointed a councillor for cultures."}},
		Blocks: []dataset.Block{
			{Lang: "en", Position: 1, Kind: dataset.BlockQuote, Text: "Nobody chooses where to be born.", Author: "Leoluca Orlando"},
			{Lang: "it", Position: 1, Kind: dataset.BlockSection, Title: "La consulta", Text: "Un'assemblea elettiva delle comunità."},
		},
		ContentOrigin: dataset.Origins{"en": dataset.OriginOwn, "it": dataset.OriginOwn},
	}
	appr("charter").Blocks = []dataset.Block{{Lang: "en", Position: 1, Kind: dataset.BlockSection, Title: "Signatories", Text: "Signed by cultural associations."}}
	appr("charter").Aliases = []string{"carta-di-palermo"}
	// The replaced texts are the fixture's own: the seed's origins of
	// their languages no longer apply.
	for _, id := range []string{"gdansk", "bern", "thessaloniki", "grafing-bei-munchen"} {
		muni(id).SummaryOrigin = nil
	}
	appr("charter").SummaryOrigin = nil
	if err := d.Validate(); err != nil {
		t.Fatalf("fixture: %v", err)
	}
	return d
}

func textView(t testing.TB) *View {
	t.Helper()
	v := NewView(dataset.NewSnapshot(textFixture(t), 1))
	t.Cleanup(v.Close)
	return v
}

// TestFullTextSearch: q finds records by the words of their texts in
// every platform language, stemmed and without diacritics, and still by
// their names, which rank first.
func TestFullTextSearch(t *testing.T) {
	v := textView(t)
	for _, tc := range []struct {
		name    string
		typ     dataset.Type
		q       string
		include []string // among the hits
		exclude []string // not among them
		first   string   // the first hit, when it matters
	}{
		// English: the word, its plural, another form of it.
		{"en word", dataset.TypeMunicipality, "deportation", []string{"bern"}, []string{"munich", "athens", "gdansk"}, ""},
		{"en plural finds singular", dataset.TypeMunicipality, "deportations", []string{"bern"}, nil, ""},
		{"en singular finds plural", dataset.TypeApproach, "deportation", []string{"charter"}, nil, ""},
		{"en inflection", dataset.TypeApproach, "deported", []string{"charter"}, nil, ""},
		// Approaches are found by the labels of their categories too.
		{"en category label", dataset.TypeApproach, "deportation", []string{"city-id-card", "the-digital-city-card-1"}, []string{"open-harbors"}, ""},
		{"en every word", dataset.TypeMunicipality, "ID card", []string{"bern", "zurich"}, []string{"gdansk"}, ""},
		{"en all words must match", dataset.TypeMunicipality, "ID card Gdańsk", nil, []string{"bern", "zurich"}, ""},
		{"en category", dataset.TypeCategory, "deportations", []string{"residence-protection-against-deportation"}, nil, ""},
		{"en approach title", dataset.TypeApproach, "asylum seeker", []string{"the-nausica-programme-a-holistic-approach-to-communal-reception-and-social-inclusion"}, nil, ""},
		// German: plural, umlaut written out or dropped.
		{"de word", dataset.TypeMunicipality, "Abschiebung", []string{"bern"}, nil, ""},
		{"de plural", dataset.TypeMunicipality, "Abschiebungen", []string{"bern"}, nil, ""},
		{"de compound", dataset.TypeMunicipality, "Bürgerasyl", []string{"bern"}, nil, ""},
		{"de ue for ü", dataset.TypeMunicipality, "buergerasyl", []string{"bern"}, nil, ""},
		{"de no umlaut", dataset.TypeMunicipality, "burgerasyl", []string{"bern"}, nil, ""},
		{"de category label", dataset.TypeApproach, "Abschiebungen", []string{"city-id-card"}, nil, ""},
		// French, Spanish, Italian, Polish: stemmed, diacritics folded.
		{"fr singular finds plural", dataset.TypeMunicipality, "expulsion", []string{"bern"}, nil, ""},
		{"fr without accents", dataset.TypeMunicipality, "protege", []string{"bern"}, nil, ""},
		{"es without accent", dataset.TypeApproach, "deportacion", []string{"charter"}, nil, ""},
		{"es plural", dataset.TypeApproach, "deportaciones", []string{"charter"}, nil, ""},
		{"it singular finds plural", dataset.TypeApproach, "rifugiato", []string{"charter"}, nil, ""},
		{"pl inflected", dataset.TypeMunicipality, "deportacja", []string{"gdansk"}, nil, ""},
		{"pl without diacritics", dataset.TypeMunicipality, "uchodzcow", []string{"gdansk"}, nil, ""},
		// Greek: no stemmer, but accents and final sigma are folded.
		{"el with accents", dataset.TypeMunicipality, "πρόσφυγες", []string{"thessaloniki"}, nil, ""},
		{"el without accents", dataset.TypeMunicipality, "ΠΡΟΣΦΥΓΕΣ", []string{"thessaloniki"}, nil, ""},
		// A case study's tagline, reasoning, takeaways, quotes (text and
		// author) and sections; an approach's sections and its aliases.
		{"case study reasoning", dataset.TypeMunicipality, "formality", []string{"palermo"}, []string{"bern"}, ""},
		{"case study takeaway", dataset.TypeMunicipality, "councillor", []string{"palermo"}, nil, ""},
		{"quote text", dataset.TypeMunicipality, "born", []string{"palermo"}, nil, ""},
		{"quote author", dataset.TypeMunicipality, "Orlando", []string{"palermo"}, nil, ""},
		{"section in Italian", dataset.TypeMunicipality, "assemblea", []string{"palermo"}, nil, ""},
		{"approach section", dataset.TypeApproach, "signatories", []string{"charter"}, nil, ""},
		{"approach alias", dataset.TypeApproach, "carta-di-palermo", nil, nil, "charter"},
		// Names still rank first: Munich's name before the summary that
		// mentions it, and the name searches as before.
		{"name outranks text", dataset.TypeMunicipality, "Munich", []string{"grafing-bei-munchen"}, nil, "munich"},
		{"name folded", dataset.TypeMunicipality, "munchen", nil, nil, "munich"},
		{"name in Greek", dataset.TypeMunicipality, "Αθήνα", nil, nil, "athens"},
		{"name without diacritics", dataset.TypeMunicipality, "gdansk", nil, nil, "gdansk"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := v.List(Request{Type: tc.typ, Q: tc.q, Limit: MaxLimit})
			if err != nil {
				t.Fatal(err)
			}
			for _, id := range tc.include {
				if !slices.Contains(p.IDs, id) {
					t.Errorf("q=%q: %s not found in %v", tc.q, id, p.IDs)
				}
			}
			for _, id := range tc.exclude {
				if slices.Contains(p.IDs, id) {
					t.Errorf("q=%q: %s found", tc.q, id)
				}
			}
			if tc.first != "" && (len(p.IDs) == 0 || p.IDs[0] != tc.first) {
				t.Errorf("q=%q: first %v, want %s", tc.q, p.IDs, tc.first)
			}
			if p.Total != len(p.IDs) {
				t.Errorf("total %d, items %d", p.Total, len(p.IDs))
			}
		})
	}
}

// Text matches rank by score: a record whose title holds the words
// ranks above one whose category labels do; filters narrow text hits
// as they narrow name hits; pages of a text search walk every hit once.
func TestFullTextRankingAndPaging(t *testing.T) {
	v := textView(t)
	p, err := v.List(Request{Type: dataset.TypeApproach, Q: "city card", Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.IDs) < 2 || p.IDs[0] != "city-id-card" {
		t.Errorf("city card: %v, want city-id-card first", p.IDs)
	}
	all, err := v.List(Request{Type: dataset.TypeApproach, Q: "deportation", Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total < 3 {
		t.Fatalf("deportation: only %v", all.IDs)
	}
	if i := slices.Index(all.IDs, "charter"); i != 0 {
		t.Errorf("charter, whose own summary says it, is at %d of %v", i, all.IDs)
	}
	var walked []string
	req := Request{Type: dataset.TypeApproach, Q: "deportation", Limit: 2}
	for {
		pg, err := v.List(req)
		if err != nil {
			t.Fatal(err)
		}
		walked = append(walked, pg.IDs...)
		if pg.Next == "" {
			break
		}
		req.Cursor = pg.Next
	}
	if !slices.Equal(walked, all.IDs) {
		t.Errorf("pages %v, one list %v", walked, all.IDs)
	}
	ch, err := v.List(Request{Type: dataset.TypeMunicipality, Q: "deportation", Filter: Filter{Country: "CH"}, Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ch.IDs, []string{"bern"}) {
		t.Errorf("deportation in CH: %v", ch.IDs)
	}
	sorted, err := v.List(Request{Type: dataset.TypeMunicipality, Q: "ID card", Sort: "-id", Limit: MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.IsSortedFunc(sorted.IDs, func(a, b string) int { return strings.Compare(b, a) }) || !slices.Contains(sorted.IDs, "zurich") || !slices.Contains(sorted.IDs, "bern") {
		t.Errorf("sort=-id: %v", sorted.IDs)
	}
}

// Snippets cut the matched passage out of the text in the reader's
// language where it matched, marking the matched words as written.
func TestSnippets(t *testing.T) {
	v := textView(t)
	ctx := context.Background()
	for _, tc := range []struct {
		typ        dataset.Type
		q, id      string
		lang       string
		field      string
		snippetLng string
		hits       []string
	}{
		{dataset.TypeMunicipality, "deportations", "bern", "en", "summary", "en", []string{"deportation"}},
		{dataset.TypeMunicipality, "Abschiebungen", "bern", "de", "summary", "de", []string{"Abschiebung"}},
		{dataset.TypeMunicipality, "burgerasyl", "bern", "de", "summary", "de", []string{"Bürgerasyl"}},
		{dataset.TypeMunicipality, "ID card", "bern", "en", "summary", "en", []string{"ID", "card"}},
		{dataset.TypeApproach, "deportacion", "charter", "es", "summary", "es", []string{"deportación"}},
		{dataset.TypeApproach, "deportation", "city-id-card", "en", "categories", "en", []string{"deportation"}},
		{dataset.TypeMunicipality, "προσφυγες", "thessaloniki", "el", "summary", "el", []string{"πρόσφυγες"}},
	} {
		t.Run(tc.q+"/"+tc.id, func(t *testing.T) {
			s, ok := v.Snippets(ctx, tc.typ, tc.q, []string{tc.id, "munich"}, tc.lang)[tc.id]
			if !ok {
				t.Fatal("no snippet")
			}
			if s.Field != tc.field || s.Lang != tc.snippetLng {
				t.Errorf("snippet of %s in %s, want %s in %s", s.Field, s.Lang, tc.field, tc.snippetLng)
			}
			var hits []string
			var text strings.Builder
			for _, p := range s.Parts {
				if p.Hit {
					hits = append(hits, p.Text)
				}
				text.WriteString(p.Text)
			}
			if !slices.Equal(hits, tc.hits) {
				t.Errorf("marked %q, want %q (in %q)", hits, tc.hits, text.String())
			}
		})
	}
	if s := v.Snippets(ctx, dataset.TypeMunicipality, "munchen", []string{"grafing-bei-munchen"}, "en"); len(s) != 0 {
		t.Errorf("a name match has a snippet: %v", s)
	}
}

func TestCutSnippet(t *testing.T) {
	greek := "Ο δήμος στεγάζει πρόσφυγες " + strings.Repeat("στο κέντρο της πόλης ", 10)
	gr := strings.Index(greek, "πρόσφυγες")
	long := strings.Repeat("Lorem ipsum dolor sit amet. ", 20) + "The city refuses deportations." + strings.Repeat(" Consectetur adipiscing elit.", 20)
	at := strings.Index(long, "deportations")
	for _, tc := range []struct {
		name   string
		text   string
		spans  [][2]int
		width  int
		before bool // "…" first
		after  bool // "…" last
		hit    string
	}{
		{"short text whole", "Stops deportations.", [][2]int{{6, 18}}, 100, false, false, "deportations"},
		{"long text cut on both sides", long, [][2]int{{at, at + len("deportations")}}, 80, true, true, "deportations"},
		{"match at start", long, [][2]int{{0, 5}}, 80, false, true, "Lorem"},
		{"multibyte", greek, [][2]int{{gr, gr + len("πρόσφυγες")}}, 40, true, true, "πρόσφυγες"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parts := cutSnippet(tc.text, tc.spans, tc.width)
			if len(parts) == 0 {
				t.Fatal("empty")
			}
			var text strings.Builder
			var hits []string
			for _, p := range parts {
				text.WriteString(p.Text)
				if p.Hit {
					hits = append(hits, p.Text)
				}
			}
			s := text.String()
			if !strings.HasPrefix(s, "…") == tc.before || !strings.HasSuffix(s, "…") == tc.after {
				t.Errorf("ellipses wrong in %q", s)
			}
			if !slices.Equal(hits, []string{tc.hit}) {
				t.Errorf("hits %q in %q", hits, s)
			}
			if len(s) > tc.width+2*len("…")+len(tc.hit) {
				t.Errorf("%d bytes: %q", len(s), s)
			}
			if !strings.Contains(tc.text, strings.Trim(s, "…")) {
				t.Errorf("%q is not a passage of the text", s)
			}
		})
	}
}

// A View whose indexes are built in the background searches names alone
// until they are in force, and never a part of them; Close returns it to
// names alone.
func TestSearchInBackground(t *testing.T) {
	v := NewView(dataset.NewSnapshot(textFixture(t), 1))
	v.SearchInBackground()
	find := func() []string {
		p, err := v.List(Request{Type: dataset.TypeMunicipality, Q: "deportation", Limit: MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		return p.IDs
	}
	if ids := find(); len(ids) != 0 || v.FullText() {
		t.Fatalf("before the build: %v, full text %v", ids, v.FullText())
	}
	if got := v.Snippets(context.Background(), dataset.TypeMunicipality, "deportation", []string{"bern"}, "en"); got != nil {
		t.Errorf("snippets before the build: %v", got)
	}
	if err := v.PrepareSearch(context.Background()); err != nil {
		t.Fatal(err)
	}
	if ids := find(); !slices.Contains(ids, "bern") || !v.FullText() {
		t.Fatalf("after the build: %v, full text %v", ids, v.FullText())
	}
	if p, _ := v.List(Request{Type: dataset.TypeMunicipality, Q: "munchen", Limit: 10}); len(p.IDs) == 0 || p.IDs[0] != "munich" {
		t.Errorf("names: %v", p.IDs)
	}
	v.Close()
	if ids := find(); len(ids) != 0 || v.FullText() {
		t.Errorf("after Close: %v, full text %v", ids, v.FullText())
	}
	if p, _ := v.List(Request{Type: dataset.TypeMunicipality, Q: "munchen", Limit: 10}); len(p.IDs) == 0 || p.IDs[0] != "munich" {
		t.Errorf("names after Close: %v", p.IDs)
	}
}

// A search during a build waits for nothing and sees no part of the
// indexes: concurrent searches while PrepareSearch runs find either the
// names alone or every text hit.
func TestSearchDuringBuild(t *testing.T) {
	v := NewView(dataset.NewSnapshot(textFixture(t), 1))
	t.Cleanup(v.Close)
	v.SearchInBackground()
	done := make(chan error)
	go func() { done <- v.PrepareSearch(context.Background()) }()
	want := []string{"bern"}
	for finished := false; !finished; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			finished = true
		default:
		}
		p, err := v.List(Request{Type: dataset.TypeMunicipality, Q: "deportation", Sort: "id", Limit: MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.IDs) != 0 && !slices.Equal(p.IDs, want) {
			t.Fatalf("partial result %v", p.IDs)
		}
	}
	p, _ := v.List(Request{Type: dataset.TypeMunicipality, Q: "deportation", Sort: "id", Limit: MaxLimit})
	if !slices.Equal(p.IDs, want) {
		t.Errorf("after the build: %v", p.IDs)
	}
}
