//go:build !wasm

// Package server is bin/server, the small static server of the
// calculator, and the static export. At start it pre-renders the whole
// site once (go-app's pages, scripts and manifest, the assets under
// web/, app.wasm), keeps every file in memory with its brotli and gzip
// forms and its headers, and then serves exactly those files; -export
// writes the same files, with the same headers for static hosts
// (_headers) and for nginx (_nginx.conf, included by deploy/nginx.conf).
// A request's query string, Host or absolute URI never changes an answer.
package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "jifen/app"
	wasmexec "jifen/wasm_exec"
)

// Config is what a site is built from.
type Config struct {
	// Web is the web/ folder: style, scripts, icons, and app.wasm.br and
	// app.wasm.gz written by `make build`.
	Web fs.FS
	// Version names the versioned asset folder /VERSION/web/: 16 hex
	// digits. Empty means the content hash of the assets.
	Version string
	// FrameAncestors is who may frame /embed besides the site itself: "*"
	// (anyone) or origins separated by spaces. Every other page may be
	// framed only by the site itself.
	FrameAncestors string
	// Origin is the site's public origin (https://host), used for the
	// canonical link and og:url/og:image, and given to the app as
	// JIFEN_ORIGIN. Empty leaves those tags out.
	Origin string
}

// EnvOrigin is the go-app environment variable that carries -origin to
// the app; it is absent when no origin is given.
const EnvOrigin = "JIFEN_ORIGIN"

// Site is the whole site in memory: every file with its headers and its
// representations.
type Site struct {
	version    string
	origin     string
	frame      string           // frame-ancestors of /embed
	files      map[string]*file // by URL path
	old        map[string]*file // by name under web/: asked for under another version
	notFound   *file            // the not-found page, answered with 404
	notAllowed http.Header      // the headers of a 405
	paths      []string         // the URL paths of files, sorted
	wasmSize   int64            // app.wasm uncompressed
	cacheable  []string         // the service worker's offline list
	handler    *app.Handler
	inline     inlined // the head's style and script
}

// file is one file of the site.
type file struct {
	path   string      // URL path ("" for the not-found page)
	name   string      // its name in the export
	header http.Header // from headersFor
	reps   []*rep      // identity first, then br and gzip when compressible
}

// rep is one representation of a file.
type rep struct {
	enc    string // "", "br" or "gzip"
	body   []byte
	etag   string      // strong, from the bytes
	header http.Header // the file's headers and the ETag (Content-Encoding is set on a 200 or 206 only)
	full   http.Header // header, Content-Encoding, Content-Length and Accept-Ranges: a whole 200
}

var versionRE = regexp.MustCompile(`^[0-9a-f]{16}$`)

// versionedRE matches /VERSION/web/NAME for any version.
var versionedRE = regexp.MustCompile(`^/([0-9a-f]{16})/web/(.+)$`)

var registerOnce sync.Once

// New pre-renders the site and compresses every file: the only work the
// server ever does beyond copying bytes.
func New(cfg Config) (*Site, error) {
	registerOnce.Do(ui.Register)
	s := &Site{files: map[string]*file{}, old: map[string]*file{}}
	var err error
	if s.frame, err = FrameAncestors(cfg.FrameAncestors); err != nil {
		return nil, err
	}
	if cfg.Origin != "" {
		if s.origin, err = parseOrigin(cfg.Origin); err != nil {
			return nil, fmt.Errorf("-origin: %w", err)
		}
	}
	wasmBr, err := fs.ReadFile(cfg.Web, "app.wasm.br")
	if err != nil {
		return nil, fmt.Errorf("app.wasm.br is missing (run `make build`): %w", err)
	}
	wasmGz, err := fs.ReadFile(cfg.Web, "app.wasm.gz")
	if err != nil {
		return nil, fmt.Errorf("app.wasm.gz is missing (run `make build`): %w", err)
	}
	wasm, err := gunzip(wasmGz)
	if err != nil {
		return nil, fmt.Errorf("reading app.wasm.gz: %w", err)
	}
	s.wasmSize = int64(len(wasm))
	switch {
	case cfg.Version == "":
		if s.version, err = contentHash(cfg.Web); err != nil {
			return nil, fmt.Errorf("hashing the assets: %w", err)
		}
	case versionRE.MatchString(cfg.Version):
		s.version = cfg.Version
	default:
		return nil, fmt.Errorf("-version %q: want 16 lowercase hex digits", cfg.Version)
	}
	assets, err := webFiles(cfg.Web)
	if err != nil {
		return nil, fmt.Errorf("listing the assets: %w", err)
	}
	if s.inline, err = readInline(cfg.Web, s.versioned("")); err != nil {
		return nil, err
	}
	s.cacheable = cacheableFiles(assets)
	s.notAllowed = s.methodNotAllowedHeaders()
	s.handler = newAppHandler(s.version, s.wasmSize, s.cacheable, s.origin)

	// Every file: URL path, export name, body. The assets under web/ are
	// there twice, unversioned and under /VERSION/web/.
	type source struct {
		path, name string
		body       []byte
		reps       []*rep // already compressed (app.wasm)
		immutable  bool   // under the current /VERSION/web/
	}
	var srcs []source
	for _, pg := range ui.Pages {
		body, err := s.renderPage(pg)
		if err != nil {
			return nil, err
		}
		p := pg.Path
		if p == ui.PathNotFound {
			p = ""
		}
		srcs = append(srcs, source{path: p, name: pg.File, body: body})
	}
	appJS, err := s.appScript()
	if err != nil {
		return nil, err
	}
	srcs = append(srcs, source{path: "/app.js", name: "app.js", body: appJS},
		source{path: "/wasm_exec.js", name: "wasm_exec.js", body: wasmexec.JS},
		source{path: "/robots.txt", name: "robots.txt", body: []byte("User-agent: *\nAllow: /\n")})
	for _, p := range []string{"/app-worker.js", "/manifest.webmanifest", "/app.css"} {
		body, err := s.get(p)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, source{path: p, name: p[1:], body: body})
	}
	for _, a := range assets {
		b, err := fs.ReadFile(cfg.Web, a)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", a, err)
		}
		srcs = append(srcs, source{path: "/web/" + a, name: "web/" + a, body: b},
			source{path: s.versioned(a), name: s.version + "/web/" + a, body: b, immutable: true})
	}
	srcs = append(srcs, source{path: s.versioned("app.wasm"), name: s.version + "/web/app.wasm", body: wasm, immutable: true,
		reps: []*rep{{enc: "br", body: wasmBr}, {enc: "gzip", body: wasmGz}}})

	// Compress every compressible body once (the assets share theirs),
	// on all cores.
	type job struct {
		body   []byte
		br, gz []byte
		err    error
		done   chan struct{}
	}
	jobs := map[string]*job{}
	var order []*job
	for _, src := range srcs {
		if !compressible(contentTypes[path.Ext(src.name)]) || src.reps != nil {
			continue
		}
		k := string(sha(src.body))
		if jobs[k] == nil {
			jobs[k] = &job{body: src.body, done: make(chan struct{})}
			order = append(order, jobs[k])
		}
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, j := range order {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; close(j.done) }()
			j.br, j.gz, j.err = Compress(j.body)
		}()
	}
	for _, src := range srcs {
		f := &file{path: src.path, name: src.name}
		if f.header, err = s.headersFor(src.path, src.name, src.immutable); err != nil {
			return nil, err
		}
		f.reps = append(f.reps, &rep{body: src.body})
		switch {
		case src.reps != nil:
			f.reps = append(f.reps, src.reps...)
		case compressible(f.header.Get("Content-Type")):
			j := jobs[string(sha(src.body))]
			<-j.done
			if j.err != nil {
				return nil, fmt.Errorf("compressing %s: %w", src.name, j.err)
			}
			f.reps = append(f.reps, &rep{enc: "br", body: j.br}, &rep{enc: "gzip", body: j.gz})
		}
		for _, r := range f.reps {
			r.etag = `"` + hex.EncodeToString(sha(r.body))[:20] + `"`
		}
		f.setRepHeaders()
		if src.path == "" {
			s.notFound = f
			continue
		}
		s.files[src.path] = f
		s.paths = append(s.paths, src.path)
		if src.immutable {
			// the same file asked for by a page of another version: the
			// current bytes, revalidated
			o := &file{path: src.path, name: src.name, header: f.header.Clone()}
			o.header.Set("Cache-Control", cacheRevalid)
			o.reps = make([]*rep, len(f.reps))
			for i, r := range f.reps {
				c := *r
				o.reps[i] = &c
			}
			o.setRepHeaders()
			s.old[strings.TrimPrefix(src.name, s.version+"/web/")] = o
		}
	}
	sort.Strings(s.paths)
	return s, nil
}

// setRepHeaders gives each representation the file's headers with its
// own ETag, and the headers of a whole 200.
func (f *file) setRepHeaders() {
	for _, r := range f.reps {
		r.header = f.header.Clone()
		if f.path != "" { // a 404 has no ETag
			r.header.Set("ETag", r.etag)
		}
		r.full = r.header.Clone()
		if r.enc != "" {
			r.full.Set("Content-Encoding", r.enc)
		}
		r.full.Set("Content-Length", strconv.Itoa(len(r.body)))
		if f.path != "" { // a 404 has no ranges
			r.full.Set("Accept-Ranges", "bytes")
		}
	}
}

// Version is the version of the assets, the folder /VERSION/web/.
func (s *Site) Version() string { return s.version }

// Paths lists the URL path of every file, sorted.
func (s *Site) Paths() []string { return append([]string(nil), s.paths...) }

func (s *Site) versioned(name string) string { return "/" + s.version + "/web/" + name }

// lookup finds the file for a URL path: a file of the site, or an asset
// under another version's /VERSION/web/ (a page still open from before an
// upgrade asking), which gets the current file, revalidated. nil means
// not found.
func (s *Site) lookup(p string) *file {
	if f := s.files[p]; f != nil {
		return f
	}
	if len(p) > 22 && p[17:22] == "/web/" {
		if m := versionedRE.FindStringSubmatch(p); m != nil {
			return s.old[m[2]]
		}
	}
	return nil
}

// renderPage pre-renders a page of the table with go-app, in its neutral
// state (no query), and sets its social tags.
func (s *Site) renderPage(pg ui.Page) ([]byte, error) {
	body, err := s.get(pg.Path)
	if err != nil {
		return nil, err
	}
	page := sortAttributes(string(body))
	// go-app's loader has an <img> of the app's icon, which the page
	// hides (style.css) but the browser still fetches: a PNG of 8 kB and
	// a connection of its own on a slow network, while the first screen's
	// scripts wait. The SVG icon, the page's favicon, costs nothing more.
	loaderIcon := `id="app-wasm-loader-icon" src="` + html.EscapeString(s.versioned("icon-192.png")) + `"`
	if !strings.Contains(page, loaderIcon) {
		return nil, fmt.Errorf("pre-rendering %s: go-app's page changed: no %s", pg.Path, loaderIcon)
	}
	page = strings.Replace(page, loaderIcon, `id="app-wasm-loader-icon" src="`+html.EscapeString(s.versioned("icon.svg"))+`"`, 1)
	// go-app's own stylesheet is only its loader's look, which style.css
	// gives whole (a bar at the top): one file less before the page can be
	// drawn.
	if page, err = replaceLine(page, "link", `href="/app.css"`, nil); err != nil {
		return nil, fmt.Errorf("pre-rendering %s: %w", pg.Path, err)
	}
	// The head's own style, worker text and boot.js (inline.go), before
	// go-app's scripts, which are deferred.
	if page, err = replaceLine(page, "script", `src="/wasm_exec.js"`, []string{s.inline.style, s.inline.worker, s.inline.boot, `<script defer src="/wasm_exec.js"></script>`}); err != nil {
		return nil, fmt.Errorf("pre-rendering %s: %w", pg.Path, err)
	}
	for _, prop := range []string{"og:url", "og:image"} {
		var repl []string
		if s.origin != "" && pg.Path != ui.PathNotFound {
			switch prop {
			case "og:url":
				u := html.EscapeString(s.origin + pg.Path)
				repl = []string{`<meta content="` + u + `" property="og:url">`, `<link href="` + u + `" rel="canonical">`}
			case "og:image":
				repl = []string{`<meta content="` + html.EscapeString(s.origin+"/web/icon-512.png") + `" property="og:image">`}
			}
		}
		if page, err = replaceLine(page, "meta", `property="`+prop+`"`, repl); err != nil {
			return nil, fmt.Errorf("pre-rendering %s: %w", pg.Path, err)
		}
	}
	return []byte(page), nil
}

// replaceLine replaces the line of page that holds the tag (meta, link,
// script) with attribute attr (go-app writes attributes in any order)
// with lines at its indentation; none removes it.
func replaceLine(page, tag, attr string, lines []string) (string, error) {
	re := regexp.MustCompile(`(?m)^([ \t]*)<` + tag + ` [^>\n]*` + regexp.QuoteMeta(attr) + `[^>\n]*>[^\n]*\n`)
	m := re.FindStringSubmatchIndex(page)
	if m == nil {
		return "", fmt.Errorf("go-app's page changed: no <%s %s>", tag, attr)
	}
	indent := page[m[2]:m[3]]
	var b strings.Builder
	b.WriteString(page[:m[0]])
	for _, l := range lines {
		b.WriteString(indent + l + "\n")
	}
	b.WriteString(page[m[1]:])
	return b.String(), nil
}

// get asks go-app's Handler for a path, once, at start.
func (s *Site) get(p string) ([]byte, error) {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, p, nil)
	req.Host = "" // nothing of a request reaches a page
	s.handler.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		return nil, fmt.Errorf("pre-rendering %s: go-app answered %d", p, rec.Code)
	}
	return rec.Body.Bytes(), nil
}

// appScript returns go-app's app.js with two changes.
//
// The service worker is registered once app.wasm runs, not at once: the
// worker's install downloads app.wasm to cache it, and on a first visit
// over a slow link that second download would compete with the page's
// own. After the page's download the worker gets app.wasm from the HTTP
// cache.
//
// app.wasm is loaded through window.jifenWasm (web/boot.js): compiled in
// a worker, not on the main thread, and only once the pre-rendered page
// has been drawn; go-app's own streaming load stays as the fallback.
//
// The loader goes once the app has drawn its page (window.jifenStarted,
// web/boot.js) or Go has exited, not when go.run first returns: the wasm
// build's go-app yields to the browser between Go's start and the first
// render (tools/wasm-workspace.sh), and until the render boot.js must
// keep recording taps, which it does while the loader is there.
func (s *Site) appScript() ([]byte, error) {
	b, err := s.get("/app.js")
	if err != nil {
		return nil, err
	}
	js := string(b)
	wasm := strconv.Quote(s.versioned("app.wasm"))
	for _, r := range [][2]string{
		{"goappInitServiceWorker();\ngoappWatchForUpdate();", "goappWatchForUpdate();"},
		{"    go.run(wasm.instance);\n    loader.remove();", "    const exited = go.run(wasm.instance);\n" +
			"    await Promise.race([window.jifenStarted || Promise.resolve(), exited]);\n" +
			"    loader.remove();\n    goappInitServiceWorker();"},
		{"    const wasm = await instantiateStreaming(\n      fetchWithProgress(" + wasm + ", showProgress),\n      go.importObject\n    );",
			"    const mainThread = () => instantiateStreaming(fetchWithProgress(" + wasm + ", showProgress), go.importObject);\n" +
				"    const wasm = await (window.jifenWasm ? window.jifenWasm(" + wasm + ", showProgress, go.importObject, goappWasmContentLength, mainThread) : mainThread());"},
	} {
		if !strings.Contains(js, r[0]) {
			return nil, fmt.Errorf("go-app's app.js changed: %q not found", r[0])
		}
		js = strings.Replace(js, r[0], r[1], 1)
	}
	return []byte(js), nil
}

// webFiles lists the assets under web/ but the compressed wasm, sorted.
func webFiles(web fs.FS) ([]string, error) {
	var res []string
	err := fs.WalkDir(web, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(p, "app.wasm") {
			return err
		}
		if !safeName.MatchString(p) {
			return fmt.Errorf("web/%s: asset names are letters, digits, '.', '_', '-' and '/'", p)
		}
		res = append(res, p)
		return nil
	})
	sort.Strings(res)
	return res, err
}

var safeName = regexp.MustCompile(`^[A-Za-z0-9_-][A-Za-z0-9._/-]*$`)

// contentHash hashes every asset and the service worker's template, so
// that the version changes exactly when something a visitor downloads
// under /VERSION/web/, or the worker, changes. It is the one content
// version: `make version` prints it.
func contentHash(web fs.FS) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "wasm_exec.js %d\n", len(wasmexec.JS))
	h.Write(wasmexec.JS)
	fmt.Fprintf(h, "app-worker.js %d\n", len(serviceWorker))
	io.WriteString(h, serviceWorker)
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

// cacheableFiles lists what the service worker keeps for offline use:
// every page of the table but the not-found page (answered with 404, it
// would make the worker's cache.addAll fail) and every asset but the
// style, which every page carries in its head (go-app adds app.wasm).
// wasm-worker.js is kept although the pages carry it too: a repeat visit
// starts its worker from the file.
func cacheableFiles(assets []string) []string {
	var res []string
	for _, pg := range ui.Pages {
		if pg.Path != ui.PathNotFound {
			res = append(res, pg.Path)
		}
	}
	for _, a := range assets {
		if a != inlineStyle {
			res = append(res, "/web/"+a)
		}
	}
	sort.Strings(res)
	return res
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
// query is found in the cache by its path (old share links work
// offline), and a navigation to a page not in the cache falls back to the
// cached "/" when offline (the app then shows the right page).
var serviceWorker = strings.Replace(app.DefaultAppWorkerJS,
	"const cachedResponse = await caches.match(request);",
	`const nav = request.mode === "navigate";
  const cachedResponse = (await caches.match(request, { ignoreSearch: nav })) ||
    (nav && !navigator.onLine ? await caches.match("/") : undefined);`, 1)

func newAppHandler(version string, wasmSize int64, cacheable []string, origin string) *app.Handler {
	env := map[string]string{}
	if origin != "" {
		env[EnvOrigin] = origin
	}
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
		CacheableResources:    cacheable,
		Resources:             versioned(version),
		Version:               version,
		WasmContentLength:     strconv.FormatInt(wasmSize, 10),
		ServiceWorkerTemplate: serviceWorker,
		Env:                   env,
	}
}

// Compress returns data compressed with brotli at quality 11 (window
// sized to the data, at most 16 MB) and gzip at level 9. `make build`
// uses it for app.wasm (cmd/compress), the server for everything else.
func Compress(data []byte) (br, gz []byte, err error) {
	win := 16
	for win < 24 && 1<<win < len(data) {
		win++
	}
	var b bytes.Buffer
	bw := brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: win})
	if _, err := bw.Write(data); err != nil {
		return nil, nil, err
	}
	if err := bw.Close(); err != nil {
		return nil, nil, err
	}
	var g bytes.Buffer
	gw, err := gzip.NewWriterLevel(&g, gzip.BestCompression)
	if err != nil {
		return nil, nil, err
	}
	if _, err := gw.Write(data); err != nil {
		return nil, nil, err
	}
	if err := gw.Close(); err != nil {
		return nil, nil, err
	}
	return b.Bytes(), g.Bytes(), nil
}

func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

func sha(b []byte) []byte {
	h := sha256.Sum256(b)
	return h[:]
}
