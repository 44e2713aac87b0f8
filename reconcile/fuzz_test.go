package reconcile

import (
	"errors"
	"testing"
)

// FuzzDecodeQueries02: a query batch from a client decodes or is refused
// with ErrInvalid or ErrTooLarge (answered 400 or 413), never anything
// else (500) and never a panic (issue 16, item 10).
func FuzzDecodeQueries02(f *testing.F) {
	for _, s := range []string{`{"q0":{"query":"Munich"}}`, `{"q0":{"query":"x","type":"municipality","limit":3,
		"properties":[{"pid":"country","v":"DE"}]}}`, `{}`, `[]`, `{"q0":{"query":1}}`, `{"q0":{"limit":-1}}`, ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := DecodeQueries02(s); err != nil && !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrTooLarge) {
			t.Fatalf("DecodeQueries02(%q) = %v, want ErrInvalid or ErrTooLarge", s, err)
		}
		if _, err := DecodeExtend([]byte(s)); err != nil && !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrTooLarge) {
			t.Fatalf("DecodeExtend(%q) = %v, want ErrInvalid or ErrTooLarge", s, err)
		}
	})
}
