package pages

import (
	"net/http"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
)

// The CMS's rich text is rendered, and whatever it holds that could run,
// restyle or load something on our pages is gone (issue 15).
func TestMarkdownIsRenderedSafely(t *testing.T) {
	r := newMarkdownRenderer()
	for _, c := range []struct {
		name, src string
		want      []string
		never     []string
	}{
		{"emphasis and lists", "Some **strong** and *soft* words.\n\n- one\n- two",
			[]string{"<strong>strong</strong>", "<em>soft</em>", "<ul>", "<li>one</li>"}, nil},
		{"links keep no referrer", "[report](https://example.org/r.pdf)",
			[]string{`<a href="https://example.org/r.pdf" rel="nofollow noreferrer">report</a>`}, nil},
		{"raw script", "Hello <script>alert(1)</script>", []string{"Hello"}, []string{"<script", "alert(1)</script"}},
		{"raw HTML with handlers", `<p onclick="x()">hi</p><iframe src="https://evil.example"></iframe>`, nil, []string{"onclick", "<iframe"}},
		{"javascript link", "[click](javascript:alert(1))", []string{"click"}, []string{"javascript:"}},
		{"images from other hosts", "![tracker](https://tracker.example/p.gif)", nil, []string{"<img", "tracker.example"}},
		{"the page keeps its own h1", "# Title\n\n## Part", []string{"Title", "<h2>Part</h2>"}, []string{"<h1"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := string(r.HTML(c.src))
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("%q renders as %q, without %q", c.src, got, w)
				}
			}
			for _, n := range c.never {
				if strings.Contains(got, n) {
					t.Errorf("%q renders as %q, with %q", c.src, got, n)
				}
			}
		})
	}
}

func TestMarkdownPlain(t *testing.T) {
	r := newMarkdownRenderer()
	for _, c := range []struct{ src, want string }{
		{"Some **strong** words & more.\n\nA second paragraph.", "Some strong words & more. A second paragraph."},
		{"- one\n- two", "one two"},
		{"Safe <b>text</b> here", "Safe text here"},
	} {
		if got := r.Plain(c.src); got != c.want {
			t.Errorf("Plain(%q) = %q, want %q", c.src, got, c.want)
		}
	}
}

// An entity page shows a summary's Markdown rendered, and its meta
// description as plain text.
func TestEntityPageRendersMarkdown(t *testing.T) {
	p := testPages(t)
	d, err := dataset.Seed()
	if err != nil {
		t.Fatal(err)
	}
	d.Municipalities[0].Summary = dataset.Text{"en": "A **welcoming** city. <script>alert(1)</script>"}
	d.Municipalities[0].SummaryOrigin = nil
	snap := dataset.NewSnapshot(d, 7)
	m := snap.Municipalities[0]
	w := get(t, "/municipalities/"+m.ID, nil, func(w http.ResponseWriter, r *http.Request) error {
		return p.Entity(w, r, view(snap), dataset.TypeMunicipality, m.ID)
	})
	page := w.Body.String()
	if !strings.Contains(page, "A <strong>welcoming</strong> city.") {
		t.Error("the summary's Markdown is not rendered")
	}
	if strings.Contains(page, "alert(1)</script>") {
		t.Error("a script in the summary reached the page")
	}
	if !strings.Contains(page, `<meta name="description" content="A welcoming city.`) {
		t.Error("the meta description is not the summary's plain text")
	}
}
