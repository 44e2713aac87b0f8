package vocab

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

func TestHTMLListsEveryTerm(t *testing.T) {
	snap := seedSnapshot(t)
	var b bytes.Buffer
	alts := []Alternate{{Name: "Turtle", MediaType: "text/turtle", Href: testBase + "/vocab.ttl"}}
	if err := WriteHTML(&b, Page{Base: testBase, Categories: snap.Categories, Alternates: alts}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	ids := map[string]int{}
	for _, m := range regexp.MustCompile(`\sid="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		ids[m[1]]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q appears %d times", id, n)
		}
	}
	for _, term := range Ours {
		// The anchor is the fragment, so the term's IRI lands on it.
		if ids[term.Local] != 1 || !strings.HasSuffix(term.IRI, "#"+term.Local) {
			t.Errorf("no section for %s", term.CURIE())
		}
		for _, want := range []string{term.IRI, escaped(term.Label["en"]), escaped(term.Comment["en"])} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the page lacks %q", term.CURIE(), want)
			}
		}
	}
	for _, id := range sectionIDs() {
		if ids[id] != 1 {
			t.Errorf("no section %q", id)
		}
	}
	for _, c := range snap.Categories {
		if ids["category-"+c.ID] != 1 || !strings.Contains(page, escaped(c.Labels["de"])) {
			t.Errorf("category %s missing", c.ID)
		}
	}
	// Nothing is loaded from anywhere: no scripts, stylesheets, images or
	// frames.
	for _, bad := range []string{"<script", "<img", "<iframe", `rel="stylesheet"`, "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	if !strings.Contains(page, `<link rel="alternate" type="text/turtle" href="`+testBase+`/vocab.ttl">`) {
		t.Error("no alternate link")
	}
}

// escaped escapes like html/template does in text.
func escaped(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")
	return r.Replace(s)
}
