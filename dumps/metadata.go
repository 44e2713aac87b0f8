package dumps

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/moving-cities/opendata/vocab"
)

// The metadata files of a release. Maps are encoded with sorted keys, so
// each file is the same for the same data.

func writeJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// csvwMetadata is csv-metadata.json, CSV on the Web
// (https://www.w3.org/TR/tabular-metadata/): a table group with one table
// per CSV file, whose columns name our vocabulary's properties, so that
// a CSVW processor (CSV2RDF, https://www.w3.org/TR/csv2rdf/) turns the
// CSV into the triples of our graph. Columns whose RDF is a blank node or
// a list, and the names and sources tables, are suppressed: the graph
// dumps have them.
func csvwMetadata(rel *releaseInfo) map[string]any {
	var tables []any
	for _, t := range rel.tables {
		var cols []any
		for _, c := range t.Columns {
			col := map[string]any{"name": c.Name, "titles": c.Name, "datatype": c.typ.csvw}
			if c.Required && !c.List {
				col["required"] = true
			}
			if c.Lang != "" {
				col["lang"] = c.Lang
			}
			if c.Term != nil {
				col["propertyUrl"] = c.Term.IRI
			}
			if c.ValueURL != "" && !c.List {
				col["valueUrl"] = c.ValueURL
			}
			if c.List {
				col["separator"] = listSeparator
			}
			if c.Suppress {
				col["suppressOutput"] = true
			}
			if c.Doc != "" {
				col["dc:description"] = c.Doc
			}
			cols = append(cols, col)
		}
		if t.Class != nil {
			cols = append(cols, map[string]any{"virtual": true, "propertyUrl": vocab.RDFType.IRI, "valueUrl": t.Class.IRI})
		}
		schema := map[string]any{"columns": cols}
		if t.AboutURL != "" {
			schema["aboutUrl"] = t.AboutURL
		}
		if len(t.PrimaryKey) > 0 {
			schema["primaryKey"] = t.PrimaryKey
		}
		var fks []any
		for _, c := range t.Columns {
			if c.Ref != "" && !c.List {
				fks = append(fks, map[string]any{"columnReference": c.Name,
					"reference": map[string]any{"resource": c.Ref + ".csv", "columnReference": "id"}})
			}
		}
		if fks != nil {
			schema["foreignKeys"] = fks
		}
		table := map[string]any{"url": t.Name + ".csv", "dc:title": t.Title, "tableSchema": schema}
		if t.Suppress {
			table["suppressOutput"] = true
		}
		tables = append(tables, table)
	}
	return map[string]any{
		"@context":   []any{"http://www.w3.org/ns/csvw", map[string]any{"@language": "en"}},
		"dc:title":   DatasetTitle,
		"dc:license": map[string]any{"@id": vocab.LicenseIRI},
		"dc:source":  map[string]any{"@id": rel.base},
		"tables":     tables,
	}
}

func writeCSVW(_ context.Context, w io.Writer, rel *releaseInfo) (int64, error) {
	return 0, writeJSON(w, csvwMetadata(rel))
}

// dataPackage is datapackage.json, Frictionless Data Package v2
// (https://datapackage.org/): every file written before it as a resource,
// each CSV a table with its schema, keys and checksum.
func dataPackage(rel *releaseInfo) map[string]any {
	byName := map[string]*Table{}
	for _, t := range rel.tables {
		byName[t.Name+".csv"] = t
	}
	var resources []any
	for _, f := range rel.files {
		r := map[string]any{
			"path": f.Name, "bytes": f.Bytes, "hash": "sha256:" + f.SHA256,
			"mediatype": f.MediaType,
		}
		if t, ok := byName[f.Name]; ok {
			r["name"] = t.Name
			r["type"] = "table"
			r["title"] = t.Title
			r["format"] = "csv"
			r["encoding"] = "utf-8"
			r["schema"] = tableSchema(t)
		} else {
			r["name"] = strings.ToLower(f.Name)
			if f.UncompressedMediaType != "" {
				r["mediatype"] = f.UncompressedMediaType
				r["compression"] = "gz"
			}
		}
		resources = append(resources, r)
	}
	return map[string]any{
		"$schema":     "https://datapackage.org/profiles/2.0/datapackage.json",
		"name":        "moving-cities-open-data",
		"title":       DatasetTitle,
		"description": DatasetDescription,
		"homepage":    rel.base,
		"version":     strconv.FormatInt(rel.revision, 10),
		"licenses": []any{map[string]any{
			"name": "CC-BY-4.0", "path": vocab.LicenseIRI, "title": "Creative Commons Attribution 4.0 International",
		}},
		"resources": resources,
	}
}

// tableSchema is the Frictionless Table Schema of t.
func tableSchema(t *Table) map[string]any {
	var fields []any
	for _, c := range t.Columns {
		f := map[string]any{"name": c.Name, "type": c.typ.frictionless}
		if c.typ.frictionlessFormat != "" {
			f["format"] = c.typ.frictionlessFormat
		}
		doc := c.Doc
		if c.List {
			// The profile has no list type (Data Package v2's prose has
			// one, its JSON Schema does not, and validators run the
			// schema), and "array" means a JSON array in the cell. A list
			// is therefore a string whose values are separated by
			// listSeparator, and the description says so.
			f["type"] = "string"
			delete(f, "format")
			doc = strings.TrimSpace(doc + " " + listDoc(c))
		}
		if c.Title != "" {
			f["title"] = c.Title
		}
		if c.Term != nil {
			doc = strings.TrimSpace(doc + " Property: " + c.Term.IRI + ".")
		}
		if doc != "" {
			f["description"] = doc
		}
		if c.Required && !c.List {
			f["constraints"] = map[string]any{"required": true}
		}
		fields = append(fields, f)
	}
	s := map[string]any{"fields": fields}
	if len(t.PrimaryKey) > 0 {
		s["primaryKey"] = t.PrimaryKey
	}
	var fks []any
	for _, c := range t.Columns {
		if c.Ref != "" && !c.List {
			fks = append(fks, map[string]any{"fields": []string{c.Name},
				"reference": map[string]any{"resource": c.Ref, "fields": []string{"id"}}})
		}
	}
	if fks != nil {
		s["foreignKeys"] = fks
	}
	return s
}

// listDoc says how a list column's cell holds its values.
func listDoc(c *Column) string {
	item := c.typ.frictionless
	if c.typ.frictionlessFormat != "" {
		item += " (" + c.typ.frictionlessFormat + ")"
	}
	return fmt.Sprintf("A list of %s values separated by %q, which no value contains; empty when there are none.", item, listSeparator)
}

func writeDataPackage(_ context.Context, w io.Writer, rel *releaseInfo) (int64, error) {
	return 0, writeJSON(w, dataPackage(rel))
}

// writeSums writes SHA256SUMS in the format of sha256sum: every file
// written before it but manifest.json, whose generation time changes.
func writeSums(_ context.Context, w io.Writer, rel *releaseInfo) (int64, error) {
	var b strings.Builder
	for _, f := range rel.files {
		fmt.Fprintf(&b, "%s  %s\n", f.SHA256, f.Name)
	}
	_, err := io.WriteString(w, b.String())
	return 0, err
}
