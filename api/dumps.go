package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/dumps"
	"github.com/moving-cities/opendata/pages"
)

// registerDumps serves the dump releases (issue 6) from cfg.DumpsDir:
// their index at /dumps, as JSON or HTML, and their files at
// /dumps/{release}/{file}, where release may be "latest": the latest
// release of the State in force, made under this service's base URI.
// Files are served as they are on disk, with Range, ETag (the SHA-256 of
// the manifest), Content-Length and their media type; only the files a
// release's manifest lists can be reached.
func registerDumps(api huma.API, router chi.Router, s *Server) {
	h := &dumpsHandler{archive: dumps.Open(s.cfg.DumpsDir), base: s.cfg.BaseURI, s: s}
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		router.Method(m, "/dumps", http.HandlerFunc(h.index))
		router.Method(m, "/dumps/", http.RedirectHandler("/dumps", http.StatusMovedPermanently))
		router.Method(m, "/dumps/{release}/{file}", http.HandlerFunc(h.file))
	}
	describeDumps(api)
}

// DumpIndex is the answer of GET /dumps.
type DumpIndex struct {
	// Latest is the name of the latest release, absent before the first.
	Latest   string        `json:"latest,omitempty" doc:"Name of the latest release; /dumps/latest/{file} serves its files"`
	Releases []DumpRelease `json:"releases" doc:"Releases, newest first"`
}

// DumpRelease is one release in the index.
type DumpRelease struct {
	Name          string     `json:"name" doc:"Release name: date and dataset revision" example:"2026-11-27-r42"`
	URL           string     `json:"url" doc:"URL of the release's manifest.json"`
	Revision      int64      `json:"revision" doc:"Dataset revision the release holds"`
	Generated     time.Time  `json:"generated" doc:"When the release was made"`
	SchemaVersion string     `json:"schema_version" doc:"Version of the release layout (files, tables, columns)"`
	Archive       string     `json:"archive,omitempty" doc:"URL of the zip archive that holds every other file of the release, with its manifest and SHA256SUMS; it is also listed in files"`
	Files         []DumpFile `json:"files"`
}

// DumpFile is one file of a release.
type DumpFile struct {
	Name      string `json:"name" example:"municipalities.parquet"`
	URL       string `json:"url"`
	Bytes     int64  `json:"bytes"`
	SHA256    string `json:"sha256" doc:"SHA-256 of the file, hex; also its ETag"`
	MediaType string `json:"media_type"`
	Rows      *int64 `json:"rows,omitempty" doc:"Data rows of a table or features of a feature collection"`
	Triples   *int64 `json:"triples,omitempty" doc:"Triples of a graph dump"`
}

type dumpsHandler struct {
	archive *dumps.Archive
	base    string
	s       *Server
}

func (h *dumpsHandler) fileURL(release, name string) string {
	return h.base + "/dumps/" + release + "/" + name
}

// dumpsOffer are the representations of the index of dumps.
var dumpsOffer = offer{jsonFormat, htmlFormat}

func (h *dumpsHandler) index(w http.ResponseWriter, r *http.Request) {
	f := dumpsOffer.pick(w, r, "/dumps", "")
	if f == nil {
		return
	}
	ms, err := h.archive.Releases()
	if err != nil {
		h.s.log.ErrorContext(r.Context(), "list dump releases", "err", err)
		problem(w, http.StatusInternalServerError, "the dump releases could not be listed; the error was logged", nil)
		return
	}
	ix := DumpIndex{Releases: []DumpRelease{}}
	if st := h.s.states.Current(); st != nil && st.Release != nil {
		ix.Latest = st.Release.Release
	}
	for _, m := range ms {
		rel := DumpRelease{Name: m.Release, URL: h.fileURL(m.Release, "manifest.json"), Revision: m.Revision,
			Generated: m.Generated, SchemaVersion: m.SchemaVersion, Files: []DumpFile{}}
		if m.Archive != "" {
			rel.Archive = h.fileURL(m.Release, m.Archive)
		}
		for _, f := range m.Files {
			rel.Files = append(rel.Files, DumpFile{Name: f.Name, URL: h.fileURL(m.Release, f.Name), Bytes: f.Bytes,
				SHA256: f.SHA256, MediaType: f.MediaType, Rows: f.Rows, Triples: f.Triples})
		}
		ix.Releases = append(ix.Releases, rel)
	}
	w.Header().Set("Cache-Control", "no-cache")
	if f == htmlFormat {
		var buf bytes.Buffer
		if err := dumpsBody.Execute(&buf, ix); err != nil {
			h.s.log.ErrorContext(r.Context(), "render dumps index", "err", err)
			problem(w, http.StatusInternalServerError, "the index of dumps could not be rendered; the error was logged", nil)
			return
		}
		h.s.pageError(w, r, h.s.pages.Document(w, r, pages.Doc{
			Title:       "Dumps",
			Description: "Downloadable releases of Moving Cities Open Data: Parquet, CSV, GeoJSON, RDF, with checksums.",
			Body:        template.HTML(buf.String()),
			BodyLang:    "en",
			Alternates:  []pages.Alternate{{Label: "JSON", MediaType: "application/json", Href: "/dumps"}},
		}))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = writeJSONBody(w, ix)
}

func writeJSONBody(w http.ResponseWriter, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func (h *dumpsHandler) file(w http.ResponseWriter, r *http.Request) {
	release, name := chi.URLParam(r, "release"), chi.URLParam(r, "file")
	latest := release == dumps.LatestLink
	if latest {
		// The latest release served is the State's: the folder's may have
		// been made under another base URI.
		st := h.s.states.Current()
		if st == nil || st.Release == nil {
			problem(w, http.StatusNotFound, "there is no release yet; the releases are listed at /dumps", nil)
			return
		}
		release = st.Release.Release
	}
	f, fe, m, err := h.archive.OpenFile(release, name)
	if err != nil {
		if errors.Is(err, dumps.ErrNotFound) {
			problem(w, http.StatusNotFound, fmt.Sprintf("no dump file %s in release %s; the releases are listed at /dumps", name, release), nil)
			return
		}
		h.s.log.ErrorContext(r.Context(), "open dump file", "release", release, "file", name, "err", err)
		problem(w, http.StatusInternalServerError, "the dump file could not be opened; the error was logged", nil)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		problem(w, http.StatusInternalServerError, "the dump file could not be read", nil)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", fe.MediaType)
	hd.Set("X-Content-Type-Options", "nosniff")
	if fe.SHA256 != "" {
		hd.Set("ETag", `"`+fe.SHA256+`"`)
	}
	if latest {
		hd.Set("Cache-Control", "public, no-cache")
		hd.Set("Content-Location", "/dumps/"+m.Release+"/"+name)
	} else {
		hd.Set("Cache-Control", "public, max-age=31536000, immutable")
	}
	if !checkRange(w, r, st.Size()) {
		return
	}
	// ServeContent answers Range, If-Range, If-None-Match, If-Modified-Since
	// and HEAD, and sets Content-Length; its 416 answers become problems.
	http.ServeContent(&rangeProblems{ResponseWriter: w, size: st.Size()}, r, name, st.ModTime(), f)
}

// checkRange prepares r's Range header for http.ServeContent (issue 16,
// item 7): a range unit other than bytes is ignored, as RFC 9110 (section
// 14.2) asks, so the whole file is served; a suffix range of zero bytes
// ("bytes=-0") is unsatisfiable, where ServeContent would send an invalid
// Content-Range. It answers 416 itself and returns false when nothing of
// the range is left.
func checkRange(w http.ResponseWriter, r *http.Request, size int64) bool {
	v := r.Header.Get("Range")
	if v == "" {
		return true
	}
	unit, set, ok := strings.Cut(v, "=")
	if !ok || !strings.EqualFold(strings.TrimSpace(unit), "bytes") {
		r.Header.Del("Range")
		return true
	}
	var kept []string
	for spec := range strings.SplitSeq(set, ",") {
		start, end, _ := strings.Cut(strings.TrimSpace(spec), "-")
		if strings.TrimSpace(start) == "" {
			if n, err := strconv.ParseInt(strings.TrimSpace(end), 10, 64); err == nil && n == 0 {
				continue
			}
		}
		kept = append(kept, spec)
	}
	if len(kept) == 0 {
		w.Header().Set("Content-Range", fmt.Sprintf("bytes */%d", size))
		problem(w, http.StatusRequestedRangeNotSatisfiable, fmt.Sprintf("the range %q selects no byte of the file's %d", v, size), nil)
		return false
	}
	r.Header.Set("Range", "bytes="+strings.Join(kept, ","))
	return true
}

// rangeProblems turns the plain-text 416 of http.ServeContent into an
// RFC 9457 problem, as every other error answer is.
type rangeProblems struct {
	http.ResponseWriter
	size     int64
	replaced bool
}

func (p *rangeProblems) WriteHeader(code int) {
	if code == http.StatusRequestedRangeNotSatisfiable && !p.replaced {
		p.replaced = true
		problem(p.ResponseWriter, code, fmt.Sprintf("the range is outside the file's %d bytes", p.size), nil)
		return
	}
	p.ResponseWriter.WriteHeader(code)
}

func (p *rangeProblems) Write(b []byte) (int, error) {
	if p.replaced {
		return len(b), nil // ServeContent's own text
	}
	return p.ResponseWriter.Write(b)
}

func (p *rangeProblems) Unwrap() http.ResponseWriter { return p.ResponseWriter }

// dumpsBody is the index of dumps as HTML, shown in the site's layout.
var dumpsBody = template.Must(template.New("dumps").Funcs(template.FuncMap{
	"size": func(n int64) string {
		const unit = 1024
		if n < unit {
			return fmt.Sprintf("%d B", n)
		}
		div, exp := int64(unit), 0
		for m := n / unit; m >= unit; m /= unit {
			div *= unit
			exp++
		}
		return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
	},
	"deref": func(p *int64) int64 { return *p },
}).Parse(`<div class="wrap">
<h1>Dumps</h1>
<p>Every release holds the whole dataset: each table as Parquet and CSV (with <code>csv-metadata.json</code> for CSV on the Web and <code>datapackage.json</code> for Frictionless Data), the municipalities as GeoJSON and GeoParquet, the graph as N-Triples, Turtle and JSON-LD, a change list, <code>manifest.json</code> and <code>SHA256SUMS</code>; and all of them in one ZIP archive, whose own checksum is in the release's <code>SHA256SUMS</code> and <code>manifest.json</code>. The data is licensed under <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>. This index is also available as JSON.</p>
{{if .Latest}}<p>The latest release is <a href="#{{.Latest}}">{{.Latest}}</a>; <code>/dumps/latest/</code> followed by a file name always serves its files.</p>{{else}}<p>There is no release yet.</p>{{end}}
{{range .Releases}}
<section id="{{.Name}}">
<h2>{{.Name}}</h2>
<p>Dataset revision {{.Revision}}, made {{.Generated.Format "2006-01-02 15:04 MST"}}. <a href="{{.URL}}">manifest.json</a>{{if .Archive}} · <a href="{{.Archive}}">All files in one ZIP archive</a>{{end}}</p>
<table class="data">
<thead><tr><th scope="col">File</th><th scope="col">Size</th><th scope="col">Rows or triples</th><th scope="col">SHA-256</th></tr></thead>
<tbody>
{{range .Files}}<tr><td><a href="{{.URL}}">{{.Name}}</a></td><td class="n">{{size .Bytes}}</td><td class="n">{{if .Rows}}{{deref .Rows}}{{else if .Triples}}{{deref .Triples}}{{end}}</td><td><code>{{.SHA256}}</code></td></tr>
{{end}}</tbody>
</table>
</section>
{{end}}
</div>
`))

// describeDumps describes the dump routes.
func describeDumps(api huma.API) {
	index := contentOf(api, dumpsOffer, reflect.TypeFor[DumpIndex]())
	route{id: "list-dumps", method: http.MethodGet, path: "/dumps", tag: "Dumps", summary: "List dump releases",
		desc: "Lists the releases of the whole dataset, newest first, with each file's size, SHA-256 and row or triple count. " +
			"Answers JSON or, for browsers, HTML (`Accept`).",
		ok: index, more: map[int]string{http.StatusNotAcceptable: "Neither JSON nor HTML is acceptable"}}.describe(api)
	binary := map[string]*huma.MediaType{"application/octet-stream": {Schema: &huma.Schema{Type: huma.TypeString, Format: "binary"}}}
	route{id: "get-dump-file", method: http.MethodGet, path: "/dumps/{release}/{file}", tag: "Dumps", summary: "Download a dump file",
		desc: "Serves a file of a release as it is, with its media type: `Range` requests resume and split downloads, the `ETag` is the file's SHA-256, " +
			"and named releases never change (`Cache-Control: immutable`). `latest` stands for the latest release.",
		params: []*huma.Param{pathParam("release", "Release name, or latest", "latest"),
			pathParam("file", "File name, as listed in the release's manifest", "municipalities.parquet")},
		ok: binary,
		more: map[int]string{http.StatusPartialContent: "The requested range of the file", http.StatusNotModified: "The file has not changed (If-None-Match)",
			http.StatusNotFound: "No such release or file", http.StatusRequestedRangeNotSatisfiable: "The range is outside the file"}}.describe(api)
}
