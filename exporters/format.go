package exporters

import (
	"fmt"
	"io"
	"mime"
	"strings"

	"github.com/moving-cities/opendata/vocab"
)

// Writer streams triples into one document. Close ends the document and
// flushes; it does not close the underlying io.Writer. After an error
// every call returns that error.
type Writer interface {
	WriteTriple(t vocab.Triple) error
	Close() error
}

// Options tune the writers.
type Options struct {
	// Namespaces are declared as prefixes (Turtle, RDF/XML, JSON-LD) and
	// used to abbreviate IRIs; nil means vocab.Namespaces.
	Namespaces []*vocab.Namespace
	// Checked says that every triple given to the writer passed
	// CheckTriple, so the writer does not check it again: the graph
	// dumps write each triple in three formats and check it once
	// (issue 18).
	Checked bool
}

func (o Options) namespaces() []*vocab.Namespace {
	if o.Namespaces == nil {
		return vocab.Namespaces
	}
	return o.Namespaces
}

// Format is one RDF serialisation.
type Format struct {
	Name      string // "turtle": for flags and logs
	Label     string // "Turtle": for people
	Suffix    string // ".ttl"
	MediaType string // "text/turtle"
	// Aliases are other media types clients ask for it by.
	Aliases []string
	// ContentType is the Content-Type header value.
	ContentType string
	NewWriter   func(w io.Writer, o Options) Writer
}

// The formats.
var (
	Turtle = &Format{Name: "turtle", Label: "Turtle", Suffix: ".ttl", MediaType: "text/turtle",
		Aliases: []string{"application/x-turtle"}, ContentType: "text/turtle; charset=utf-8", NewWriter: NewTurtleWriter}
	JSONLD = &Format{Name: "jsonld", Label: "JSON-LD", Suffix: ".jsonld", MediaType: "application/ld+json",
		ContentType: "application/ld+json", NewWriter: NewJSONLDWriter}
	RDFXML = &Format{Name: "rdfxml", Label: "RDF/XML", Suffix: ".rdf", MediaType: "application/rdf+xml",
		ContentType: "application/rdf+xml; charset=utf-8", NewWriter: NewRDFXMLWriter}
	NTriples = &Format{Name: "ntriples", Label: "N-Triples", Suffix: ".nt", MediaType: "application/n-triples",
		ContentType: "application/n-triples; charset=utf-8", NewWriter: NewNTriplesWriter}
)

// Formats lists every RDF format, in the order a server prefers them when
// a client accepts several equally.
var Formats = []*Format{Turtle, JSONLD, RDFXML, NTriples}

// ByName finds a format by its name.
func ByName(name string) (*Format, bool) {
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return nil, false
}

// BySuffix finds a format by its file suffix (".ttl").
func BySuffix(suffix string) (*Format, bool) {
	for _, f := range Formats {
		if f.Suffix == suffix {
			return f, true
		}
	}
	return nil, false
}

// ByMediaType finds a format by its media type or an alias; parameters
// and case are ignored.
func ByMediaType(mt string) (*Format, bool) {
	if t, _, err := mime.ParseMediaType(mt); err == nil {
		mt = t
	}
	mt = strings.ToLower(strings.TrimSpace(mt))
	for _, f := range Formats {
		if f.MediaType == mt {
			return f, true
		}
		for _, a := range f.Aliases {
			if a == mt {
				return f, true
			}
		}
	}
	return nil, false
}

// MediaTypes lists the media types of formats, canonical ones first and
// then the aliases, for negotiation.
func MediaTypes(formats []*Format) []string {
	var out []string
	for _, f := range formats {
		out = append(out, f.MediaType)
	}
	for _, f := range formats {
		out = append(out, f.Aliases...)
	}
	return out
}

// Write writes ts as one document in format f.
func Write(w io.Writer, f *Format, ts []vocab.Triple, o Options) error {
	tw := f.NewWriter(w, o)
	for _, t := range ts {
		if err := tw.WriteTriple(t); err != nil {
			return err
		}
	}
	return tw.Close()
}

// checker checks the triples of a writer, unless Options.Checked.
type checker struct{ checked bool }

func (c checker) check(t vocab.Triple) error {
	if c.checked {
		return nil
	}
	return CheckTriple(t)
}

// sticky keeps the first error of a writer.
type sticky struct{ err error }

func (s *sticky) fail(format string, args ...any) error {
	if s.err == nil {
		s.err = fmt.Errorf(format, args...)
	}
	return s.err
}
