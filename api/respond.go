package api

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/publish"
)

// The one helper every document-like route answers through (entity
// documents, /dataset, /vocab, /context.jsonld, /catalog, VoID, /dumps):
// pick a representation by suffix or by Accept (q-values honoured, Vary:
// Accept, Content-Location), answer a conditional GET (ETag,
// If-None-Match, If-Modified-Since, 304), serve precomputed bytes and
// their gzip, and answer every error as an RFC 9457 problem.

// Formats beside the RDF ones: the API's plain JSON and pages for people.
var (
	jsonFormat = &exporters.Format{Name: "json", Label: "JSON", Suffix: ".json", MediaType: "application/json",
		ContentType: "application/json"}
	htmlFormat = &exporters.Format{Name: "html", Label: "HTML", Suffix: ".html", MediaType: "text/html",
		Aliases: []string{"application/xhtml+xml"}, ContentType: "text/html; charset=utf-8"}
)

// offer is the representations of one resource, in the order of
// preference when a client accepts several equally (the first answers
// "*/*" and a missing Accept).
type offer []*exporters.Format

// mediaTypes lists what o negotiates over: each format's media type,
// then the aliases, then application/json for JSON-LD where o has no
// plain JSON of its own.
func (o offer) mediaTypes() []string {
	out := exporters.MediaTypes(o)
	if slices.Contains(o, exporters.JSONLD) && !slices.Contains(o, jsonFormat) {
		out = append(out, "application/json")
	}
	return out
}

func (o offer) byMediaType(mt string) *exporters.Format {
	for _, f := range o {
		if f.MediaType == mt || slices.Contains(f.Aliases, mt) {
			return f
		}
	}
	if mt == "application/json" && slices.Contains(o, exporters.JSONLD) {
		return exporters.JSONLD
	}
	return nil
}

func (o offer) bySuffix(suffix string) *exporters.Format {
	for _, f := range o {
		if f.Suffix == suffix {
			return f
		}
	}
	return nil
}

func (o offer) suffixes(path string) string {
	s := make([]string, len(o))
	for i, f := range o {
		s[i] = path + f.Suffix
	}
	return strings.Join(s, ", ")
}

// pick returns the representation r asks for: the one suffix names
// ("" for none), else the one Accept rates highest, in which case it
// sets Vary: Accept and Content-Location (path plus the suffix). It
// answers 404 for an unknown suffix and 406 when nothing offered is
// acceptable, and then returns nil.
func (o offer) pick(w http.ResponseWriter, r *http.Request, path, suffix string) *exporters.Format {
	if suffix != "" {
		f := o.bySuffix(suffix)
		if f == nil {
			problem(w, http.StatusNotFound, fmt.Sprintf("no representation %s%s; there are %s", path, suffix, o.suffixes(path)),
				map[string]any{"available": o.mediaTypes()})
		}
		return f
	}
	w.Header().Add("Vary", "Accept")
	mt, ok := exporters.Negotiate(r.Header.Get("Accept"), o.mediaTypes())
	if !ok {
		problem(w, http.StatusNotAcceptable, "none of the available media types is acceptable: "+strings.Join(o.mediaTypes(), ", "),
			map[string]any{"available": o.mediaTypes()})
		return nil
	}
	f := o.byMediaType(mt)
	w.Header()["Content-Location"] = []string{path + f.Suffix}
	return f
}

// alternates links every representation of path but f (Link,
// rel=alternate).
func (o offer) alternates(h http.Header, base, path string, f *exporters.Format) {
	for _, g := range o {
		if g != f {
			h.Add("Link", fmt.Sprintf(`<%s%s%s>; rel="alternate"; type="%s"`, base, path, g.Suffix, g.MediaType))
		}
	}
}

// problem answers an RFC 9457 problem document, with extension members.
func problem(w http.ResponseWriter, status int, detail string, ext map[string]any) {
	body := map[string]any{"type": "about:blank", "title": http.StatusText(status), "status": status, "detail": detail}
	for k, v := range ext {
		body[k] = v
	}
	b, _ := json.Marshal(body)
	h := w.Header()
	h.Del("Content-Encoding")
	h.Set("Content-Type", "application/problem+json")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// rendered is a representation made once and served many times: its
// bytes and, when it is large enough to gain, their gzip, each with a
// strong ETag, and the header values. The header values are slices that
// nobody appends to in place (capacity = length), so serving allocates
// nothing.
type rendered struct {
	body, gz   []byte
	etag       string
	gzETag     string
	modified   time.Time
	etagH      []string
	length     []string
	gzETagH    []string
	gzLength   []string
	contentTyp []string
	lastMod    []string
}

// gzipFrom is the body size from which representations are kept gzipped
// too: the compression middleware would otherwise compress them again
// for every client that accepts gzip.
const gzipFrom = 512

// newRendered makes a representation of body, gzipped by gz when it is
// large enough.
func newRendered(gz *gzippers, body []byte, contentType string, modified time.Time) *rendered {
	rep := newRenderedCompressed(body, contentType, modified)
	if len(body) >= gzipFrom {
		// A strong ETag names one encoding of the representation.
		tag := strings.Trim(rep.etag, `"`)
		rep.gz, rep.gzETag = gz.compress(body), `"`+tag+`-gzip"`
		rep.gzETagH, rep.gzLength = []string{rep.gzETag}, []string{strconv.Itoa(len(rep.gz))}
	}
	return rep
}

// gzippers is a free list of gzip writers at one level, each with the
// buffer it writes to, owned by the server that renders with them.
// Representations made once and served for long take the best
// compression; those that many are asked once (fragment pages) a fast
// one. A gzip writer holds about 800 KB of compression state: made anew
// for every document, it was most of rendering's allocations, and under
// -race each of its pages faulted on first write (issue 18). A writer
// that is Reset writes the bytes a new one would
// (TestGzippersWriteNewWritersBytes). Not a sync.Pool: it drops its
// items at every GC, and at random under -race.
type gzippers struct {
	level int
	keep  int // writers kept free at most: more render at once only in bursts
	// keepBuffer is the largest output buffer kept with a free writer:
	// a larger one (a big catalog page) is let go rather than held.
	keepBuffer int
	mu         sync.Mutex
	free       []*gzipper
}

// gzipper is a gzip writer and its output buffer.
type gzipper struct {
	zw  *gzip.Writer
	buf bytes.Buffer
}

func newGzippers(level int) *gzippers {
	return &gzippers{level: level, keep: runtime.GOMAXPROCS(0), keepBuffer: 1 << 20}
}

// compress returns body gzipped, in a slice of its own.
func (p *gzippers) compress(body []byte) []byte {
	g := p.get()
	g.buf.Reset()
	g.zw.Reset(&g.buf)
	_, _ = g.zw.Write(body) // a bytes.Buffer does not fail
	_ = g.zw.Close()
	out := bytes.Clone(g.buf.Bytes()) // the buffer is reused
	p.put(g)
	return out
}

func (p *gzippers) get() *gzipper {
	p.mu.Lock()
	if n := len(p.free); n > 0 {
		g := p.free[n-1]
		p.free[n-1] = nil
		p.free = p.free[:n-1]
		p.mu.Unlock()
		return g
	}
	p.mu.Unlock()
	zw, err := gzip.NewWriterLevel(nil, p.level)
	if err != nil {
		panic(err) // the levels are constants of this package
	}
	return &gzipper{zw: zw}
}

func (p *gzippers) put(g *gzipper) {
	if g.buf.Cap() > p.keepBuffer {
		g.buf = bytes.Buffer{}
	}
	p.mu.Lock()
	if len(p.free) < p.keep {
		p.free = append(p.free, g)
	}
	p.mu.Unlock()
}

// newRenderedCompressed is newRendered for a body that is compressed
// already (a PDF): gzip would not make it smaller.
func newRenderedCompressed(body []byte, contentType string, modified time.Time) *rendered {
	sum := sha256.Sum256(body)
	tag := hex.EncodeToString(sum[:16])
	rep := &rendered{body: body, etag: `"` + tag + `"`, modified: modified,
		contentTyp: []string{contentType}, length: []string{strconv.Itoa(len(body))}}
	rep.etagH = []string{rep.etag}
	if !modified.IsZero() {
		rep.lastMod = []string{modified.UTC().Format(http.TimeFormat)}
	}
	return rep
}

// size is what the representation costs a cache, roughly.
func (rep *rendered) size() int64 { return int64(len(rep.body)+len(rep.gz)) + 1536 }

var (
	gzipEncoding = []string{"gzip"}
	varyEncoding = []string{"Accept-Encoding"}
	nosniff      = []string{"nosniff"}
	// maxAge5m is the Cache-Control of documents that change with the
	// data: caches may keep them five minutes, and revalidate cheaply.
	maxAge5m = []string{"public, max-age=300"}
)

// serve answers with the representation and status, gzipped when the
// client accepts it, or 304 Not Modified to a conditional GET of a 200
// whose validators the client has. Headers the caller set stay.
func (rep *rendered) serve(w http.ResponseWriter, r *http.Request, status int, cacheControl []string) {
	hdr := w.Header()
	body, etag, etagH, length := rep.body, rep.etag, rep.etagH, rep.length
	if rep.gz != nil {
		if v := hdr["Vary"]; v != nil {
			hdr["Vary"] = append(v, "Accept-Encoding")
		} else {
			hdr["Vary"] = varyEncoding
		}
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			body, etag, etagH, length = rep.gz, rep.gzETag, rep.gzETagH, rep.gzLength
			hdr["Content-Encoding"] = gzipEncoding // the compression middleware leaves it be
		}
	}
	hdr["Etag"] = etagH
	hdr["Cache-Control"] = cacheControl
	if rep.lastMod != nil {
		hdr["Last-Modified"] = rep.lastMod
	}
	if status == http.StatusOK && notModified(r, etag, rep.modified) {
		delete(hdr, "Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hdr["Content-Type"] = rep.contentTyp
	hdr["X-Content-Type-Options"] = nosniff
	hdr["Content-Length"] = length
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		if len(body) >= gatherFrom {
			gatherAnswer(r)
		}
		_, _ = w.Write(body)
	}
}

// gatherFrom is the body size from which an answer may not fit net/http's
// buffer with its header, and leaves in one write (gather.go).
const gatherFrom = serverBufferSize / 2

// acceptsGzip reports whether an Accept-Encoding value (RFC 9110, section
// 12.5.3) accepts gzip: named, as x-gzip or through "*", with a q above 0.
func acceptsGzip(header string) bool {
	star := false
	for header != "" {
		// Cut, not Split: no slice allocated per request.
		var part string
		part, header, _ = strings.Cut(header, ",")
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		q := 1.0
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.EqualFold(strings.TrimSpace(k), "q") {
			if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
				q = f
			}
		}
		switch coding {
		case "gzip", "x-gzip":
			return q > 0
		case "*":
			star = q > 0
		}
	}
	return star
}

// current returns the State in force, or answers 503 (the first
// snapshot is still loading) and returns nil.
func (s *Server) current(w http.ResponseWriter) *publish.State {
	st := s.states.Current()
	if st == nil {
		problem(w, http.StatusServiceUnavailable, "no dataset snapshot loaded yet; retry in a moment", nil)
	}
	return st
}

// revisionETag is the weak ETag of a representation whose bytes change
// with the snapshot's revision, its format and the software version and
// nothing else (the dataset stream, fragments): it is known before any
// byte is made, so a revalidation costs no rendering.
func (s *Server) revisionETag(st *publish.State, f *exporters.Format) string {
	return fmt.Sprintf(`W/"r%d-%s-%s"`, st.Snapshot().Revision, f.Name, s.cfg.Version)
}

// revalidated sets the validators of such a representation (its
// revisionETag, Last-Modified) and Cache-Control, and answers 304 when
// the client's copy is current; it reports whether it answered. Headers
// the caller set before stay on the 304.
func (s *Server) revalidated(w http.ResponseWriter, r *http.Request, st *publish.State, etag string) bool {
	hdr := w.Header()
	hdr.Set("ETag", etag)
	hdr["Cache-Control"] = maxAge5m
	modified := st.Snapshot().Modified
	if !modified.IsZero() {
		hdr.Set("Last-Modified", modified.UTC().Format(http.TimeFormat))
	}
	if notModified(r, etag, modified) {
		w.WriteHeader(http.StatusNotModified)
		return true
	}
	return false
}

// notModified evaluates the conditional headers of a GET or HEAD (RFC
// 9110, section 13.2.2): If-None-Match wins over If-Modified-Since.
func notModified(r *http.Request, etag string, modified time.Time) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		return etagMatches(inm, etag)
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" && !modified.IsZero() {
		t, err := http.ParseTime(ims)
		return err == nil && !modified.Truncate(time.Second).After(t)
	}
	return false
}

// etagMatches reports whether an If-None-Match value lists etag, by weak
// comparison as RFC 9110 asks for If-None-Match ("*" matches anything).
func etagMatches(header, etag string) bool {
	want := strings.TrimPrefix(etag, "W/")
	for header != "" {
		header = strings.TrimLeft(header, " \t,")
		if header == "" {
			break
		}
		if header[0] == '*' {
			return true
		}
		tag := strings.TrimPrefix(header, "W/")
		if tag == "" || tag[0] != '"' {
			// Not an entity-tag: skip to the next comma.
			_, header, _ = strings.Cut(header, ",")
			continue
		}
		end := strings.IndexByte(tag[1:], '"')
		if end < 0 {
			return false
		}
		if tag[:end+2] == want {
			return true
		}
		header = tag[end+2:]
	}
	return false
}
