package reconcile

import (
	"slices"
	"testing"
)

func TestKeysOf(t *testing.T) {
	for name, want := range map[string][]string{
		"München":          {"muenchen", "munchen"},
		"Αθήνα":            {"athina", "αθηνα"},
		"St. Gallen":       {"saint gallen", "sankt gallen", "sint gallen", "st gallen"},
		"Sainte-Ode":       {"sainte ode", "ste ode"},
		"Gießen":           {"giessen"},
		"Мелітополь":       {"melitopol", "мелітополь"},
		"  Bad  Bentheim ": {"bad bentheim"},
	} {
		if got := keysOf(name); !slices.Equal(got, want) {
			t.Errorf("keysOf(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestStripAdminAndQualifier(t *testing.T) {
	for key, want := range map[string]string{
		"stadt bielefeld": "bielefeld", "city of bristol": "bristol", "comune di palermo": "palermo",
		"swansea council": "swansea", "landkreis gottingen": "", "stadt": "", "bielefeld": "",
	} {
		if got := stripAdmin(key); got != want {
			t.Errorf("stripAdmin(%q) = %q, want %q", key, got, want)
		}
	}
	for s, want := range map[string][2]string{
		"Valencia, Spain":    {"Valencia", "Spain"},
		"Frankfurt (Oder)":   {"Frankfurt", "Oder"},
		"Valencia, C.V., ES": {"Valencia, C.V.", "ES"},
		"Bergen":             {"Bergen", ""},
		"(Oder)":             {"(Oder)", ""},
	} {
		if h, q := splitQualifier(s); h != want[0] || q != want[1] {
			t.Errorf("splitQualifier(%q) = %q, %q", s, h, q)
		}
	}
}

func TestSimilarity(t *testing.T) {
	for _, c := range []struct {
		q, k   string
		lo, hi float64
	}{
		{"munchen", "munchen", 1, 1},
		{"frankfurt", "frankfurt am main", 0.7, 0.8},           // a name within a name
		{"dusseldorff", "dusseldorf", 0.9, 0.95},               // a typo
		{"main frankfurt am", "frankfurt am main", 0.95, 0.95}, // the same words
		{"bonn", "bern", 0.5, 0.5},
		{"zzzz", "bern", 0, 0.3},
	} {
		if got := similarity(c.q, c.k); got < c.lo || got > c.hi {
			t.Errorf("similarity(%q, %q) = %.3f, want %.2f to %.2f", c.q, c.k, got, c.lo, c.hi)
		}
	}
}
