package exporters

import (
	"strconv"
	"strings"
)

// Negotiate picks from offers, media types in the server's order of
// preference, the one an Accept header value rates highest (RFC 9110,
// section 12.5.1): each offer takes the quality of the most specific
// range that matches it (type/subtype over type/* over */*), q=0 means
// "not acceptable", and ties go to the earlier offer. Parameters other
// than q are ignored. An absent or blank header, or one with no valid
// range, accepts anything: the first offer. ok is false when nothing
// offered is acceptable.
func Negotiate(accept string, offers []string) (offer string, ok bool) {
	if len(offers) == 0 {
		return "", false
	}
	ranges := parseAccept(accept)
	if len(ranges) == 0 {
		return offers[0], true
	}
	bestQ := 0.0
	for _, o := range offers {
		typ, sub, _ := strings.Cut(strings.ToLower(o), "/")
		spec, q := -1, 0.0
		for _, r := range ranges {
			var s int
			switch {
			case r.typ == typ && r.sub == sub:
				s = 2
			case r.typ == typ && r.sub == "*":
				s = 1
			case r.typ == "*" && r.sub == "*":
				s = 0
			default:
				continue
			}
			if s > spec || s == spec && r.q > q {
				spec, q = s, r.q
			}
		}
		if q > bestQ {
			offer, bestQ = o, q
		}
	}
	return offer, bestQ > 0
}

type mediaRange struct {
	typ, sub string
	q        float64
}

// parseAccept reads the ranges of an Accept header value, skipping
// malformed ones.
func parseAccept(h string) []mediaRange {
	var out []mediaRange
	for _, part := range strings.Split(h, ",") {
		params := strings.Split(part, ";")
		mt := strings.ToLower(strings.TrimSpace(params[0]))
		if mt == "*" { // sent by some old clients
			mt = "*/*"
		}
		typ, sub, ok := strings.Cut(mt, "/")
		if !ok || !isToken(typ) || !isToken(sub) || typ == "*" && sub != "*" {
			continue
		}
		r := mediaRange{typ: typ, sub: sub, q: 1}
		valid := true
		for _, p := range params[1:] {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if !strings.EqualFold(strings.TrimSpace(k), "q") {
				continue
			}
			q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || q < 0 || q > 1 || q != q {
				valid = false
			}
			r.q = q
			break // parameters after q are accept-extensions
		}
		if valid {
			out = append(out, r)
		}
	}
	return out
}

// isToken reports whether s is an RFC 9110 token.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0 {
			continue
		}
		return false
	}
	return true
}
