package dumps

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// oracle is a file of the official schemas beside the project
// (../shared/oracles, see its README): never copied, only read.
func oracle(t *testing.T, parts ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(append([]string{"..", "..", "shared", "oracles"}, parts...)...))
	if err != nil {
		t.Fatalf("official schema beside the project: %v", err)
	}
	return b
}

// TestDataPackageFieldsAreInTheProfile: every field of every table
// schema has a type the official Table Schema profile (v2) lists, and
// only the properties and formats it allows for that type. The profile
// has no "list" type, so list columns are strings whose description
// names the separator (issue 17). e2e/dumps.test.mjs validates the whole
// datapackage.json against the profile with Ajv.
func TestDataPackageFieldsAreInTheProfile(t *testing.T) {
	var profile struct {
		Properties struct {
			Fields struct {
				Items struct {
					OneOf []struct {
						Properties map[string]struct {
							Enum []string `json:"enum"`
						} `json:"properties"`
					} `json:"oneOf"`
				} `json:"items"`
			} `json:"fields"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(oracle(t, "datapackage", "2.0", "tableschema.json"), &profile); err != nil {
		t.Fatal(err)
	}
	type allowed struct {
		props   map[string]bool
		formats []string
	}
	types := map[string]allowed{}
	for _, alt := range profile.Properties.Fields.Items.OneOf {
		a := allowed{props: map[string]bool{}}
		for k := range alt.Properties {
			a.props[k] = true
		}
		a.formats = alt.Properties["format"].Enum
		for _, ty := range alt.Properties["type"].Enum {
			types[ty] = a
		}
	}
	if len(types) < 10 {
		t.Fatalf("read %d field types from the profile", len(types))
	}
	tables, err := Tables(testBase)
	if err != nil {
		t.Fatal(err)
	}
	lists := 0
	for _, tb := range tables {
		for _, f := range tableSchema(tb)["fields"].([]any) {
			f := f.(map[string]any)
			ty, _ := f["type"].(string)
			a, ok := types[ty]
			if !ok {
				t.Errorf("%s.%s: type %q is not in the profile", tb.Name, f["name"], ty)
				continue
			}
			for k := range f {
				if !a.props[k] {
					t.Errorf("%s.%s: property %q is not allowed for type %s", tb.Name, f["name"], k, ty)
				}
			}
			if fm, ok := f["format"].(string); ok && a.formats != nil && !slices.Contains(a.formats, fm) {
				t.Errorf("%s.%s: format %q is not one of %v", tb.Name, f["name"], fm, a.formats)
			}
			if c := tb.column(f["name"].(string)); c != nil && c.List {
				lists++
				if ty != "string" || f["description"] == nil || !strings.Contains(f["description"].(string), `separated by " "`) {
					t.Errorf("%s.%s: a list column is %q, described %q", tb.Name, c.Name, ty, f["description"])
				}
			}
		}
	}
	if lists == 0 {
		t.Error("no list column checked")
	}
}
