package cms

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/moving-cities/opendata/dataset"
)

// cityContentAttrs are the fields of a CMS city that make its case study
// (issue 15): the tagline, the reasoning, the report and its file, and
// the summary's heading (the summary itself is in cityAttrs).
type cityContentAttrs struct {
	Subtitle   string  `json:"subtitle"`
	Reasoning  string  `json:"reasoning"`
	Report     *report `json:"report"`
	ReportFile media   `json:"report_file"`
	Takeaways  []struct {
		Content string `json:"content"`
	} `json:"takeaways"` // city.takeaway components
	Content []block `json:"content"` // its quotes and sections (map_blocks.go)
}

// report is the city.report component.
type report struct {
	Title string `json:"title"`
	Intro string `json:"intro"`
}

// media is a populated Strapi v4 single media field.
type media struct {
	Data *struct {
		Attributes struct {
			URL string `json:"url"`
		} `json:"attributes"`
	} `json:"data"`
}

// cityContent sets the case-study texts of a municipality from every
// locale of its CMS entry. A text the CMS gives in a locale replaces ours
// in that language, and the content of that language becomes the
// platform's wording; languages it leaves empty keep ours.
func (m *mapper) cityContent(x *dataset.CityContent, it Item[cityAttrs]) error {
	files := map[string]string{}
	for l, a := range it.Locales {
		u, err := m.fileURL(a.ReportFile)
		if err != nil {
			return fmt.Errorf("cms: cities %q, locale %s: report_file: %w", it.Slug, l, err)
		}
		files[l] = u
	}
	get := []func(cityAttrs) string{
		func(a cityAttrs) string { return a.Subtitle },
		func(a cityAttrs) string {
			if a.Summary == nil {
				return ""
			}
			return a.Summary.Title
		},
		func(a cityAttrs) string { return a.Reasoning },
		func(a cityAttrs) string {
			if a.Report == nil {
				return ""
			}
			return a.Report.Title
		},
		func(a cityAttrs) string {
			if a.Report == nil {
				return ""
			}
			return a.Report.Intro
		},
	}
	fields := []*dataset.Text{&x.Subtitle, &x.SummaryTitle, &x.Reasoning, &x.ReportTitle, &x.ReportIntro}
	for i, f := range fields {
		*f = setText(*f, it.Locales, get[i])
	}
	fileOf := func(l string) string { return files[l] }
	x.ReportFile = setText(x.ReportFile, localeKeys(it.Locales), fileOf)
	anyText := func(a cityAttrs) string {
		for _, g := range get {
			if s := strings.TrimSpace(g(a)); s != "" {
				return s
			}
		}
		return ""
	}
	x.Takeaways = takeaways(x.Takeaways, it.Locales)
	blocks, given, err := mergeBlocks(x.Blocks, it.Locales, func(a cityAttrs) []block { return a.Content })
	if err != nil {
		return fmt.Errorf("cms: cities %q, %w", it.Slug, err)
	}
	x.Blocks = blocks
	x.ContentOrigin = fromPlatform(x.ContentOrigin, it.Locales, anyText)
	x.ContentOrigin = fromPlatform(x.ContentOrigin, it.Locales, func(a cityAttrs) string {
		for _, t := range a.Takeaways {
			if s := strings.TrimSpace(t.Content); s != "" {
				return s
			}
		}
		return ""
	})
	x.ContentOrigin = fromPlatform(x.ContentOrigin, localeKeys(it.Locales), fileOf)
	x.ContentOrigin = fromPlatform(x.ContentOrigin, localeKeys(it.Locales), func(l string) string {
		if given[l] {
			return l
		}
		return ""
	})
	return nil
}

// takeaways replaces ours in every language the CMS gives takeaways in,
// keeps ours in the others, and lists them by language in the platform's
// order, each language's in the CMS's order.
func takeaways(ours []dataset.Takeaway, locales map[string]cityAttrs) []dataset.Takeaway {
	var out []dataset.Takeaway
	for _, l := range dataset.Languages {
		var cms []dataset.Takeaway
		for _, t := range locales[l].Takeaways {
			if s := strings.TrimSpace(t.Content); s != "" {
				cms = append(cms, dataset.Takeaway{Lang: l, Text: s})
			}
		}
		if len(cms) > 0 {
			out = append(out, cms...)
			continue
		}
		for _, t := range ours {
			if t.Lang == l {
				out = append(out, t)
			}
		}
	}
	return out
}

// localeKeys maps each locale of locales to itself, for texts that are
// looked up by locale rather than read from the attributes.
func localeKeys[A any](locales map[string]A) map[string]string {
	out := make(map[string]string, len(locales))
	for l := range locales {
		out[l] = l
	}
	return out
}

// fileURL is the absolute address of a media file: Strapi's local upload
// provider gives a path on the CMS ("/uploads/report.pdf"), others an
// absolute URL.
func (m *mapper) fileURL(f media) (string, error) {
	if f.Data == nil || strings.TrimSpace(f.Data.Attributes.URL) == "" {
		return "", nil
	}
	ref, err := url.Parse(strings.TrimSpace(f.Data.Attributes.URL))
	if err != nil {
		return "", fmt.Errorf("%q is not a URL", f.Data.Attributes.URL)
	}
	base, err := url.Parse(m.origin + "/")
	if err != nil {
		return "", fmt.Errorf("the CMS address %q is not a URL", m.origin)
	}
	u := base.ResolveReference(ref)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("%q is not an http(s) address", f.Data.Attributes.URL)
	}
	return u.String(), nil
}
