package dataset

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// BlockKind says what a content block is.
type BlockKind string

// The kinds of content block the platform's pages have (issue 15).
const (
	// BlockQuote is a quotation: Text (plain text) said by Author.
	BlockQuote BlockKind = "quote"
	// BlockSection is a section: a heading (Title) and its Markdown Text.
	BlockSection BlockKind = "section"
)

// BlockKinds lists the kinds of content block.
var BlockKinds = []BlockKind{BlockQuote, BlockSection}

// Block is one content block of a municipality's case study or of an
// approach, in one language: the platform's CMS gives each language its
// own list, so that the lists of two languages need not match.
type Block struct {
	Lang string `json:"lang"`
	// Position numbers the blocks of one language, from 1, in the order
	// the platform shows them: RDF has no order of its own.
	Position int       `json:"position"`
	Kind     BlockKind `json:"kind"`
	// Title is a section's heading (one line); quotes have none.
	Title string `json:"title,omitempty"`
	// Text is a section's Markdown or a quote's plain text.
	Text string `json:"text"`
	// Author is who said a quote (one line); sections have none.
	Author string `json:"author,omitempty"`
}

// BlocksIn returns the blocks in lang, in order.
func BlocksIn(bs []Block, lang string) []Block {
	var out []Block
	for _, b := range bs {
		if b.Lang == lang {
			out = append(out, b)
		}
	}
	return out
}

// NumberBlocks sets the positions of bs: 1, 2, … within each language, in
// the list's order.
func NumberBlocks(bs []Block) {
	n := map[string]int{}
	for i := range bs {
		n[bs[i].Lang]++
		bs[i].Position = n[bs[i].Lang]
	}
}

// blocks checks the content blocks of entity t/id: platform languages,
// a known kind, positions 1, 2, … per language in order, a required text,
// a title only on sections and an author only on quotes, both one line,
// lengths, and English blocks when other languages have some. It returns
// the languages that have blocks.
func (c *checker) blocks(t Type, id string, bs []Block) map[string]bool {
	langs := map[string]bool{}
	next := map[string]int{}
	for i, b := range bs {
		key := fmt.Sprintf("blocks[%d]", i)
		if !IsPlatformLanguage(b.Lang) {
			c.add(t, id, key+".lang", "%q is not one of the platform's languages (%s)", b.Lang, strings.Join(Languages, ", "))
			continue
		}
		langs[b.Lang] = true
		next[b.Lang]++
		if b.Position != next[b.Lang] {
			c.add(t, id, key+".position", "is %d, want %d: the blocks of a language are numbered 1, 2, … in order", b.Position, next[b.Lang])
		}
		switch b.Kind {
		case BlockQuote:
			if b.Title != "" {
				c.add(t, id, key+".title", "a quote has no title")
			}
		case BlockSection:
			if b.Author != "" {
				c.add(t, id, key+".author", "a section has no author")
			}
		default:
			c.add(t, id, key+".kind", "%q is not one of quote, section", b.Kind)
		}
		switch {
		case strings.TrimSpace(b.Text) == "":
			c.add(t, id, key+".text", "missing")
		case len(b.Text) > maxContentBytes:
			c.add(t, id, key+".text", "%d bytes is longer than the %d allowed", len(b.Text), maxContentBytes)
		}
		c.chars(t, id, key+".text", b.Text, true)
		for _, f := range []struct{ name, s string }{{"title", b.Title}, {"author", b.Author}} {
			switch {
			case strings.ContainsAny(f.s, "\r\n"):
				c.add(t, id, key+"."+f.name, "must be one line")
			case utf8.RuneCountInString(f.s) > MaxLineLength:
				c.add(t, id, key+"."+f.name, "is %d characters long; at most %d", utf8.RuneCountInString(f.s), MaxLineLength)
			case f.s != "" && strings.TrimSpace(f.s) == "":
				c.add(t, id, key+"."+f.name, "is only white space")
			default:
				c.chars(t, id, key+"."+f.name, f.s, false)
			}
		}
	}
	if len(langs) > 0 && !langs["en"] {
		c.add(t, id, "blocks", "blocks in other languages need English ones")
	}
	return langs
}
