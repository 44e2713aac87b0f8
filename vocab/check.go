package vocab

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/language"
)

// Checker collects the problems of a stream of triples with respect to
// the table: every predicate, every class (object of rdf:type) and every
// literal datatype must be a term of the table with an English label and
// comment, and be used as its kind says (an object property with IRIs or
// blank nodes, a datatype property with literals of its datatype). Each
// problem is reported once.
//
// Exporters' tests feed it every triple they emit (see Check).
type Checker struct {
	problems map[string]bool
}

// Check returns the problems of ts, or nil.
func Check(ts []Triple) error {
	var c Checker
	for _, t := range ts {
		c.Add(t)
	}
	return c.Err()
}

// Add checks one triple.
func (c *Checker) Add(t Triple) {
	if t.S.IsLiteral() || t.S.IsZero() {
		c.fail("subject %s is not an IRI or blank node", t.S)
	}
	p, ok := c.defined(t.P, "predicate")
	if !ok {
		return
	}
	if !p.Kind.IsProperty() {
		c.fail("predicate %s is a %s, not a property", p.CURIE(), p.Kind)
		return
	}
	switch {
	case t.O.IsZero():
		c.fail("%s has no object", p.CURIE())
	case p == RDFType:
		if cl, ok := c.defined(t.O, "class"); ok && cl.Kind != Class {
			c.fail("rdf:type %s: a %s, not a class", cl.CURIE(), cl.Kind)
		}
	case p.Kind == ObjectProperty && t.O.IsLiteral():
		c.fail("%s is an object property but has the literal %s", p.CURIE(), t.O)
	case p.Kind != ObjectProperty && !t.O.IsLiteral():
		c.fail("%s is a %s but has the non-literal %s", p.CURIE(), p.Kind, t.O)
	case t.O.IsLiteral():
		c.literal(p, t.O)
	}
}

func (c *Checker) literal(p *Term, o Node) {
	dt, ok := c.defined(IRI(o.Datatype), "datatype")
	if !ok {
		return
	}
	if dt.Kind != Datatype {
		c.fail("literal datatype %s is a %s", dt.CURIE(), dt.Kind)
		return
	}
	if want := p.Range; want != nil && want.Kind == Datatype && want != RDFSLiteral && want != dt {
		c.fail("%s wants %s literals, not %s", p.CURIE(), want.CURIE(), dt.CURIE())
	}
	switch dt {
	case RDFLangString:
		if o.Lang == "" {
			c.fail("rdf:langString literal %s without a language tag", o)
		} else if tag, err := language.Parse(o.Lang); err != nil || !strings.EqualFold(tag.String(), o.Lang) {
			c.fail("language tag %q is not well-formed BCP 47", o.Lang)
		}
	case XSDDouble:
		if f, err := strconv.ParseFloat(o.Value, 64); err != nil || CanonicalDouble(f) != o.Value {
			c.fail("xsd:double %q is not in canonical form (use vocab.Double)", o.Value)
		}
	}
	if o.Lang != "" && dt != RDFLangString {
		c.fail("literal %s has a language tag and the datatype %s", o, dt.CURIE())
	}
}

// defined looks n up in the table and reports it unless it is there with
// an English label and comment.
func (c *Checker) defined(n Node, role string) (*Term, bool) {
	if !n.IsIRI() {
		c.fail("%s %s is not an IRI", role, n)
		return nil, false
	}
	t, ok := Lookup(n.Value)
	switch {
	case !ok:
		c.fail("%s <%s> is not defined in the vocabulary table", role, n.Value)
		return nil, false
	case t.Label["en"] == "" || t.Comment["en"] == "":
		c.fail("%s %s has no English label or comment", role, t.CURIE())
	}
	return t, true
}

func (c *Checker) fail(format string, args ...any) {
	if c.problems == nil {
		c.problems = map[string]bool{}
	}
	c.problems[fmt.Sprintf(format, args...)] = true
}

// Err returns every problem found, sorted, or nil.
func (c *Checker) Err() error {
	if len(c.problems) == 0 {
		return nil
	}
	ps := make([]string, 0, len(c.problems))
	for p := range c.problems {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return errors.New("vocab: " + strings.Join(ps, "; "))
}
