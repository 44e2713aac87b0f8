package pages

import "github.com/moving-cities/opendata/dataset"

// caseStudyView is a municipality's case-study content (issue 15), in the
// page's language with the usual fallback to English and notes on
// translations. Titles and the tagline are plain strings in the CMS;
// reasoning and the report's introduction are Markdown, rendered through
// the "markdown" template func.
type caseStudyView struct {
	Tagline      *LText
	SummaryTitle *LText
	Reasoning    *LText
	Report       *reportView
	// Takeaways are in one language: the page's, else English.
	Takeaways []LText
}

type reportView struct {
	Title, Intro *LText
	// File is the report's file in the page's language, else in English.
	File string
}

// caseStudy is the view of m's case-study content, or nil when it has
// none.
func (c *ctx) caseStudy(m *dataset.Municipality) *caseStudyView {
	x := &m.CityContent
	if x.IsZero() {
		return nil
	}
	o := x.ContentOrigin
	v := &caseStudyView{
		Tagline:      c.optTextFrom(x.Subtitle, o),
		SummaryTitle: c.optTextFrom(x.SummaryTitle, o),
		Reasoning:    c.optTextFrom(x.Reasoning, o),
	}
	lang, fellBack := c.lang, false
	items := x.TakeawaysIn(lang)
	if len(items) == 0 && lang != "en" {
		lang, fellBack, items = "en", true, x.TakeawaysIn("en")
	}
	for _, s := range items {
		v.Takeaways = append(v.Takeaways, LText{Text: s, Attr: c.attr(lang), Fallback: fellBack,
			Translated: !fellBack && o.Translated(lang)})
	}
	r := &reportView{Title: c.optTextFrom(x.ReportTitle, o), Intro: c.optTextFrom(x.ReportIntro, o)}
	r.File, _ = x.ReportFile.Get(c.lang)
	if r.Title != nil || r.Intro != nil || r.File != "" {
		v.Report = r
	}
	return v
}

// blocksView is the quotes and sections of a municipality's case study
// or of an approach, in one language: the page's, else English.
type blocksView struct {
	Items []blockView
	// Attr is the blocks' language when it is not the page's.
	Attr string
	// Fallback: the blocks are English, the page's language has none.
	// Translated: they are this project's translation (issue 19).
	Fallback, Translated bool
}

// blockView is one quote (Text said by Author) or section (Title and its
// Markdown Text).
type blockView struct {
	Quote               bool
	Title, Text, Author string
}

// blocks is the view of bs in the page's language, else in English, or
// nil when neither has any. origins say which languages are translations.
func (c *ctx) blocks(bs []dataset.Block, origins dataset.Origins) *blocksView {
	lang, fellBack := c.lang, false
	items := dataset.BlocksIn(bs, lang)
	if len(items) == 0 && lang != "en" {
		lang, fellBack, items = "en", true, dataset.BlocksIn(bs, "en")
	}
	if len(items) == 0 {
		return nil
	}
	v := &blocksView{Attr: c.attr(lang), Fallback: fellBack, Translated: !fellBack && origins.Translated(lang)}
	for _, b := range items {
		v.Items = append(v.Items, blockView{Quote: b.Kind == dataset.BlockQuote, Title: b.Title, Text: b.Text, Author: b.Author})
	}
	return v
}

// caseStudyLD adds to a municipality's schema.org description its tagline
// and its report.
func caseStudyLD(n ld, m *dataset.Municipality) {
	x := &m.CityContent
	if len(x.Subtitle) > 0 {
		n["slogan"] = langValues(x.Subtitle)
	}
	if len(x.ReportTitle) == 0 && len(x.ReportFile) == 0 {
		return
	}
	rep := ld{"@type": "Report"}
	if len(x.ReportTitle) > 0 {
		rep["name"] = langValues(x.ReportTitle)
	}
	if len(x.ReportIntro) > 0 {
		rep["abstract"] = langValues(x.ReportIntro)
	}
	if len(x.ReportFile) > 0 {
		var files []ld
		for _, l := range dataset.Languages {
			if u := x.ReportFile[l]; u != "" {
				files = append(files, ld{"@type": "MediaObject", "contentUrl": u, "inLanguage": l})
			}
		}
		rep["associatedMedia"] = files
	}
	subj, _ := n["subjectOf"].([]string)
	items := make([]any, 0, len(subj)+1)
	for _, s := range subj {
		items = append(items, s)
	}
	n["subjectOf"] = append(items, rep)
}
