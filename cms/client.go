// Package cms reads the Moving Cities platform's Strapi v4 CMS over its
// REST API and maps its structural content (cities, countries, networks,
// approaches, approach categories) onto the dataset, so that a sync goes
// through the same merge and validation as an import.
package cms

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Defaults of a Client's limits.
const (
	DefaultPageSize = 100      // Strapi's own ceiling for pagination[pageSize]
	DefaultMaxBytes = 32 << 20 // one page of answers
	DefaultMaxPages = 1000     // 100,000 entries of a type at the default page size
)

// Client reads collection types from a Strapi v4 REST API.
type Client struct {
	// Base is the CMS's address, without /api.
	Base string
	// Token, when set, is sent as a bearer token (a Strapi API token).
	Token string
	// HTTP is the client used; nil means http.DefaultClient. Callers set
	// its timeout: a sync must not hang on a CMS that never answers.
	HTTP *http.Client
	// PageSize, MaxBytes and MaxPages bound what one sync reads; zero
	// means the default.
	PageSize int
	MaxBytes int64
	MaxPages int
}

// Entry is one entry of a localized collection type in one locale.
type Entry struct {
	ID     int
	Locale string
	// Localizations are the IDs of the same entry in other locales.
	Localizations []int
	// Attributes are the entry's fields as the CMS gave them.
	Attributes json.RawMessage
}

// Error is a CMS answer the sync cannot use: an HTTP error, a body that is
// not JSON or not in Strapi's shape, or one that is too large.
type Error struct {
	URL    string
	Status int // the HTTP status, 0 when the answer arrived but is unusable
	Reason string
}

func (e *Error) Error() string {
	if e.Status != 0 {
		return fmt.Sprintf("cms: GET %s: HTTP %d: %s", e.URL, e.Status, e.Reason)
	}
	return fmt.Sprintf("cms: GET %s: %s", e.URL, e.Reason)
}

// page is the shape of a Strapi v4 collection answer.
type page struct {
	Data *[]struct {
		ID         *int            `json:"id"`
		Attributes json.RawMessage `json:"attributes"`
	} `json:"data"`
	Meta *struct {
		Pagination *struct {
			Page      int `json:"page"`
			PageSize  int `json:"pageSize"`
			PageCount int `json:"pageCount"`
			Total     int `json:"total"`
		} `json:"pagination"`
	} `json:"meta"`
}

// common is what every localized entry's attributes hold.
type common struct {
	Locale        string `json:"locale"`
	Localizations *struct {
		Data []struct {
			ID int `json:"id"`
		} `json:"data"`
	} `json:"localizations"`
}

// populateFields names, per collection, the attributes a sync reads that
// Strapi leaves out unless asked: relations, media, components and dynamic
// zones. "populate=*" reaches one level only, so a section's text (a
// rich-text component inside a dynamic-zone component) would be missing:
// deep zones are asked for with their own nested populate.
func populateFields(plural string) (shallow, deep []string) {
	switch plural {
	case PluralCities:
		return []string{"country", "networks", "summary", "report", "report_file", "takeaways", "localizations"}, []string{"content"}
	case PluralApproaches:
		return []string{"city", "categories", "summary", "localizations"}, []string{"content"}
	case PluralCountries, PluralNetworks:
		return []string{"content", "localizations"}, nil
	default:
		return []string{"localizations"}, nil
	}
}

// setPopulate asks for plural's fields in Strapi v4's object form:
// populate[f]=true, and populate[f][populate]=* for a deep zone.
func setPopulate(q url.Values, plural string) {
	shallow, deep := populateFields(plural)
	for _, f := range shallow {
		q.Set("populate["+f+"]", "true")
	}
	for _, f := range deep {
		q.Set("populate["+f+"][populate]", "*")
	}
}

// Collection reads every published entry of the collection type plural
// (as in /api/{plural}) in every locale, following the pagination to its
// end, with the attributes populateFields names.
func (c *Client) Collection(ctx context.Context, plural string) ([]Entry, error) {
	size := c.PageSize
	if size <= 0 {
		size = DefaultPageSize
	}
	maxPages := c.MaxPages
	if maxPages <= 0 {
		maxPages = DefaultMaxPages
	}
	var out []Entry
	for n, count := 1, 1; n <= count; n++ {
		q := url.Values{}
		q.Set("locale", "all")
		setPopulate(q, plural)
		q.Set("pagination[page]", strconv.Itoa(n))
		q.Set("pagination[pageSize]", strconv.Itoa(size))
		u := strings.TrimRight(c.Base, "/") + "/api/" + plural + "?" + q.Encode()
		var p page
		if err := c.get(ctx, u, &p); err != nil {
			return nil, err
		}
		if p.Data == nil {
			return nil, &Error{URL: u, Reason: `not a Strapi collection answer: no "data" array`}
		}
		if p.Meta == nil || p.Meta.Pagination == nil {
			return nil, &Error{URL: u, Reason: `not a Strapi collection answer: no "meta.pagination"`}
		}
		pg := p.Meta.Pagination
		if pg.Page != n {
			return nil, &Error{URL: u, Reason: fmt.Sprintf("asked for page %d, the answer is page %d", n, pg.Page)}
		}
		if pg.PageCount > maxPages {
			return nil, &Error{URL: u, Reason: fmt.Sprintf("%d pages, more than the limit of %d", pg.PageCount, maxPages)}
		}
		count = pg.PageCount
		for i, d := range *p.Data {
			if d.ID == nil || *d.ID <= 0 {
				return nil, &Error{URL: u, Reason: fmt.Sprintf("data[%d] has no positive id", i)}
			}
			var cm common
			if len(d.Attributes) == 0 || json.Unmarshal(d.Attributes, &cm) != nil {
				return nil, &Error{URL: u, Reason: fmt.Sprintf("data[%d] (id %d): attributes are not an object", i, *d.ID)}
			}
			e := Entry{ID: *d.ID, Locale: cm.Locale, Attributes: d.Attributes}
			if cm.Localizations != nil {
				for _, l := range cm.Localizations.Data {
					e.Localizations = append(e.Localizations, l.ID)
				}
			}
			out = append(out, e)
		}
	}
	return out, nil
}

// get decodes the JSON answer of u into v.
func (c *Client) get(ctx context.Context, u string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return fmt.Errorf("cms: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("cms: GET %s: %w", u, err)
	}
	defer resp.Body.Close()
	limit := c.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return fmt.Errorf("cms: GET %s: reading the answer: %w", u, err)
	}
	if int64(len(body)) > limit {
		return &Error{URL: u, Status: 0, Reason: fmt.Sprintf("answer larger than the limit of %d bytes", limit)}
	}
	if resp.StatusCode != http.StatusOK {
		return &Error{URL: u, Status: resp.StatusCode, Reason: strapiMessage(body)}
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(v); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return &Error{URL: u, Reason: fmt.Sprintf("not JSON: %v at byte %d", err, syn.Offset)}
		case errors.As(err, &typ):
			return &Error{URL: u, Reason: fmt.Sprintf("not a Strapi answer: %s is a JSON %s, want %s", typ.Field, typ.Value, typ.Type)}
		case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
			return &Error{URL: u, Reason: "not JSON: the answer is truncated"}
		}
		return &Error{URL: u, Reason: fmt.Sprintf("not JSON: %v", err)}
	}
	if dec.More() {
		return &Error{URL: u, Reason: "not JSON: data after the answer"}
	}
	return nil
}

// strapiMessage is the message of a Strapi error answer
// ({"error": {"message": …}}), else the start of the body.
func strapiMessage(body []byte) string {
	var e struct {
		Error struct {
			Name    string `json:"name"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &e) == nil && e.Error.Message != "" {
		if e.Error.Name != "" {
			return e.Error.Name + ": " + e.Error.Message
		}
		return e.Error.Message
	}
	s := strings.TrimSpace(string(body))
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	if s == "" {
		return "empty answer"
	}
	return fmt.Sprintf("%q", s)
}
