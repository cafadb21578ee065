//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "jifen/app"
	wasmexec "jifen/wasm_exec"
)

// siteConfig is what a site is built from.
type siteConfig struct {
	Web     fs.FS  // the web/ folder
	Version string // content hash; computed from Web when empty
	// FrameAncestors is who may frame /embed: "*" (any origin, the
	// default) or a space-separated list of origins. Every other page may
	// be framed only by the site itself.
	FrameAncestors string
}

// site serves the app: pre-rendered pages through go-app, the static
// assets with long caching under a versioned path, app.wasm
// pre-compressed, and the toolchain's wasm_exec.js; every response
// carries the security headers.
type site struct {
	web      fs.FS
	version  string
	wasmBr   []byte
	wasmGz   []byte
	wasmSize int64
	goapp    *app.Handler
	appJS    []byte // go-app's app.js, registering the service worker late
	csp      string // every page but /embed
	embedCSP string
	files    http.Handler
}

// Long caching for versioned assets; everything else is revalidated.
const (
	cacheImmutable = "public, max-age=31536000, immutable"
	cacheRevalid   = "no-cache"
)

func newSite(cfg siteConfig) (*site, error) {
	s := &site{web: cfg.Web, version: cfg.Version}
	var err error
	if s.wasmBr, err = fs.ReadFile(cfg.Web, "app.wasm.br"); err != nil {
		return nil, fmt.Errorf("app.wasm.br is missing (run `make build`): %w", err)
	}
	if s.wasmGz, err = fs.ReadFile(cfg.Web, "app.wasm.gz"); err != nil {
		return nil, fmt.Errorf("app.wasm.gz is missing (run `make build`): %w", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(s.wasmGz))
	if err != nil {
		return nil, fmt.Errorf("reading app.wasm.gz: %w", err)
	}
	if s.wasmSize, err = io.Copy(io.Discard, zr); err != nil {
		return nil, fmt.Errorf("reading app.wasm.gz: %w", err)
	}
	if s.version == "" {
		if s.version, err = contentHash(cfg.Web); err != nil {
			return nil, fmt.Errorf("hashing the assets: %w", err)
		}
	}
	cacheable, err := cacheableFiles(cfg.Web)
	if err != nil {
		return nil, fmt.Errorf("listing the assets: %w", err)
	}
	ui.Register()
	s.goapp = newAppHandler(s.version, s.wasmSize, cacheable)
	frame, err := FrameAncestors(cfg.FrameAncestors)
	if err != nil {
		return nil, err
	}
	s.csp = contentSecurityPolicy("'self'")
	s.embedCSP = contentSecurityPolicy(frame)
	s.files = http.FileServerFS(cfg.Web)
	if s.appJS, err = s.lateServiceWorker(); err != nil {
		return nil, err
	}
	return s, nil
}

// lateServiceWorker returns go-app's app.js changed to register the
// service worker once app.wasm runs, not at once: the worker's install
// downloads app.wasm to cache it, and on a first visit over a slow link
// that second download would compete with the page's own. After the
// page's download the worker gets app.wasm from the HTTP cache.
func (s *site) lateServiceWorker() ([]byte, error) {
	rec := httptest.NewRecorder()
	s.goapp.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/app.js", nil))
	js := rec.Body.String()
	for _, r := range [][2]string{
		{"goappInitServiceWorker();\ngoappWatchForUpdate();", "goappWatchForUpdate();"},
		{"    go.run(wasm.instance);\n    loader.remove();", "    go.run(wasm.instance);\n    loader.remove();\n    goappInitServiceWorker();"},
	} {
		if !strings.Contains(js, r[0]) {
			return nil, fmt.Errorf("go-app's app.js changed: %q not found", r[0])
		}
		js = strings.Replace(js, r[0], r[1], 1)
	}
	return []byte(js), nil
}

// contentHash hashes every asset, so that the version changes exactly
// when something a visitor downloads changes.
func contentHash(web fs.FS) (string, error) {
	h := sha256.New()
	h.Write(wasmexec.JS)
	err := fs.WalkDir(web, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == "app.wasm.gz" {
			return err
		}
		b, err := fs.ReadFile(web, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d\n", p, len(b))
		h.Write(b)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))[:16], err
}

// cacheableFiles lists the assets the service worker keeps for offline
// use: every route page and every file in web/ but the compressed wasm.
func cacheableFiles(web fs.FS) ([]string, error) {
	var res []string
	for _, pg := range ui.Pages {
		if pg.Path != ui.PathNotFound {
			res = append(res, pg.Path)
		}
	}
	err := fs.WalkDir(web, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(p, "app.wasm") {
			return err
		}
		res = append(res, "/web/"+p)
		return nil
	})
	sort.Strings(res)
	return res, err
}

// versioned resolves /web/ paths to /VERSION/web/…, which are cached for
// a year: a new version has new URLs.
type versioned string

func (v versioned) Resolve(loc string) string {
	if loc == "" || loc == "/" {
		return "/"
	}
	if strings.HasPrefix(loc, "http://") || strings.HasPrefix(loc, "https://") {
		return loc
	}
	if loc == "/web" || strings.HasPrefix(loc, "/web/") {
		return "/" + string(v) + loc
	}
	return loc
}

// serviceWorker is go-app's worker with two fixes: a page URL with a
// query is found in the cache by its path (share links work offline), and
// a navigation to a page not in the cache falls back to the cached "/".
var serviceWorker = strings.Replace(app.DefaultAppWorkerJS,
	"const cachedResponse = await caches.match(request);",
	`const nav = request.mode === "navigate";
  const cachedResponse = (await caches.match(request, { ignoreSearch: nav })) ||
    (nav && !navigator.onLine ? await caches.match("/") : undefined);`, 1)

func newAppHandler(version string, wasmSize int64, cacheable []string) *app.Handler {
	return &app.Handler{
		Name:        ui.SiteName,
		ShortName:   ui.SiteShortName,
		Title:       ui.SiteName,
		Description: ui.SiteDescription,
		Lang:        "zh-CN",
		Author:      ui.SiteName,
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable.png",
			SVG:      "/web/icon.svg",
		},
		BackgroundColor:       "#f5f7f6",
		ThemeColor:            "#0f6b5c",
		LoadingLabel:          "正在加载 {progress}%",
		Styles:                []string{"/web/style.css"},
		Scripts:               []string{"/web/boot.js"},
		CacheableResources:    cacheable,
		Resources:             versioned(version),
		Version:               version,
		WasmContentLength:     strconv.FormatInt(wasmSize, 10),
		ServiceWorkerTemplate: serviceWorker,
	}
}

// FrameAncestors checks the -frame-ancestors list: "*", or origins
// (https://host[:port]) separated by spaces. It returns the CSP source
// list; an empty list means "*".
func FrameAncestors(list string) (string, error) {
	fields := strings.Fields(list)
	if len(fields) == 0 {
		return "*", nil
	}
	for _, f := range fields {
		if f == "*" || f == "'self'" {
			continue
		}
		u, err := url.Parse(f)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
			(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.User != nil ||
			strings.ContainsAny(f, ";,'\"") {
			return "", fmt.Errorf("-frame-ancestors: %q is not an origin such as https://partner.example", f)
		}
	}
	return strings.Join(fields, " "), nil
}

// contentSecurityPolicy allows only our own origin, plus compiling
// WebAssembly; frame is the frame-ancestors source list.
func contentSecurityPolicy(frame string) string {
	return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
		"connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; " +
		"form-action 'self'; frame-ancestors " + frame
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	if r.URL.Path == ui.PathEmbed {
		hdr.Set("Content-Security-Policy", s.embedCSP)
	} else {
		hdr.Set("Content-Security-Policy", s.csp)
		hdr.Set("X-Frame-Options", "SAMEORIGIN")
	}
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
	hdr.Set("Cross-Origin-Opener-Policy", "same-origin")

	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	switch p {
	case "/wasm_exec.js":
		hdr.Set("Content-Type", "text/javascript; charset=utf-8")
		hdr.Set("Cache-Control", cacheRevalid)
		http.ServeContent(w, r, "wasm_exec.js", time.Time{}, bytes.NewReader(wasmexec.JS))
		return
	case "/app.js":
		hdr.Set("Content-Type", "text/javascript; charset=utf-8")
		hdr.Set("Cache-Control", cacheRevalid)
		http.ServeContent(w, r, "app.js", time.Time{}, bytes.NewReader(s.appJS))
		return
	case "/robots.txt":
		hdr.Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "User-agent: *\nAllow: /\n")
		return
	case "/sitemap.xml", "/ads.txt", "/app.wasm", "/goapp.wasm":
		http.NotFound(w, r)
		return
	}
	if file, cache, ok := s.asset(p); ok {
		s.serveAsset(w, r, file, cache)
		return
	}
	switch p {
	case "/app-worker.js", "/manifest.webmanifest", "/app.css":
		s.goapp.ServeHTTP(w, r)
		return
	}
	if pg := ui.PageOf(p); pg.Path != p || p == ui.PathNotFound {
		http.NotFound(w, r)
		return
	}
	s.goapp.ServeHTTP(w, r)
}

// asset maps /web/F and /VERSION/web/F to F, with the caching it gets.
func (s *site) asset(p string) (file, cache string, ok bool) {
	if rest, found := strings.CutPrefix(p, "/web/"); found {
		return rest, cacheRevalid, true
	}
	v, rest, found := strings.Cut(strings.TrimPrefix(p, "/"), "/web/")
	if !found || strings.Contains(v, "/") || v == "" {
		return "", "", false
	}
	if v == s.version {
		return rest, cacheImmutable, true
	}
	return rest, cacheRevalid, true // an older page asking: the current file
}

func (s *site) serveAsset(w http.ResponseWriter, r *http.Request, file, cache string) {
	clean := path.Clean("/" + file)[1:]
	if file == "" || clean != file || strings.HasPrefix(file, ".") || strings.HasPrefix(file, "app.wasm.") {
		http.NotFound(w, r)
		return
	}
	if file == "app.wasm" {
		s.serveWasm(w, r, cache)
		return
	}
	st, err := fs.Stat(s.web, file)
	if err != nil || st.IsDir() {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", cache)
	if strings.HasSuffix(file, ".webmanifest") {
		w.Header().Set("Content-Type", "application/manifest+json")
	}
	r2 := r.Clone(r.Context())
	r2.URL.Path = "/" + file
	s.files.ServeHTTP(w, r2)
}

// serveWasm sends app.wasm pre-compressed: brotli when accepted, else
// gzip, else decompressed on the fly.
func (s *site) serveWasm(w http.ResponseWriter, r *http.Request, cache string) {
	hdr := w.Header()
	hdr.Set("Content-Type", "application/wasm")
	hdr.Set("Vary", "Accept-Encoding")
	hdr.Set("Cache-Control", cache)
	hdr.Set("Access-Control-Allow-Origin", "*") // sandboxed iframes have an opaque origin
	var body []byte
	switch negotiate(r.Header.Get("Accept-Encoding")) {
	case "br":
		hdr.Set("Content-Encoding", "br")
		hdr.Set("ETag", `"`+s.version+`-br"`)
		body = s.wasmBr
	case "gzip":
		hdr.Set("Content-Encoding", "gzip")
		hdr.Set("ETag", `"`+s.version+`-gz"`)
		body = s.wasmGz
	default:
		hdr.Set("ETag", `"`+s.version+`"`)
	}
	if inm := r.Header.Get("If-None-Match"); inm != "" && inm == hdr.Get("ETag") {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if body != nil {
		hdr.Set("Content-Length", strconv.Itoa(len(body)))
		if r.Method != http.MethodHead {
			w.Write(body)
		}
		return
	}
	hdr.Set("Content-Length", strconv.FormatInt(s.wasmSize, 10))
	if r.Method == http.MethodHead {
		return
	}
	zr, err := gzip.NewReader(bytes.NewReader(s.wasmGz))
	if err != nil {
		http.Error(w, "app.wasm is damaged", http.StatusInternalServerError)
		return
	}
	io.Copy(w, zr)
}

// negotiate picks br, gzip or "" (identity) from an Accept-Encoding
// header, honouring q=0.
func negotiate(accept string) string {
	best, bestQ := "", 0.0
	for _, part := range strings.Split(accept, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != "br" && name != "gzip" {
			continue
		}
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		// the higher q wins; on a tie, brotli (smaller)
		if q > 0 && (q > bestQ || (q == bestQ && name == "br")) {
			best, bestQ = name, q
		}
	}
	return best
}
