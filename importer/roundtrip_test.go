package importer_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/dumps"
	"github.com/moving-cities/opendata/importer"
	"github.com/moving-cities/opendata/ingest"
	"github.com/moving-cities/opendata/store/sqlite"
	"github.com/moving-cities/opendata/synth"
)

const base = "https://data.example"

var (
	// stored is when the first database stored the data, imported when
	// the second one imported the release.
	stored   = time.Date(2026, 11, 20, 10, 30, 0, 0, time.UTC)
	imported = time.Date(2026, 12, 6, 4, 0, 0, 0, time.UTC)
	released = time.Date(2026, 12, 6, 3, 30, 0, 0, time.UTC)
)

// store opens an empty database whose clock says now.
func store(t *testing.T, now time.Time) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "db.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return now }
	return db
}

// load imports d into an empty database whose clock says now and returns
// what it then serves.
func load(t *testing.T, d *dataset.Dataset, now time.Time) *dataset.Snapshot {
	t.Helper()
	ctx := context.Background()
	db := store(t, now)
	empty, err := ingest.Open(ctx, db, nil, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := ingest.Import(ctx, db, empty, d, false); err != nil {
		t.Fatalf("import into an empty database: %v", err)
	}
	snap, err := ingest.Open(ctx, db, nil, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// release makes a release of snap in a new folder and returns its path.
func release(t *testing.T, snap *dataset.Snapshot) string {
	t.Helper()
	dir := t.TempDir()
	// No PDFs: the importer reads the tables, and the PDFs would be most
	// of the time.
	d := &dumps.Dumper{Dir: dir, BaseURI: base, Location: time.UTC, Now: func() time.Time { return released }, NoPDF: true}
	res, err := d.Release(context.Background(), snap)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, res.Release)
}

// sources are the data a release round-trips: the seed, and the seed with
// synthetic municipalities (populations, coordinates, every kind of
// value), memberships dated at year and month precision and a retired ID.
func sources(t *testing.T) map[string]*dataset.Dataset {
	seed, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	big := synth.Generate(synth.Options{Municipalities: 300, Seed: 1})
	for i := range big.Memberships {
		if i%3 == 0 {
			big.Memberships[i].Since = dataset.PartialDate{Year: 2016, Precision: dataset.PrecisionYear}
			big.Memberships[i].Until = dataset.PartialDate{Year: 2019, Month: 6, Precision: dataset.PrecisionMonth}
		}
	}
	// A case study in two languages, so that every field of it, and the
	// takeaways' order in the names table, make the round trip (issue 15).
	big.Municipalities[1].CityContent = dataset.CityContent{
		Subtitle: dataset.Text{"en": "A tagline", "de": "Ein Leitspruch"}, SummaryTitle: dataset.Text{"en": "In short"},
		Reasoning: dataset.Text{"en": "Because.\n\nAnd **more**.", "de": "Weil."}, ReportTitle: dataset.Text{"en": "Report"},
		ReportIntro: dataset.Text{"en": "An *intro*."}, ReportFile: dataset.Text{"en": "https://cms.example.org/uploads/r.pdf"},
		Takeaways: []dataset.Takeaway{{Lang: "en", Text: "Second, in order"}, {Lang: "de", Text: "Eins"}, {Lang: "en", Text: "First, in order"}},
		// Quotes and sections, their order and every field of them, make
		// the round trip through the blocks table.
		Blocks: []dataset.Block{
			{Lang: "en", Position: 1, Kind: dataset.BlockSection, Title: "Later, in order", Text: "A *section*.\n\n- one"},
			{Lang: "de", Position: 1, Kind: dataset.BlockQuote, Text: "Niemand ist illegal.", Author: "Eine Bürgermeisterin"},
			{Lang: "en", Position: 2, Kind: dataset.BlockQuote, Text: "Nobody is \"illegal\".", Author: "A mayor, Palermo"},
		},
		ContentOrigin: dataset.Origins{"en": dataset.OriginPlatform, "de": dataset.OriginPlatform},
	}
	big.Approaches[0].Blocks = []dataset.Block{{Lang: "en", Position: 1, Kind: dataset.BlockSection, Title: "How", Text: "Step one."}}
	big.Approaches[0].BlocksOrigin = dataset.Origins{"en": dataset.OriginPlatform}
	// An approach with the platform's slugs as aliases, a list cell, and
	// a country from the CMS: its source and its names' origins.
	big.Approaches[0].Aliases = []string{"platform-slug", "another-slug"}
	big.Countries[0].Sources = []dataset.Source{{URL: "https://cms.example.org/api/countries?filters%5Bslug%5D%5B%24eq%5D=x"}}
	big.Countries[0].NamesOrigin = dataset.Origins{"en": dataset.OriginPlatform}
	big.Retired = append(big.Retired, dataset.Retired{Type: dataset.TypeMunicipality, ID: "old-town", ReplacedBy: big.Municipalities[0].ID, Reason: "merged"})
	return map[string]*dataset.Dataset{"seed": seed, "seed and synthetic": big}
}

// TestReleaseRoundTrip: a release's CSV tables, validated against its
// datapackage.json, import into an empty database, whose release has the
// same tables. Only the stamps differ: created and modified say when the
// new database stored the records (the import), as every record's stamps
// do (docs/import-formats.md says why).
func TestReleaseRoundTrip(t *testing.T) {
	for name, d := range sources(t) {
		t.Run(name, func(t *testing.T) {
			first := release(t, load(t, d, stored))
			tables := validatePackage(t, first)

			var parts []*importer.Part
			for _, tb := range tables {
				p, err := importer.Read(context.Background(), filepath.Join(first, tb+".csv"), 0)
				if err != nil {
					t.Fatal(err)
				}
				parts = append(parts, p)
			}
			in, err := importer.Join(parts...)
			if err != nil {
				t.Fatal(err)
			}
			second := release(t, load(t, in, imported))
			validatePackage(t, second)

			for _, tb := range tables {
				a, b := readTable(t, first, tb), readTable(t, second, tb)
				if len(a) != len(b) {
					t.Fatalf("%s: %d rows, after the round trip %d", tb, len(a), len(b))
				}
				stamps := stampColumns(a[0])
				for i := range a {
					for _, c := range stamps {
						if i > 0 {
							if a[i][c] != stored.Format(time.RFC3339) || b[i][c] != imported.Format(time.RFC3339) {
								t.Fatalf("%s row %d, %s: %q, after the round trip %q", tb, i, a[0][c], a[i][c], b[i][c])
							}
							a[i][c], b[i][c] = "", ""
						}
					}
					if !slices.Equal(a[i], b[i]) {
						t.Fatalf("%s row %d:\n%q\nafter the round trip\n%q", tb, i, a[i], b[i])
					}
				}
				if len(stamps) == 0 {
					// Byte for byte, when no column is a stamp.
					x, _ := os.ReadFile(filepath.Join(first, tb+".csv"))
					y, _ := os.ReadFile(filepath.Join(second, tb+".csv"))
					if !bytes.Equal(x, y) {
						t.Errorf("%s.csv differs after the round trip", tb)
					}
				}
			}
		})
	}
}

// TestJSONExportRoundTrip: the JSON form `movingcities export` writes
// imports into an empty database, whose export is the same record for
// record but for the stamps.
func TestJSONExportRoundTrip(t *testing.T) {
	for name, d := range sources(t) {
		t.Run(name, func(t *testing.T) {
			snap := load(t, d, stored)
			var buf bytes.Buffer
			if err := json.NewEncoder(&buf).Encode(snap.Dataset()); err != nil {
				t.Fatal(err)
			}
			in, err := importer.DecodeJSON(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			again := load(t, in, imported).Dataset()
			want := snap.Dataset()
			for _, x := range []*dataset.Dataset{want, again} {
				restamp(x)
			}
			a, _ := json.MarshalIndent(want, "", " ")
			b, _ := json.MarshalIndent(again, "", " ")
			if !bytes.Equal(a, b) {
				t.Errorf("the export differs after the round trip:\n%s", firstDiff(a, b))
			}
		})
	}
}

// restamp clears the stamps, which the importing database sets.
func restamp(d *dataset.Dataset) {
	for _, ss := range []func(yield func(*dataset.Stamps)){
		each(d.Countries), each(d.Categories), each(d.Networks), each(d.Municipalities), each(d.Memberships), each(d.Approaches),
	} {
		ss(func(s *dataset.Stamps) { *s = dataset.Stamps{} })
	}
	for i := range d.Retired {
		d.Retired[i].Retired = time.Time{}
	}
}

func each[T any, P interface {
	*T
	StampsRef() *dataset.Stamps
}](recs []T) func(yield func(*dataset.Stamps)) {
	return func(yield func(*dataset.Stamps)) {
		for i := range recs {
			yield(P(&recs[i]).StampsRef())
		}
	}
}

func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d: %s\n   vs: %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines vs %d", len(la), len(lb))
}

// stampColumns are the positions of the columns that hold the store's
// stamps: the dateTime columns.
func stampColumns(header []string) []int {
	tables, _ := dumps.Tables(base)
	var out []int
	for _, tb := range tables {
		for _, c := range tb.Columns {
			if i := slices.Index(header, c.Name); i >= 0 && c.Datatype() == "dateTime" && !slices.Contains(out, i) {
				out = append(out, i)
			}
		}
	}
	return out
}

func readTable(t *testing.T, dir, table string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, table+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s.csv: %v", table, err)
	}
	return rows
}

// validatePackage checks every CSV table of the release against its
// datapackage.json, as a Frictionless validator would: the header is the
// schema's fields, every cell is of its field's type, required cells are
// given, primary keys are unique and foreign keys point at rows. It
// returns the tables' names.
func validatePackage(t *testing.T, dir string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "datapackage.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct {
		Resources []struct {
			Name, Path, Format string
			Schema             struct {
				Fields []struct {
					Name, Type, Format string
					Constraints        struct{ Required bool }
				}
				PrimaryKey  []string
				ForeignKeys []struct {
					Fields    []string
					Reference struct {
						Resource string
						Fields   []string
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	keys := map[string]map[string]bool{} // resource → values of its key
	var names []string
	type fk struct {
		table, res string
		cols       []int
		rows       [][]string
	}
	var fks []fk
	for _, r := range pkg.Resources {
		if r.Format != "csv" && !strings.HasSuffix(r.Path, ".csv") {
			continue
		}
		names = append(names, strings.TrimSuffix(r.Path, ".csv"))
		rows := readTable(t, dir, strings.TrimSuffix(r.Path, ".csv"))
		var fields []string
		for _, f := range r.Schema.Fields {
			fields = append(fields, f.Name)
		}
		if !slices.Equal(rows[0], fields) {
			t.Fatalf("%s: header %q, schema %q", r.Path, rows[0], fields)
		}
		pk := map[string]bool{}
		for i, row := range rows[1:] {
			for j, f := range r.Schema.Fields {
				v := row[j]
				if v == "" {
					if f.Constraints.Required {
						t.Errorf("%s row %d: required %s is empty", r.Path, i+1, f.Name)
					}
					continue
				}
				if err := checkType(f.Type, f.Format, v); err != nil {
					t.Errorf("%s row %d, %s (%s): %v", r.Path, i+1, f.Name, f.Type, err)
				}
			}
			if len(r.Schema.PrimaryKey) > 0 {
				var k []string
				for _, c := range r.Schema.PrimaryKey {
					k = append(k, row[slices.Index(fields, c)])
				}
				if pk[strings.Join(k, "\x00")] {
					t.Errorf("%s row %d: primary key %q repeats", r.Path, i+1, k)
				}
				pk[strings.Join(k, "\x00")] = true
			}
		}
		keys[r.Name] = pk
		for _, f := range r.Schema.ForeignKeys {
			var cols []int
			for _, c := range f.Fields {
				cols = append(cols, slices.Index(fields, c))
			}
			fks = append(fks, fk{table: r.Path, res: f.Reference.Resource, cols: cols, rows: rows[1:]})
		}
	}
	for _, f := range fks {
		for i, row := range f.rows {
			var k []string
			for _, c := range f.cols {
				k = append(k, row[c])
			}
			if k[0] != "" && !keys[f.res][strings.Join(k, "\x00")] {
				t.Errorf("%s row %d: %q is not in %s", f.table, i+1, k, f.res)
			}
		}
	}
	if len(names) < 10 {
		t.Fatalf("datapackage.json lists %d CSV tables", len(names))
	}
	return names
}

// checkType checks a cell against a Table Schema type.
func checkType(typ, format, v string) error {
	var err error
	switch typ {
	case "string":
		if format == "uri" && !strings.Contains(v, ":") {
			err = fmt.Errorf("%q is not a URI", v)
		}
	case "integer":
		_, err = strconv.ParseInt(v, 10, 64)
	case "number":
		_, err = strconv.ParseFloat(v, 64)
	case "boolean":
		if v != "true" && v != "false" {
			err = fmt.Errorf("%q is not true or false", v)
		}
	case "date":
		_, err = time.Parse(time.DateOnly, v)
	case "datetime":
		_, err = time.Parse(time.RFC3339, v)
	case "year":
		_, err = strconv.Atoi(v)
	default:
		err = fmt.Errorf("type %s not checked", typ)
	}
	return err
}
