package pages

import (
	"net/url"
	"strconv"
	"time"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/vocab"
)

// Each entity page embeds a schema.org description of its entity in
// JSON-LD, for search engines and for tools that read a page's data
// without content negotiation. The full graph is the entity's RDF
// document; this is the part schema.org can say.

type ld = map[string]any

func (c *ctx) iri(t dataset.Type, id string) string { return vocab.EntityIRI(c.p.cfg.BaseURI, t, id) }

func (c *ctx) docURL(t dataset.Type, id string) string { return c.p.cfg.BaseURI + docPath(t, id) }

// langValues are texts as language-tagged JSON-LD values, platform
// languages first.
func langValues(t map[string]string) []ld {
	var out []ld
	for _, l := range vocab.LangOrder(t) {
		if t[l] != "" {
			out = append(out, ld{"@value": t[l], "@language": l})
		}
	}
	return out
}

func stamp(node ld, s dataset.Stamps) {
	if !s.Created.IsZero() {
		node["dateCreated"] = s.Created.UTC().Format(time.RFC3339)
	}
	if !s.Modified.IsZero() {
		node["dateModified"] = s.Modified.UTC().Format(time.RFC3339)
	}
}

func sourcesLD(srcs []dataset.Source) []string {
	var out []string
	for _, s := range srcs {
		out = append(out, s.URL)
	}
	return out
}

func (c *ctx) node(t dataset.Type, id string, types ...string) ld {
	n := ld{"@context": "https://schema.org", "@id": c.iri(t, id), "url": c.docURL(t, id), "identifier": id}
	if len(types) == 1 {
		n["@type"] = types[0]
	} else {
		n["@type"] = types
	}
	return n
}

func (c *ctx) ref(t dataset.Type, id, typ string, names map[string]string) ld {
	return ld{"@type": typ, "@id": c.iri(t, id), "name": langValues(names)}
}

func (c *ctx) municipalityLD(snap *dataset.Snapshot, m *dataset.Municipality) any {
	n := c.node(dataset.TypeMunicipality, m.ID, "AdministrativeArea", "GovernmentOrganization")
	n["name"] = langValues(m.Names)
	if len(m.Aliases) > 0 {
		var alt []ld
		for _, a := range m.Aliases {
			alt = append(alt, ld{"@value": a.Name, "@language": a.Lang})
		}
		n["alternateName"] = alt
	}
	if len(m.Summary) > 0 {
		n["description"] = langValues(m.Summary)
	}
	var same []string
	if m.Wikidata != "" {
		same = append(same, "http://www.wikidata.org/entity/"+m.Wikidata)
	}
	if m.GeoNames != "" {
		same = append(same, "https://sws.geonames.org/"+url.PathEscape(m.GeoNames)+"/")
	}
	if m.OSMRelation != 0 {
		same = append(same, "https://www.openstreetmap.org/relation/"+strconv.FormatInt(m.OSMRelation, 10))
	}
	if m.Website != "" {
		same = append(same, m.Website)
	}
	if len(same) > 0 {
		n["sameAs"] = same
	}
	if p := m.Coordinates; p != nil {
		n["geo"] = ld{"@type": "GeoCoordinates", "latitude": p.Lat, "longitude": p.Lon}
	}
	if k, ok := snap.Country(m.Country); ok {
		n["containedInPlace"] = c.ref(dataset.TypeCountry, k.ID, "Country", k.Names)
	}
	if p := m.Population; p != nil {
		n["population"] = ld{"@type": "QuantitativeValue", "value": p.Value, "observationDate": strconv.Itoa(p.Year)}
	}
	var roles []ld
	for _, x := range snap.MembershipsOf(m.ID) {
		role := ld{"@type": "OrganizationRole", "@id": c.iri(dataset.TypeMembership, x.ID)}
		if nw, ok := snap.Network(x.Network); ok {
			role["memberOf"] = c.ref(dataset.TypeNetwork, nw.ID, "Organization", nw.Names)
		}
		if !x.Since.IsZero() {
			role["startDate"] = x.Since.String()
		}
		if !x.Until.IsZero() {
			role["endDate"] = x.Until.String()
		}
		roles = append(roles, role)
	}
	if len(roles) > 0 {
		n["memberOf"] = roles
	}
	if s := sourcesLD(m.Sources); len(s) > 0 {
		n["subjectOf"] = s
	}
	caseStudyLD(n, m)
	stamp(n, m.Stamps)
	return n
}

func (c *ctx) networkLD(nw *dataset.Network) any {
	n := c.node(dataset.TypeNetwork, nw.ID, "Organization")
	n["name"] = langValues(nw.Names)
	if len(nw.Description) > 0 {
		n["description"] = langValues(nw.Description)
	}
	if nw.Founded != 0 {
		n["foundingDate"] = strconv.Itoa(nw.Founded)
	}
	var same []string
	if nw.Wikidata != "" {
		same = append(same, "http://www.wikidata.org/entity/"+nw.Wikidata)
	}
	if nw.Website != "" {
		same = append(same, nw.Website)
	}
	if len(same) > 0 {
		n["sameAs"] = same
	}
	var areas []ld
	for _, k := range nw.Countries {
		areas = append(areas, ld{"@type": "Country", "@id": c.iri(dataset.TypeCountry, k), "identifier": k})
	}
	if len(areas) > 0 {
		n["areaServed"] = areas
	}
	if s := sourcesLD(nw.Sources); len(s) > 0 {
		n["subjectOf"] = s
	}
	stamp(n, nw.Stamps)
	return n
}

func (c *ctx) approachLD(snap *dataset.Snapshot, a *dataset.Approach) any {
	n := c.node(dataset.TypeApproach, a.ID, "CreativeWork")
	n["name"] = langValues(a.Title)
	if len(a.Summary) > 0 {
		n["abstract"] = langValues(a.Summary)
	}
	if m, ok := snap.Municipality(a.Municipality); ok {
		n["creator"] = c.ref(dataset.TypeMunicipality, m.ID, "GovernmentOrganization", m.Names)
		n["spatialCoverage"] = ld{"@id": c.iri(dataset.TypeMunicipality, m.ID)}
	}
	var about []ld
	for _, id := range a.Categories {
		if k, ok := snap.Category(id); ok {
			about = append(about, ld{"@type": "DefinedTerm", "@id": c.iri(dataset.TypeCategory, k.ID), "name": langValues(k.Labels),
				"inDefinedTermSet": vocab.CategoryScheme.IRI})
		}
	}
	if len(about) > 0 {
		n["about"] = about
	}
	if a.YearStarted != 0 {
		n["temporalCoverage"] = strconv.Itoa(a.YearStarted) + "/.."
	}
	if s := sourcesLD(a.Sources); len(s) > 0 {
		n["isBasedOn"] = s
	}
	stamp(n, a.Stamps)
	return n
}

func (c *ctx) categoryLD(k *dataset.Category) any {
	n := c.node(dataset.TypeCategory, k.ID, "DefinedTerm")
	n["name"] = langValues(k.Labels)
	if len(k.Definitions) > 0 {
		n["description"] = langValues(k.Definitions)
	}
	n["inDefinedTermSet"] = vocab.CategoryScheme.IRI
	n["termCode"] = k.ID
	stamp(n, k.Stamps)
	return n
}

func (c *ctx) countryLD(k *dataset.Country) any {
	n := c.node(dataset.TypeCountry, k.ID, "Country")
	n["name"] = langValues(k.Names)
	if k.Wikidata != "" {
		n["sameAs"] = "http://www.wikidata.org/entity/" + k.Wikidata
	}
	stamp(n, k.Stamps)
	return n
}

func (c *ctx) membershipLD(snap *dataset.Snapshot, m *dataset.Membership) any {
	n := c.node(dataset.TypeMembership, m.ID, "OrganizationRole")
	if mu, ok := snap.Municipality(m.Municipality); ok {
		n["member"] = c.ref(dataset.TypeMunicipality, mu.ID, "GovernmentOrganization", mu.Names)
	}
	if nw, ok := snap.Network(m.Network); ok {
		n["memberOf"] = c.ref(dataset.TypeNetwork, nw.ID, "Organization", nw.Names)
	}
	if !m.Since.IsZero() {
		n["startDate"] = m.Since.String()
	}
	if !m.Until.IsZero() {
		n["endDate"] = m.Until.String()
	}
	stamp(n, m.Stamps)
	return n
}
