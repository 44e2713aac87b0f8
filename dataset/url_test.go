package dataset

import "testing"

var plainURLCases = []struct {
	s     string
	plain bool
}{
	{"https://example.org", true},
	{"http://example.org/", true},
	{"https://news.es.example/avioz/1", true},
	{"https://www.diariodemallorca.es/mallorca/2017/06/10/palma-25.html", true},
	{"https://wcd.coe.int/ViewDoc.jsp?Ref=MA015(2009)&Language=lanEnglish&Ver=original", true},
	{"https://x.example/a_b~c!$'()*+,;=:@/?q=1", true},
	{"https://EXAMPLE.org/Path", true},
	// Left to url.Parse, whatever its verdict.
	{"https://example.org:8080/", false},
	{"https://user@example.org/", false},
	{"https://example.org/a%20b", false},
	{"https://example.org/a%zz", false},
	{"https://example.org/#top", false},
	{"https://example.org/a b", false},
	{"https://example.org/a\"b", false},
	{"https://example.org/<", false},
	{"https://exämple.org/", false},
	{"https://[::1]/", false},
	{"https:///path", false},
	{"https://", false},
	{"https:example.org", false},
	{"ftp://example.org/", false},
	{"HTTPS://example.org/", false},
	{"//example.org/", false},
	{"https://example.org\\x", false},
	{"https://example.org/\x7f", false},
	{"", false},
}

// What plainURL takes, CheckURL's url.Parse path takes too.
func TestPlainURL(t *testing.T) {
	for _, c := range plainURLCases {
		if got := plainURL(c.s); got != c.plain {
			t.Errorf("plainURL(%q) = %v, want %v", c.s, got, c.plain)
		}
		if plainURL(c.s) {
			if err := parseURL(c.s); err != nil {
				t.Errorf("plainURL(%q) but url.Parse's path: %v", c.s, err)
			}
		}
	}
}

func FuzzPlainURL(f *testing.F) {
	for _, c := range plainURLCases {
		f.Add(c.s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if plainURL(s) {
			if err := parseURL(s); err != nil {
				t.Errorf("plainURL(%q) but url.Parse's path: %v", s, err)
			}
		}
	})
}
