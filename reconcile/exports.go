package reconcile

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/moving-cities/opendata/dataset"
)

// The exports for Wikidata's tools. Both stream one municipality at a
// time, in ID order.

// MixnMatchColumns are the header of the Mix'n'match catalogue: the
// columns its importer recognises (id and name mandatory, desc, url, and q
// for entries already matched to a Wikidata item).
var MixnMatchColumns = []string{"id", "name", "desc", "url", "q"}

// WriteMixnMatch writes the Mix'n'match catalogue of the snapshot's
// municipalities as tab-separated values with a header row: ID, English
// name, a description (kind, country, names in other languages), the URL
// of its page and, where we hold a confirmed one, its Wikidata item.
func WriteMixnMatch(w io.Writer, snap *dataset.Snapshot, svc Service) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(strings.Join(MixnMatchColumns, "\t") + "\n")
	for _, m := range snap.Municipalities {
		country := m.Country
		if c, ok := snap.Country(m.Country); ok && c.Names["en"] != "" {
			country = c.Names["en"]
		}
		cells := []string{m.ID, m.Names["en"], municipalityDescription(m, country),
			svc.PageURL(dataset.TypeMunicipality, m.ID), m.Wikidata}
		for i, c := range cells {
			cells[i] = tsvCell(c)
		}
		bw.WriteString(strings.Join(cells, "\t") + "\n")
	}
	return bw.Flush()
}

// tsvCell makes s safe in a tab-separated cell: no tabs, no line breaks.
func tsvCell(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
}

var propertyPattern = regexp.MustCompile(`^P[1-9][0-9]*$`)

// IsPropertyID reports whether s is a Wikidata property ID ("P1234").
func IsPropertyID(s string) bool { return propertyPattern.MatchString(s) }

// QuickStatements says what WriteQuickStatements writes.
type QuickStatements struct {
	// Property is the Wikidata property that holds our municipality IDs
	// ("P1234"); none exists yet, so it is given, not assumed.
	Property string
	// Retrieved is the date the references say the data was retrieved
	// (S813); only its UTC day counts.
	Retrieved time.Time
}

// WriteQuickStatements writes QuickStatements v1 commands that add our ID
// to the Wikidata item of every municipality with a confirmed QID, each
// referenced with the URL of its page (S854) and the retrieval date
// (S813):
//
//	Q64	P1234	"berlin"	S854	"https://data.moving-cities.eu/municipalities/berlin"	S813	+2026-11-26T00:00:00Z/11
//
// Municipalities without a confirmed QID are left out: a statement on the
// wrong item is worse than none.
func WriteQuickStatements(w io.Writer, snap *dataset.Snapshot, svc Service, opt QuickStatements) error {
	if !IsPropertyID(opt.Property) {
		return fmt.Errorf("%q is not a Wikidata property ID (P followed by digits)", opt.Property)
	}
	if opt.Retrieved.IsZero() {
		return fmt.Errorf("quickstatements: no retrieval date")
	}
	day := opt.Retrieved.UTC().Format("2006-01-02")
	bw := bufio.NewWriter(w)
	for _, m := range snap.Municipalities {
		if !dataset.IsQID(m.Wikidata) || !dataset.IsSlug(m.ID) {
			continue
		}
		fmt.Fprintf(bw, "%s\t%s\t%s\tS854\t%s\tS813\t+%sT00:00:00Z/11\n",
			m.Wikidata, opt.Property, qsString(m.ID), qsString(svc.PageURL(dataset.TypeMunicipality, m.ID)), day)
	}
	return bw.Flush()
}

// qsString quotes a QuickStatements string value. v1 has no escapes, so
// the characters that would end the value or the line are dropped; slugs
// and our URLs never contain them.
func qsString(s string) string {
	return `"` + strings.Map(func(r rune) rune {
		if r == '"' || r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s) + `"`
}
