package dataset

import (
	"regexp"
	"strings"
	"testing"
)

// slugOracle is the definition IsSlug implements by scanning bytes.
var slugOracle = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

func wantSlug(s string) bool { return len(s) <= MaxIDLength && slugOracle.MatchString(s) }

// IsSlug agrees with the regular expression on every string of up to
// five bytes over an alphabet of its edge cases, and on longer ones.
func TestIsSlugMatchesPattern(t *testing.T) {
	alphabet := []string{"a", "z", "0", "9", "-", "A", "_", "\n", "é"}
	var walk func(s string, depth int)
	n := 0
	walk = func(s string, depth int) {
		n++
		if got, want := IsSlug(s), wantSlug(s); got != want {
			t.Errorf("IsSlug(%q) = %v, want %v", s, got, want)
		}
		if depth == 0 {
			return
		}
		for _, c := range alphabet {
			walk(s+c, depth-1)
		}
	}
	walk("", 5)
	if n < 60000 {
		t.Fatalf("only %d strings checked", n)
	}
	for _, s := range []string{
		"gdansk", "berlin-2", "a-b-c", "sichere-haefen", strings.Repeat("a", MaxIDLength),
		strings.Repeat("a", MaxIDLength+1), strings.Repeat("ab-", 33) + "a", "a--b", "-a", "a-", "ä", "a b",
	} {
		if got, want := IsSlug(s), wantSlug(s); got != want {
			t.Errorf("IsSlug(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzIsSlug(f *testing.F) {
	for _, s := range []string{"gdansk", "a--b", "-a", "a-", "A", "a_b", "a\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := IsSlug(s), wantSlug(s); got != want {
			t.Errorf("IsSlug(%q) = %v, want %v", s, got, want)
		}
	})
}
