// Package importer decodes import files (JSON in the Dataset form; CSV for
// municipalities and memberships) into a dataset.Dataset. It only decodes:
// judging the result is dataset.Validate's job, applying it the store's.
package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/moving-cities/opendata/dataset"
)

// ReadFile decodes the file at path by its extension (.json or .csv).
func ReadFile(path string) (*dataset.Dataset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	defer f.Close()
	var d *dataset.Dataset
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".json":
		d, err = DecodeJSON(f)
	case ".csv":
		d, err = DecodeCSV(f)
	default:
		return nil, fmt.Errorf("import %s: unknown file type %q (want .json or .csv)", path, ext)
	}
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	return d, nil
}

// DecodeJSON decodes one Dataset object. Unknown fields and trailing data
// are errors: a misspelt field name would otherwise be dropped silently.
// Errors name the line and column.
func DecodeJSON(r io.Reader) (*dataset.Dataset, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var d dataset.Dataset
	if err := dec.Decode(&d); err != nil {
		return nil, locate(data, dec.InputOffset(), err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, locate(data, dec.InputOffset(), errors.New("unexpected data after the dataset object"))
	}
	return &d, nil
}

// locate adds a line:column to a JSON error.
func locate(data []byte, offset int64, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		offset = syn.Offset
	case errors.As(err, &typ):
		offset = typ.Offset
		if typ.Field != "" {
			err = fmt.Errorf("field %s: cannot use a JSON %s as %s", typ.Field, typ.Value, typ.Type)
		}
	}
	offset = min(max(offset, 0), int64(len(data)))
	line := 1 + bytes.Count(data[:offset], []byte("\n"))
	col := int(offset) - bytes.LastIndexByte(data[:offset], '\n')
	return fmt.Errorf("line %d, column %d: %w", line, col, err)
}
