package exporters

import (
	"slices"
	"testing"
)

func TestNegotiate(t *testing.T) {
	offers := []string{"text/turtle", "text/html", "application/ld+json", "application/rdf+xml", "application/n-triples"}
	for _, c := range []struct {
		accept string
		want   string // "" for not acceptable
	}{
		{"", "text/turtle"},
		{"   ", "text/turtle"},
		{"*/*", "text/turtle"},
		{"*", "text/turtle"},
		{"text/html", "text/html"},
		{"TEXT/HTML", "text/html"},
		{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"}, // a browser
		{"application/rdf+xml, text/turtle;q=0.5", "application/rdf+xml"},
		{"text/turtle;q=0.5, application/rdf+xml;q=0.9", "application/rdf+xml"},
		{"text/*", "text/turtle"},
		{"text/*;q=0.5, text/html", "text/html"},
		{"text/html;q=0, */*", "text/turtle"},
		{"text/turtle;q=0, */*;q=0.1", "text/html"},
		{"*/*;q=0.1, text/turtle;q=0", "text/html"}, // the specific range wins, even with q=0
		{"application/ld+json;profile=\"http://www.w3.org/ns/json-ld#expanded\"", "application/ld+json"},
		{"application/n-triples; q=1.0", "application/n-triples"},
		{"text/csv", ""},
		{"text/csv, image/*", ""},
		{"*/*;q=0", ""},
		{"text/turtle;q=2", "text/turtle"},            // invalid q: the range is ignored, none left
		{"text/turtle;q=abc, text/html", "text/html"}, // invalid q: that range is ignored
		{"garbage", "text/turtle"},                    // nothing valid: as if absent
		{"text/turtle;q=0.3;level=1, text/html;q=0.2", "text/turtle"},
		{"application/ld+json;q=0.9, text/turtle;q=0.9", "text/turtle"}, // a tie goes to the server's order
	} {
		got, ok := Negotiate(c.accept, offers)
		if ok != (c.want != "") || got != c.want {
			t.Errorf("Negotiate(%q) = %q, %v; want %q", c.accept, got, ok, c.want)
		}
	}
	if _, ok := Negotiate("*/*", nil); ok {
		t.Error("nothing offered cannot be acceptable")
	}
}

func FuzzNegotiate(f *testing.F) {
	for _, s := range []string{"", "*/*", "text/html;q=0.9, text/*;q=0", "a/b;q=0.5;q=1,,;", "text/turtle;q=1e-3", "*/html"} {
		f.Add(s)
	}
	offers := []string{"text/turtle", "text/html", "application/ld+json"}
	f.Fuzz(func(t *testing.T, accept string) {
		got, ok := Negotiate(accept, offers)
		if ok != slices.Contains(offers, got) {
			t.Fatalf("Negotiate(%q) = %q, %v", accept, got, ok)
		}
		// A client that refuses the winner by its exact type, where the
		// header did not name it yet, does not get it.
		if ok && !namesExactly(accept, got) {
			if again, ok := Negotiate(accept+", "+got+";q=0", offers); ok && again == got {
				t.Fatalf("%q refuses %s, which still won", accept+", "+got+";q=0", got)
			}
		}
	})
}

func namesExactly(accept, mt string) bool {
	for _, r := range parseAccept(accept) {
		if r.typ+"/"+r.sub == mt {
			return true
		}
	}
	return false
}

func TestProfiles(t *testing.T) {
	const ld, flat, exp = "application/ld+json", "http://www.w3.org/ns/json-ld#flattened", "http://www.w3.org/ns/json-ld#expanded"
	for _, c := range []struct {
		accept string
		want   []string
	}{
		{"", nil},
		{"application/ld+json", nil},
		{`application/ld+json;profile="` + flat + `"`, []string{flat}},
		{`application/ld+json; profile=` + flat, []string{flat}},
		{`APPLICATION/LD+JSON;Profile="` + flat + ` ` + exp + `"`, []string{flat, exp}},
		{`application/ld+json;profile="` + flat + `";q=0.5, application/ld+json`, nil},            // the plain range is preferred
		{`application/ld+json;q=0.5, application/ld+json;profile="` + flat + `"`, []string{flat}}, // the profiled one is
		{`application/ld+json, application/ld+json;profile="` + flat + `"`, []string{flat}},       // a tie: the more specific
		{`application/ld+json;profile="` + flat + `";q=0`, nil},                                   // refused
		{`text/turtle;profile="` + flat + `", application/ld+json`, nil},                          // another type's profile
		{`*/*;profile="` + flat + `"`, nil},                                                       // only an exact range
		{`application/ld+json;profile="` + exp + `", text/turtle;q=0.5`, []string{exp}},
	} {
		if got := Profiles(c.accept, ld); !slices.Equal(got, c.want) {
			t.Errorf("Profiles(%q) = %q; want %q", c.accept, got, c.want)
		}
	}
}
