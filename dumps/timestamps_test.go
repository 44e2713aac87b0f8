package dumps

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"
	"github.com/knakk/rdf"
	"github.com/parquet-go/parquet-go"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/graph"
	"github.com/moving-cities/opendata/store/sqlite"
	"github.com/moving-cities/opendata/vocab"
)

// TestTimestampsAgreeAcrossFormats: a record stored by a clock with
// nanoseconds has one modified time, in whole seconds UTC, in its JSON
// (as the REST API encodes it), the CSV, the Parquet file and the graph
// dumps in Turtle and JSON-LD (issue 17).
func TestTimestampsAgreeAcrossFormats(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.Now = fixedClock(time.Date(2026, 12, 5, 12, 36, 4, 262796980, time.FixedZone("CET", 3600)))
	seed, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	_, changes, err := dataset.Merge(&dataset.Dataset{}, seed)
	if err != nil {
		t.Fatal(err)
	}
	rev, err := db.Apply(ctx, 0, changes)
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := db.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	snap := dataset.NewSnapshot(d, rev)
	const want = "2026-12-05T11:36:04Z"

	dir := t.TempDir()
	dm := newTestDumper(dir)
	dm.Graph = GraphFunc(func(ctx context.Context, snap *dataset.Snapshot, emit func(vocab.Triple) error) error {
		return graph.DatasetTriples(ctx, snap, testBase, emit)
	})
	res, err := dm.Release(ctx, snap)
	if err != nil {
		t.Fatal(err)
	}
	rel := filepath.Join(dir, res.Release)
	m := snap.Municipalities[0]
	iri := vocab.EntityIRI(testBase, dataset.TypeMunicipality, m.ID)

	// JSON, as the REST API writes the record.
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var js struct{ Created, Modified string }
	if err := json.Unmarshal(b, &js); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{"JSON created": js.Created, "JSON modified": js.Modified}

	// CSV.
	rows := readCSV(t, filepath.Join(rel, "municipalities.csv"))
	col := slices.Index(rows[0], "modified")
	for _, r := range rows[1:] {
		if r[0] == m.ID {
			got["CSV"] = r[col]
		}
	}

	// Parquet: a TIMESTAMP in microseconds.
	f, err := os.Open(filepath.Join(rel, "municipalities.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	r := parquet.NewReader(pf)
	pr := make([]parquet.Row, 1)
	if n, err := r.ReadRows(pr); n != 1 {
		t.Fatalf("Parquet: %d rows, %v", n, err)
	}
	for _, v := range pr[0] {
		if v.Column() == col {
			got["Parquet"] = time.UnixMicro(v.Int64()).UTC().Format(time.RFC3339Nano)
		}
	}
	r.Close()

	// The graph dumps: Turtle parsed, JSON-LD read for the literal.
	gunzip := func(name string) []byte {
		gf, err := os.Open(filepath.Join(rel, name))
		if err != nil {
			t.Fatal(err)
		}
		defer gf.Close()
		zr, err := gzip.NewReader(gf)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	dec := rdf.NewTripleDecoder(bytes.NewReader(gunzip("dataset.ttl.gz")), rdf.Turtle)
	for {
		tr, err := dec.Decode()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if tr.Subj.String() == iri && tr.Pred.String() == vocab.DCTermsModified.IRI {
			lit, ok := tr.Obj.(rdf.Literal)
			if !ok || lit.DataType.String() != vocab.XSDDateTime.IRI {
				t.Fatalf("Turtle dct:modified %v is not an xsd:dateTime", tr.Obj)
			}
			got["Turtle"] = lit.String()
		}
	}
	ld := string(gunzip("dataset.jsonld.gz"))
	if strings.Contains(ld, `"`+want+`"`) {
		got["JSON-LD"] = want
	}
	for _, what := range []string{"JSON created", "JSON modified", "CSV", "Parquet", "Turtle", "JSON-LD"} {
		if got[what] != want {
			t.Errorf("%s: %q, want %q", what, got[what], want)
		}
	}
	if strings.Contains(ld, "2026-12-05T11:36:04.") || bytes.Contains(gunzip("dataset.nt.gz"), []byte("2026-12-05T11:36:04.")) {
		t.Error("a graph dump has fractional seconds")
	}
}
