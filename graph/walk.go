package graph

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/vocab"
)

// The walker reads a JSON document as a JSON-LD processor reads it with
// the context vocab generates from the same field table (vocab/context.go):
// the scopes below are that context's layers, and value renders each
// value kind as the context's term definition makes the processor render
// it. A key the table does not define is an error, never dropped.

// scope is the active context of a node: its fields, then the enclosing
// scope's.
type scope struct {
	fields []vocab.Field
	parent *scope
	// base resolves a relative "@id" (a tombstone's "id").
	base string
}

func (s *scope) lookup(key string) (*vocab.Field, bool) {
	for sc := s; sc != nil; sc = sc.parent {
		for i := range sc.fields {
			if sc.fields[i].Key == key {
				return &sc.fields[i], true
			}
		}
	}
	return nil, false
}

// top is the published context: every type's shared meaning of each key
// (the first type in vocab.EntityTypes that has it), then the keys the
// API adds (vocab.WireFields). typed holds each type's own meanings, the
// type-scoped contexts.
var top, typed = func() (*scope, map[string]*scope) {
	seen := map[string]bool{}
	var shared []vocab.Field
	for _, e := range vocab.EntityTypes() {
		for _, f := range e.Fields {
			if !seen[f.Key] {
				seen[f.Key] = true
				shared = append(shared, f)
			}
		}
	}
	t := &scope{fields: append(shared, vocab.WireFields...)}
	byName := map[string]*scope{}
	for _, e := range vocab.EntityTypes() {
		byName[e.Name()] = &scope{fields: e.Fields, parent: t}
	}
	return t, byName
}()

// tombstoneScope is vocab.TombstoneContext for retired IDs of type t: the
// tombstone's "id" names the entity relative to the type's namespace, and
// "replaced_by" is an ID of the same type.
func tombstoneScope(base string, t dataset.Type) *scope {
	fields := make([]vocab.Field, len(vocab.RetiredFields))
	copy(fields, vocab.RetiredFields)
	for i := range fields {
		switch {
		case fields[i].Value == vocab.ID:
			fields[i] = vocab.Field{Key: fields[i].Key, Value: vocab.IRIKey}
		case fields[i].Value == vocab.EntityRef:
			fields[i].Ref = t
		}
	}
	return &scope{fields: fields, parent: top, base: vocab.EntityNamespace(base, t)}
}

// walker turns documents into triples. Blank nodes are numbered across
// every document it walks, so that one walker can stream a whole dataset.
type walker struct {
	base string
	n    int               // blank nodes made
	ns   map[string]string // IRI namespaces of entity types and code lists
	buf  []vocab.Triple    // reused for each node's triples
}

// namespace returns the IRI that a reference to an entity of type t or a
// value of code list l is appended to.
func (w *walker) namespace(t dataset.Type, l *vocab.CodeList) string {
	key := string(t)
	if l != nil {
		key = "code:" + l.Prefix
	}
	if ns, ok := w.ns[key]; ok {
		return ns
	}
	if w.ns == nil {
		w.ns = map[string]string{}
	}
	ns := vocab.EntityNamespace(w.base, t)
	if l != nil {
		ns = l.Namespace()
	}
	w.ns[key] = ns
	return ns
}

func (w *walker) blank() vocab.Node {
	w.n++
	return vocab.Blank("b" + strconv.Itoa(w.n))
}

// job is a node waiting to be written: its subject, the scope it is read
// in, its JSON object, and triples about it found in its parent (through
// a reverse property).
type job struct {
	subj vocab.Node
	sc   *scope
	obj  Object
	in   []vocab.Triple
}

// walk emits the triples of the node obj, read in sc, and of every node
// nested in it. Each node's triples are emitted together, duplicates
// dropped (a JSON-LD processor yields a set), so that writers can group
// them by subject.
func (w *walker) walk(obj Object, sc *scope, emit func(vocab.Triple) error) error {
	sc = scopeOf(obj, sc)
	subj, err := w.subject(obj, sc)
	if err != nil {
		return err
	}
	queue := []job{{subj: subj, sc: sc, obj: obj}}
	for i := 0; i < len(queue); i++ {
		j := queue[i]
		n := &node{w: w, subj: j.subj, ts: w.buf[:0]}
		if err := n.members(j.obj, j.sc); err != nil {
			return err
		}
		n.from = 0
		for _, t := range j.in {
			n.add(t)
		}
		for _, t := range n.ts {
			if err := emit(t); err != nil {
				return err
			}
		}
		queue = append(queue, n.more...)
		w.buf = n.ts[:0] // emit took copies
	}
	return nil
}

// scopeOf is the scope of a node object read in sc: the type-scoped
// context of its "type", if that names an entity type. Type-scoped
// contexts do not reach nested nodes, so a nested node starts from the
// published context again.
func scopeOf(obj Object, sc *scope) *scope {
	for _, m := range obj {
		if f, ok := sc.lookup(m.Key); ok && f.Value == vocab.TypeKey {
			if name, ok := m.Value.(string); ok {
				if t, ok := typed[name]; ok {
					return t
				}
			}
		}
	}
	return sc
}

// subject is the node's "@id" (the member that the scope maps to it), or
// a fresh blank node.
func (w *walker) subject(obj Object, sc *scope) (vocab.Node, error) {
	for _, m := range obj {
		if f, ok := sc.lookup(m.Key); ok && f.Value == vocab.IRIKey {
			s, ok := m.Value.(string)
			if !ok || s == "" {
				return vocab.Node{}, fmt.Errorf("graph: %q is %v, not an IRI", m.Key, m.Value)
			}
			if !isAbsolute(s) {
				s = sc.base + s
			}
			return vocab.IRI(s), nil
		}
	}
	return w.blank(), nil
}

// isAbsolute reports whether s starts with an IRI scheme.
func isAbsolute(s string) bool {
	i := strings.IndexByte(s, ':')
	return i > 0 && !strings.ContainsAny(s[:i], "/?#")
}

// node collects the triples of one subject.
type node struct {
	w    *walker
	subj vocab.Node
	ts   []vocab.Triple
	// from is where duplicates of the next triple can be: a field's
	// values repeat only each other (a name listed twice), and a triple
	// through a reverse property repeats the node's own.
	from int
	more []job
}

func (n *node) add(t vocab.Triple) {
	for _, x := range n.ts[n.from:] {
		if x == t {
			return
		}
	}
	n.ts = append(n.ts, t)
}

// members adds the triples of obj's members, rdf:type first.
func (n *node) members(obj Object, sc *scope) error {
	for _, types := range []bool{true, false} {
		for _, m := range obj {
			f, ok := sc.lookup(m.Key)
			if !ok {
				return fmt.Errorf("graph: the field table does not define the key %q", m.Key)
			}
			if f.Value == vocab.IRIKey || (f.Value == vocab.TypeKey) != types {
				continue // the subject, or not in this pass
			}
			n.from = len(n.ts)
			for _, v := range list(m.Value) {
				if err := n.value(f, v, sc); err != nil {
					return fmt.Errorf("graph: %s: %w", m.Key, err)
				}
			}
		}
	}
	return nil
}

// list is v's values: JSON-LD reads a single value and an array alike,
// and drops null.
func list(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

func (n *node) triple(p *vocab.Term, o vocab.Node) {
	n.add(vocab.Triple{S: n.subj, P: p.Node(), O: o})
}

// value adds the triples of one value of field f.
func (n *node) value(f *vocab.Field, v any, sc *scope) error {
	if v == nil {
		return nil
	}
	str := func() (string, error) {
		s, ok := v.(string)
		if !ok {
			return "", fmt.Errorf("%v is not a string", v)
		}
		return s, nil
	}
	switch f.Value {
	case vocab.TypeKey:
		s, err := str()
		if err != nil {
			return err
		}
		class, err := classNamed(s)
		if err != nil {
			return err
		}
		n.triple(vocab.RDFType, class.Node())
	case vocab.ID:
		s, err := str()
		if err != nil {
			return err
		}
		n.triple(f.Term, vocab.Str(s))
	case vocab.Literal:
		o, err := literal(f, v)
		if err != nil {
			return err
		}
		n.triple(f.Term, o)
	case vocab.LangMap:
		texts, ok := v.(Object)
		if !ok {
			return fmt.Errorf("%v is not a language map", v)
		}
		m := make(map[string]string, len(texts))
		for _, t := range texts {
			switch s := t.Value.(type) {
			case string:
				m[t.Key] = s
			case nil:
			default:
				return fmt.Errorf("%s: %v is not a string", t.Key, t.Value)
			}
		}
		for _, lang := range vocab.LangOrder(m) {
			n.triple(f.Term, vocab.LangStr(m[lang], lang))
		}
	case vocab.LangPairs:
		// A value object: "lang" is its @language, "name" (or the
		// field's PairKey) its @value.
		pair, ok := v.(Object)
		var name, lang string
		for _, m := range pair {
			s, isStr := m.Value.(string)
			switch {
			case m.Key == f.PairKey() && isStr:
				name = s
			case m.Key == "lang" && isStr:
				lang = s
			default:
				ok = false
			}
		}
		if !ok || !pair.Has(f.PairKey()) {
			return fmt.Errorf("%v is not a {lang, %s} pair", v, f.PairKey())
		}
		if lang == "" {
			n.triple(f.Term, vocab.Str(name))
		} else {
			n.triple(f.Term, vocab.LangStr(name, lang))
		}
	case vocab.EntityRef, vocab.Code, vocab.WikidataItem, vocab.URL, vocab.ClassName:
		s, err := str()
		if err != nil {
			return err
		}
		iri, err := n.w.iri(f, s)
		if err != nil {
			return err
		}
		if f.Reverse {
			n.add(vocab.Triple{S: vocab.IRI(iri), P: f.Term.Node(), O: n.subj})
		} else {
			n.triple(f.Term, vocab.IRI(iri))
		}
	case vocab.Object:
		obj, ok := v.(Object)
		if !ok {
			return fmt.Errorf("%v is not an object", v)
		}
		inner := &scope{fields: f.Fields, parent: sc}
		b := n.w.blank()
		n.triple(f.Term, b)
		n.more = append(n.more, job{subj: b, sc: inner, obj: obj})
	case vocab.Nest:
		obj, ok := v.(Object)
		if !ok {
			return fmt.Errorf("%v is not an object", v)
		}
		return n.members(obj, &scope{fields: f.Fields, parent: sc})
	case vocab.Entity:
		obj, ok := v.(Object)
		if !ok {
			return fmt.Errorf("%v is not a node object", v)
		}
		inner := scopeOf(obj, top)
		child, err := n.w.subject(obj, inner)
		if err != nil {
			return err
		}
		j := job{subj: child, sc: inner, obj: obj}
		if f.Reverse {
			j.in = []vocab.Triple{{S: child, P: f.Term.Node(), O: n.subj}}
		} else {
			n.triple(f.Term, child)
		}
		n.more = append(n.more, j)
	default:
		return fmt.Errorf("no value kind")
	}
	return nil
}

// iri is the IRI a string value of f stands for.
func (w *walker) iri(f *vocab.Field, s string) (string, error) {
	switch f.Value {
	case vocab.EntityRef:
		return w.namespace(f.Ref, nil) + s, nil
	case vocab.Code:
		return w.namespace("", f.Codes) + s, nil
	case vocab.WikidataItem:
		return vocab.WikidataIRI(s), nil
	case vocab.ClassName:
		if c := vocab.ClassOf(dataset.Type(s)); c != nil {
			return c.IRI, nil
		}
		return "", fmt.Errorf("%q is not an entity type", s)
	}
	return s, nil
}

// classNamed finds the class a "type" value names: an entity type's name
// ("Municipality") or a class of the table by its prefixed name
// ("foaf:Document").
func classNamed(s string) (*vocab.Term, error) {
	for _, e := range vocab.EntityTypes() {
		if e.Name() == s {
			return e.Class, nil
		}
	}
	if t, ok := vocab.LookupCURIE(s); ok && t.Kind == vocab.Class {
		return t, nil
	}
	return nil, fmt.Errorf("%q names no class of the vocabulary", s)
}

// literal renders a JSON scalar as JSON-LD does with the field's term
// definition: a string typed with the field's datatype (none: a plain
// string); a number as a canonical xsd:double when it has a fraction or
// the datatype is xsd:double, else as an integer, typed with the field's
// datatype or xsd:double/xsd:integer; a boolean as "true" or "false".
func literal(f *vocab.Field, v any) (vocab.Node, error) {
	dt := f.LiteralType()
	coerced := dt != vocab.XSDString // the context gives no @type otherwise
	switch x := v.(type) {
	case string:
		if !coerced {
			return vocab.Str(x), nil
		}
		return vocab.Typed(x, dt), nil
	case json.Number:
		num, err := strconv.ParseFloat(string(x), 64)
		if err != nil {
			return vocab.Node{}, fmt.Errorf("%s is not a number", x)
		}
		if dt == vocab.XSDDouble || num != math.Trunc(num) || math.Abs(num) >= 1e21 {
			if !coerced {
				dt = vocab.XSDDouble
			}
			return vocab.Typed(vocab.CanonicalDouble(num), dt), nil
		}
		if !coerced {
			dt = vocab.XSDInteger
		}
		return vocab.Typed(strconv.FormatFloat(num, 'f', -1, 64), dt), nil
	case bool:
		if !coerced {
			dt = vocab.XSDBoolean
		}
		return vocab.Typed(strconv.FormatBool(x), dt), nil
	}
	return vocab.Node{}, fmt.Errorf("%v is not a literal", v)
}
