package catalog

import (
	"regexp"
	"time"

	"github.com/moving-cities/opendata/dataset"
)

// Release is a dump release as its manifest describes it (dumps.Manifest,
// manifest.json): the catalogue describes each of its files as a
// distribution. This package does not import dumps, so that the dumps can
// write the catalogue into each release.
type Release struct {
	// Name is the release's name: its date and dataset revision
	// ("2026-11-27-r42"); it is the dataset's version.
	Name     string
	Revision int64
	// SchemaVersion and VocabularyVersion are those of the release's
	// layout and of the vocabulary its RDF uses.
	SchemaVersion, VocabularyVersion string
	// Previous is the name of the release before, if any.
	Previous string
	Files    []File
	// Archive names the file among Files that holds all the others in
	// one zip, if any: its distribution says it is a package.
	Archive string
}

// File is one file of a release.
type File struct {
	Name   string
	Bytes  int64
	SHA256 string // lower-case hexadecimal
	// MediaType is the file's media type; UncompressedMediaType that of
	// a gzipped file's content.
	MediaType, UncompressedMediaType string
	// Rows and Triples count what the file holds, where that is known.
	Rows, Triples *int64
}

// File returns the file called name.
func (r *Release) File(name string) (File, bool) {
	for _, f := range r.Files {
		if f.Name == name {
			return f, true
		}
	}
	return File{}, false
}

var releaseDate = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-r\d+`)

// Date is the day the release was made, from its name; the zero
// PartialDate when the name holds none.
func (r *Release) Date() dataset.PartialDate {
	m := releaseDate.FindStringSubmatch(r.Name)
	if m == nil {
		return dataset.PartialDate{}
	}
	if _, err := time.Parse(time.DateOnly, m[1]); err != nil {
		return dataset.PartialDate{}
	}
	d, _ := dataset.ParsePartialDate(m[1])
	return d
}

// File names of the catalogue and the VoID description in a release.
const (
	DCATFile = "dcat.ttl"
	VoIDFile = "void.ttl"
)

// formatFeatures are the W3C format IRIs (void:feature) of the RDF
// media types.
var formatFeatures = map[string]string{
	"application/n-triples": "http://www.w3.org/ns/formats/N-Triples",
	"text/turtle":           "http://www.w3.org/ns/formats/Turtle",
	"application/ld+json":   "http://www.w3.org/ns/formats/JSON-LD",
	"application/rdf+xml":   "http://www.w3.org/ns/formats/RDF_XML",
}

// GraphMediaType is the RDF media type of a file that holds the whole
// graph (one with a triple count), or "" for any other file.
func (f File) GraphMediaType() string {
	if f.Triples == nil {
		return ""
	}
	if mt := baseMediaType(f.UncompressedMediaType); mt != "" {
		return mt
	}
	return baseMediaType(f.MediaType)
}

// NTriplesDump returns the file holding the whole graph as N-Triples,
// whose triples the VoID statistics count.
func (r *Release) NTriplesDump() (File, bool) {
	for _, f := range r.Files {
		if f.GraphMediaType() == "application/n-triples" {
			return f, true
		}
	}
	return File{}, false
}
