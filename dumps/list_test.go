package dumps

import (
	"slices"
	"strings"
	"testing"
)

func TestSplitList(t *testing.T) {
	tests := []struct {
		cell string
		want []string
		ok   bool
	}{
		{"", nil, true},
		{"Q1", []string{"Q1"}, true},
		{"Q1 Q2", []string{"Q1", "Q2"}, true},
		{"https://a.example/x?q=1|2 https://b.example/", []string{"https://a.example/x?q=1|2", "https://b.example/"}, true},
		{"Q1  Q2", nil, false},
		{" Q1", nil, false},
		{"Q1 ", nil, false},
		{" ", nil, false},
	}
	for _, tt := range tests {
		got, err := SplitList(tt.cell)
		if (err == nil) != tt.ok || !slices.Equal(got, tt.want) {
			t.Errorf("SplitList(%q) = %q, %v; want %q, ok %v", tt.cell, got, err, tt.want, tt.ok)
		}
	}
}

// FuzzSplitList: SplitList accepts exactly the cells JoinList writes, and
// gives back the list that was joined.
func FuzzSplitList(f *testing.F) {
	for _, s := range []string{"", "a", "a b", "a  b", " a", "a ", "a|b c", "\t", "é ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		vals, err := SplitList(cell)
		if err != nil {
			// Only a cell with an empty value is refused.
			if cell != "" && !strings.HasPrefix(cell, ListSeparator) && !strings.HasSuffix(cell, ListSeparator) &&
				!strings.Contains(cell, ListSeparator+ListSeparator) {
				t.Fatalf("SplitList(%q) refused a cell JoinList can write: %v", cell, err)
			}
			return
		}
		for _, v := range vals {
			if v == "" || strings.Contains(v, ListSeparator) {
				t.Fatalf("SplitList(%q) gave the value %q, which JoinList cannot write", cell, v)
			}
		}
		if got := JoinList(vals); got != cell {
			t.Fatalf("JoinList(SplitList(%q)) = %q", cell, got)
		}
		if again, err := SplitList(JoinList(vals)); err != nil || !slices.Equal(again, vals) {
			t.Fatalf("SplitList(JoinList(%q)) = %q, %v", vals, again, err)
		}
	})
}
