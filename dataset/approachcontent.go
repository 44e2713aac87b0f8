package dataset

// ApproachContent is what people read about an approach on the platform
// beyond its title and summary (issue 15). Kept in a block of its own, as
// the platform's CMS gives it per locale.
type ApproachContent struct {
	// ShortTitle is the short form of the title the platform shows where
	// space is tight (the CMS's title_short). One line.
	ShortTitle Text `json:"short_title,omitempty"`
	// ShortTitleOrigin says, per language, where the short title came from.
	ShortTitleOrigin Origins `json:"short_title_origin,omitempty"`
	// Blocks are the approach's content sections (and quotes), in the
	// order the platform shows them within each language.
	Blocks []Block `json:"blocks,omitempty"`
	// BlocksOrigin says, per language, where that language's blocks came
	// from: the CMS gives them together, so one origin covers them all.
	BlocksOrigin Origins `json:"blocks_origin,omitempty"`
}

// MaxLineLength bounds one-line texts (titles, short titles) in
// characters: the CMS's string fields hold 255.
const MaxLineLength = 255

// checkApproachContent validates the content fields of approach id.
func (c *checker) checkApproachContent(id string, x ApproachContent) {
	c.text(TypeApproach, id, "short_title", x.ShortTitle, false)
	c.line(TypeApproach, id, "short_title", x.ShortTitle)
	c.origins(TypeApproach, id, "short_title", x.ShortTitle, x.ShortTitleOrigin)
	c.blocks(TypeApproach, id, x.Blocks)
	c.origins(TypeApproach, id, "blocks", blockLangs(x.Blocks), x.BlocksOrigin)
}

// blockLangs marks the languages bs has blocks in, for checking origins.
func blockLangs(bs []Block) Text {
	langs := Text{}
	for _, b := range bs {
		langs[b.Lang] = b.Text
	}
	return langs
}
