package cms

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/ingest"
	"github.com/moving-cities/opendata/store/sqlite"
)

// fixtureCity is what the fixture says of one locale of a city's case
// study, read independently of the mapping under test.
type fixtureCity struct {
	Locale      string `json:"locale"`
	Slug        string `json:"slug"`
	PublishedAt string `json:"publishedAt"`
	Subtitle    string `json:"subtitle"`
	Reasoning   string `json:"reasoning"`
	Summary     *struct {
		Title string `json:"title"`
	} `json:"summary"`
	Report *struct {
		Title string `json:"title"`
		Intro string `json:"intro"`
	} `json:"report"`
	ReportFile struct {
		Data *struct {
			Attributes struct {
				URL string `json:"url"`
			} `json:"attributes"`
		} `json:"data"`
	} `json:"report_file"`
	Takeaways []struct {
		Content string `json:"content"`
	} `json:"takeaways"`
}

// TestSyncCarriesCityContent checks every case-study field of every
// locale of every city in the fixture, synced into a seeded and into an
// empty database: the CMS's text in that language, marked as the
// platform's wording.
func TestSyncCarriesCityContent(t *testing.T) {
	empty := func(t *testing.T) *sqlite.DB {
		ctx := context.Background()
		db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "e.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		seed, err := dataset.Seed()
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := ingest.Import(ctx, db, dataset.NewSnapshot(&dataset.Dataset{}, 0), &dataset.Dataset{Countries: seed.Countries}, false); err != nil {
			t.Fatal(err)
		}
		return db
	}
	seeded := func(t *testing.T) *sqlite.DB { db, _ := openSeeded(t); return db }
	for name, open := range map[string]func(*testing.T) *sqlite.DB{"seeded": seeded, "empty": empty} {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			fake, srv := newFake(t)
			if _, err := syncOnce(t, db, srv.URL, false); err != nil {
				t.Fatal(err)
			}
			snap := reload(t, db)
			bySlug := map[string]*dataset.Municipality{}
			for _, m := range snap.Municipalities {
				if slug, ok := cmsSlug(srv.URL, PluralCities, m.Sources); ok {
					bySlug[slug] = m
				}
			}
			checked := map[string]int{}
			for _, raw := range fake.collections[PluralCities] {
				var e struct {
					Attributes fixtureCity `json:"attributes"`
				}
				if err := json.Unmarshal(raw, &e); err != nil {
					t.Fatal(err)
				}
				a := e.Attributes
				if a.PublishedAt == "" {
					continue
				}
				m := bySlug[a.Slug]
				if m == nil {
					continue // an entry the sync refuses or retires is another test's
				}
				want := map[string]string{"subtitle": a.Subtitle, "reasoning": a.Reasoning}
				if a.Summary != nil {
					want["summary_title"] = a.Summary.Title
				}
				if a.Report != nil {
					want["report_title"], want["report_intro"] = a.Report.Title, a.Report.Intro
				}
				if d := a.ReportFile.Data; d != nil {
					u := d.Attributes.URL
					if strings.HasPrefix(u, "/") {
						u = srv.URL + u
					}
					want["report_file"] = u
				}
				got := map[string]dataset.Text{
					"subtitle": m.Subtitle, "summary_title": m.SummaryTitle, "reasoning": m.Reasoning,
					"report_title": m.ReportTitle, "report_intro": m.ReportIntro, "report_file": m.ReportFile,
				}
				var wantTk []string
				for _, tk := range a.Takeaways {
					wantTk = append(wantTk, tk.Content)
				}
				if len(wantTk) > 0 {
					checked["takeaways"]++
					if got := m.TakeawaysIn(a.Locale); !slices.Equal(got, wantTk) {
						t.Errorf("%s takeaways in %s = %q, want %q", a.Slug, a.Locale, got, wantTk)
					}
				}
				for field, w := range want {
					if w == "" {
						continue
					}
					checked[field]++
					if g := got[field][a.Locale]; g != w {
						t.Errorf("%s %s.%s = %q, want %q", a.Slug, field, a.Locale, g, w)
					}
					if o := m.ContentOrigin[a.Locale]; o != dataset.OriginPlatform {
						t.Errorf("%s content_origin.%s = %q, want platform", a.Slug, a.Locale, o)
					}
				}
			}
			for _, f := range []string{"subtitle", "summary_title", "reasoning", "report_title", "report_intro", "report_file", "takeaways"} {
				if checked[f] < 2 {
					t.Errorf("the fixture gives %s in %d locales; it should in several", f, checked[f])
				}
			}
		})
	}
}

func TestFileURL(t *testing.T) {
	m := &mapper{origin: "https://cms.example.org"}
	file := func(u string) media {
		var f media
		f.Data = &struct {
			Attributes struct {
				URL string `json:"url"`
			} `json:"attributes"`
		}{}
		f.Data.Attributes.URL = u
		return f
	}
	tests := []struct {
		name    string
		in      media
		want    string
		wantErr bool
	}{
		{"none", media{}, "", false},
		{"path on the CMS", file("/uploads/r.pdf"), "https://cms.example.org/uploads/r.pdf", false},
		{"absolute", file("https://cdn.example.org/r.pdf"), "https://cdn.example.org/r.pdf", false},
		{"another scheme", file("ftp://example.org/r.pdf"), "", true},
		{"not a URL", file("http://[::1"), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := m.fileURL(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("fileURL = %q, %v; want %q, error %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}
