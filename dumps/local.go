package dumps

import (
	"fmt"
	"strings"
)

// Names the vocabulary's field table does not give, in one place. The
// vocabulary names every column of a record's own table; these are the
// columns of the tables derived from its fields (names, links, sources)
// and the DATE columns derived from partial dates. They are exported for
// the importer, which reads the same tables back (issue 17).
const (
	// The names table: names in other languages than the platform's and
	// aliases, one a row.
	NamesTable      = "names"
	ColEntityType   = "type"     // entity type of the row's entity ("municipality")
	ColEntity       = "entity"   // its ID
	ColNameLanguage = "language" // BCP 47 tag
	ColName         = "name"
	// ColNameKind is the SKOS property the name is a value of, by its
	// local name: "prefLabel" for a name, "altLabel" for an alias.
	ColNameKind = "kind"

	// The sources table: the documents each record is based on. Its other
	// columns are named by the keys of a source's JSON ("url", "title"…).
	SourcesTable = "sources"

	// The blocks table is named by the vocabulary's field (Field.Table):
	// the quotes and sections of municipalities and approaches, one a
	// row. Its other columns are those of a block's fields.

	// Suffixes of the DATE columns derived from a partial date column:
	// the first and the last day the date covers ("since_start" of
	// "2016" is 2016-01-01, "since_end" 2016-12-31).
	suffixStart = "_start"
	suffixEnd   = "_end"

	// ListSeparator separates the values of a list in a CSV cell.
	ListSeparator = " "
)

// JoinList is the CSV cell of a list: its values joined by ListSeparator.
// No value may be empty or hold the separator (eachRow checks), so that
// SplitList gives the list back.
func JoinList(values []string) string { return strings.Join(values, ListSeparator) }

// SplitList is the inverse of JoinList: the values of a list cell. An
// empty cell is the empty list. A cell JoinList cannot have written (an
// empty value: the separator at either end or twice in a row) is an
// error, not a guess.
func SplitList(cell string) ([]string, error) {
	if cell == "" {
		return nil, nil
	}
	values := strings.Split(cell, ListSeparator)
	for i, v := range values {
		if v == "" {
			return nil, fmt.Errorf("value %d of the list is empty: values are separated by exactly one %q, with none before the first or after the last", i+1, ListSeparator)
		}
	}
	return values, nil
}

// The keys of a LangPairs value's elements (dataset.Alias), as the JSON-LD
// context reads them; a field's PairValue may name its text otherwise
// (a takeaway's "text").
const (
	PairLangKey = "lang"
	PairNameKey = "name"
)
