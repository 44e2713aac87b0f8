package reconcile

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/moving-cities/opendata/dataset"
)

var testService = Service{BaseURI: "https://data.test", Version: "test", Root: "/reconcile", Root02: "/reconcile/v0.2"}

// The QuickStatements v1 grammar, as its help page describes it: a line is
// tab-separated; it starts with an entity (Q…, P…, L…, M… or LAST) or is
// CREATE; then a property (P…) and a value, then pairs of qualifier (P…)
// or source (S…) properties and values. Labels, descriptions, aliases and
// sitelinks (Len, Den, Aen, Senwiki) take a string. A leading "-"
// removes a statement.
var (
	qsEntity      = regexp.MustCompile(`^(?:[QPLM][1-9][0-9]*|LAST)$`)
	qsProperty    = regexp.MustCompile(`^P[1-9][0-9]*$`)
	qsTermCommand = regexp.MustCompile(`^(?:[LDA][a-z]{2,3}(?:-[a-z0-9]+)*|S[a-z_]+wiki)$`)
	qsQualifier   = regexp.MustCompile(`^P[1-9][0-9]*$`)
	qsSource      = regexp.MustCompile(`^S[1-9][0-9]*$`)
	qsValueForms  = []*regexp.Regexp{
		regexp.MustCompile(`^[QPLM][1-9][0-9]*$`),                                                              // entity
		regexp.MustCompile(`^"[^"\t]*"$`),                                                                      // string
		regexp.MustCompile(`^[a-z]{2,3}(?:-[a-z0-9]+)*:"[^"\t]*"$`),                                            // monolingual text
		regexp.MustCompile(`^[+-][0-9]{1,16}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/(?:[0-9]|1[0-4])$`), // time/precision
		regexp.MustCompile(`^@-?[0-9]+(?:\.[0-9]+)?/-?[0-9]+(?:\.[0-9]+)?$`),                                   // coordinates
		regexp.MustCompile(`^[+-]?[0-9]+(?:\.[0-9]+)?(?:~[0-9]+(?:\.[0-9]+)?)?(?:U[1-9][0-9]*)?$`),             // quantity
		regexp.MustCompile(`^(?:somevalue|novalue)$`),
	}
)

// parseQS parses one QuickStatements v1 line against the grammar and
// returns its entity, property, value and qualifier/source pairs.
func parseQS(line string) (entity, prop, value string, pairs [][2]string, err error) {
	if line == "CREATE" {
		return "CREATE", "", "", nil, nil
	}
	f := strings.Split(line, "\t")
	if len(f) < 3 {
		return "", "", "", nil, fmt.Errorf("%d fields, want at least 3", len(f))
	}
	entity = strings.TrimPrefix(f[0], "-")
	if !qsEntity.MatchString(entity) {
		return "", "", "", nil, fmt.Errorf("entity %q", f[0])
	}
	prop, value = f[1], f[2]
	isValue := func(v string) bool {
		for _, re := range qsValueForms {
			if re.MatchString(v) {
				return true
			}
		}
		return false
	}
	switch {
	case qsTermCommand.MatchString(prop):
		if !qsValueForms[1].MatchString(value) || len(f) != 3 {
			return "", "", "", nil, fmt.Errorf("term command %s needs exactly one string", prop)
		}
		return entity, prop, value, nil, nil
	case !qsProperty.MatchString(prop):
		return "", "", "", nil, fmt.Errorf("property %q", prop)
	case !isValue(value):
		return "", "", "", nil, fmt.Errorf("value %q", value)
	}
	if (len(f)-3)%2 != 0 {
		return "", "", "", nil, fmt.Errorf("qualifiers and sources come in pairs; %d fields left", len(f)-3)
	}
	sources := false
	for i := 3; i < len(f); i += 2 {
		k, v := f[i], f[i+1]
		switch {
		case qsSource.MatchString(k):
			sources = true
		case qsQualifier.MatchString(k):
			if sources {
				return "", "", "", nil, fmt.Errorf("qualifier %s after a source", k)
			}
		default:
			return "", "", "", nil, fmt.Errorf("qualifier or source property %q", k)
		}
		if !isValue(v) {
			return "", "", "", nil, fmt.Errorf("value %q of %s", v, k)
		}
		pairs = append(pairs, [2]string{k, v})
	}
	return entity, prop, value, pairs, nil
}

func TestQSGrammarRejects(t *testing.T) {
	for _, bad := range []string{
		"Q64\tP1234\tberlin",                                     // unquoted string
		"Q64\tP1234\t\"berlin\"\tS854",                           // odd pair
		"X64\tP1234\t\"berlin\"",                                 // no entity
		"Q64\tP1234\t\"berlin\"\tS813\t2026-11-26",               // time without sign and precision
		"Q64\tP1234\t\"berlin\"\tS813\t+2026-11-26T00:00:00Z/15", // precision out of range
	} {
		if _, _, _, _, err := parseQS(bad); err == nil {
			t.Errorf("parseQS(%q) accepted a malformed line", bad)
		}
	}
}

// TestQuickStatementsGrammar checks the export line by line against the v1
// grammar, and that it says what it should: one statement per
// municipality with a confirmed QID, our ID as the value, referenced with
// its page and the retrieval day.
func TestQuickStatementsGrammar(t *testing.T) {
	snap := seedIndex().Snapshot()
	var buf bytes.Buffer
	retrieved := time.Date(2026, 11, 26, 15, 4, 5, 0, time.FixedZone("CET", 3600))
	if err := WriteQuickStatements(&buf, snap, testService, QuickStatements{Property: "P1234", Retrieved: retrieved}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{} // QID → ID
	for _, m := range snap.Municipalities {
		if m.Wikidata != "" {
			want[m.Wikidata] = m.ID
		}
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want one per municipality with a QID (%d)", len(lines), len(want))
	}
	for n, line := range lines {
		entity, prop, value, pairs, err := parseQS(line)
		if err != nil {
			t.Fatalf("line %d %q: %v", n+1, line, err)
		}
		id, ok := want[entity]
		if !ok {
			t.Errorf("line %d: %s is no municipality's QID", n+1, entity)
			continue
		}
		delete(want, entity)
		if prop != "P1234" || value != `"`+id+`"` {
			t.Errorf("line %d: %s %s, want P1234 %q", n+1, prop, value, id)
		}
		refs := map[string]string{}
		for _, p := range pairs {
			refs[p[0]] = p[1]
		}
		if refs["S854"] != `"https://data.test/municipalities/`+id+`"` || refs["S813"] != "+2026-11-26T00:00:00Z/11" || len(refs) != 2 {
			t.Errorf("line %d: references %v", n+1, refs)
		}
	}
	if first := lines[0]; !strings.HasPrefix(first, "Q8757\tP1234\t\"a-coruna\"\tS854\t\"https://data.test/municipalities/a-coruna\"\tS813\t+2026-11-26T00:00:00Z/11") {
		t.Errorf("first line %q", first)
	}
	if err := WriteQuickStatements(&buf, snap, testService, QuickStatements{Property: "1234", Retrieved: retrieved}); err == nil {
		t.Error("a property without P was accepted")
	}
}

// TestMixnMatchCatalogue reads the catalogue back as TSV: a header of the
// recognised columns, one row per municipality, q only where confirmed.
func TestMixnMatchCatalogue(t *testing.T) {
	snap := seedIndex().Snapshot()
	var buf bytes.Buffer
	if err := WriteMixnMatch(&buf, snap, testService); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&buf)
	r.Comma = '\t'
	r.LazyQuotes = true
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "id,name,desc,url,q" {
		t.Errorf("header %v", rows[0])
	}
	if len(rows)-1 != len(snap.Municipalities) {
		t.Errorf("%d rows, want %d", len(rows)-1, len(snap.Municipalities))
	}
	byID := map[string][]string{}
	for _, row := range rows[1:] {
		if len(row) != 5 {
			t.Fatalf("row %v has %d cells", row, len(row))
		}
		if !dataset.IsSlug(row[0]) || row[1] == "" || row[3] != "https://data.test/municipalities/"+row[0] {
			t.Errorf("row %v", row)
		}
		if row[4] != "" && !dataset.IsQID(row[4]) {
			t.Errorf("row %v: q is no QID", row)
		}
		byID[row[0]] = row
	}
	if m := byID["munich"]; m[1] != "Munich" || m[4] != "Q1726" || m[2] != "Municipality in Germany (München)" {
		t.Errorf("munich: %v", m)
	}
	if c := byID["castellon-de-la-plana"]; c[4] != "" {
		t.Errorf("an unconfirmed QID was exported: %v", c)
	}
}
