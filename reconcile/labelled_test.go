package reconcile

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/moving-cities/opendata/dataset"
)

// seedIndex is the index of the seed data, built once for all tests.
var seedIndex = sync.OnceValue(func() *Index {
	d, err := dataset.Seed()
	if err != nil {
		panic(err)
	}
	return NewIndex(dataset.NewSnapshot(d, 1))
})

// labelled is one line of testdata/labelled-queries.tsv.
type labelled struct {
	line     int
	query    Query
	text     string
	expected string // "" when no automatic match is right
	group    string
	note     string
}

func readLabelled(t testing.TB) []labelled {
	t.Helper()
	f, err := os.Open("testdata/labelled-queries.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 5 {
			t.Fatalf("line %d: %d columns, want 6", n, len(cols))
		}
		l := labelled{line: n, text: cols[0], group: cols[4]}
		if len(cols) > 5 {
			l.note = cols[5]
		}
		if cols[0] != "-" {
			l.query.Names = []string{cols[0]}
		}
		if cols[1] != "-" {
			typ, ok := ParseType(cols[1])
			if !ok {
				t.Fatalf("line %d: unknown type %q", n, cols[1])
			}
			l.query.Type = typ
		}
		if cols[2] != "-" {
			for _, kv := range strings.Split(cols[2], ";") {
				k, v, _ := strings.Cut(kv, "=")
				l.query.Conditions = append(l.query.Conditions, Condition{Property: k, Values: []string{v}})
			}
		}
		if cols[3] != "-" {
			l.expected = cols[3]
			if _, ok := seedIndex().byRID[l.expected]; !ok {
				t.Fatalf("line %d: expected %q is not an entity of the seed", n, l.expected)
			}
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLabelledQueries runs real name queries over the seed data and
// reports the precision and recall of automatic matches (match: true),
// overall and per group. Precision must be 1: an automatic match that is
// wrong is written into people's data unseen.
func TestLabelledQueries(t *testing.T) {
	ix := seedIndex()
	ls := readLabelled(t)
	if len(ls) < 60 {
		t.Fatalf("%d labelled queries, want at least 60", len(ls))
	}
	type tally struct{ queries, positives, auto, correct, top int }
	all := &tally{}
	groups := map[string]*tally{}
	for _, l := range ls {
		cands := ix.Reconcile(l.query)
		auto := ""
		if len(cands) > 0 && cands[0].Match {
			auto = cands[0].ID
		}
		for i, c := range cands {
			if i > 0 && c.Match {
				t.Errorf("line %d %q: candidate %d (%s) has match: true; only the first may", l.line, l.text, i, c.ID)
			}
		}
		g := groups[l.group]
		if g == nil {
			g = &tally{}
			groups[l.group] = g
		}
		for _, x := range []*tally{all, g} {
			x.queries++
			if l.expected != "" {
				x.positives++
				if len(cands) > 0 && cands[0].ID == l.expected {
					x.top++
				}
			}
			if auto != "" {
				x.auto++
				if auto == l.expected {
					x.correct++
				}
			}
		}
		switch {
		case auto != "" && auto != l.expected:
			t.Errorf("line %d %q (%s): wrong automatic match %s; want %q; candidates %s",
				l.line, l.text, l.note, auto, l.expected, describe(cands))
		case l.expected != "" && auto != l.expected:
			t.Logf("line %d %q (%s): no automatic match for %s; candidates %s", l.line, l.text, l.group, l.expected, describe(cands))
		}
	}
	ratio := func(a, b int) string {
		if b == 0 {
			return "  -  "
		}
		return fmt.Sprintf("%.3f", float64(a)/float64(b))
	}
	var names []string
	for n := range groups {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %7s %9s %5s %9s %6s %10s\n", "group", "queries", "positives", "auto", "precision", "recall", "top-1 rank")
	row := func(name string, x *tally) {
		fmt.Fprintf(&b, "%-10s %7d %9d %5d %9s %6s %10s\n", name, x.queries, x.positives, x.auto,
			ratio(x.correct, x.auto), ratio(x.correct, x.positives), ratio(x.top, x.positives))
	}
	for _, n := range names {
		row(n, groups[n])
	}
	row("all", all)
	t.Logf("automatic matches over %d labelled queries (precision: correct/auto; recall: correct/positives; "+
		"top-1 rank: the expected entity is the first candidate):\n%s", all.queries, b.String())
	if all.correct != all.auto {
		t.Errorf("precision of match: true is %s, want 1", ratio(all.correct, all.auto))
	}
}

func describe(cs []Candidate) string {
	var parts []string
	for i, c := range cs {
		if i == 3 {
			break
		}
		parts = append(parts, fmt.Sprintf("%s %.1f", c.ID, c.Score))
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
