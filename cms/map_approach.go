package cms

import (
	"fmt"

	"github.com/moving-cities/opendata/dataset"
)

// The content people read about approaches and countries (issue 15),
// mapped here apart from the structural fields.

// approachContentAttrs are the approach's content attributes a sync reads
// beyond its title and summary.
type approachContentAttrs struct {
	TitleShort string  `json:"title_short"`
	Content    []block `json:"content"` // its sections and quotes (map_blocks.go)
}

// mapApproachContent lays the CMS's approach content over x, per locale:
// a locale the CMS gives a text in replaces ours and marks it as the
// platform's wording; the others keep ours. Sections and quotes replace
// ours in the languages the CMS gives some in.
func mapApproachContent(x *dataset.Approach, it Item[approachAttrs]) error {
	short := func(a approachAttrs) string { return a.TitleShort }
	x.ShortTitle = setText(x.ShortTitle, it.Locales, short)
	x.ShortTitleOrigin = fromPlatform(x.ShortTitleOrigin, it.Locales, short)
	blocks, given, err := mergeBlocks(x.Blocks, it.Locales, func(a approachAttrs) []block { return a.Content })
	if err != nil {
		return fmt.Errorf("cms: approaches %q, %w", it.Slug, err)
	}
	x.Blocks = blocks
	for l := range given {
		if x.BlocksOrigin == nil {
			x.BlocksOrigin = dataset.Origins{}
		}
		x.BlocksOrigin[l] = dataset.OriginPlatform
	}
	return nil
}

// mapCountryContent lays the CMS's country content over c: its
// rich-text blocks are the political context, as Markdown paragraphs.
func mapCountryContent(c *dataset.Country, it Item[namedAttrs]) {
	context := func(a namedAttrs) string { return richText(a.Content) }
	c.PoliticalContext = setText(c.PoliticalContext, it.Locales, context)
	c.PoliticalContextOrigin = fromPlatform(c.PoliticalContextOrigin, it.Locales, context)
}
