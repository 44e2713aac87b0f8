package dumps

// Names the vocabulary's field table does not give, in one place. The
// vocabulary names every column of a record's own table; these are the
// columns of the tables derived from its fields (names, links, sources)
// and the DATE columns derived from partial dates.
const (
	// The names table: names in other languages than the platform's and
	// aliases, one a row.
	namesTable      = "names"
	colEntityType   = "type"     // entity type of the row's entity ("municipality")
	colEntity       = "entity"   // its ID
	colNameLanguage = "language" // BCP 47 tag
	colName         = "name"
	// colNameKind is the SKOS property the name is a value of, by its
	// local name: "prefLabel" for a name, "altLabel" for an alias.
	colNameKind = "kind"

	// The sources table: the documents each record is based on. Its other
	// columns are named by the keys of a source's JSON ("url", "title"…).
	sourcesTable = "sources"

	// Suffixes of the DATE columns derived from a partial date column:
	// the first and the last day the date covers ("since_start" of
	// "2016" is 2016-01-01, "since_end" 2016-12-31).
	suffixStart = "_start"
	suffixEnd   = "_end"

	// listSeparator separates the values of a list in a CSV cell.
	listSeparator = " "
)

// The keys of a LangPairs value's elements (dataset.Alias), as the JSON-LD
// context reads them.
const (
	pairLangKey = "lang"
	pairNameKey = "name"
)
