package importer

import (
	"errors"
	"maps"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
)

func date(t *testing.T, s string) dataset.PartialDate {
	t.Helper()
	d, err := dataset.ParsePartialDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDecodeCSVMunicipalities(t *testing.T) {
	full := "\uFEFFid,kind,name_en,name_el,name_sr,name_sr-Latn,country,lat,lon,wikidata,wikidata_candidates," +
		"geonames,lau,nuts3,osm_relation,population,population_year,population_source,featured,summary_en,summary_de," +
		"website,sources,status\r\n" +
		`thessaloniki,municipality,Thessaloniki,Θεσσαλονίκη,,,GR, 40.6403 ,22.9439,Q17151,Q1 Q2,` +
		`734077,GR12345,EL522,1012345,"325182",2021,https://www.statistics.gr/,yes,"Port city; ""welcoming"", since 2016",` +
		`"Hafenstadt,` + "\n" + `seit 2016",https://thessaloniki.gr/,https://a.example/1 https://a.example/2,withdrawn` + "\r\n" +
		`novi-sad,,Novi Sad,,Нови Сад,Novi Sad,RS,,,,,,,,,,,,,,,,,` + "\r\n"
	tests := []struct {
		name       string
		in         string
		want       []dataset.Municipality
		wantFields []string // Field of each dataset.Problem, in order
		wantErr    string   // a substring of a plain error
	}{
		{
			name: "all columns, BOM, CRLF, quoting, Greek and Cyrillic",
			in:   full,
			want: []dataset.Municipality{{
				ID: "thessaloniki", Kind: dataset.KindMunicipality,
				Names:              dataset.Names{"en": "Thessaloniki", "el": "Θεσσαλονίκη"},
				Country:            "GR",
				Coordinates:        &dataset.Coordinates{Lat: 40.6403, Lon: 22.9439},
				Wikidata:           "Q17151",
				WikidataCandidates: []string{"Q1", "Q2"},
				GeoNames:           "734077", LAU: "GR12345", NUTS3: "EL522", OSMRelation: 1012345,
				Population: &dataset.Population{Value: 325182, Year: 2021, Source: "https://www.statistics.gr/"},
				Featured:   true,
				Summary:    dataset.Text{"en": `Port city; "welcoming", since 2016`, "de": "Hafenstadt,\nseit 2016"},
				Website:    "https://thessaloniki.gr/",
				Sources:    []dataset.Source{{URL: "https://a.example/1"}, {URL: "https://a.example/2"}},
				Status:     dataset.StatusWithdrawn,
			}, {
				ID:      "novi-sad",
				Names:   dataset.Names{"en": "Novi Sad", "sr": "Нови Сад", "sr-Latn": "Novi Sad"},
				Country: "RS",
				Status:  dataset.StatusActive,
			}},
		},
		{
			name: "minimal header, any column order, text kept as written",
			in:   "country,name_en,id,name_pl\nPL, Gdańsk ,gdansk,Gdańsk\nUA,Kyiv,kyiv,\n",
			want: []dataset.Municipality{
				{ID: "gdansk", Names: dataset.Names{"en": " Gdańsk ", "pl": "Gdańsk"}, Country: "PL", Status: dataset.StatusActive},
				{ID: "kyiv", Names: dataset.Names{"en": "Kyiv"}, Country: "UA", Status: dataset.StatusActive},
			},
		},
		{
			name: "header only",
			in:   "id,country,name_en\n",
			want: nil,
		},
		{
			name: "booleans",
			in:   "id,country,name_en,featured\na,DE,A,TRUE\nb,DE,B,0\nc,DE,C,No\nd,DE,D,1\n",
			want: []dataset.Municipality{
				{ID: "a", Names: dataset.Names{"en": "A"}, Country: "DE", Featured: true, Status: dataset.StatusActive},
				{ID: "b", Names: dataset.Names{"en": "B"}, Country: "DE", Status: dataset.StatusActive},
				{ID: "c", Names: dataset.Names{"en": "C"}, Country: "DE", Status: dataset.StatusActive},
				{ID: "d", Names: dataset.Names{"en": "D"}, Country: "DE", Featured: true, Status: dataset.StatusActive},
			},
		},
		{
			name: "three bad cells in three rows are all reported",
			in: "id,country,name_en,lat,lon,featured,osm_relation\n" +
				"a,DE,A,52.5,13.4,maybe,1\n" +
				"b,DE,B,52.5,13.4,no,\n" +
				"c,DE,C,52.5,x,no,\n" +
				"d,DE,D,52.5,13.4,no,12.5\n",
			wantFields: []string{"line 2, column featured", "line 4, column lon", "line 5, column osm_relation"},
		},
		{
			name: "a wide row and three bad cells in one row are all reported",
			in: "id,country,name_en,lat,lon,featured,population\n" +
				"berlin,DE,Berlin,52.52,13.40,false,3850809\n" +
				"hamburg,DE,Hamburg,53,55,10.0,true,\n" + // "53,55" is two cells: the row is too wide
				"bremen,DE,Bremen,\"53,08\",8.8,maybe,1e6\n",
			// A population needs its year (dataset.Validate would say so too).
			wantFields: []string{"line 2, column population_year", "line 3", "line 4, column lat", "line 4, column featured", "line 4, column population"},
		},
		{
			name:       "cells after a multi-line cell are located on their own line",
			in:         "id,country,name_en,summary_en,osm_relation\nx,DE,X,\"two\nlines\",abc\n",
			wantFields: []string{"line 3, column osm_relation"},
		},
		{
			name:       "coordinates need both",
			in:         "id,country,name_en,lat,lon\na,DE,A,52,\nb,DE,B,,13\nc,DE,C,NaN,Inf\n",
			wantFields: []string{"line 2, column lon", "line 3, column lat", "line 4, column lat", "line 4, column lon"},
		},
		{
			name:       "population year without a population",
			in:         "id,country,name_en,population,population_year\na,DE,A,,2020\nb,DE,B,12,20x0\n",
			wantFields: []string{"line 2, column population", "line 3, column population_year"},
		},
		{
			name: "lists split on exactly one space, as the dumps join them",
			in: "id,country,name_en,wikidata_candidates,sources\n" +
				"a,DE,A,Q1|Q2,https://a.example/x\n" +
				"b,DE,B,Q1  Q2, https://a.example/x\n" +
				"c,DE,C,Q1 Q2,https://a.example/x https://a.example/y\n",
			wantFields: []string{"line 3, column wikidata_candidates", "line 3, column sources"},
		},
		{
			name:       "aliases are rows of the names table, not a column",
			in:         "id,country,name_en,aliases\na,DE,A,de:Aa\n",
			wantFields: []string{"line 1, column aliases"},
		},
		{
			name:       "invalid UTF-8",
			in:         "id,country,name_en\na,DE,\xff\n",
			wantFields: []string{"line 2, column name_en"},
		},
		{
			name:       "syntax error ends reading but keeps earlier problems",
			in:         "id,country,name_en,featured\na,DE,A,perhaps\nb,DE,B\"x\",no\nc,DE,C,nope\n",
			wantFields: []string{"line 2, column featured", "line 3"},
		},
		{
			name:       "unknown and duplicate columns",
			in:         "id,country,name_en,populaton,name_,name_en\n",
			wantFields: []string{"line 1, column populaton", "line 1, column name_", "line 1, column name_en"},
		},
		{
			name:       "unnamed column",
			in:         "id,country,name_en,\n",
			wantFields: []string{"line 1, column 4"},
		},
		{
			name:       "a header is read as the table it is closest to",
			in:         "id,name,country\n",
			wantFields: []string{"line 1, column name"},
		},
		{
			name:    "a header that fits several tables",
			in:      "id\n",
			wantErr: "name the file after its table",
		},
		{
			name:    "empty file",
			in:      "",
			wantErr: "empty file",
		},
		{
			name:    "BOM only",
			in:      "\uFEFF",
			wantErr: "empty file",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := DecodeCSV(strings.NewReader(tt.in))
			checkCSVResult(t, err, tt.wantFields, tt.wantErr)
			if err != nil {
				return
			}
			if len(d.Memberships) != 0 {
				t.Errorf("memberships = %v, want none", d.Memberships)
			}
			if !reflect.DeepEqual(d.Municipalities, tt.want) {
				t.Errorf("municipalities:\n got %+v\nwant %+v", d.Municipalities, tt.want)
			}
		})
	}
}

func TestDecodeCSVMemberships(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		want       []dataset.Membership
		wantFields []string
		wantErr    string
	}{
		{
			name: "dates of each precision, default ID, source",
			in: "municipality,network,id,since,until,source_url,source_note\n" +
				"palermo,solidarity-cities,,2016,2019-06,https://a.example/,\"joined, then left\"\n" +
				"gdansk,safe-harbours,gdansk-sh, 2018-07-15 ,,,\n" +
				"athina,solidarity-cities,,,,https://b.example/,\"Σημείωση\"\n",
			want: []dataset.Membership{
				{ID: "palermo-solidarity-cities", Municipality: "palermo", Network: "solidarity-cities",
					Since: date(t, "2016"), Until: date(t, "2019-06"),
					Source: &dataset.Source{URL: "https://a.example/", Note: "joined, then left"}},
				{ID: "gdansk-sh", Municipality: "gdansk", Network: "safe-harbours", Since: date(t, "2018-07-15")},
				{ID: "athina-solidarity-cities", Municipality: "athina", Network: "solidarity-cities",
					Source: &dataset.Source{URL: "https://b.example/", Note: "Σημείωση"}},
			},
		},
		{
			name: "no ID without both references",
			in:   "network,municipality\nsafe-harbours,\n",
			want: []dataset.Membership{{Network: "safe-harbours"}},
		},
		{
			name:       "bad dates",
			in:         "municipality,network,since,until\na,n,2018-13,18\nb,n,2018-02-30,2020\n",
			wantFields: []string{"line 2, column since", "line 2, column until", "line 3, column since"},
		},
		{
			name:       "a source needs its URL",
			in:         "municipality,network,source_note\na,n,note\n",
			wantFields: []string{"line 2, column source_url"},
		},
		{
			name:       "municipality columns in a memberships file",
			in:         "municipality,network,country\n",
			wantFields: []string{"line 1, column country"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := DecodeCSV(strings.NewReader(tt.in))
			checkCSVResult(t, err, tt.wantFields, tt.wantErr)
			if err != nil {
				return
			}
			if len(d.Municipalities) != 0 {
				t.Errorf("municipalities = %v, want none", d.Municipalities)
			}
			if !reflect.DeepEqual(d.Memberships, tt.want) {
				t.Errorf("memberships:\n got %+v\nwant %+v", d.Memberships, tt.want)
			}
		})
	}
}

// checkCSVResult checks err against the expected problem fields or plain
// error; it fails the test when an error was expected and none came.
func checkCSVResult(t *testing.T, err error, wantFields []string, wantErr string) {
	t.Helper()
	switch {
	case wantFields != nil:
		var ps dataset.Problems
		if !errors.As(err, &ps) {
			t.Fatalf("err = %v, want dataset.Problems", err)
		}
		var got []string
		for _, p := range ps {
			got = append(got, p.Field)
			if p.Message == "" {
				t.Errorf("problem %v has no message", p)
			}
		}
		if !reflect.DeepEqual(got, wantFields) {
			t.Errorf("problem fields:\n got %q\nwant %q\n%v", got, wantFields, err)
		}
	case wantErr != "":
		if err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Fatalf("err = %v, want one containing %q", err, wantErr)
		}
	case err != nil:
		t.Fatalf("unexpected error: %v", err)
	}
}

func TestDecodeCSVProblemsNameRecord(t *testing.T) {
	in := "id,country,name_en,lat,lon\nberlin,DE,Berlin,52.5,east\n"
	_, err := DecodeCSV(strings.NewReader(in))
	var ps dataset.Problems
	if !errors.As(err, &ps) || len(ps) != 1 {
		t.Fatalf("err = %v, want one problem", err)
	}
	want := dataset.Problem{Type: dataset.TypeMunicipality, ID: "berlin", Field: "line 2, column lon", Message: `"east" is not a decimal number`}
	if ps[0] != want {
		t.Errorf("problem = %+v, want %+v", ps[0], want)
	}
}

// TestDocumentedExamples keeps docs/import-formats.md honest: every example
// in it decodes.
func TestDocumentedExamples(t *testing.T) {
	doc, err := os.ReadFile("../docs/import-formats.md")
	if err != nil {
		t.Skipf("documentation not found: %v", err)
	}
	blocks := regexp.MustCompile("(?s)```(json|csv)\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	if len(blocks) < 3 {
		t.Fatalf("found %d examples, want one JSON and two CSV", len(blocks))
	}
	for i, b := range blocks {
		var err error
		if b[1] == "json" {
			_, err = DecodeJSON(strings.NewReader(b[2]))
		} else {
			_, err = DecodeCSV(strings.NewReader(b[2]))
		}
		if err != nil {
			t.Errorf("example %d (%s): %v", i+1, b[1], err)
		}
	}
}

// decodeTables decodes CSV files named after their tables and joins them.
func decodeTables(t *testing.T, files map[string]string) (*dataset.Dataset, error) {
	t.Helper()
	var parts []*Part
	for _, name := range slices.Sorted(maps.Keys(files)) {
		p, err := decodeCSV(strings.NewReader(files[name]), name)
		if err != nil {
			return nil, err
		}
		parts = append(parts, p)
	}
	return Join(parts...)
}

// The names, sources and link tables add to the records of other files.
func TestReleaseTablesJoin(t *testing.T) {
	d, err := decodeTables(t, map[string]string{
		"municipalities": "id,name_en,country,sources,created,modified\n" +
			"gdansk,Gdańsk,PL,https://a.example/1 https://a.example/2,2026-11-20T10:30:00Z,2026-11-21T10:30:00Z\n",
		"names": "type,entity,language,name,kind\n" +
			"municipality,gdansk,csb,Gdańsk,prefLabel\n" +
			"municipality,gdansk,de,Danzig,altLabel\n",
		"sources": "type,entity,url,title,accessed,note\n" +
			"municipality,gdansk,https://a.example/1,One,2025-03-01,\n" +
			"municipality,gdansk,https://a.example/2,,,a note\n",
		"approaches":          "id,title_en,municipality,categories,status\nx,X,gdansk,housing,active\n",
		"approach_categories": "approach,category\nx,housing\nx,health\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	m := d.Municipalities[0]
	want := dataset.Municipality{
		ID: "gdansk", Names: dataset.Names{"en": "Gdańsk", "csb": "Gdańsk"}, Country: "PL", Status: dataset.StatusActive,
		Aliases: []dataset.Alias{{Lang: "de", Name: "Danzig"}},
		Sources: []dataset.Source{{URL: "https://a.example/1", Title: "One", Accessed: date(t, "2025-03-01")}, {URL: "https://a.example/2", Note: "a note"}},
	}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("municipality:\n got %+v\nwant %+v", m, want)
	}
	if got := d.Approaches[0].Categories; !slices.Equal(got, []string{"housing", "health"}) {
		t.Errorf("categories %q", got)
	}

	_, err = decodeTables(t, map[string]string{
		"municipalities": "id,name_en,country,sources\ngdansk,Gdańsk,PL,https://a.example/1\n",
		"names":          "type,entity,language,name,kind\nmunicipality,gdynia,de,Gdingen,altLabel\nmunicipality,gdansk,de,Danzig,title\ncity,gdansk,de,Danzig,altLabel\n",
		"sources":        "type,entity,url\nmunicipality,gdansk,https://a.example/2\n",
	})
	var ps dataset.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("err = %v, want problems", err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.Field)
	}
	// The names table's own problems come first: a file is decoded before
	// the files are joined.
	if wantFields := []string{"line 3, column kind", "line 4, column type"}; !reflect.DeepEqual(got, wantFields) {
		t.Errorf("problems %q, want %q\n%v", got, wantFields, err)
	}
	_, err = decodeTables(t, map[string]string{
		"municipalities": "id,name_en,country,sources\ngdansk,Gdańsk,PL,https://a.example/1\n",
		"names":          "type,entity,language,name,kind\nmunicipality,gdynia,de,Gdingen,altLabel\n",
		"sources":        "type,entity,url\nmunicipality,gdansk,https://a.example/2\n",
	})
	if !errors.As(err, &ps) || len(ps) != 2 || ps[0].Field != "sources" || ps[1].Field != "names.csv, line 2" ||
		!strings.Contains(ps[1].Message, "import municipalities.csv with names.csv") {
		t.Errorf("err = %v", err)
	}
}
