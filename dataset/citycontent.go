package dataset

import (
	"fmt"
	"slices"
	"strings"
)

// CityContent is the case-study content people read on a municipality's
// page on the platform (issue 15): texts in the platform's languages, as
// its CMS gives them (Markdown where the CMS has rich text). It is
// embedded in Municipality, so its fields are the municipality's own in
// every output.
type CityContent struct {
	// Subtitle is the tagline shown under the municipality's name.
	Subtitle Text `json:"subtitle,omitempty"`
	// SummaryTitle is the heading of the summary (Municipality.Summary).
	SummaryTitle Text `json:"summary_title,omitempty"`
	// Reasoning says why the municipality acts as it does (Markdown).
	Reasoning Text `json:"reasoning,omitempty"`
	// ReportTitle, ReportIntro (Markdown) and ReportFile (the URL of the
	// report's file, per language) present the municipality's report.
	ReportTitle Text `json:"report_title,omitempty"`
	ReportIntro Text `json:"report_intro,omitempty"`
	ReportFile  Text `json:"report_file,omitempty"`
	// Takeaways are the case study's key points (Markdown), in the order
	// the platform lists them within each language.
	Takeaways []Takeaway `json:"takeaways,omitempty"`
	// Blocks are the quotes and sections of the case study, in the order
	// the platform shows them within each language.
	Blocks []Block `json:"blocks,omitempty"`
	// ContentOrigin says, per language, where the texts above came from:
	// the CMS gives them together, so one origin covers them all.
	ContentOrigin Origins `json:"content_origin,omitempty"`
}

// Length limits of the case-study texts, in bytes: generous for what the
// platform publishes, small enough that a pasted document is refused.
const (
	maxTaglineBytes = 500     // subtitle, titles
	maxContentBytes = 100_000 // Markdown texts
)

// IsZero reports whether the municipality has no case-study content.
func (c *CityContent) IsZero() bool {
	return len(c.Subtitle) == 0 && len(c.SummaryTitle) == 0 && len(c.Reasoning) == 0 &&
		len(c.ReportTitle) == 0 && len(c.ReportIntro) == 0 && len(c.ReportFile) == 0 && len(c.ContentOrigin) == 0 &&
		len(c.Takeaways) == 0 && len(c.Blocks) == 0
}

// Takeaway is one key point of a case study, in one language.
type Takeaway struct {
	Lang string `json:"lang"`
	Text string `json:"text"`
}

// TakeawaysIn returns the texts of the takeaways in lang, in order.
func (c *CityContent) TakeawaysIn(lang string) []string {
	var out []string
	for _, t := range c.Takeaways {
		if t.Lang == lang {
			out = append(out, t.Text)
		}
	}
	return out
}

// texts are the content's texts by field name, for checks and origins.
func (c *CityContent) texts() []struct {
	field string
	text  Text
	max   int
} {
	return []struct {
		field string
		text  Text
		max   int
	}{
		{"subtitle", c.Subtitle, maxTaglineBytes},
		{"summary_title", c.SummaryTitle, maxTaglineBytes},
		{"reasoning", c.Reasoning, maxContentBytes},
		{"report_title", c.ReportTitle, maxTaglineBytes},
		{"report_intro", c.ReportIntro, maxContentBytes},
		{"report_file", c.ReportFile, maxTaglineBytes * 4},
	}
}

// cityContent checks a municipality's case-study content: languages among
// ours, an English version of every text given, lengths, single-line
// titles, report files as absolute http(s) URLs, and origins for languages
// some text has.
func (c *checker) cityContent(id string, x *CityContent) {
	t := TypeMunicipality
	has := map[string]bool{}
	for _, f := range x.texts() {
		c.text(t, id, f.field, f.text, false)
		for _, lang := range f.text.Langs() {
			s := f.text[lang]
			if s != "" {
				has[lang] = true
			}
			if len(s) > f.max {
				c.add(t, id, f.field+"."+lang, "%d bytes is longer than the %d allowed", len(s), f.max)
			}
			if f.max <= maxTaglineBytes*4 {
				c.chars(t, id, f.field+"."+lang, s, false)
			}
			if f.field == "report_file" {
				c.url(t, id, f.field+"."+lang, s)
			}
		}
	}
	langs := map[string]bool{}
	for i, tk := range x.Takeaways {
		key := fmt.Sprintf("takeaways[%d]", i)
		switch {
		case !IsPlatformLanguage(tk.Lang):
			c.add(t, id, key+".lang", "%q is not one of the platform's languages (%s)", tk.Lang, strings.Join(Languages, ", "))
		case strings.TrimSpace(tk.Text) == "":
			c.add(t, id, key+".text", "missing")
		case len(tk.Text) > maxContentBytes:
			c.add(t, id, key+".text", "%d bytes is longer than the %d allowed", len(tk.Text), maxContentBytes)
		default:
			has[tk.Lang] = true
			langs[tk.Lang] = true
		}
		c.chars(t, id, key+".text", tk.Text, true)
	}
	if len(langs) > 0 && !langs["en"] {
		c.add(t, id, "takeaways", "takeaways in other languages need English ones")
	}
	for lang := range c.blocks(t, id, x.Blocks) {
		has[lang] = true
	}
	for _, lang := range x.ContentOrigin.Langs() {
		key := "content_origin." + lang
		switch o := x.ContentOrigin[lang]; {
		case !has[lang]:
			c.add(t, id, key, "origin given for a language the content does not have")
		case !slices.Contains(TextOrigins, o):
			c.add(t, id, key, "unknown origin %q (one of platform, own, translation)", o)
		case lang == "en" && o == OriginTranslation:
			c.add(t, id, key, "the English text cannot be a translation: translations are of it")
		}
	}
}
