package dumps

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/parquet-go/parquet-go"

	"github.com/moving-cities/opendata/catalog"
	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/synth"
	"github.com/moving-cities/opendata/vocab"
)

const testBase = "https://data.example"

// datedMembership is a membership of the synthetic data given dates.
const datedMembership = "aeroby-intercultural-municipalities"

// testSnapshot is the seed with synthetic municipalities added and
// stamps, partial dates, populations and a retired ID set, so that every
// kind of column has values.
func testSnapshot(t testing.TB, n int, rev int64) *dataset.Snapshot {
	t.Helper()
	d := synth.Generate(synth.Options{Municipalities: n, Seed: 1})
	stamp := time.Date(2026, 11, 20, 10, 30, 0, 123456789, time.UTC)
	for i := range d.Municipalities {
		d.Municipalities[i].Created = stamp
		d.Municipalities[i].Modified = stamp.Add(time.Duration(i) * time.Second)
	}
	for i := range d.Memberships {
		if d.Memberships[i].ID != datedMembership {
			continue
		}
		d.Memberships[i].Since = dataset.PartialDate{Year: 2016, Precision: dataset.PrecisionYear}
		d.Memberships[i].Until = dataset.PartialDate{Year: 2019, Month: 6, Precision: dataset.PrecisionMonth}
	}
	d.Retired = append(d.Retired, dataset.Retired{Type: dataset.TypeMunicipality, ID: "old-town", Reason: "merged", Retired: stamp})
	return dataset.NewSnapshot(d, rev)
}

func seedSnapshot(t testing.TB, rev int64) *dataset.Snapshot {
	t.Helper()
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	return dataset.NewSnapshot(d, rev)
}

// fakeGraph stands in for the dataset's graph: a type and an English
// label per municipality.
var fakeGraph = GraphFunc(func(ctx context.Context, snap *dataset.Snapshot, emit func(vocab.Triple) error) error {
	for _, m := range snap.Municipalities {
		s := vocab.IRI(vocab.EntityIRI(testBase, dataset.TypeMunicipality, m.ID))
		if err := emit(vocab.T(s, vocab.RDFType.Node(), vocab.Municipality.Node())); err != nil {
			return err
		}
		if err := emit(vocab.T(s, vocab.SKOSPrefLabel.Node(), vocab.LangStr(m.Names["en"], "en"))); err != nil {
			return err
		}
	}
	return nil
})

func fixedClock(t time.Time) func() time.Time { return func() time.Time { return t } }

var day1 = time.Date(2026, 11, 27, 3, 30, 0, 0, time.UTC)

// newTestDumper makes releases without the PDFs, which only
// TestReleaseIsDeterministic checks (see Dumper.NoPDF).
func newTestDumper(dir string) *Dumper {
	return &Dumper{Dir: dir, BaseURI: testBase, Graph: fakeGraph, Now: fixedClock(day1), Location: time.UTC,
		Catalog: &catalog.Config{}, NoPDF: true}
}

// checkRelease verifies a release as a user would: SHA256SUMS and the
// manifest match the files, and every listed file exists.
func checkRelease(t *testing.T, dir, name string) *Manifest {
	t.Helper()
	m, err := Open(dir).Manifest(name)
	if err != nil {
		t.Fatalf("release %s: %v", name, err)
	}
	sums, err := os.ReadFile(filepath.Join(dir, name, sumsFile))
	if err != nil {
		t.Fatal(err)
	}
	listed := 0
	sc := bufio.NewScanner(bytes.NewReader(sums))
	for sc.Scan() {
		sum, file, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Fatalf("SHA256SUMS line %q", sc.Text())
		}
		b, err := os.ReadFile(filepath.Join(dir, name, file))
		if err != nil {
			t.Fatalf("release %s: %v", name, err)
		}
		got := sha256.Sum256(b)
		if hex.EncodeToString(got[:]) != sum {
			t.Errorf("release %s: %s does not match SHA256SUMS", name, file)
		}
		listed++
	}
	for _, f := range m.Files {
		st, err := os.Stat(filepath.Join(dir, name, f.Name))
		if err != nil || st.Size() != f.Bytes {
			t.Errorf("release %s: %s: %v, size %v, manifest says %d", name, f.Name, err, st, f.Bytes)
		}
	}
	if listed != len(m.Files)-1 { // SHA256SUMS does not list itself
		t.Errorf("release %s: SHA256SUMS lists %d files, manifest %d", name, listed, len(m.Files))
	}
	return m
}

func TestTablesTakeEveryColumnFromTheVocabulary(t *testing.T) {
	tables, err := Tables(testBase)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	byName := map[string]*Table{}
	for _, tb := range tables {
		names = append(names, tb.Name)
		byName[tb.Name] = tb
	}
	want := []string{"municipalities", "countries", "networks", "network_countries", "memberships", "approaches",
		"approach_categories", "approach_related", "categories", "blocks", "names", "sources", "retired"}
	if !slices.Equal(names, want) {
		t.Errorf("tables %v, want %v", names, want)
	}
	// Every column the vocabulary names for a record type is a column of
	// its table, with the field's term, except aliases (in names).
	for _, e := range vocab.EntityTypes() {
		tb := byName[e.Type.Plural()]
		var walk func(fs []vocab.Field)
		walk = func(fs []vocab.Field) {
			for i := range fs {
				f := &fs[i]
				if f.Value == vocab.Nest || (f.Value == vocab.Object && !f.Many) {
					walk(f.Fields)
					continue
				}
				if f.Value == vocab.LangPairs || f.Column == "" {
					continue
				}
				cols := []string{f.Column}
				if strings.Contains(f.Column, "{lang}") {
					cols = nil
					for _, l := range dataset.Languages {
						cols = append(cols, strings.ReplaceAll(f.Column, "{lang}", l))
					}
				}
				for _, name := range cols {
					c := tb.column(name)
					if c == nil {
						t.Errorf("%s: no column %s", tb.Name, name)
					} else if c.Term != f.Term {
						t.Errorf("%s.%s: term %v, want %v", tb.Name, name, c.Term, f.Term)
					}
				}
			}
		}
		walk(e.Fields)
	}
	// Columns a CSVW processor turns into triples have a property, and
	// IRI-valued ones a template.
	for _, tb := range tables {
		if tb.Suppress {
			continue
		}
		for _, c := range tb.Columns {
			if c.Suppress {
				continue
			}
			if c.Term == nil {
				t.Errorf("%s.%s yields triples without a property", tb.Name, c.Name)
			}
			if (c.typ == tIRI) != (c.ValueURL != "" && !strings.HasPrefix(c.ValueURL, "{+")) && c.Name != "id" {
				t.Errorf("%s.%s: type %s with valueUrl %q", tb.Name, c.Name, c.typ.name, c.ValueURL)
			}
		}
	}
	if c := byName["memberships"].column("since" + suffixStart); c == nil || c.typ != tDate {
		t.Errorf("memberships has no DATE column since%s", suffixStart)
	}
	if c := byName["approaches"].column("categories"); c == nil || !c.List {
		t.Error("approaches.categories is not a list")
	}
	// The content blocks of municipalities and approaches have a table
	// of their own, a block a row (issue 15).
	if tb := byName["blocks"]; tb == nil || tb.Role != RoleObjects || tb.column("author") == nil || tb.column("position").typ != tInteger ||
		!slices.Equal(tb.ItemKeys[dataset.TypeMunicipality], []string{"blocks"}) || !slices.Equal(tb.ItemKeys[dataset.TypeApproach], []string{"blocks"}) ||
		!slices.Equal(tb.PrimaryKey, []string{ColEntityType, ColEntity, "lang", "position"}) {
		t.Errorf("blocks table: %+v", tb)
	}
}

// readCSV reads a CSV file of a release.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

func TestReleaseFilesAgree(t *testing.T) {
	dir := t.TempDir()
	snap := testSnapshot(t, 300, 7)
	res, err := newTestDumper(dir).Release(context.Background(), snap)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Created || res.Release != "2026-11-27-r7" {
		t.Fatalf("release %+v", res)
	}
	m := checkRelease(t, dir, res.Release)
	rel := filepath.Join(dir, res.Release)
	// The manifest's coverage is counted from this release's data.
	if c := m.Coverage; c == nil || c.Municipalities.Have != len(snap.Municipalities) || c.Approaches.Have != len(snap.Approaches) ||
		!strings.Contains(c.Statement, fmt.Sprintf("holds %d of ~", len(snap.Municipalities))) {
		t.Errorf("manifest coverage %+v", c)
	}
	tables, _ := Tables(testBase)
	for _, tb := range tables {
		csvRows := readCSV(t, filepath.Join(rel, tb.Name+".csv"))
		header := csvRows[0]
		fe, _ := m.File(tb.Name + ".csv")
		pe, _ := m.File(tb.Name + ".parquet")
		if fe.Rows == nil || pe.Rows == nil || *fe.Rows != int64(len(csvRows)-1) || *pe.Rows != *fe.Rows {
			t.Errorf("%s: manifest rows %v/%v, CSV has %d", tb.Name, fe.Rows, pe.Rows, len(csvRows)-1)
		}
		f, err := os.Open(filepath.Join(rel, tb.Name+".parquet"))
		if err != nil {
			t.Fatal(err)
		}
		st, _ := f.Stat()
		pf, err := parquet.OpenFile(f, st.Size())
		if err != nil {
			t.Fatalf("%s.parquet: %v", tb.Name, err)
		}
		var cols []string
		for _, fld := range pf.Schema().Fields() {
			cols = append(cols, fld.Name())
		}
		if !slices.Equal(cols, header) {
			t.Errorf("%s: Parquet columns %v, CSV header %v", tb.Name, cols, header)
		}
		if pf.NumRows() != int64(len(csvRows)-1) {
			t.Errorf("%s: Parquet has %d rows, CSV %d", tb.Name, pf.NumRows(), len(csvRows)-1)
		}
		for _, k := range []string{"dataset", "revision", "license"} {
			if v, ok := pf.Lookup(k); !ok || v == "" {
				t.Errorf("%s.parquet has no %q metadata", tb.Name, k)
			}
		}
		// The Parquet rows read back as the CSV rows.
		rows := make([]parquet.Row, 0, pf.NumRows())
		for _, rg := range pf.RowGroups() {
			rr := rg.Rows()
			buf := make([]parquet.Row, 64)
			for {
				n, err := rr.ReadRows(buf)
				for _, r := range buf[:n] {
					rows = append(rows, r.Clone())
				}
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			rr.Close()
		}
		for i, r := range rows {
			got := parquetRowText(tb, r)
			if !slices.Equal(got, csvRows[i+1]) {
				t.Fatalf("%s row %d: Parquet %q, CSV %q", tb.Name, i+1, got, csvRows[i+1])
			}
		}
		f.Close()
	}
	// Triples are counted; the graph is gzipped N-Triples.
	nt, _ := m.File("dataset.nt.gz")
	if nt.Triples == nil || *nt.Triples != int64(2*len(snap.Municipalities)) {
		t.Errorf("dataset.nt.gz: %v triples", nt.Triples)
	}
	f, _ := os.Open(filepath.Join(rel, "dataset.nt.gz"))
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(zr)
	f.Close()
	if got := bytes.Count(b, []byte("\n")); got != 2*len(snap.Municipalities) {
		t.Errorf("dataset.nt.gz has %d lines", got)
	}
	// The release's catalogue describes its files; its VoID description
	// counts the graph dump's triples.
	dcat, err := os.ReadFile(filepath.Join(rel, catalog.DCATFile))
	if err != nil || !bytes.Contains(dcat, []byte(res.Release)) || !bytes.Contains(dcat, []byte("municipalities.parquet")) {
		t.Errorf("%s: %v\n%.300s", catalog.DCATFile, err, dcat)
	}
	void, err := os.ReadFile(filepath.Join(rel, catalog.VoIDFile))
	if err != nil || !bytes.Contains(void, []byte(fmt.Sprintf("void:triples %d", 2*len(snap.Municipalities)))) {
		t.Errorf("%s: %v\n%s", catalog.VoIDFile, err, void)
	}
	// GeoParquet metadata.
	gf, _ := os.Open(filepath.Join(rel, "municipalities.geo.parquet"))
	st, _ := gf.Stat()
	gp, err := parquet.OpenFile(gf, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	geo, _ := gp.Lookup("geo")
	var gm geoMetadata
	if err := json.Unmarshal([]byte(geo), &gm); err != nil || gm.Version != "1.1.0" || gm.PrimaryColumn != geometryColumn ||
		gm.Columns[geometryColumn].Encoding != "WKB" || len(gm.Columns[geometryColumn].BBox) != 4 {
		t.Errorf("geo metadata %s: %v", geo, err)
	}
	gf.Close()
	// GeoJSON is JSON with one feature per municipality.
	var fc struct {
		Type     string
		Features []struct {
			ID       string
			Geometry *struct{ Coordinates []float64 }
		}
	}
	gj, _ := os.ReadFile(filepath.Join(rel, "municipalities.geojson"))
	if err := json.Unmarshal(gj, &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) != len(snap.Municipalities) {
		t.Fatalf("GeoJSON: %v, %d features", err, len(fc.Features))
	}
	for i, ft := range fc.Features {
		mu := snap.Municipalities[i]
		if ft.ID != mu.ID || (mu.Coordinates == nil) != (ft.Geometry == nil) ||
			(ft.Geometry != nil && (ft.Geometry.Coordinates[0] != mu.Coordinates.Lon || ft.Geometry.Coordinates[1] != mu.Coordinates.Lat)) {
			t.Fatalf("feature %d: %+v, municipality %s %+v", i, ft, mu.ID, mu.Coordinates)
		}
	}
	// The names table holds names in other languages and aliases.
	names := readCSV(t, filepath.Join(rel, NamesTable+".csv"))
	kinds := map[string]int{}
	for _, r := range names[1:] {
		kinds[r[4]]++
		if dataset.IsPlatformLanguage(r[2]) && r[4] == vocab.SKOSPrefLabel.Local {
			t.Errorf("names: %v is in a column of its own", r)
		}
	}
	if kinds[vocab.SKOSPrefLabel.Local] == 0 || kinds[vocab.SKOSAltLabel.Local] == 0 {
		t.Errorf("names table kinds %v", kinds)
	}
	// Partial dates keep their precision and get DATE columns.
	ms := readCSV(t, filepath.Join(rel, "memberships.csv"))
	h := ms[0]
	var row []string
	for _, r := range ms[1:] {
		if r[0] == datedMembership {
			row = r
		}
	}
	get := func(c string) string { return row[slices.Index(h, c)] }
	if get("since") != "2016" || get("since_start") != "2016-01-01" || get("since_end") != "2016-12-31" ||
		get("until") != "2019-06" || get("until_end") != "2019-06-30" {
		t.Errorf("membership dates %v", row)
	}
}

// The seed's membership dates keep the precision of their sources in the
// CSV and the Parquet tables: a day, and a month at which a source only
// attests a membership.
func TestSeedDatesKeepTheirPrecision(t *testing.T) {
	dir := t.TempDir()
	res, err := newTestDumper(dir).Release(context.Background(), seedSnapshot(t, 3))
	if err != nil {
		t.Fatal(err)
	}
	rel := filepath.Join(dir, res.Release)
	// The seed's coverage in the manifest.
	if m := checkRelease(t, dir, res.Release); m.Coverage == nil ||
		!strings.HasPrefix(m.Coverage.Statement, "The dataset holds 202 of ~781 municipalities, 21 of 28 featured case studies and 22 of ~50") ||
		m.Coverage.Featured.Have != 21 || m.Coverage.Featured.Platform != 28 {
		t.Errorf("manifest coverage %+v", m.Coverage)
	}
	ms := readCSV(t, filepath.Join(rel, "memberships.csv"))
	h := ms[0]
	rows := map[string][]string{}
	for _, r := range ms[1:] {
		rows[r[0]] = r
	}
	// Parquet holds the same rows.
	f, err := os.Open(filepath.Join(rel, "memberships.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	tables, _ := Tables(testBase)
	var tb *Table
	for _, x := range tables {
		if x.Name == "memberships" {
			tb = x
		}
	}
	n := 0
	for _, rg := range pf.RowGroups() {
		rr := rg.Rows()
		buf := make([]parquet.Row, 64)
		for {
			k, err := rr.ReadRows(buf)
			for _, r := range buf[:k] {
				got := parquetRowText(tb, r)
				if want := rows[got[0]]; !slices.Equal(got, want) {
					t.Errorf("Parquet %q, CSV %q", got, want)
				}
				n++
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		rr.Close()
	}
	if n != len(rows) {
		t.Errorf("Parquet has %d memberships, CSV %d", n, len(rows))
	}
	for _, c := range []struct{ id, col, want string }{
		{"briancon-anvita", "since", "2018-09-26"},
		{"briancon-anvita", "since_end", "2018-09-26"},
		{"briancon-anvita", "attested", ""},
		{"heraklion-cni-greece", "since", "2018-11"},
		{"heraklion-cni-greece", "since_end", "2018-11-30"},
		{"bristol-city-of-sanctuary", "since", "2013"},
		{"bristol-city-of-sanctuary", "since_start", "2013-01-01"},
		{"aurich-sichere-haefen", "since", ""},
		{"aurich-sichere-haefen", "attested", "2022-03"},
		{"aurich-sichere-haefen", "attested_start", "2022-03-01"},
		{"aurich-sichere-haefen", "attested_end", "2022-03-31"},
	} {
		r, ok := rows[c.id]
		i := slices.Index(h, c.col)
		if !ok || i < 0 || r[i] != c.want {
			t.Errorf("%s %s: want %q in %v (header %v)", c.id, c.col, c.want, r, h)
		}
	}
}

// parquetRowText renders a Parquet row as the CSV does.
func parquetRowText(tb *Table, r parquet.Row) []string {
	out := make([]string, len(tb.Columns))
	lists := make([][]string, len(tb.Columns))
	for _, v := range r {
		ci := v.Column()
		c := tb.Columns[ci]
		if v.IsNull() {
			continue
		}
		var x cell
		switch c.typ {
		case tInteger:
			x.i = v.Int64()
		case tYear, tDate:
			x.i = int64(v.Int32())
		case tDouble:
			x.f = v.Double()
		case tBoolean:
			x.b = v.Boolean()
		case tDateTime:
			x.t = time.UnixMicro(v.Int64()).UTC()
		default:
			x.s = string(v.ByteArray())
		}
		if c.List {
			lists[ci] = append(lists[ci], x.s)
			continue
		}
		out[ci] = c.typ.text(&x)
	}
	for i, l := range lists {
		if tb.Columns[i].List {
			out[i] = strings.Join(l, ListSeparator)
		}
	}
	return out
}

// The tables say what the seed's JSON says about its texts, sources and
// dates (issue 19): every text column of the seed has its seven
// languages, each beside an origin column (own for English, translation
// for the others); every source has the day it was read; every record is
// dated by when its facts were gathered.
func TestSeedTablesCarryOriginsSourcesAndDates(t *testing.T) {
	dir := t.TempDir()
	res, err := newTestDumper(dir).Release(context.Background(), seedSnapshot(t, 3))
	if err != nil {
		t.Fatal(err)
	}
	rel := filepath.Join(dir, res.Release)
	texts := map[string][]string{
		"municipalities": {"summary", "summary_origin"},
		"networks":       {"description", "description_origin"},
		"approaches":     {"title", "title_origin", "summary", "summary_origin"},
		"categories":     {"definition", "definition_origin", "label", "label_origin"},
	}
	cells := 0
	for table, cols := range texts {
		rows := readCSV(t, filepath.Join(rel, table+".csv"))
		h := rows[0]
		for i := 0; i < len(cols); i += 2 {
			for _, lang := range dataset.Languages {
				tc, oc := slices.Index(h, cols[i]+"_"+lang), slices.Index(h, cols[i+1]+"_"+lang)
				if tc < 0 || oc < 0 {
					t.Fatalf("%s: no %s_%s or %s_%s column in %v", table, cols[i], lang, cols[i+1], lang, h)
				}
				want := "translation"
				if lang == "en" || (table == "categories" && cols[i] == "label" && lang == "de") {
					want = "own"
				}
				for _, r := range rows[1:] {
					if r[tc] == "" || r[oc] != want {
						t.Errorf("%s %s: %s_%s %q with origin %q, want a text with origin %q", table, r[0], cols[i], lang, r[tc], r[oc], want)
					}
					cells++
				}
			}
		}
		ci := slices.Index(h, "created")
		for _, r := range rows[1:] {
			if r[ci] != "2026-11-26T00:00:00Z" {
				t.Errorf("%s %s: created %q, want the day its facts were gathered", table, r[0], r[ci])
			}
		}
	}
	src := readCSV(t, filepath.Join(rel, "sources.csv"))
	ai, ti := slices.Index(src[0], "accessed"), slices.Index(src[0], "title")
	titled := 0
	for _, r := range src[1:] {
		if r[ai] != "2026-11-26" {
			t.Errorf("source %v: accessed %q", r, r[ai])
		}
		if r[ti] != "" {
			titled++
		}
	}
	if len(src) < 500 || titled == 0 {
		t.Errorf("sources table: %d rows, %d with a title", len(src)-1, titled)
	}
	t.Logf("%d text cells with their origins; %d sources, %d titled", cells, len(src)-1, titled)
}
