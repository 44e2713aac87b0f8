package api

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/store"
)

// The revision history and the change feed (issue 13): public, read from
// the store's history (never from the snapshot, which has only the
// latest revision). Revisions are never edited or deleted, so a
// revision's answer never changes.

// Revision is one revision: who, when, why and which records.
type Revision struct {
	Revision int64           `json:"revision" doc:"The revision number; revisions count up from 1"`
	URL      string          `json:"url" format:"uri" doc:"This revision's diff, /revisions/{n}"`
	Time     time.Time       `json:"time" doc:"When it was committed (UTC, whole seconds)"`
	Author   string          `json:"author,omitempty" doc:"Name of the API key that made it; for an import on the server's machine, its --author; absent for the seed"`
	Message  string          `json:"message,omitempty" doc:"Why, in the author's words"`
	Records  []ChangedRecord `json:"records" doc:"The records it wrote"`
}

// RevisionPage is a page of revisions.
type RevisionPage struct {
	Items  []Revision `json:"items" doc:"Revisions, in the page's order"`
	Latest int64      `json:"latest" doc:"The latest revision"`
	Next   string     `json:"next,omitempty" format:"uri" doc:"The next page. In the change feed it is always given: at the end it is where new revisions will appear (poll it)"`
}

// RecordDiff is a record before and after a revision.
type RecordDiff struct {
	ChangedRecord
	Before json.RawMessage `json:"before" doc:"The record in the import form before the revision; null when it did not exist"`
	After  json.RawMessage `json:"after" doc:"The record in the import form as the revision wrote it; for a retirement, its tombstone"`
}

// RevisionDiff is a revision with its records before and after.
type RevisionDiff struct {
	Revision
	Changes []RecordDiff `json:"changes" doc:"Each record the revision wrote, before and after"`
}

// HistoryVersion is one version of a record.
type HistoryVersion struct {
	Revision int64     `json:"revision" doc:"The revision that wrote this version"`
	Time     time.Time `json:"time" doc:"When (UTC, whole seconds)"`
	Author   string    `json:"author,omitempty" doc:"Who (API key name, or an import's --author); absent for the seed"`
	Message  string    `json:"message,omitempty" doc:"Why"`
	Change   string    `json:"change" enum:"added,changed,retired,restored" doc:"What the revision did to the record; restored: the retired ID became a record again"`
	Document string    `json:"document" format:"uri" doc:"This version as JSON: the document with ?revision=n"`
	Diff     string    `json:"diff" format:"uri" doc:"The revision's diff"`
}

// History lists a record's versions.
type History struct {
	Type     string           `json:"type" doc:"Entity type"`
	ID       string           `json:"id" doc:"The record's ID"`
	Document string           `json:"document" format:"uri" doc:"The record's current document"`
	Versions []HistoryVersion `json:"versions" doc:"Every version, oldest first"`
}

type revisionsInput struct {
	Before int64 `query:"before" minimum:"0" doc:"List revisions before this one (newest first); 0 or absent: from the latest"`
	Limit  int   `query:"limit" minimum:"1" maximum:"1000" default:"100" doc:"Revisions per page"`
}

type changesInput struct {
	After int64 `query:"after" minimum:"0" doc:"The last revision already seen; the feed lists those after it, oldest first"`
	Limit int   `query:"limit" minimum:"1" maximum:"1000" default:"100" doc:"Revisions per page"`
}

type revisionInput struct {
	N int64 `path:"n" minimum:"1" doc:"Revision number"`
}

type historyInput struct {
	ID string `path:"id" doc:"The record's ID"`
}

type revisionsOutput struct {
	Body RevisionPage
}

func registerHistory(api huma.API, router chi.Router, s *Server) {
	tag := []string{"Revisions"}
	huma.Register(api, huma.Operation{OperationID: "list-revisions", Method: http.MethodGet, Path: "/revisions", Tags: tag,
		Summary:     "List revisions",
		Description: "Every revision of the dataset, newest first: when, who (the API key's name), why, and which records. Revisions are never edited or deleted.",
	}, s.listRevisions)
	huma.Register(api, huma.Operation{OperationID: "get-revision", Method: http.MethodGet, Path: "/revisions/{n}", Tags: tag,
		Summary:     "A revision and its diff",
		Description: "The revision with each record it wrote as it was before and after, in the import form.",
	}, s.getRevision)
	huma.Register(api, huma.Operation{OperationID: "get-changes", Method: http.MethodGet, Path: "/changes", Tags: tag,
		Summary: "The change feed (JSON)",
		Description: "Revisions after a cursor, oldest first, for mirrors and researchers: keep the last revision seen and ask for ?after=it; nothing is skipped or repeated. " +
			"The same feed is served as Atom at /changes.atom and as an ActivityStreams 2.0 collection page at /changes.jsonld.",
	}, s.changes)
	for _, t := range dataset.Types {
		t := t
		huma.Register(api, huma.Operation{OperationID: "get-" + string(t) + "-history", Method: http.MethodGet,
			Path: "/" + t.Plural() + "/{id}/history", Tags: tag, Summary: "History of a " + string(t),
			Description: "Every version of the record, oldest first, with who made it and why; each version's document is the JSON document with ?revision=n.",
		}, func(ctx context.Context, in *historyInput) (*struct{ Body History }, error) {
			return s.history(ctx, t, in.ID)
		})
	}
	router.Get("/changes.atom", s.changesAtom)
	router.Head("/changes.atom", s.changesAtom)
	router.Get("/changes.jsonld", s.changesAS2)
	router.Head("/changes.jsonld", s.changesAS2)
	afterParam := &huma.Param{Name: "after", In: "query", Description: "The last revision already seen", Schema: &huma.Schema{Type: huma.TypeInteger}}
	route{id: "get-changes-atom", method: http.MethodGet, path: "/changes.atom", tag: "Revisions", summary: "The change feed (Atom)",
		desc:   "The latest revisions (or those after ?after=), newest first, as an Atom feed for feed readers; each entry links the revision's diff and the records' documents.",
		params: []*huma.Param{afterParam},
		ok:     map[string]*huma.MediaType{"application/atom+xml": {Schema: stringSchema}}}.describe(api)
	route{id: "get-changes-as2", method: http.MethodGet, path: "/changes.jsonld", tag: "Revisions", summary: "The change feed (ActivityStreams 2.0)",
		desc:   "Revisions after ?after=, oldest first, as an ActivityStreams 2.0 OrderedCollectionPage of Create, Update, Delete, Move (a rename) and Undo (of a Delete: a restored record) activities on the records' IRIs, with a next page.",
		params: []*huma.Param{afterParam},
		ok:     map[string]*huma.MediaType{"application/activity+json": {Schema: objectSchema}, "application/ld+json": {Schema: objectSchema}}}.describe(api)
}

func (s *Server) historyStore() (store.History, error) {
	if s.cfg.Editing == nil || s.cfg.Editing.History == nil {
		return nil, huma.Error503ServiceUnavailable("this server keeps no revision history")
	}
	return s.cfg.Editing.History, nil
}

// revision is the published form of a revision.
func (s *Server) revision(ri store.RevisionInfo) Revision {
	r := Revision{Revision: ri.Revision, URL: s.cfg.BaseURI + "/revisions/" + strconv.FormatInt(ri.Revision, 10),
		Time: ri.Time, Author: ri.Author, Message: ri.Message, Records: make([]ChangedRecord, len(ri.Records))}
	for i, rec := range ri.Records {
		r.Records[i] = ChangedRecord{Type: string(rec.Type), ID: rec.ID, Change: string(rec.Kind), Document: s.docURL(rec.Type, rec.ID), ReplacedBy: rec.ReplacedBy}
	}
	return r
}

func (s *Server) listRevisions(ctx context.Context, in *revisionsInput) (*revisionsOutput, error) {
	h, err := s.historyStore()
	if err != nil {
		return nil, err
	}
	latest, err := s.latestRevision(ctx, h)
	if err != nil {
		return nil, err
	}
	before := in.Before
	if before == 0 || before > latest+1 {
		before = latest + 1
	}
	// Revisions are numbered without gaps: the page before n starts at
	// n-limit.
	after := max(before-1-int64(in.Limit), 0)
	list, err := h.Revisions(ctx, after, int(before-1-after))
	if err != nil {
		return nil, s.historyError(ctx, err)
	}
	out := &revisionsOutput{Body: RevisionPage{Items: []Revision{}, Latest: latest}}
	for i := len(list) - 1; i >= 0; i-- {
		out.Body.Items = append(out.Body.Items, s.revision(list[i]))
	}
	if after > 0 {
		out.Body.Next = fmt.Sprintf("%s/revisions?before=%d&limit=%d", s.cfg.BaseURI, after+1, in.Limit)
	}
	return out, nil
}

// latestRevision is the latest revision the history has.
func (s *Server) latestRevision(ctx context.Context, h store.History) (int64, error) {
	if st := s.states.Current(); st != nil {
		// The snapshot's revision, or a later one the history already has.
		rev := st.Snapshot().Revision
		for {
			next, err := h.Revisions(ctx, rev, 1000)
			if err != nil {
				return 0, s.historyError(ctx, err)
			}
			if len(next) == 0 {
				return rev, nil
			}
			rev = next[len(next)-1].Revision
		}
	}
	return 0, huma.Error503ServiceUnavailable("no dataset snapshot loaded yet; retry in a moment")
}

func (s *Server) historyError(ctx context.Context, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return huma.Error503ServiceUnavailable("the history took too long to read; retry")
	}
	s.log.ErrorContext(ctx, "read the history", "err", err)
	return huma.Error500InternalServerError("the history could not be read; the error was logged")
}

func (s *Server) changes(ctx context.Context, in *changesInput) (*revisionsOutput, error) {
	h, err := s.historyStore()
	if err != nil {
		return nil, err
	}
	list, err := h.Revisions(ctx, in.After, in.Limit)
	if err != nil {
		return nil, s.historyError(ctx, err)
	}
	out := &revisionsOutput{Body: RevisionPage{Items: []Revision{}, Latest: in.After}}
	last := in.After
	for _, ri := range list {
		out.Body.Items = append(out.Body.Items, s.revision(ri))
		last = ri.Revision
	}
	if out.Body.Latest, err = s.latestRevision(ctx, h); err != nil {
		return nil, err
	}
	out.Body.Next = fmt.Sprintf("%s/changes?after=%d&limit=%d", s.cfg.BaseURI, last, in.Limit)
	return out, nil
}

func (s *Server) getRevision(ctx context.Context, in *revisionInput) (*struct{ Body RevisionDiff }, error) {
	h, err := s.historyStore()
	if err != nil {
		return nil, err
	}
	ri, err := h.RevisionInfo(ctx, in.N)
	if errors.Is(err, store.ErrNoRevision) {
		return nil, huma.Error404NotFound(fmt.Sprintf("no revision %d", in.N))
	}
	if err != nil {
		return nil, s.historyError(ctx, err)
	}
	vs, err := h.VersionsIn(ctx, in.N)
	if err != nil {
		return nil, s.historyError(ctx, err)
	}
	out := &struct{ Body RevisionDiff }{Body: RevisionDiff{Revision: s.revision(ri), Changes: []RecordDiff{}}}
	for _, v := range vs {
		d := RecordDiff{ChangedRecord: ChangedRecord{Type: string(v.Type), ID: v.ID, Change: string(v.Kind), Document: s.docURL(v.Type, v.ID)},
			After: v.Doc, Before: json.RawMessage("null")}
		if v.Kind == dataset.Retire {
			var tomb dataset.Retired
			if json.Unmarshal(v.Doc, &tomb) == nil {
				d.ReplacedBy = tomb.ReplacedBy
			}
		}
		prev, err := h.VersionAt(ctx, v.Type, v.ID, in.N-1)
		switch {
		case err == nil:
			d.Before = prev.Doc
		case !errors.Is(err, store.ErrNoVersion):
			return nil, s.historyError(ctx, err)
		}
		out.Body.Changes = append(out.Body.Changes, d)
	}
	return out, nil
}

func (s *Server) history(ctx context.Context, t dataset.Type, id string) (*struct{ Body History }, error) {
	h, err := s.historyStore()
	if err != nil {
		return nil, err
	}
	vs, err := h.Versions(ctx, t, id)
	if err != nil {
		return nil, s.historyError(ctx, err)
	}
	if len(vs) == 0 {
		return nil, huma.Error404NotFound(fmt.Sprintf("no %s has had the ID %q", t, id))
	}
	doc := s.docURL(t, id)
	out := &struct{ Body History }{Body: History{Type: string(t), ID: id, Document: doc, Versions: make([]HistoryVersion, len(vs))}}
	for i, v := range vs {
		ri, err := h.RevisionInfo(ctx, v.Revision)
		if err != nil {
			return nil, s.historyError(ctx, err)
		}
		out.Body.Versions[i] = HistoryVersion{Revision: v.Revision, Time: ri.Time, Author: ri.Author, Message: ri.Message,
			Change: string(v.Kind), Document: fmt.Sprintf("%s.json?revision=%d", doc, v.Revision), Diff: s.revision(ri).URL}
	}
	return out, nil
}

// versionDocument serves /{types}/{id}.json?revision=n: the record as it
// was at revision n, in the shape of its current JSON document.
func (s *Server) versionDocument(w http.ResponseWriter, r *http.Request, t dataset.Type, id, revParam string) {
	n, err := strconv.ParseInt(revParam, 10, 64)
	if err != nil || n < 1 {
		problem(w, http.StatusUnprocessableEntity, fmt.Sprintf("revision=%q is not a revision number (1, 2, …)", revParam), nil)
		return
	}
	h, herr := s.historyStore()
	if herr != nil {
		problem(w, http.StatusServiceUnavailable, "this server keeps no revision history", nil)
		return
	}
	v, err := h.VersionAt(r.Context(), t, id, n)
	if errors.Is(err, store.ErrNoVersion) {
		problem(w, http.StatusNotFound, fmt.Sprintf("%s %q did not exist at revision %d", t, id, n), nil)
		return
	}
	if err != nil {
		s.log.ErrorContext(r.Context(), "read a version", "type", t, "id", id, "revision", n, "err", err)
		problem(w, http.StatusInternalServerError, "the version could not be read; the error was logged", nil)
		return
	}
	if v.Kind == dataset.Retire {
		problem(w, http.StatusGone, fmt.Sprintf("%s %q had been retired by revision %d (at revision %d)", t, id, n, v.Revision),
			map[string]any{"tombstone": v.Doc})
		return
	}
	body, err := s.versionBody(t, v)
	if err != nil {
		s.log.ErrorContext(r.Context(), "decode a version", "type", t, "id", id, "revision", v.Revision, "err", err)
		problem(w, http.StatusInternalServerError, "the version could not be read; the error was logged", nil)
		return
	}
	b, err := encodeJSON(body)
	if err != nil {
		problem(w, http.StatusInternalServerError, "the version could not be rendered", nil)
		return
	}
	w.Header().Set("Content-Location", fmt.Sprintf("/%s/%s.json?revision=%d", t.Plural(), id, v.Revision))
	// A version never changes: caches may keep it.
	newRendered(s.gzBest, append(b, '\n'), jsonFormat.ContentType, v.Time).serve(w, r, http.StatusOK, []string{"public, max-age=86400, immutable"})
}

// versionBody decodes a stored version into the API's JSON of its type.
func (s *Server) versionBody(t dataset.Type, v store.Version) (any, error) {
	k, ok := dataset.KindOf(t)
	if !ok {
		return nil, fmt.Errorf("unknown type %q", t)
	}
	rec := k.New()
	if err := json.Unmarshal(v.Doc, rec); err != nil {
		return nil, err
	}
	*rec.StampsRef() = dataset.Stamps{Created: v.Created, Modified: v.Time}
	return s.recordBody(t, rec), nil
}

// feedAfter reads ?after= of the Atom and AS2 feeds; -1 when absent.
func feedAfter(w http.ResponseWriter, r *http.Request) (int64, bool) {
	v := r.URL.Query().Get("after")
	if v == "" {
		return -1, true
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		problem(w, http.StatusUnprocessableEntity, fmt.Sprintf("after=%q is not a revision number", v), nil)
		return 0, false
	}
	return n, true
}

const feedPage = 50

// feedRevisions reads the revisions a feed shows: after the cursor, or
// the latest feedPage.
func (s *Server) feedRevisions(w http.ResponseWriter, r *http.Request) ([]store.RevisionInfo, int64, bool) {
	after, ok := feedAfter(w, r)
	if !ok {
		return nil, 0, false
	}
	for name := range r.URL.Query() {
		if name != "after" {
			problem(w, http.StatusUnprocessableEntity, fmt.Sprintf("unknown query parameter %s: the feed takes after=", name), nil)
			return nil, 0, false
		}
	}
	h, err := s.historyStore()
	if err != nil {
		problem(w, http.StatusServiceUnavailable, "this server keeps no revision history", nil)
		return nil, 0, false
	}
	latest, err := s.latestRevision(r.Context(), h)
	if err != nil {
		problem(w, http.StatusServiceUnavailable, "no dataset snapshot loaded yet; retry in a moment", nil)
		return nil, 0, false
	}
	if after < 0 {
		after = max(latest-feedPage, 0)
	}
	list, err := h.Revisions(r.Context(), after, feedPage)
	if err != nil {
		s.log.ErrorContext(r.Context(), "read the history", "err", err)
		problem(w, http.StatusInternalServerError, "the history could not be read; the error was logged", nil)
		return nil, 0, false
	}
	return list, after, true
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomEntry struct {
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Author  *atomName  `xml:"author,omitempty"`
	Links   []atomLink `xml:"link"`
	Content atomText   `xml:"content"`
}

type atomName struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomName    `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

// changesAtom serves the feed as Atom (RFC 4287), newest first.
func (s *Server) changesAtom(w http.ResponseWriter, r *http.Request) {
	list, _, ok := s.feedRevisions(w, r)
	if !ok {
		return
	}
	base := s.cfg.BaseURI
	f := atomFeed{ID: base + "/changes.atom", Title: "Moving Cities Open Data: changes", Author: atomName{Name: "Moving Cities"},
		Updated: time.Unix(0, 0).UTC().Format(time.RFC3339),
		Links:   []atomLink{{Href: base + "/changes.atom", Rel: "self", Type: "application/atom+xml"}, {Href: base + "/changes", Rel: "alternate", Type: "application/json"}}}
	for i := len(list) - 1; i >= 0; i-- {
		rv := s.revision(list[i])
		title := fmt.Sprintf("Revision %d", rv.Revision)
		if rv.Message != "" {
			title += ": " + rv.Message
		}
		var body bytes.Buffer
		fmt.Fprintf(&body, "%d record(s):", len(rv.Records))
		e := atomEntry{ID: rv.URL, Title: title, Updated: rv.Time.Format(time.RFC3339),
			Links: []atomLink{{Href: rv.URL, Rel: "alternate", Type: "application/json"}}}
		if rv.Author != "" {
			e.Author = &atomName{Name: rv.Author}
		}
		for _, rec := range rv.Records {
			fmt.Fprintf(&body, " %s %s %s (%s)", rec.Change, rec.Type, rec.ID, rec.Document)
			if rec.ReplacedBy != "" {
				fmt.Fprintf(&body, ", now %s", rec.ReplacedBy)
			}
			body.WriteByte(';')
			e.Links = append(e.Links, atomLink{Href: rec.Document, Rel: "related"})
		}
		e.Content = atomText{Type: "text", Body: body.String()}
		if i == len(list)-1 {
			f.Updated = e.Updated
		}
		f.Entries = append(f.Entries, e)
	}
	b, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		problem(w, http.StatusInternalServerError, "the feed could not be rendered", nil)
		return
	}
	rep := newRendered(s.gzBest, append([]byte(xml.Header), append(b, '\n')...), "application/atom+xml; charset=utf-8", time.Time{})
	rep.serve(w, r, http.StatusOK, []string{"public, max-age=5"})
}

// changesAS2 serves the feed as an ActivityStreams 2.0
// OrderedCollectionPage, oldest first: one activity per record written.
func (s *Server) changesAS2(w http.ResponseWriter, r *http.Request) {
	list, after, ok := s.feedRevisions(w, r)
	if !ok {
		return
	}
	base := s.cfg.BaseURI
	items := []map[string]any{}
	last := after
	for _, ri := range list {
		rv := s.revision(ri)
		last = rv.Revision
		for _, rec := range ri.Records {
			kind := map[dataset.ChangeKind]string{dataset.Added: "Create", dataset.Changed: "Update", dataset.Retire: "Delete", dataset.Restore: "Undo"}[rec.Kind]
			a := map[string]any{"id": fmt.Sprintf("%s#%s/%s", rv.URL, rec.Type, rec.ID), "type": kind,
				"object": s.iri(rec.Type, rec.ID), "published": rv.Time.Format(time.RFC3339), "context": rv.URL,
				"url": s.docURL(rec.Type, rec.ID)}
			if rec.Kind == dataset.Restore {
				// A restoration undoes the record's deletion: its IRI
				// resolves again.
				a["object"] = map[string]any{"type": "Delete", "object": s.iri(rec.Type, rec.ID)}
			}
			if rec.ReplacedBy != "" {
				// A rename: the thing moved to its new IRI.
				a["type"], a["target"] = "Move", s.iri(rec.Type, rec.ReplacedBy)
			}
			if rv.Author != "" {
				a["actor"] = map[string]any{"type": "Person", "name": rv.Author}
			}
			if rv.Message != "" {
				a["summary"] = rv.Message
			}
			items = append(items, a)
		}
	}
	page := map[string]any{
		"@context":     "https://www.w3.org/ns/activitystreams",
		"id":           fmt.Sprintf("%s/changes.jsonld?after=%d", base, after),
		"type":         "OrderedCollectionPage",
		"partOf":       base + "/changes.jsonld",
		"next":         fmt.Sprintf("%s/changes.jsonld?after=%d", base, last),
		"orderedItems": items,
	}
	b, err := encodeJSON(page)
	if err != nil {
		problem(w, http.StatusInternalServerError, "the feed could not be rendered", nil)
		return
	}
	rep := newRendered(s.gzBest, append(b, '\n'), `application/activity+json`, time.Time{})
	rep.serve(w, r, http.StatusOK, []string{"public, max-age=5"})
}
