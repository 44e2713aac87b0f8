package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"reflect"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/go-chi/chi/v5"

	"github.com/moving-cities/opendata/dumps"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/pages"
)

// registerDumps serves the dump releases (issue 6) from cfg.DumpsDir:
// their index at /dumps, as JSON or HTML, and their files at
// /dumps/{release}/{file}, where release may be "latest". Files are
// served as they are on disk, with Range, ETag (the SHA-256 of the
// manifest), Content-Length and their media type; only the files a
// release's manifest lists can be reached.
func registerDumps(api huma.API, router chi.Router, s *Server) {
	h := &dumpsHandler{archive: dumps.Open(s.cfg.DumpsDir), base: s.cfg.BaseURI, s: s}
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		router.Method(m, "/dumps", http.HandlerFunc(h.index))
		router.Method(m, "/dumps/", http.RedirectHandler("/dumps", http.StatusMovedPermanently))
		router.Method(m, "/dumps/{release}/{file}", http.HandlerFunc(h.file))
	}
	describeDumps(api.OpenAPI())
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

func (h *dumpsHandler) index(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Accept")
	mt, ok := exporters.Negotiate(r.Header.Get("Accept"), []string{"application/json", "text/html"})
	if !ok {
		writeProblem(w, http.StatusNotAcceptable, "the index of dumps is available as application/json and text/html")
		return
	}
	ms, err := h.archive.Releases()
	if err != nil {
		h.s.log.ErrorContext(r.Context(), "list dump releases", "err", err)
		writeProblem(w, http.StatusInternalServerError, "the dump releases could not be listed; the error was logged")
		return
	}
	ix := DumpIndex{Releases: []DumpRelease{}}
	if latest, err := h.archive.Latest(); err == nil {
		ix.Latest = latest
	}
	for _, m := range ms {
		rel := DumpRelease{Name: m.Release, URL: h.fileURL(m.Release, "manifest.json"), Revision: m.Revision,
			Generated: m.Generated, SchemaVersion: m.SchemaVersion, Files: []DumpFile{}}
		for _, f := range m.Files {
			rel.Files = append(rel.Files, DumpFile{Name: f.Name, URL: h.fileURL(m.Release, f.Name), Bytes: f.Bytes,
				SHA256: f.SHA256, MediaType: f.MediaType, Rows: f.Rows, Triples: f.Triples})
		}
		ix.Releases = append(ix.Releases, rel)
	}
	w.Header().Set("Cache-Control", "no-cache")
	if mt == "text/html" {
		var buf bytes.Buffer
		if err := dumpsBody.Execute(&buf, ix); err != nil {
			h.s.log.ErrorContext(r.Context(), "render dumps index", "err", err)
			writeProblem(w, http.StatusInternalServerError, "the index of dumps could not be rendered; the error was logged")
			return
		}
		h.s.pageError(w, r, h.s.pages().Document(w, r, pages.Doc{
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
	f, fe, m, err := h.archive.OpenFile(release, name)
	if err != nil {
		if errors.Is(err, dumps.ErrNotFound) {
			writeProblem(w, http.StatusNotFound, fmt.Sprintf("no dump file %s in release %s; the releases are listed at /dumps", name, release))
			return
		}
		h.s.log.ErrorContext(r.Context(), "open dump file", "release", release, "file", name, "err", err)
		writeProblem(w, http.StatusInternalServerError, "the dump file could not be opened; the error was logged")
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		writeProblem(w, http.StatusInternalServerError, "the dump file could not be read")
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", fe.MediaType)
	hd.Set("X-Content-Type-Options", "nosniff")
	if fe.SHA256 != "" {
		hd.Set("ETag", `"`+fe.SHA256+`"`)
	}
	if release == dumps.LatestLink {
		hd.Set("Cache-Control", "public, no-cache")
		hd.Set("Content-Location", "/dumps/"+m.Release+"/"+name)
	} else {
		hd.Set("Cache-Control", "public, max-age=31536000, immutable")
	}
	// ServeContent answers Range, If-Range, If-None-Match, If-Modified-Since
	// and HEAD, and sets Content-Length.
	http.ServeContent(w, r, name, st.ModTime(), f)
}

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
<p>Every release holds the whole dataset: each table as Parquet and CSV (with <code>csv-metadata.json</code> for CSV on the Web and <code>datapackage.json</code> for Frictionless Data), the municipalities as GeoJSON and GeoParquet, the graph as N-Triples, Turtle and JSON-LD, a change list, <code>manifest.json</code> and <code>SHA256SUMS</code>. The data is licensed under <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>. This index is also available as JSON.</p>
{{if .Latest}}<p>The latest release is <a href="#{{.Latest}}">{{.Latest}}</a>; <code>/dumps/latest/</code> followed by a file name always serves its files.</p>{{else}}<p>There is no release yet.</p>{{end}}
{{range .Releases}}
<section id="{{.Name}}">
<h2>{{.Name}}</h2>
<p>Dataset revision {{.Revision}}, made {{.Generated.Format "2006-01-02 15:04 MST"}}. <a href="{{.URL}}">manifest.json</a></p>
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

// describeDumps adds the dump routes, which Huma does not serve, to the
// OpenAPI description.
func describeDumps(o *huma.OpenAPI) {
	if o.Components == nil || o.Components.Schemas == nil {
		return
	}
	if !hasTag(o, "Dumps") {
		o.Tags = append(o.Tags, &huma.Tag{Name: "Dumps", Description: "Downloadable releases of the whole dataset."})
	}
	problem := map[string]*huma.MediaType{"application/problem+json": {Schema: &huma.Schema{Type: "object"}}}
	index := o.Components.Schemas.Schema(reflect.TypeFor[DumpIndex](), true, "DumpIndex")
	o.AddOperation(&huma.Operation{
		OperationID: "list-dumps", Method: http.MethodGet, Path: "/dumps", Tags: []string{"Dumps"},
		Summary: "List dump releases",
		Description: "Lists the releases of the whole dataset, newest first, with each file's size, SHA-256 and row or triple count. " +
			"Answers JSON or, for browsers, HTML (`Accept`).",
		Responses: map[string]*huma.Response{
			"200": {Description: "The releases", Content: map[string]*huma.MediaType{
				"application/json": {Schema: index},
				"text/html":        {Schema: &huma.Schema{Type: "string"}},
			}},
			"406": {Description: "Neither JSON nor HTML is acceptable", Content: problem},
		},
	})
	str := func(desc, example string) *huma.Schema {
		return &huma.Schema{Type: "string", Description: desc, Examples: []any{example}}
	}
	o.AddOperation(&huma.Operation{
		OperationID: "get-dump-file", Method: http.MethodGet, Path: "/dumps/{release}/{file}", Tags: []string{"Dumps"},
		Summary: "Download a dump file",
		Description: "Serves a file of a release as it is: `Range` requests resume and split downloads, the `ETag` is the file's SHA-256, " +
			"and named releases never change (`Cache-Control: immutable`). `latest` stands for the latest release.",
		Parameters: []*huma.Param{
			{Name: "release", In: "path", Required: true, Description: "Release name, or latest", Schema: str("Release name, or latest", "latest")},
			{Name: "file", In: "path", Required: true, Description: "File name, as listed in the release's manifest", Schema: str("File name", "municipalities.parquet")},
		},
		Responses: map[string]*huma.Response{
			"200": {Description: "The file", Content: map[string]*huma.MediaType{"application/octet-stream": {Schema: &huma.Schema{Type: "string", Format: "binary"}}}},
			"206": {Description: "The requested range of the file", Content: map[string]*huma.MediaType{"application/octet-stream": {Schema: &huma.Schema{Type: "string", Format: "binary"}}}},
			"304": {Description: "The file has not changed (If-None-Match)"},
			"404": {Description: "No such release or file", Content: problem},
			"416": {Description: "The range is outside the file"},
		},
	})
}

func hasTag(o *huma.OpenAPI, name string) bool {
	for _, t := range o.Tags {
		if t.Name == name {
			return true
		}
	}
	return false
}
