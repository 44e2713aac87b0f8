package reconcile

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/moving-cities/opendata/dataset"
)

// row is the values of one entity for the properties of a data extension
// query, in the order of the query.
type row struct {
	ID     string
	Values [][]ExtendValue
}

// Extend fetches the requested properties of the requested entities. IDs
// that are no entity (or no longer one) get empty values, as do
// properties an entity's type does not have; unknown properties are an
// error.
func (ix *Index) Extend(q ExtendQuery) ([]ExtendMeta, []row, error) {
	if len(q.IDs) > MaxBatch {
		return nil, nil, fmt.Errorf("%w: %d IDs; at most %d per request", ErrTooLarge, len(q.IDs), MaxBatch)
	}
	if len(q.Properties) == 0 {
		return nil, nil, invalid("properties: at least one is required")
	}
	meta := make([]ExtendMeta, len(q.Properties))
	for j, rp := range q.Properties {
		p, ok := propertyByID(rp.ID)
		if !ok || !p.Extend {
			return nil, nil, invalid("unknown property %q: data extension fetches %s", rp.ID, strings.Join(extendIDs(), ", "))
		}
		meta[j] = ExtendMeta{ID: p.ID, Name: p.Name}
		switch p.ID {
		case PropWikidata:
			meta[j].Service = WikidataService
		case PropNetwork:
			meta[j].Type = &TypeRef{"network", "Network"}
		case PropMunicipality:
			meta[j].Type = &TypeRef{"municipality", "Municipality"}
		}
	}
	rows := make([]row, len(q.IDs))
	for i, id := range q.IDs {
		rows[i] = row{ID: id, Values: make([][]ExtendValue, len(meta))}
		e := ix.entity(id)
		for j, m := range meta {
			vs := []ExtendValue{}
			if e != nil {
				vs = ix.values(e, m.ID)
			}
			rows[i].Values[j] = vs
		}
	}
	return meta, rows, nil
}

func extendIDs() []string {
	var ids []string
	for _, p := range Properties {
		if p.Extend {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// entity finds an entity by reconciliation ID, or nil.
func (ix *Index) entity(rid string) *entity {
	t, id, ok := ParseEntityID(strings.TrimSpace(rid))
	if !ok {
		return nil
	}
	if i, ok := ix.byRID[EntityID(t, id)]; ok {
		return &ix.entities[i]
	}
	return nil
}

// Entity reports the type and ID of the entity with reconciliation ID rid.
func (ix *Index) Entity(rid string) (dataset.Type, string, bool) {
	e := ix.entity(rid)
	if e == nil {
		return "", "", false
	}
	return e.typ, e.id, true
}

func str(s string) ExtendValue { return ExtendValue{Str: &s} }

// values returns e's values of property pid.
func (ix *Index) values(e *entity, pid string) []ExtendValue {
	out := []ExtendValue{}
	switch pid {
	case PropCountry:
		for _, c := range e.countries {
			out = append(out, str(c))
		}
	case PropWikidata:
		if e.qid != "" {
			out = append(out, ExtendValue{ID: e.qid, Name: e.name})
		}
	case PropNetwork:
		if e.muni != nil {
			for _, n := range ix.members[e.id] {
				if nw, ok := ix.snap.Network(n); ok {
					out = append(out, ExtendValue{ID: EntityID(dataset.TypeNetwork, n), Name: nw.Names["en"]})
				}
			}
		}
	case PropMunicipality:
		if e.appr != nil {
			if m, ok := ix.snap.Municipality(e.appr.Municipality); ok {
				out = append(out, ExtendValue{ID: m.ID, Name: m.Names["en"]})
			}
		}
	case PropCoordinates:
		if e.muni != nil && e.muni.Coordinates != nil {
			c := e.muni.Coordinates
			out = append(out, str(strconv.FormatFloat(c.Lat, 'f', -1, 64)+","+strconv.FormatFloat(c.Lon, 'f', -1, 64)))
		}
	case PropPopulation:
		if e.muni != nil && e.muni.Population != nil {
			v := e.muni.Population.Value
			out = append(out, ExtendValue{Int: &v})
		}
	case PropFeatured:
		if e.muni != nil {
			out = append(out, str(strconv.FormatBool(e.muni.Featured)))
		}
	}
	return out
}
