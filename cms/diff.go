package cms

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/moving-cities/opendata/dataset"
)

// FieldDiff lists what a changed record changes, one line per field
// ("names.de: "Berlin" → "Berlín""), against its version in cur, so that
// a dry run shows the editors' changes and not only which records they
// touch. Maps such as names are compared key by key; the stamps, which
// the store sets, are left out. Other changes give no lines.
func FieldDiff(cur *dataset.Snapshot, c dataset.Change) []string {
	if c.Kind != dataset.Changed {
		return nil
	}
	var old any
	var ok bool
	switch c.Type {
	case dataset.TypeCountry:
		old, ok = cur.Country(c.ID)
	case dataset.TypeCategory:
		old, ok = cur.Category(c.ID)
	case dataset.TypeNetwork:
		old, ok = cur.Network(c.ID)
	case dataset.TypeMunicipality:
		old, ok = cur.Municipality(c.ID)
	case dataset.TypeMembership:
		old, ok = cur.Membership(c.ID)
	case dataset.TypeApproach:
		old, ok = cur.Approach(c.ID)
	}
	if !ok {
		return nil
	}
	a, b := fields(old), fields(c.Record)
	keys := make([]string, 0, len(a)+len(b))
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, dup := a[k]; !dup {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var out []string
	for _, k := range keys {
		if a[k] == b[k] {
			continue
		}
		if lines, ok := listDiff(k, a[k], b[k]); ok {
			out = append(out, lines...)
			continue
		}
		out = append(out, fmt.Sprintf("%s: %s → %s", k, orNone(a[k]), orNone(b[k])))
	}
	return out
}

// listDiff shows a change to a list (sources, aliases) as the items it
// loses ("−") and gains ("+"), which reads better than two long lists;
// ok is false when either side is not a list or the order alone changed.
func listDiff(field, a, b string) (lines []string, ok bool) {
	var as, bs []json.RawMessage
	if a != "" && json.Unmarshal([]byte(a), &as) != nil || b != "" && json.Unmarshal([]byte(b), &bs) != nil {
		return nil, false
	}
	has := func(xs []json.RawMessage, x json.RawMessage) bool {
		return slices.ContainsFunc(xs, func(y json.RawMessage) bool { return string(x) == string(y) })
	}
	for _, x := range as {
		if !has(bs, x) {
			lines = append(lines, fmt.Sprintf("%s: − %s", field, x))
		}
	}
	for _, x := range bs {
		if !has(as, x) {
			lines = append(lines, fmt.Sprintf("%s: + %s", field, x))
		}
	}
	return lines, len(lines) > 0
}

// fields flattens a record's JSON form one level: top-level fields, and
// the keys of top-level objects as field.key; each value as JSON.
func fields(rec any) map[string]string {
	raw, err := json.Marshal(rec)
	if err != nil {
		return nil
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(raw, &top) != nil {
		return nil
	}
	out := map[string]string{}
	for k, v := range top {
		if k == "created" || k == "modified" {
			continue
		}
		var obj map[string]json.RawMessage
		if len(v) > 0 && v[0] == '{' && json.Unmarshal(v, &obj) == nil {
			for kk, vv := range obj {
				out[k+"."+kk] = string(vv)
			}
			continue
		}
		out[k] = string(v)
	}
	return out
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
