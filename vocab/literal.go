package vocab

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/moving-cities/opendata/dataset"
)

// How each datatype's values are written as literals, once for every
// format. The forms are those a JSON-LD processor derives from the API's
// JSON and the context, so that both roads lead to the same graph.

// Double returns f as an xsd:double in the canonical form of JSON-LD
// (52.52 → "5.252E1"): at most 16 significant digits, no trailing zeros,
// exponent without '+' or leading zeros.
func Double(f float64) Node { return Typed(CanonicalDouble(f), XSDDouble) }

// CanonicalDouble is the lexical form Double uses.
func CanonicalDouble(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	case f == 0:
		return "0.0E0" // and -0, as JSON-LD writes it
	}
	mant, exp, _ := strings.Cut(strconv.FormatFloat(f, 'e', 15, 64), "e")
	mant = strings.TrimRight(mant, "0")
	if strings.HasSuffix(mant, ".") {
		mant += "0"
	}
	e, _ := strconv.Atoi(exp) // "+01" → 1
	return mant + "E" + strconv.Itoa(e)
}

// Integer returns i as an xsd:integer.
func Integer(i int64) Node { return Typed(strconv.FormatInt(i, 10), XSDInteger) }

// Boolean returns b as an xsd:boolean.
func Boolean(b bool) Node { return Typed(strconv.FormatBool(b), XSDBoolean) }

// GYear returns the year y as an xsd:gYear.
func GYear(y int) Node {
	s := strconv.Itoa(y)
	if y >= 0 && len(s) < 4 {
		s = strings.Repeat("0", 4-len(s)) + s
	}
	return Typed(s, XSDGYear)
}

// PartialDate returns a date of year, month or day precision as an EDTF literal
// ("2018", "2018-07", "2018-07-15"), the zero Node when d is unknown.
func PartialDate(d dataset.PartialDate) Node {
	if d.IsZero() {
		return Node{}
	}
	return Typed(d.String(), EDTFDate)
}

// DateTime returns t as an xsd:dateTime at the dataset's one precision
// (dataset.Stamp: UTC, whole seconds, "Z"), which is also what
// encoding/json writes for a stamped time.
func DateTime(t time.Time) Node {
	return Typed(dataset.Stamp(t).Format(time.RFC3339), XSDDateTime)
}

// Date returns a calendar day ("2026-11-26") as an xsd:date.
func Date(day string) Node { return Typed(day, XSDDate) }

// WKTPoint returns a position as a GeoSPARQL WKT point, longitude first:
// "POINT(13.405 52.52)" (shortest decimals that read back exactly).
func WKTPoint(c dataset.Coordinates) Node { return Typed(WKTPointText(c), GSPWKTLiteral) }

// WKTPointText is the lexical form WKTPoint uses.
func WKTPointText(c dataset.Coordinates) string {
	return "POINT(" + strconv.FormatFloat(c.Lon, 'f', -1, 64) + " " + strconv.FormatFloat(c.Lat, 'f', -1, 64) + ")"
}

// EntityIRI is the IRI of the entity of type t with the given ID:
// {base}/id/{type}/{id}. base has no trailing slash.
func EntityIRI(base string, t dataset.Type, id string) string {
	return EntityNamespace(base, t) + id
}

// EntityNamespace is the IRI every entity IRI of type t starts with.
func EntityNamespace(base string, t dataset.Type) string {
	return base + "/id/" + string(t) + "/"
}

// DocumentIRI is the IRI of the document about the entity of type t with
// the given ID: {base}/{types}/{id}. It negotiates its format; each format
// is also at the IRI plus the format's suffix (".ttl").
func DocumentIRI(base string, t dataset.Type, id string) string {
	return base + "/" + t.Plural() + "/" + id
}

// DatasetIRI names the dataset as a whole (a void:Dataset), which every
// document is part of; its graph is served there.
func DatasetIRI(base string) string { return base + "/dataset" }

// WikidataIRI is the IRI of the Wikidata item qid ("Q64").
func WikidataIRI(qid string) string { return WD.IRI + qid }

// ContextURL is where the service publishes the JSON-LD context.
func ContextURL(base string) string { return base + "/context.jsonld" }
