package dataset

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The embedded seed must always be valid: the service loads it into every
// new database.
func TestSeedIsValid(t *testing.T) {
	d, err := Seed()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	featured := 0
	for _, m := range d.Municipalities {
		if m.Featured {
			featured++
		}
		for _, q := range m.WikidataCandidates {
			if q == m.Wikidata {
				t.Errorf("%s: candidate %s published as its Wikidata link", m.ID, q)
			}
		}
	}
	if featured < 21 || len(d.Networks) < 15 || len(d.Approaches) < 22 || len(d.Categories) < 7 || len(d.Municipalities) < 200 {
		t.Errorf("seed lost records: %d featured, %d networks, %d approaches, %d categories, %d municipalities",
			featured, len(d.Networks), len(d.Approaches), len(d.Categories), len(d.Municipalities))
	}
}

// noteYear finds a year in a membership's evidence note.
var noteYear = regexp.MustCompile(`\b(19|20)\d\d\b`)

// Every membership whose evidence note states a date carries it, at the
// note's precision, as since (the note dates the start of the tie) or
// attested (the note only shows the tie at that date); a date that the
// note does not state is never made up.
func TestSeedMembershipDates(t *testing.T) {
	d, err := Seed()
	if err != nil {
		t.Fatal(err)
	}
	var since, attested, withDateInNote int
	byPrecision := map[Precision]int{}
	for _, m := range d.Memberships {
		note := ""
		if m.Source != nil {
			note = m.Source.Note
		}
		dated := noteYear.MatchString(note)
		if dated {
			withDateInNote++
		}
		date := m.Since
		if !m.Since.IsZero() {
			since++
		}
		if !m.Attested.IsZero() {
			attested++
			date = m.Attested
		}
		switch {
		case dated && date.IsZero():
			t.Errorf("%s: the note dates it (%q) but since and attested are empty", m.ID, note)
			continue
		case !dated && !date.IsZero():
			t.Errorf("%s: dated %s although its note states no date (%q)", m.ID, date, note)
			continue
		case date.IsZero():
			continue
		}
		byPrecision[date.Precision]++
		if !strings.Contains(note, strconv.Itoa(date.Year)) {
			t.Errorf("%s: year of %s is not in its note %q", m.ID, date, note)
		}
		if date.Precision >= PrecisionMonth {
			month := time.Month(date.Month).String()[:3]
			if !strings.Contains(note, month) && !(date.Month == 6 && date.Day == 20 && strings.Contains(note, "World Refugee Day")) {
				t.Errorf("%s: month of %s is not in its note %q", m.ID, date, note)
			}
		}
		if date.Precision == PrecisionDay && !strings.Contains(note, strconv.Itoa(date.Day)+" ") && !strings.Contains(note, "World Refugee Day") {
			t.Errorf("%s: day of %s is not in its note %q", m.ID, date, note)
		}
	}
	t.Logf("%d memberships, %d with a dated note: %d with since, %d attested only; precision: %d year, %d month, %d day",
		len(d.Memberships), withDateInNote, since, attested,
		byPrecision[PrecisionYear], byPrecision[PrecisionMonth], byPrecision[PrecisionDay])
	// The counts of the current seed, so that a rebuild that loses dates
	// shows up here.
	if since != 73 || attested != 97 || since+attested != withDateInNote {
		t.Errorf("dated memberships: %d since + %d attested, %d notes with a date; want 73 + 97 = 170", since, attested, withDateInNote)
	}
}

// The seed claims no more than its sources: a municipality known only
// from ties attested before 2015 is not published as active, and one whose
// sources do not settle which authority is meant says so in its kind.
func TestSeedDoesNotOverclaim(t *testing.T) {
	d, err := Seed()
	if err != nil {
		t.Fatal(err)
	}
	snap := NewSnapshot(d, 1)
	unknown := 0
	for _, m := range d.Municipalities {
		ms := snap.MembershipsOf(m.ID)
		stale := !m.Featured && len(ms) > 0
		for _, x := range ms {
			if !x.Since.IsZero() || x.Attested.IsZero() || x.Attested.Year >= 2015 {
				stale = false
			}
		}
		if stale != (m.Status == StatusUnknown) {
			t.Errorf("%s: status %s, but only attested before 2015: %v", m.ID, m.Status, stale)
		}
		if m.Status == StatusUnknown {
			unknown++
		}
	}
	if unknown == 0 {
		t.Error("no municipality has status unknown; the 2009 pilot cities should")
	}
	if b, ok := snap.Municipality("brussels"); !ok || b.Kind != KindUncertain {
		t.Errorf("brussels: kind %v, want %s", b, KindUncertain)
	}
}

// The coverage statement is counted from the data against the platform's
// totals from the seed facts, and changes when the data does.
func TestCoverage(t *testing.T) {
	d, err := Seed()
	if err != nil {
		t.Fatal(err)
	}
	p, err := Platform()
	if err != nil {
		t.Fatal(err)
	}
	c := CoverageOf(NewSnapshot(d, 1), p)
	if c.Municipalities.Have != len(d.Municipalities) || c.Approaches.Have != len(d.Approaches) || c.Featured.Have != 21 ||
		c.Municipalities.Platform != 781 || !c.Municipalities.Approximate || c.Featured.Platform != 28 || c.Featured.Approximate ||
		c.Approaches.Platform != 50 || c.Municipalities.Source == "" {
		t.Errorf("coverage %+v", c)
	}
	want := "The dataset holds 202 of ~781 municipalities, 21 of 28 featured case studies and 22 of ~50 local approaches of those the Moving Cities platform shows; a sync from the platform's CMS is to bring the rest."
	if got := c.Statement("en"); got != want {
		t.Errorf("statement\n%s\nwant\n%s", got, want)
	}
	for _, lang := range Languages {
		if s := c.Statement(lang); !strings.Contains(s, "202") || !strings.Contains(s, "~781") || !strings.Contains(s, "21") {
			t.Errorf("%s: %s", lang, s)
		}
		if _, ok := coverageText[lang]; !ok {
			t.Errorf("no coverage statement in %s", lang)
		}
	}
	// One more featured municipality changes the statement.
	d.Municipalities = append(d.Municipalities, Municipality{ID: "new-town", Names: Names{"en": "New Town"}, Country: "DE",
		Featured: true, Status: StatusActive})
	c2 := CoverageOf(NewSnapshot(d, 2), p)
	if c2.Municipalities.Have != 203 || c2.Featured.Have != 22 || !strings.Contains(c2.Statement("en"), "203 of ~781 municipalities, 22 of 28") {
		t.Errorf("after adding one: %s", c2.Statement("en"))
	}
	// The README states the seed's coverage as the service computes it.
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), want) {
		t.Errorf("README.md does not state the seed's coverage:\n%s", want)
	}
}

// Our own classifications and identifiers say so: every network slug is
// ours (the seed facts say so), so are the member cities' slugs, and every
// approach's categories are our classification.
func TestSeedMarksItsOwnWork(t *testing.T) {
	d, err := Seed()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range d.Networks {
		if !n.IDCoined {
			t.Errorf("network %s: id_coined not set", n.ID)
		}
	}
	for _, a := range d.Approaches {
		if !a.OwnCategories {
			t.Errorf("approach %s: own_categories not set", a.ID)
		}
	}
	for _, m := range d.Municipalities {
		if !m.Featured && !m.IDCoined {
			t.Errorf("member city %s: id_coined not set", m.ID)
		}
		if m.Featured && m.IDCoined && m.ID != "rottenburg" {
			t.Errorf("featured city %s: the platform's slug marked as ours", m.ID)
		}
	}
}

// factsGathered is the day the seed's facts were gathered
// (scripts/seed-prose.json, facts_gathered).
var factsGathered = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

// Seed records are dated by when their facts were gathered, not by when
// the seed is loaded; their sources say when they were read (issue 19).
func TestSeedRecordsAreDatedByTheirFacts(t *testing.T) {
	d, err := Seed()
	if err != nil {
		t.Fatal(err)
	}
	var stamps []struct {
		what string
		st   Stamps
	}
	var sources []Source
	add := func(what string, st Stamps, srcs []Source) {
		stamps = append(stamps, struct {
			what string
			st   Stamps
		}{what, st})
		sources = append(sources, srcs...)
	}
	for _, x := range d.Countries {
		add("country "+x.ID, x.Stamps, nil)
	}
	for _, x := range d.Categories {
		add("category "+x.ID, x.Stamps, x.Sources)
	}
	for _, x := range d.Networks {
		add("network "+x.ID, x.Stamps, x.Sources)
	}
	for _, x := range d.Municipalities {
		add("municipality "+x.ID, x.Stamps, x.Sources)
	}
	for _, x := range d.Memberships {
		var s []Source
		if x.Source != nil {
			s = []Source{*x.Source}
		}
		add("membership "+x.ID, x.Stamps, s)
	}
	for _, x := range d.Approaches {
		add("approach "+x.ID, x.Stamps, x.Sources)
	}
	for _, s := range stamps {
		if !s.st.Created.Equal(factsGathered) || !s.st.Modified.Equal(factsGathered) {
			t.Errorf("%s: created %v, modified %v; want the day its facts were gathered, %v", s.what, s.st.Created, s.st.Modified, factsGathered)
		}
	}
	titled := 0
	for _, s := range sources {
		if s.Accessed.IsZero() || s.Accessed.Precision != PrecisionDay || s.Accessed.String() > factsGathered.Format(time.DateOnly) {
			t.Errorf("source %s: accessed %q; want a day on or before the facts were gathered", s.URL, s.Accessed)
		}
		if s.Title != "" {
			titled++
		}
	}
	if len(sources) < 800 || titled == 0 {
		t.Errorf("%d sources, %d with a title", len(sources), titled)
	}
	t.Logf("%d records dated %s; %d sources, all with accessed, %d with a title", len(stamps), factsGathered.Format(time.DateOnly), len(sources), titled)
}

// Every text of the seed people read (municipalities' summaries, networks'
// descriptions, approaches' titles and summaries, categories' labels and
// definitions) is in all seven platform languages, and each language says
// where it came from: the English texts are this project's own words, the
// others its translations, never passed off as the platform's (issue 19).
func TestSeedTextsInEveryLanguageWithOrigin(t *testing.T) {
	d, err := Seed()
	if err != nil {
		t.Fatal(err)
	}
	type text struct {
		what    string
		tx      Text
		origins Origins
	}
	var texts []text
	for _, x := range d.Categories {
		texts = append(texts, text{"category " + x.ID + " labels", x.Labels, x.LabelsOrigin},
			text{"category " + x.ID + " definitions", x.Definitions, x.DefinitionsOrigin})
	}
	for _, x := range d.Networks {
		texts = append(texts, text{"network " + x.ID + " description", x.Description, x.DescriptionOrigin})
	}
	for _, x := range d.Approaches {
		texts = append(texts, text{"approach " + x.ID + " title", x.Title, x.TitleOrigin},
			text{"approach " + x.ID + " summary", x.Summary, x.SummaryOrigin})
	}
	for _, x := range d.Municipalities {
		texts = append(texts, text{"municipality " + x.ID + " summary", x.Summary, x.SummaryOrigin})
	}
	translations := 0
	for _, x := range texts {
		for _, lang := range Languages {
			s, o := x.tx[lang], x.origins[lang]
			switch {
			case strings.TrimSpace(s) == "":
				t.Errorf("%s: no %s text", x.what, lang)
			case lang == "en" && o != OriginOwn:
				t.Errorf("%s: the English text's origin is %q, want %q", x.what, o, OriginOwn)
			case lang != "en" && o == OriginPlatform:
				t.Errorf("%s: the %s text claims to be the platform's wording", x.what, lang)
			case lang != "en" && o == "":
				t.Errorf("%s: the %s text has no origin", x.what, lang)
			case lang != "en" && s == x.tx["en"] && !strings.Contains(x.what, "category"):
				t.Errorf("%s: the %s text is the English one", x.what, lang)
			}
			if o == OriginTranslation {
				translations++
			}
		}
		if len(x.origins) != len(x.tx) {
			t.Errorf("%s: %d languages, %d origins", x.what, len(x.tx), len(x.origins))
		}
	}
	if want := len(texts) * (len(Languages) - 1); translations < want-len(d.Categories) {
		t.Errorf("%d translations, want about %d", translations, want)
	}
	t.Logf("%d texts in %d languages: %d translations by this project", len(texts), len(Languages), translations)
}
