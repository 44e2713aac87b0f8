package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/moving-cities/opendata/auth"
	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/edit"
	"github.com/moving-cities/opendata/store"
)

// Editing (issue 13): authenticated writes as Huma operations, each one
// revision of the store, with optimistic concurrency on the ETags the
// JSON documents carry. Reads stay public; the revision history and the
// change feed are in history.go.

// Editing is what the write, history and feed operations use; without
// it (nil in Config) they answer 503.
type Editing struct {
	Editor    *edit.Editor
	Keys      auth.Finder
	History   store.History
	Proposals store.Proposals // "add your city"; nil: none taken
}

// securityScheme names the API-key scheme in the OpenAPI document.
const securityScheme = "apiKey"

func addSecurityScheme(o *huma.OpenAPI) {
	if o.Components.SecuritySchemes == nil {
		o.Components.SecuritySchemes = map[string]*huma.SecurityScheme{}
	}
	o.Components.SecuritySchemes[securityScheme] = &huma.SecurityScheme{
		Type: "http", Scheme: "bearer", BearerFormat: "mck_…",
		Description: "An editor's API key, made with `movingcities keys create`: `Authorization: Bearer mck_…`. " +
			"Role `editor` creates, replaces and patches records; `admin` also renames and deletes them.",
	}
}

var security = []map[string][]string{{securityScheme: {}}}

// WriteCommon is the input every write takes (exported: Huma reads only
// exported embedded structs).
type WriteCommon struct {
	Authorization string `header:"Authorization" hidden:"true"`
	Message       string `query:"message" maxLength:"2000" doc:"Why the change is made; kept with the revision and shown in the history and the change feed"`
}

type IDInput struct {
	ID      string `path:"id" doc:"The record's ID"`
	IfMatch string `header:"If-Match" doc:"The ETag of the record's JSON document as last read (GET /{types}/{id}.json); required. A stale one answers 412."`
}

// CreateInput creates a record.
type CreateInput struct {
	WriteCommon
	RawBody []byte `contentType:"application/json"`
}

// ReplaceInput replaces a record.
type ReplaceInput struct {
	WriteCommon
	IDInput
	RawBody []byte `contentType:"application/json"`
}

// PatchInput patches a record.
type PatchInput struct {
	WriteCommon
	IDInput
	RawBody []byte `contentType:"application/merge-patch+json"`
}

// DeleteInput retires a record.
type DeleteInput struct {
	WriteCommon
	IDInput
	Reason string `query:"reason" maxLength:"2000" doc:"Why the record is removed, kept in its tombstone (default: the message)"`
}

// RenameInput renames a record.
type RenameInput struct {
	WriteCommon
	IDInput
	Body struct {
		To     string `json:"to" doc:"The new ID" example:"la-coruna"`
		Reason string `json:"reason,omitempty" maxLength:"2000" doc:"Why, kept in the old ID's tombstone (default: the message)"`
	}
}

// BatchInput applies several changes as one revision.
type BatchInput struct {
	Authorization string `header:"Authorization" hidden:"true"`
	Body          struct {
		Message string    `json:"message,omitempty" maxLength:"2000" doc:"Why the changes are made"`
		Ops     []BatchOp `json:"ops" minItems:"1" maxItems:"5000" doc:"The changes, applied in order; all or none"`
	}
}

// BatchOp is one change of a batch.
type BatchOp struct {
	Op      string         `json:"op" enum:"create,replace,patch,delete,rename" doc:"What to do"`
	Type    string         `json:"type" doc:"Entity type, singular or plural (municipality, municipalities…)"`
	ID      string         `json:"id,omitempty" doc:"The record's ID (for create, the record's own id may stand in)"`
	Record  map[string]any `json:"record,omitempty" doc:"create, replace: the whole record in the import form (the JSON document's iri, type, created and modified are ignored)"`
	Patch   map[string]any `json:"patch,omitempty" doc:"patch: an RFC 7396 JSON merge patch over the record's import form"`
	To      string         `json:"to,omitempty" doc:"rename: the new ID"`
	Reason  string         `json:"reason,omitempty" maxLength:"2000" doc:"delete, rename: why, kept in the tombstone"`
	IfMatch string         `json:"if_match,omitempty" doc:"replace, patch, delete, rename: the ETag of the record's JSON document as last read; required"`
}

// ChangedRecord is a record a revision wrote.
type ChangedRecord struct {
	Type       string `json:"type" doc:"Entity type" example:"municipality"`
	ID         string `json:"id" doc:"The record's ID" example:"munich"`
	Change     string `json:"change" enum:"added,changed,retired,restored" doc:"What the revision did to it; restored: a retired ID became a record again (an entry back in the platform's CMS)"`
	Document   string `json:"document" format:"uri" doc:"The record's document (a retired ID answers 301 or 410)"`
	ReplacedBy string `json:"replaced_by,omitempty" doc:"For a rename: the new ID"`
}

// WriteResult says what a write did.
type WriteResult struct {
	Revision int64           `json:"revision" doc:"The revision the write made, or the current one when it changed nothing"`
	Changed  bool            `json:"changed" doc:"False when the records already were as asked: no revision was made"`
	Records  []ChangedRecord `json:"records" doc:"The records the revision wrote"`
}

// WriteOutput is the answer to a write.
type WriteOutput struct {
	Status   int
	ETag     string `header:"ETag" doc:"ETag of the record's JSON document after the write"`
	Location string `header:"Location" doc:"The record's document"`
	Body     WriteResult
}

func registerEdit(api huma.API, s *Server) {
	addSecurityScheme(api.OpenAPI())
	errs := []int{http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound,
		http.StatusConflict, http.StatusGone, http.StatusPreconditionFailed, http.StatusPreconditionRequired, http.StatusUnprocessableEntity,
		http.StatusServiceUnavailable} // 503 with Retry-After while the store does not answer
	for _, t := range dataset.Types {
		t := t
		plural, class := t.Plural(), className(t)
		item := "/" + plural + "/{id}"
		op := func(id, method, path, summary, desc string, status int) huma.Operation {
			// Raw bodies are records, decoded and validated by package edit
			// (every problem at once), not by Huma's schema.
			return huma.Operation{OperationID: id, Method: method, Path: path, Summary: summary, Description: desc,
				Tags: []string{"Editing"}, Security: security, DefaultStatus: status, Errors: errs,
				SkipValidateBody: method != http.MethodPost || !strings.HasSuffix(path, "/rename")}
		}
		huma.Register(api, op("create-"+string(t), http.MethodPost, "/"+plural, "Create a "+string(t),
			"Adds a new "+string(t)+" as one revision. The body is the record in the import form (docs/import-formats.md); unknown fields are refused, and the record is validated with the rest of the dataset as an import is. An ID in use or retired answers 409. Role: editor.", http.StatusCreated),
			func(ctx context.Context, in *CreateInput) (*WriteOutput, error) {
				return s.write(ctx, in.WriteCommon, auth.RoleEditor, "", edit.Op{Op: edit.OpCreate, Type: t, Record: in.RawBody})
			})
		huma.Register(api, op("replace-"+string(t), http.MethodPut, item, "Replace a "+string(t),
			"Replaces the whole record: fields left out are removed (wikidata_candidates too, which documents do not publish; use PATCH to change some fields). The JSON document as read may be sent back: its iri, type, created and modified are ignored. Requires If-Match. Role: editor.", http.StatusOK),
			func(ctx context.Context, in *ReplaceInput) (*WriteOutput, error) {
				return s.write(ctx, in.WriteCommon, auth.RoleEditor, in.IfMatch, edit.Op{Op: edit.OpReplace, Type: t, ID: in.ID, Record: in.RawBody})
			})
		huma.Register(api, op("patch-"+string(t), http.MethodPatch, item, "Patch a "+string(t),
			"Applies an RFC 7396 JSON merge patch (application/merge-patch+json) to the record's import form: members given replace those of the record, null removes one, arrays are replaced whole. The ID cannot be patched (rename instead). Requires If-Match. Role: editor.", http.StatusOK),
			func(ctx context.Context, in *PatchInput) (*WriteOutput, error) {
				return s.write(ctx, in.WriteCommon, auth.RoleEditor, in.IfMatch, edit.Op{Op: edit.OpPatch, Type: t, ID: in.ID, Patch: in.RawBody})
			})
		huma.Register(api, op("delete-"+string(t), http.MethodDelete, item, "Delete a "+string(t),
			"Retires the record: its ID keeps a tombstone and answers 410 Gone with the reason. A record others refer to cannot be deleted (409 names them). Requires If-Match. Role: admin.", http.StatusOK),
			func(ctx context.Context, in *DeleteInput) (*WriteOutput, error) {
				return s.write(ctx, in.WriteCommon, auth.RoleAdmin, in.IfMatch, edit.Op{Op: edit.OpDelete, Type: t, ID: in.ID, Reason: in.Reason})
			})
		huma.Register(api, op("rename-"+string(t), http.MethodPost, item+"/rename", "Rename a "+string(t),
			"Gives the record a new ID in one revision: the old ID keeps a tombstone that answers 301 to the new one, and the records that referred to the old ID refer to the new one. An ID in use or retired answers 409. Requires If-Match. Role: admin.", http.StatusOK),
			func(ctx context.Context, in *RenameInput) (*WriteOutput, error) {
				return s.write(ctx, in.WriteCommon, auth.RoleAdmin, in.IfMatch, edit.Op{Op: edit.OpRename, Type: t, ID: in.ID, To: in.Body.To, Reason: in.Body.Reason})
			})
		// The create, replace and patch bodies are records: document them
		// with the published document's schema.
		schema := api.OpenAPI().Components.Schemas.Schema(reflect.TypeOf(wireZero(t)), true, "")
		for _, o := range []*huma.Operation{api.OpenAPI().Paths["/"+plural].Post, api.OpenAPI().Paths[item].Put, api.OpenAPI().Paths[item].Patch} {
			for _, mt := range o.RequestBody.Content {
				mt.Schema = &huma.Schema{Description: "A " + class + " in the import form (docs/import-formats.md); " +
					"its published JSON document is accepted too. For PATCH: a JSON merge patch over it.", AllOf: []*huma.Schema{schema}}
			}
			o.RequestBody.Required = true
		}
	}
	huma.Register(api, huma.Operation{OperationID: "apply-batch", Method: http.MethodPost, Path: "/revisions",
		Summary: "Apply several changes as one revision",
		Description: "Applies the ops in order, all or nothing, as one revision: if any op fails, or the result does not validate, nothing is written and every problem is reported at once. " +
			"Ops that edit an existing record need its if_match. Role: editor; admin for delete and rename.",
		Tags: []string{"Editing"}, Security: security, DefaultStatus: http.StatusOK, Errors: errs},
		func(ctx context.Context, in *BatchInput) (*WriteOutput, error) {
			ops, need := batchOps(in.Body.Ops)
			return s.apply(ctx, in.Authorization, need, store.Meta{Message: in.Body.Message}, ops, false, nil)
		})
}

// editOp is the edit.Op of a batch op.
func (o BatchOp) editOp() edit.Op {
	t, _ := dataset.ParseType(o.Type)
	if t == "" {
		t = dataset.Type(o.Type)
	}
	op := edit.Op{Op: o.Op, Type: t, ID: o.ID, To: o.To, Reason: o.Reason, IfMatch: o.IfMatch}
	if o.Record != nil {
		op.Record, _ = encodeJSON(o.Record) // decoded from JSON: encodes again
	}
	if o.Patch != nil {
		op.Patch, _ = encodeJSON(o.Patch)
	}
	return op
}

// wireZero is a zero published document of type t.
func wireZero(t dataset.Type) any {
	switch t {
	case dataset.TypeMunicipality:
		return Municipality{}
	case dataset.TypeCountry:
		return Country{}
	case dataset.TypeNetwork:
		return Network{}
	case dataset.TypeMembership:
		return Membership{}
	case dataset.TypeApproach:
		return Approach{}
	}
	return Category{}
}

// write applies one op.
func (s *Server) write(ctx context.Context, c WriteCommon, role, ifMatch string, op edit.Op) (*WriteOutput, error) {
	op.IfMatch = ifMatch
	return s.apply(ctx, c.Authorization, role, store.Meta{Message: c.Message}, []edit.Op{op}, true, nil)
}

// authorize finds who a request acts for and checks their role: 401
// with WWW-Authenticate without a valid key, 403 with too weak a role.
// Nothing here logs or returns the key.
func (s *Server) authorize(ctx context.Context, authorization, need string) (auth.Principal, error) {
	p, err := auth.Authenticate(ctx, s.cfg.Editing.Keys, authorization)
	switch {
	case errors.Is(err, auth.ErrNoCredentials):
		return p, huma.ErrorWithHeaders(huma.Error401Unauthorized("writing needs an API key: send Authorization: Bearer mck_… (see docs/editors.md)"),
			http.Header{"WWW-Authenticate": {`Bearer realm="movingcities"`}})
	case errors.Is(err, auth.ErrBadCredentials):
		return p, huma.ErrorWithHeaders(huma.Error401Unauthorized("the API key is not valid (unknown, malformed or revoked)"),
			http.Header{"WWW-Authenticate": {`Bearer realm="movingcities", error="invalid_token"`}})
	case err != nil:
		s.log.ErrorContext(ctx, "authenticate", "err", err)
		return p, unavailable("keys cannot be checked just now (the store does not answer); retry in a moment")
	}
	if !auth.Allows(p.Role, need) {
		return p, huma.Error403Forbidden(fmt.Sprintf("the key %q has the role %s; this needs %s", p.Name, p.Role, need))
	}
	return p, nil
}

// apply authorises, checks preconditions and writes ops as one revision,
// through commit when it is set (see edit.Request.Commit).
func (s *Server) apply(ctx context.Context, authorization, need string, meta store.Meta, ops []edit.Op, single bool,
	commit func(context.Context, int64, []dataset.Change, store.Meta) (int64, error)) (*WriteOutput, error) {
	if s.cfg.Editing == nil {
		return nil, huma.Error503ServiceUnavailable("this server does not take writes")
	}
	p, err := s.authorize(ctx, authorization, need)
	if err != nil {
		return nil, err
	}
	meta.Author = p.Name
	// 428 before anything else: a write that can overwrite unseen needs
	// the ETag the editor saw.
	var missing []error
	for i, o := range ops {
		if o.NeedsRecord() && o.IfMatch == "" {
			loc := "header.If-Match"
			if !single {
				loc = fmt.Sprintf("body.ops[%d].if_match", i)
			}
			missing = append(missing, &huma.ErrorDetail{Location: loc, Message: "required: the ETag of the record's JSON document as last read"})
		}
	}
	if len(missing) > 0 {
		return nil, huma.NewError(http.StatusPreconditionRequired, "If-Match is required: read the record, then send its ETag, so that a change made meanwhile is not overwritten unseen", missing...)
	}
	res, err := s.cfg.Editing.Editor.Apply(ctx, edit.Request{Ops: ops, Meta: meta, Commit: commit, Check: func(snap *dataset.Snapshot) error {
		return s.checkIfMatch(snap, ops, single)
	}})
	if err != nil {
		return nil, s.writeError(ctx, err, single)
	}
	out := &WriteOutput{Status: http.StatusOK, Body: WriteResult{Revision: res.Revision, Changed: len(res.Changes) > 0, Records: []ChangedRecord{}}}
	for _, c := range res.Changes {
		r := ChangedRecord{Type: string(c.Type), ID: c.ID, Change: string(c.Kind), Document: s.docURL(c.Type, c.ID)}
		if t, ok := c.Record.(*dataset.Retired); ok {
			r.ReplacedBy = t.ReplacedBy
		}
		out.Body.Records = append(out.Body.Records, r)
	}
	if single {
		o := ops[0]
		t, _ := dataset.ParseType(string(o.Type))
		id := o.ID
		switch o.Op {
		case edit.OpCreate:
			out.Status = http.StatusCreated
			for _, c := range res.Changes {
				if c.Type == t && c.Kind == dataset.Added {
					id = c.ID
				}
			}
		case edit.OpRename:
			id = o.To
		}
		if o.Op != edit.OpDelete && res.Snapshot != nil {
			out.Location = s.docURL(t, id)
			if tag, _, ok := s.etags(res.Snapshot, t, id); ok {
				out.ETag = tag
			}
		}
	}
	return out, nil
}

// etags are the strong ETags of the JSON document of t/id in snap,
// plain and gzipped, as the document route serves them.
func (s *Server) etags(snap *dataset.Snapshot, t dataset.Type, id string) (plain, gz string, ok bool) {
	if !snap.Exists(t, id) {
		return "", "", false
	}
	rep, err := s.render(snap, t, id, nil, jsonFormat)
	if err != nil {
		return "", "", false
	}
	return rep.etag, rep.gzETag, true
}

// checkIfMatch answers 412 when an op's If-Match names another version
// of its record than the one in snap (RFC 9110, section 13.1.1: strong
// comparison; "*" matches any current record).
func (s *Server) checkIfMatch(snap *dataset.Snapshot, ops []edit.Op, single bool) error {
	var stale []error
	for i, o := range ops {
		if !o.NeedsRecord() {
			continue
		}
		t, ok := dataset.ParseType(string(o.Type))
		if !ok {
			continue // Plan reports it
		}
		plain, gz, exists := s.etags(snap, t, o.ID)
		if !exists {
			continue // Plan answers 404 or 410
		}
		if !ifMatch(o.IfMatch, plain, gz) {
			loc := "header.If-Match"
			if !single {
				loc = fmt.Sprintf("body.ops[%d].if_match", i)
			}
			stale = append(stale, &huma.ErrorDetail{Location: loc, Value: o.IfMatch,
				Message: fmt.Sprintf("%s %q changed since this ETag was read; its ETag is now %s", t, o.ID, plain)})
		}
	}
	if len(stale) > 0 {
		return huma.NewError(http.StatusPreconditionFailed, "the record changed since it was read: read it again and reapply the change", stale...)
	}
	return nil
}

// ifMatch evaluates an If-Match value against the current ETags.
func ifMatch(header string, tags ...string) bool {
	for _, part := range strings.Split(header, ",") {
		part = strings.TrimSpace(part)
		if part == "*" {
			return true
		}
		if strings.HasPrefix(part, "W/") {
			continue // weak tags never match If-Match
		}
		for _, t := range tags {
			if t != "" && part == t {
				return true
			}
		}
	}
	return false
}

// writeError turns what the editor refused into a problem.
func (s *Server) writeError(ctx context.Context, err error, single bool) error {
	var se huma.StatusError
	if errors.As(err, &se) {
		return se
	}
	var e *edit.Error
	if errors.As(err, &e) {
		status := map[edit.Kind]int{edit.Invalid: http.StatusUnprocessableEntity, edit.NotFound: http.StatusNotFound,
			edit.Gone: http.StatusGone, edit.Conflict: http.StatusConflict}[e.Kind()]
		details := make([]error, len(e.Problems))
		for i, p := range e.Problems {
			loc := string(p.Type) + "/" + p.ID + "." + p.Field
			if p.Op >= 0 && !single {
				loc = fmt.Sprintf("body.ops[%d] %s", p.Op, loc)
			}
			details[i] = &huma.ErrorDetail{Location: loc, Message: p.Message}
		}
		msg := fmt.Sprintf("%d problem(s); nothing was written", len(e.Problems))
		if len(e.Problems) == 1 {
			msg = e.Problems[0].Message + "; nothing was written"
		}
		return huma.NewError(status, msg, details...)
	}
	switch {
	case errors.Is(err, store.ErrDecided): // accepting a proposal another editor decided meanwhile
		return huma.Error409Conflict("the proposal was decided already; nothing was written")
	case errors.Is(err, store.ErrNoProposal):
		return huma.Error404NotFound("no proposal has this ID; nothing was written")
	}
	if errors.Is(err, edit.ErrNotPublished) {
		return huma.ErrorWithHeaders(huma.Error503ServiceUnavailable("the latest revision is not published yet; retry in a moment"),
			http.Header{"Retry-After": {"2"}})
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return huma.Error503ServiceUnavailable("the write took too long; it may or may not have been made: read the record before retrying")
	}
	if s.storeDown(ctx) {
		s.log.WarnContext(ctx, "write refused: store unreachable", "err", err)
		return unavailable("the store does not answer just now; the write was not confirmed: retry later (read the record first)")
	}
	s.log.ErrorContext(ctx, "write", "err", err)
	return huma.Error500InternalServerError("the write failed; the error was logged and nothing was written")
}

// storeRetryAfter is the Retry-After, in seconds, of a write refused
// while the store does not answer: as /readyz says.
const storeRetryAfter = "5"

// unavailable is a 503 that says when to retry.
func unavailable(msg string) error {
	return huma.ErrorWithHeaders(huma.Error503ServiceUnavailable(msg), http.Header{"Retry-After": {storeRetryAfter}})
}

// storeDown asks the store whether it answers (Config.StoreCheck, as
// /readyz does): a write that failed on a store that does not answer
// is a 503 to retry later, not a 500. Reads keep serving the snapshot.
func (s *Server) storeDown(ctx context.Context) bool {
	if s.cfg.StoreCheck == nil {
		return false
	}
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), storeCheckTimeout)
	defer cancel()
	return s.cfg.StoreCheck(cctx) != nil
}

// storeError answers a failed call to the proposal queue: 503 with
// Retry-After while the store does not answer, else as history reads.
func (s *Server) storeError(ctx context.Context, err error) error {
	if !errors.Is(err, context.Canceled) && s.storeDown(ctx) {
		s.log.WarnContext(ctx, "store unreachable", "err", err)
		return unavailable("the store does not answer just now; retry later")
	}
	return s.historyError(ctx, err)
}
