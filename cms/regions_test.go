package cms

import (
	"strings"
	"testing"
)

func TestCountryCode(t *testing.T) {
	for _, c := range []struct {
		names    map[string]string
		code     string
		errParts []string
	}{
		{map[string]string{"en": "Germany", "de": "Deutschland"}, "DE", nil},
		{map[string]string{"pl": "Polska"}, "PL", nil},
		{map[string]string{"el": "Ελλάδα"}, "GR", nil},
		{map[string]string{"en": " italy "}, "IT", nil},
		{map[string]string{"en": "Atlantis"}, "", []string{`country "x"`, `en "Atlantis"`, "no ISO 3166-1 code"}},
		{map[string]string{"en": "Germany", "fr": "Italie"}, "", []string{"several countries (DE, IT)"}},
	} {
		code, err := countryCode("x", c.names)
		if c.errParts == nil {
			if err != nil || code != c.code {
				t.Errorf("%v: %q, %v; want %q", c.names, code, err, c.code)
			}
			continue
		}
		if err == nil {
			t.Errorf("%v: %q, want an error", c.names, code)
			continue
		}
		for _, p := range c.errParts {
			if !strings.Contains(err.Error(), p) {
				t.Errorf("%v: error %q lacks %q", c.names, err, p)
			}
		}
	}
}
