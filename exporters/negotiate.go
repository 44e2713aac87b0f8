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
	// profile lists the URIs of a profile parameter (RFC 6906), which
	// JSON-LD clients use to ask for a document form.
	profile []string
}

// Profiles returns the profile URIs an Accept header value asks for with
// mediaType: those of the range naming it exactly that the client rates
// highest, where a range with a profile wins a tie with one without
// (being the more specific). It returns nil when no acceptable range
// names mediaType or that range has no profile. Negotiate ignores
// profiles; a handler that offers a profiled form asks this after it.
func Profiles(accept, mediaType string) []string {
	typ, sub, _ := strings.Cut(strings.ToLower(mediaType), "/")
	var best *mediaRange
	ranges := parseAccept(accept)
	for i := range ranges {
		r := &ranges[i]
		if r.typ != typ || r.sub != sub || r.q <= 0 {
			continue
		}
		if best == nil || r.q > best.q || r.q == best.q && len(best.profile) == 0 && len(r.profile) > 0 {
			best = r
		}
	}
	if best == nil {
		return nil
	}
	return best.profile
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
			k = strings.TrimSpace(k)
			if strings.EqualFold(k, "profile") {
				r.profile = strings.Fields(strings.Trim(strings.TrimSpace(v), `"`))
				continue
			}
			if !strings.EqualFold(k, "q") {
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
