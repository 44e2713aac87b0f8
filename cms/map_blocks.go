package cms

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/moving-cities/opendata/dataset"
)

// The quotes and sections of the dynamic zone "content" of cities and
// approaches (issue 15). Other kinds of block (media, networks summary)
// hold nothing our model has, and are passed over.

// Components of a dynamic zone, by their "__component".
const (
	componentRichText = "blocks.richtext"
	componentQuote    = "blocks.quote"
	componentSection  = "blocks.section"
)

// block is one entry of a dynamic zone. Its "content" is a text in
// blocks.richtext and blocks.quote, and a blocks.richtext component in
// blocks.section: it is read by blockText once the component is known.
type block struct {
	ID        int             `json:"id"`
	Component string          `json:"__component"`
	Content   json.RawMessage `json:"content"`
	Title     string          `json:"title"`  // blocks.section
	Author    string          `json:"author"` // blocks.quote
}

// text is the block's text: its "content" string, or the "content" of the
// rich-text component a section holds. Absent or null content is "".
func (b *block) text() (string, error) {
	raw := strings.TrimSpace(string(b.Content))
	if raw == "" || raw == "null" {
		return "", nil
	}
	if b.Component == componentSection {
		var c struct {
			Content *string `json:"content"`
		}
		if err := json.Unmarshal(b.Content, &c); err != nil {
			return "", fmt.Errorf("content is not a %s component: %v", componentRichText, err)
		}
		if c.Content == nil {
			return "", nil
		}
		return *c.Content, nil
	}
	var s string
	if err := json.Unmarshal(b.Content, &s); err != nil {
		return "", fmt.Errorf("content is not a text: %v", err)
	}
	return s, nil
}

// contentBlocks maps the quotes and sections of one locale's dynamic zone
// to blocks in lang, numbered in the zone's order. A block without text
// is left out, as the platform shows nothing for it.
func contentBlocks(zone []block, lang string) ([]dataset.Block, error) {
	var out []dataset.Block
	for i, b := range zone {
		var kind dataset.BlockKind
		switch b.Component {
		case componentQuote:
			kind = dataset.BlockQuote
		case componentSection:
			kind = dataset.BlockSection
		default:
			continue
		}
		s, err := b.text()
		if err != nil {
			return nil, fmt.Errorf("content[%d] (%s): %w", i, b.Component, err)
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		x := dataset.Block{Lang: lang, Kind: kind, Text: strings.TrimSpace(s)}
		if kind == dataset.BlockQuote {
			x.Author = strings.TrimSpace(b.Author)
		} else {
			x.Title = strings.TrimSpace(b.Title)
		}
		out = append(out, x)
	}
	dataset.NumberBlocks(out)
	return out, nil
}

// mergeBlocks replaces our blocks in every language the CMS gives blocks
// in, keeps ours in the others, and lists them by language in the
// platform's order. zone returns a locale's dynamic zone.
func mergeBlocks[A any](ours []dataset.Block, locales map[string]A, zone func(A) []block) ([]dataset.Block, map[string]bool, error) {
	var out []dataset.Block
	given := map[string]bool{}
	for _, l := range dataset.Languages {
		a, ok := locales[l]
		var cms []dataset.Block
		if ok {
			var err error
			if cms, err = contentBlocks(zone(a), l); err != nil {
				return nil, nil, fmt.Errorf("locale %s: %w", l, err)
			}
		}
		if len(cms) > 0 {
			given[l] = true
			out = append(out, cms...)
			continue
		}
		out = append(out, dataset.BlocksIn(ours, l)...)
	}
	return out, given, nil
}
