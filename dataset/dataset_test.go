package dataset

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestParsePartialDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Precision
		wantErr bool
	}{
		{"2018", PrecisionYear, false},
		{"2018-07", PrecisionMonth, false},
		{"2018-07-15", PrecisionDay, false},
		{"2018-13", 0, true},
		{"2018-02-30", 0, true},
		{"18", 0, true},
		{"2018/07/15", 0, true},
		{"", 0, true},
	}
	for _, tt := range tests {
		d, err := ParsePartialDate(tt.in)
		if (err != nil) != tt.wantErr || d.Precision != tt.want {
			t.Errorf("ParsePartialDate(%q) = %v (%v), %v", tt.in, d, d.Precision, err)
			continue
		}
		if err == nil && d.String() != tt.in {
			t.Errorf("ParsePartialDate(%q).String() = %q", tt.in, d.String())
		}
	}
	y, _ := ParsePartialDate("2018")
	m, _ := ParsePartialDate("2018-12")
	if y.Before(m) || !m.Before(mustDate(t, "2019")) {
		t.Error("Before must compare whole periods")
	}
}

func mustDate(t *testing.T, s string) PartialDate {
	d, err := ParsePartialDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Gdańsk", "gdansk"},
		{"MÜNCHEN", "munchen"},
		{"Θεσσαλονίκη", "θεσσαλονικη"},
		{"Frankfurt (Oder)", "frankfurt oder"},
		{"  Straße ", "strasse"},
		{"Łódź", "lodz"},
		{"Ørland", "orland"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Transliterate(Fold("Αθήνα")); got != "athina" {
		t.Errorf("Transliterate(Αθήνα) = %q, want athina", got)
	}
	if got := Transliterate(Fold("Київ")); got != "kiiv" && got != "kyiv" {
		t.Errorf("Transliterate(Київ) = %q", got)
	}
}

func validMunicipality() Municipality {
	return Municipality{ID: "testville", Names: Names{"en": "Testville", "de": "Teststadt"}, Country: "DE",
		Coordinates: &Coordinates{Lat: 52.5, Lon: 13.4}, Status: StatusActive}
}

func TestValidate(t *testing.T) {
	base := func() *Dataset {
		return &Dataset{
			Countries:      []Country{{ID: "DE", Names: Names{"en": "Germany"}, Wikidata: "Q183", BBox: &BBox{West: 5.8, South: 47.2, East: 15.1, North: 55.1}}},
			Networks:       []Network{{ID: "net", Names: Names{"en": "Net"}, Scope: ScopeNational, Countries: []string{"DE"}}},
			Categories:     []Category{{ID: "reception", Labels: Text{"en": "Reception"}}},
			Municipalities: []Municipality{validMunicipality()},
		}
	}
	tests := []struct {
		name  string
		edit  func(d *Dataset)
		field string // "" means valid
	}{
		{"valid", func(*Dataset) {}, ""},
		{"bad slug", func(d *Dataset) { d.Municipalities[0].ID = "Test Ville" }, "id"},
		{"duplicate id", func(d *Dataset) { d.Municipalities = append(d.Municipalities, validMunicipality()) }, "id"},
		{"unknown country", func(d *Dataset) { d.Municipalities[0].Country = "FR" }, "country"},
		{"malformed qid", func(d *Dataset) { d.Municipalities[0].Wikidata = "Q0" }, "wikidata"},
		{"latitude out of range", func(d *Dataset) { d.Municipalities[0].Coordinates.Lat = 91 }, "coordinates.lat"},
		{"far outside country", func(d *Dataset) { d.Municipalities[0].Coordinates = &Coordinates{Lat: 13.4, Lon: 52.5} }, "coordinates"},
		{"bad language tag", func(d *Dataset) { d.Municipalities[0].Names["en_GB"] = "x" }, "names"},
		{"missing english name", func(d *Dataset) { delete(d.Municipalities[0].Names, "en") }, "names.en"},
		{"text in non-platform language", func(d *Dataset) { d.Municipalities[0].Summary = Text{"en": "x", "nl": "y"} }, "summary"},
		{"bad url", func(d *Dataset) { d.Municipalities[0].Website = "www.example.org" }, "website"},
		// The case-study content (issue 15).
		{"case study", func(d *Dataset) { d.Municipalities[0].CityContent = validCityContent() }, ""},
		{"report file not a URL", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			d.Municipalities[0].ReportFile["de"] = "uploads/r.pdf"
		}, "report_file.de"},
		{"tagline on two lines", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			d.Municipalities[0].Subtitle["en"] = "a\nb"
		}, "subtitle.en"},
		{"reasoning too long", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			d.Municipalities[0].Reasoning["en"] = strings.Repeat("x", maxContentBytes+1)
		}, "reasoning.en"},
		{"reasoning without English", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			delete(d.Municipalities[0].Reasoning, "en")
		}, "reasoning.en"},
		{"takeaway in another language", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			d.Municipalities[0].Takeaways[0].Lang = "nl"
		}, "takeaways[0].lang"},
		{"empty takeaway", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			d.Municipalities[0].Takeaways[1].Text = " "
		}, "takeaways[1].text"},
		{"takeaways without English", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			d.Municipalities[0].Takeaways = []Takeaway{{Lang: "de", Text: "Eins"}}
		}, "takeaways"},
		{"block in another language", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			d.Municipalities[0].Blocks[1].Lang = "nl"
		}, "blocks[1].lang"},
		{"block out of order", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			d.Municipalities[0].Blocks[2].Position = 3
		}, "blocks[2].position"},
		{"block of an unknown kind", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			d.Municipalities[0].Blocks[0].Kind = "image"
		}, "blocks[0].kind"},
		{"empty quote", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			d.Municipalities[0].Blocks[0].Text = "\n"
		}, "blocks[0].text"},
		{"author on two lines", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			d.Municipalities[0].Blocks[0].Author = "A\nmayor"
		}, "blocks[0].author"},
		{"quote with a title", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			d.Municipalities[0].Blocks[0].Title = "Said"
		}, "blocks[0].title"},
		{"section with an author", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			d.Municipalities[0].Blocks[2].Author = "Someone"
		}, "blocks[2].author"},
		{"control character in a section", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			d.Municipalities[0].Blocks[2].Text = "a\x00b"
		}, "blocks[2].text"},
		{"blocks without English", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			d.Municipalities[0].Blocks = []Block{{Lang: "de", Position: 1, Kind: BlockQuote, Text: "Eins"}}
		}, "blocks"},
		{"content origin for a language without content", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			d.Municipalities[0].ContentOrigin["pl"] = OriginPlatform
		}, "content_origin.pl"},
		{"English content a translation", func(d *Dataset) {
			d.Municipalities[0].CityContent = validCityContent()
			d.Municipalities[0].ContentOrigin["en"] = OriginTranslation
		}, "content_origin.en"},
		{"bad source date", func(d *Dataset) {
			d.Municipalities[0].Sources = []Source{{URL: "https://example.org", Accessed: mustDate(t, "2024-05")}}
		}, "sources[0].accessed"},
		{"membership ends before it starts", func(d *Dataset) {
			d.Memberships = []Membership{{ID: "m", Municipality: "testville", Network: "net", Since: mustDate(t, "2020"), Until: mustDate(t, "2019-12-31")}}
		}, "until"},
		{"broken membership reference", func(d *Dataset) {
			d.Memberships = []Membership{{ID: "m", Municipality: "nowhere", Network: "net"}}
		}, "municipality"},
		{"approach without category", func(d *Dataset) {
			d.Approaches = []Approach{{ID: "a", Title: Text{"en": "A"}, Municipality: "testville", Status: ApproachActive}}
		}, "categories"},
		{"country name origin for a language it has no name in", func(d *Dataset) {
			d.Countries[0].NamesOrigin = Origins{"en": OriginPlatform, "fr": OriginPlatform}
		}, "names_origin.fr"},
		{"country source that is not a URL", func(d *Dataset) { d.Countries[0].Sources = []Source{{URL: "not a url"}} }, "sources[0].url"},
		{"approach alias that is not a slug", func(d *Dataset) {
			d.Approaches = []Approach{{ID: "a", Title: Text{"en": "A"}, Municipality: "testville", Categories: []string{"reception"},
				Status: ApproachActive, Aliases: []string{"the-platforms-slug", "Not A Slug"}}}
		}, "aliases[1]"},
		// Characters no output can carry (issue 16, item 3).
		{"NUL in a name", func(d *Dataset) { d.Municipalities[0].Names["en"] = "Test\x00ville" }, "names.en"},
		{"escape in a name", func(d *Dataset) { d.Municipalities[0].Names["de"] = "Test\x1bville" }, "names.de"},
		{"tab in a name", func(d *Dataset) { d.Municipalities[0].Names["en"] = "Test\tville" }, "names.en"},
		{"U+FFFE in a name", func(d *Dataset) { d.Municipalities[0].Names["en"] = "Test\uFFFEville" }, "names.en"},
		{"U+FFFF in an alias", func(d *Dataset) { d.Municipalities[0].Aliases = []Alias{{Lang: "en", Name: "T\uFFFF"}} }, "aliases[0].name"},
		{"invalid UTF-8 in a summary", func(d *Dataset) { d.Municipalities[0].Summary = Text{"en": "a\xffb"} }, "summary.en"},
		{"vertical tab in a summary", func(d *Dataset) { d.Municipalities[0].Summary = Text{"en": "a\vb"} }, "summary.en"},
		{"line breaks and tabs in a summary", func(d *Dataset) { d.Municipalities[0].Summary = Text{"en": "a\r\n\tb"} }, ""},
		// The origins of texts (issue 19).
		{"translated summary with origins", func(d *Dataset) {
			d.Municipalities[0].Summary = Text{"en": "Listed.", "de": "Aufgeführt."}
			d.Municipalities[0].SummaryOrigin = Origins{"en": OriginOwn, "de": OriginTranslation}
		}, ""},
		{"origin of a language the text lacks", func(d *Dataset) {
			d.Municipalities[0].Summary = Text{"en": "Listed."}
			d.Municipalities[0].SummaryOrigin = Origins{"de": OriginTranslation}
		}, "summary_origin.de"},
		{"unknown origin", func(d *Dataset) {
			d.Networks[0].Description = Text{"en": "A net."}
			d.Networks[0].DescriptionOrigin = Origins{"en": "machine"}
		}, "description_origin.en"},
		{"English text as a translation", func(d *Dataset) {
			d.Categories[0].LabelsOrigin = Origins{"en": OriginTranslation}
		}, "labels_origin.en"},
		{"reused retired id", func(d *Dataset) {
			d.Retired = []Retired{{Type: TypeMunicipality, ID: "testville", Reason: "merged"}}
		}, "id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := base()
			tt.edit(d)
			err := d.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("unexpected problems: %v", err)
				}
				return
			}
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("Validate() = %v, want Problems", err)
			}
			found := false
			for _, p := range ps {
				found = found || p.Field == tt.field
			}
			if !found {
				t.Errorf("no problem on field %q in: %v", tt.field, err)
			}
		})
	}
}

func TestValidateReportsAllProblemsAtOnce(t *testing.T) {
	d := &Dataset{Municipalities: []Municipality{
		{ID: "A", Names: Names{}, Country: "", Wikidata: "x", Status: "gone"},
	}}
	err := d.Validate()
	for _, want := range []string{"id", "names.en", "country", "wikidata", "status"} {
		if !strings.Contains(err.Error(), ": "+want+": ") {
			t.Errorf("missing a problem on %s in:\n%v", want, err)
		}
	}
}

func TestMerge(t *testing.T) {
	cur := &Dataset{Municipalities: []Municipality{validMunicipality()}}
	cur.Municipalities[0].Created = mustDate(t, "2020-01-01").Start()
	same := validMunicipality()
	changed := validMunicipality()
	changed.Website = "https://example.org"
	added := validMunicipality()
	added.ID = "another"

	_, changes, err := Merge(cur, &Dataset{Municipalities: []Municipality{same}})
	if err != nil || len(changes) != 0 {
		t.Fatalf("re-importing an equal record: %v, %v", changes, err)
	}
	out, changes, err := Merge(cur, &Dataset{Municipalities: []Municipality{changed, added}})
	if err != nil || len(changes) != 2 {
		t.Fatalf("merge: %v, %v", changes, err)
	}
	if out.Municipalities[0].ID != "another" || out.Municipalities[1].Created.IsZero() {
		t.Errorf("merge result not sorted or lost created stamp: %+v", out.Municipalities)
	}
	for _, c := range changes {
		if c.Record.(*Municipality).ID != c.ID {
			t.Errorf("change %s points at record %s", c.ID, c.Record.(*Municipality).ID)
		}
	}
	if _, _, err := Merge(cur, &Dataset{Municipalities: []Municipality{added, added}}); err == nil {
		t.Error("a duplicate ID in the input must be reported")
	}
	if cur.Municipalities[0].Website != "" {
		t.Error("Merge modified its input")
	}
}

// TestMergeRestoring: only MergeRestoring takes a retired ID back, as a
// Restore change that lifts the tombstone; Merge leaves the reuse to
// validation, which refuses it.
func TestMergeRestoring(t *testing.T) {
	back := validMunicipality()
	back.Created = mustDate(t, "2020-01-01").Start() // a stamp the input brings is never kept
	cur := &Dataset{Countries: []Country{{ID: "DE", Names: Names{"en": "Germany"}}}, Retired: []Retired{
		{Type: TypeMunicipality, ID: back.ID, Reason: "removed"},
		{Type: TypeMunicipality, ID: "other", Reason: "removed"},
	}}
	out, changes, err := Merge(cur, &Dataset{Municipalities: []Municipality{back}})
	if err != nil || len(changes) != 1 || changes[0].Kind != Added {
		t.Fatalf("Merge: %v, %v; want one addition", changes, err)
	}
	if out.Validate() == nil {
		t.Error("Merge reused a retired ID and the result validated")
	}
	out, changes, err = MergeRestoring(cur, &Dataset{Municipalities: []Municipality{back}})
	if err != nil || len(changes) != 1 || changes[0].Kind != Restore || changes[0].ID != back.ID {
		t.Fatalf("MergeRestoring: %v, %v; want one restoration", changes, err)
	}
	if m := changes[0].Record.(*Municipality); m.ID != back.ID || !m.Created.IsZero() {
		t.Errorf("the restoration points at %s created %v; want %s without stamps", m.ID, m.Created, back.ID)
	}
	if len(out.Retired) != 1 || out.Retired[0].ID != "other" || len(cur.Retired) != 2 {
		t.Errorf("tombstones after: %+v (input's: %d); want only the other one left, input untouched", out.Retired, len(cur.Retired))
	}
	if err := out.Validate(); err != nil {
		t.Errorf("the restored dataset does not validate: %v", err)
	}
	// Retiring it again in the same input wins: it stays a tombstone.
	_, changes, err = MergeRestoring(cur, &Dataset{Retired: []Retired{{Type: TypeMunicipality, ID: back.ID, Reason: "removed"}}})
	if err != nil || len(changes) != 0 {
		t.Errorf("re-retiring a tombstone: %v, %v; want no change", changes, err)
	}
}

func TestSnapshotIndexes(t *testing.T) {
	d, err := Seed()
	if err != nil {
		t.Fatal(err)
	}
	d.Retired = []Retired{{Type: TypeMunicipality, ID: "old-name", ReplacedBy: "berlin", Reason: "renamed"},
		{Type: TypeMunicipality, ID: "older-name", ReplacedBy: "old-name", Reason: "renamed"},
		{Type: TypeMunicipality, ID: "gone", Reason: "listed by mistake"}}
	s := NewSnapshot(d, 7)
	if m, ok := s.MunicipalityByQID("Q64"); !ok || m.ID != "berlin" {
		t.Errorf("MunicipalityByQID(Q64) = %v", m)
	}
	// The name index is built on first use: readers that ask at once
	// (under -race) all find what it holds.
	var wg sync.WaitGroup
	for _, q := range []string{"gdansk", "GDAŃSK", "Danzig"} {
		wg.Go(func() {
			if got := s.MunicipalitiesNamed(q); len(got) != 1 || got[0].ID != "gdansk" {
				t.Errorf("MunicipalitiesNamed(%q) = %v", q, got)
			}
		})
	}
	wg.Wait()
	if _, cur, ok := s.Retirement(TypeMunicipality, "older-name"); !ok || cur != "berlin" {
		t.Errorf("rename chain resolves to %q, want berlin", cur)
	}
	if r, cur, ok := s.Retirement(TypeMunicipality, "gone"); !ok || cur != "" || r.Reason == "" {
		t.Errorf("removed ID: %v %q %v", r, cur, ok)
	}
	if len(s.MembersOf("sichere-haefen")) == 0 || len(s.ApproachesIn("reception")) == 0 {
		t.Error("network members or category approaches not indexed")
	}
}

func TestStamp(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	tests := []struct {
		name string
		in   time.Time
		want string
	}{
		{"nanoseconds are dropped", time.Date(2026, 12, 5, 11, 36, 4, 262796980, time.UTC), "2026-12-05T11:36:04Z"},
		{"another zone becomes UTC", time.Date(2026, 12, 5, 12, 36, 4, 999999999, cet), "2026-12-05T11:36:04Z"},
		{"whole seconds stay", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), "2026-01-02T03:04:05Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Stamp(tt.in)
			b, err := json.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != `"`+tt.want+`"` || got.Location() != time.UTC {
				t.Errorf("Stamp(%s) = %s (%s), want %s", tt.in.Format(time.RFC3339Nano), b, got.Location(), tt.want)
			}
		})
	}
}

// TestValidateFollowsRenameChains: a tombstone's successor may itself be
// retired (renamed again or removed), but must be a known ID.
func TestValidateFollowsRenameChains(t *testing.T) {
	base := func(retired ...Retired) *Dataset {
		return &Dataset{Countries: []Country{{ID: "DE", Names: Names{"en": "Germany"}}}, Retired: retired}
	}
	if err := base(
		Retired{Type: TypeCountry, ID: "XA", ReplacedBy: "XB", Reason: "renamed"},
		Retired{Type: TypeCountry, ID: "XB", ReplacedBy: "DE", Reason: "renamed again"},
		Retired{Type: TypeCountry, ID: "XC", ReplacedBy: "XD", Reason: "renamed"},
		Retired{Type: TypeCountry, ID: "XD", Reason: "removed"},
	).Validate(); err != nil {
		t.Fatalf("chains of tombstones: %v", err)
	}
	err := base(Retired{Type: TypeCountry, ID: "XA", ReplacedBy: "ZZ", Reason: "renamed"}).Validate()
	if err == nil || !strings.Contains(err.Error(), `refers to unknown country "ZZ"`) {
		t.Fatalf("a successor no record or tombstone has: %v", err)
	}
}

// validCityContent is a case study in English and German.
func validCityContent() CityContent {
	return CityContent{
		Subtitle: Text{"en": "A safe harbour", "de": "Ein sicherer Hafen"}, SummaryTitle: Text{"en": "In short"},
		Reasoning:   Text{"en": "Because **everyone** counts.", "de": "Weil alle zählen."},
		ReportTitle: Text{"en": "Report"}, ReportIntro: Text{"en": "An *intro*."},
		ReportFile: Text{"en": "https://cms.example.org/uploads/r-en.pdf", "de": "https://cms.example.org/uploads/r-de.pdf"},
		Takeaways:  []Takeaway{{Lang: "en", Text: "One"}, {Lang: "en", Text: "Two"}, {Lang: "de", Text: "Eins"}},
		Blocks: []Block{
			{Lang: "en", Position: 1, Kind: BlockQuote, Text: "Nobody is illegal.", Author: "A mayor"},
			{Lang: "de", Position: 1, Kind: BlockSection, Title: "Anfang", Text: "Es *begann* so."},
			{Lang: "en", Position: 2, Kind: BlockSection, Title: "Beginnings", Text: "It *began* like this."},
		},
		ContentOrigin: Origins{"en": OriginPlatform, "de": OriginTranslation},
	}
}

// PartialDate decodes plain strings itself: it must take every JSON
// value exactly as it would through encoding/json.
func TestPartialDateUnmarshalAgreesWithEncodingJSON(t *testing.T) {
	for _, in := range []string{
		`null`, `""`, `"2018"`, `"2018-07"`, `"2018-07-15"`, `"2018-13"`, `"2018-02-30"`, `"18"`, `"2018-7-1"`,
		`"2018\u002d07"`, `"\u0032018"`, `"2018-07-15 "`, `" 2018"`, `"2018\n"`, `"2018é"`, `"\"2018\""`,
		`2018`, `true`, `{}`, `[]`, `"2018-07-15T00:00:00Z"`, `"x"`,
	} {
		var got PartialDate
		gotErr := json.Unmarshal([]byte(in), &got)
		var s string
		var want PartialDate
		wantErr := json.Unmarshal([]byte(in), &s)
		if wantErr == nil && in != "null" && s != "" {
			want, wantErr = ParsePartialDate(s)
		}
		if got != want || (gotErr == nil) != (wantErr == nil) {
			t.Errorf("%s: got %v (%v), encoding/json then ParsePartialDate: %v (%v)", in, got, gotErr, want, wantErr)
		}
		if s2, ok := plainString([]byte(in)); ok && wantErr == nil && s2 != s {
			t.Errorf("%s: plainString %q, encoding/json %q", in, s2, s)
		}
	}
}

// SnapshotOf keeps a collection whose times are stamped already (as the
// stores load them) and copies one that needs stamping: it never writes
// to the dataset, and indexes it as NewSnapshot does.
func TestSnapshotOfKeepsStampedRecords(t *testing.T) {
	d, err := Seed()
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	for i := range d.Municipalities {
		d.Municipalities[i].Stamps = Stamps{Created: Stamp(at), Modified: Stamp(at.Add(time.Hour))}
	}
	// Times at a finer precision than Stamp's, in another location.
	odd := time.Date(2024, 5, 6, 9, 8, 9, 123456789, time.FixedZone("CEST", 2*3600))
	for i := range d.Memberships {
		d.Memberships[i].Stamps = Stamps{Created: odd, Modified: odd}
	}
	before := *d
	before.Memberships = slices.Clone(d.Memberships)
	want := NewSnapshot(d, 3)
	got := SnapshotOf(d, 3)
	if &d.Municipalities[0] != got.Municipalities[0] {
		t.Error("stamped municipalities were copied")
	}
	if &d.Memberships[0] == got.Memberships[0] {
		t.Error("memberships to stamp were kept, and stamped in the dataset")
	}
	if !reflect.DeepEqual(d.Memberships, before.Memberships) {
		t.Error("the dataset's memberships were written to")
	}
	if !reflect.DeepEqual(got.Dataset(), want.Dataset()) || !got.Modified.Equal(want.Modified) {
		t.Error("SnapshotOf and NewSnapshot index different records")
	}
	if m := got.Memberships[0]; m.Created != Stamp(odd) {
		t.Errorf("membership created %v, want %v", m.Created, Stamp(odd))
	}
}
