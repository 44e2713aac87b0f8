package query

import (
	"errors"
	"testing"
)

// FuzzDecodeCursor: any string a client sends as a cursor decodes or is
// refused with errCursor, and a decoded cursor encodes back to itself
// (issue 16, item 10).
func FuzzDecodeCursor(f *testing.F) {
	f.Add((&cursor{List: "/municipalities", Sort: "id", Key: "a", ID: "a"}).encode())
	f.Add((&cursor{List: "/networks", Sort: "-name", Key: "x", ID: "y", Before: true, Incl: true}).encode())
	f.Add("")
	f.Add("e30")
	f.Add("!!!")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := decodeCursor(s)
		if err != nil {
			if !errors.Is(err, errCursor) {
				t.Fatalf("decodeCursor(%q) = %v, want errCursor", s, err)
			}
			return
		}
		again, err := decodeCursor(c.encode())
		if err != nil || *again != *c {
			t.Fatalf("cursor %+v does not survive encoding: %+v, %v", c, again, err)
		}
	})
}
