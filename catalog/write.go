package catalog

import (
	"context"
	"fmt"
	"io"

	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/vocab"
)

// Namespaces are the prefixes the catalogue's documents declare: the
// table's, then the EU code lists', so that Turtle stays readable.
var Namespaces = append(append([]*vocab.Namespace{}, vocab.Namespaces...),
	&vocab.Namespace{Prefix: "eutheme", IRI: schemeTheme.NS, Title: "EU data themes"},
	&vocab.Namespace{Prefix: "eucountry", IRI: schemeCountry.NS, Title: "EU countries and territories"},
	&vocab.Namespace{Prefix: "eulanguage", IRI: schemeLanguage.NS, Title: "EU languages"},
	&vocab.Namespace{Prefix: "eufiletype", IRI: schemeFileType.NS, Title: "EU file types"},
	&vocab.Namespace{Prefix: "euaccess", IRI: schemeAccessRight.NS, Title: "EU access rights"},
	&vocab.Namespace{Prefix: "euavailability", IRI: schemeAvailability.NS, Title: "EU planned availability"},
	&vocab.Namespace{Prefix: "eufrequency", IRI: schemeFrequency.NS, Title: "EU frequencies"},
	&vocab.Namespace{Prefix: "eulicence", IRI: schemeLicence.NS, Title: "EU licences"},
	&vocab.Namespace{Prefix: "publishertype", IRI: schemePublisher.NS, Title: "ADMS publisher types"},
	&vocab.Namespace{Prefix: "licencetype", IRI: schemeLicenceType.NS, Title: "ADMS licence types"},
)

// Write writes triples as one document in format f, with Namespaces.
func Write(w io.Writer, f *exporters.Format, ts []vocab.Triple) error {
	return exporters.Write(w, f, ts, exporters.Options{Namespaces: Namespaces})
}

// WriteRelease writes the release's catalogue (file DCATFile) or VoID
// description (file VoIDFile) as Turtle into w. The dumps call it while
// writing a release: in.Latest is the release with the files written so
// far, in.Snapshot its data, and g the graph its dumps are written from,
// whose triples the VoID statistics count (nil: a VoID description
// without statistics). The same inputs give the same bytes.
func WriteRelease(ctx context.Context, w io.Writer, file string, in Input, g Graph) error {
	if in.Latest == nil {
		return fmt.Errorf("catalog: %s: no release", file)
	}
	var ts []vocab.Triple
	var err error
	switch file {
	case DCATFile:
		ts, err = DCAT(in)
	case VoIDFile:
		if in.Stats == nil && g != nil {
			base := in.Config.WithDefaults().BaseURI
			if in.Stats, err = CountGraph(ctx, base, g, in.Snapshot); err != nil {
				return err
			}
		}
		ts, err = VoID(in)
	default:
		return fmt.Errorf("catalog: no document %q: write %s or %s", file, DCATFile, VoIDFile)
	}
	if err != nil {
		return err
	}
	if err := Write(w, exporters.Turtle, ts); err != nil {
		return fmt.Errorf("catalog: %s: %w", file, err)
	}
	return nil
}
