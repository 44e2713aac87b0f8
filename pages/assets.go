package pages

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// The pages' static files are embedded and served by us at /assets/:
// one stylesheet, the icon and the map's country outlines. Pages link
// them by a name holding a hash of their content ("site.1a2b3c4d.css"),
// served with a year's caching, so that a new build is fetched at once
// and an unchanged one never again. The plain names answer too, briefly
// cached.

//go:embed assets/*
var assetFS embed.FS

type asset struct {
	name, hashed, contentType, etag string
	body                            []byte
}

var assets = func() map[string]*asset {
	m := map[string]*asset{}
	entries, err := fs.ReadDir(assetFS, "assets")
	if err != nil {
		panic(err)
	}
	for _, e := range entries {
		b, err := assetFS.ReadFile("assets/" + e.Name())
		if err != nil {
			panic(err)
		}
		sum := sha256.Sum256(b)
		h := hex.EncodeToString(sum[:])
		ext := path.Ext(e.Name())
		a := &asset{name: e.Name(), hashed: strings.TrimSuffix(e.Name(), ext) + "." + h[:10] + ext,
			etag: `"` + h[:32] + `"`, body: b, contentType: contentTypes[ext]}
		if a.contentType == "" {
			a.contentType = "application/octet-stream"
		}
		m[a.name] = a
		m[a.hashed] = a
	}
	return m
}()

var contentTypes = map[string]string{
	".css": "text/css; charset=utf-8",
	".svg": "image/svg+xml",
}

// assetURL is the root-relative URL of the embedded file name, by its
// hashed name.
func assetURL(name string) string {
	a, ok := assets[name]
	if !ok {
		panic("pages: no asset " + name)
	}
	return "/assets/" + a.hashed
}

// AssetPath is the root-relative URL the pages use for the embedded file
// name ("site.css", "favicon.svg", "europe.svg"), or "" if there is no
// such file.
func AssetPath(name string) string {
	if _, ok := assets[name]; !ok {
		return ""
	}
	return assetURL(name)
}

// Assets serves the embedded files under /assets/: mount it there (the
// last path element names the file).
func (p *Pages) Assets() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Base(r.URL.Path)
		a, ok := assets[name]
		if !ok {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write([]byte("no such asset\n"))
			return
		}
		serveAsset(w, r, a, name == a.hashed)
	})
}

// Favicon serves the icon, for browsers that ask for /favicon.ico.
func (p *Pages) Favicon() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		serveAsset(w, r, assets["favicon.svg"], false)
	})
}

func serveAsset(w http.ResponseWriter, r *http.Request, a *asset, immutable bool) {
	h := w.Header()
	h.Set("ETag", a.etag)
	if immutable {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "public, max-age=3600")
	}
	h.Set("X-Content-Type-Options", "nosniff")
	if strings.HasPrefix(a.contentType, "image/svg") {
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	}
	if inm := r.Header.Get("If-None-Match"); inm != "" && strings.Contains(inm, a.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", a.contentType)
	h.Set("Content-Length", strconv.Itoa(len(a.body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(a.body)
	}
}
