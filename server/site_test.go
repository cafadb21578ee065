//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ui "jifen/app"
)

var fakeWasm = bytes.Repeat([]byte("\x00asm fake wasm "), 1000)

const testVersion = "0123456789abcdef"

func testWeb() fstest.MapFS {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(fakeWasm)
	zw.Close()
	return fstest.MapFS{
		"app.wasm.br":       {Data: []byte("BROTLI-BYTES")},
		"app.wasm.gz":       {Data: gz.Bytes()},
		"style.css":         {Data: []byte("body{color:#123}" + strings.Repeat("/* padding */", 50))},
		"boot.js":           {Data: []byte("// boot")},
		"wasm-worker.js":    {Data: []byte("// worker")},
		"embed.js":          {Data: []byte("// embed")},
		"icon.svg":          {Data: []byte("<svg></svg>")},
		"icon-192.png":      {Data: []byte("png")},
		"icon-512.png":      {Data: []byte("png")},
		"icon-maskable.png": {Data: []byte("png")},
	}
}

func testSiteWith(t *testing.T, cfg Config) *Site {
	t.Helper()
	if cfg.Web == nil {
		cfg.Web = testWeb()
	}
	if cfg.Version == "" {
		cfg.Version = testVersion
	}
	if cfg.FrameAncestors == "" {
		cfg.FrameAncestors = "*"
	}
	s, err := New(cfg)
	require.NoError(t, err)
	return s
}

var (
	sharedOnce sync.Once
	shared     *Site
	sharedErr  error
)

// testSite is the site of the default configuration, built once (the
// compression at quality 11 takes a while).
func testSite(t *testing.T) *Site {
	t.Helper()
	sharedOnce.Do(func() { shared, sharedErr = New(Config{Web: testWeb(), Version: testVersion, FrameAncestors: "*"}) })
	require.NoError(t, sharedErr)
	return shared
}

func get(t *testing.T, h http.Handler, method, target string, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// pagePaths are the URL paths of the page table's pages (not the
// not-found page).
func pagePaths() []string {
	var ps []string
	for _, pg := range ui.Pages {
		if pg.Path != ui.PathNotFound {
			ps = append(ps, pg.Path)
		}
	}
	return ps
}

func TestSecurityHeadersOnEveryAnswer(t *testing.T) {
	s := testSite(t)
	targets := append(s.Paths(), "/nope", "/0000000000000000/web/style.css")
	for _, p := range targets {
		for _, method := range []string{"GET", "HEAD", "POST"} {
			rec := get(t, s, method, p)
			h := rec.Header()
			csp := h.Get("Content-Security-Policy")
			assert.Contains(t, csp, "default-src 'self'", p)
			assert.Contains(t, csp, "'wasm-unsafe-eval'", p)
			assert.NotContains(t, csp, "unsafe-inline", p)
			assert.NotContains(t, csp, "http", p, "no other host is allowed")
			if p == ui.PathEmbed && method != "POST" {
				assert.Contains(t, csp, "frame-ancestors 'self' *", p)
				assert.Empty(t, h.Get("X-Frame-Options"), p)
			} else {
				assert.True(t, strings.HasSuffix(csp, "frame-ancestors 'self'"), "%s %s: %s", method, p, csp)
				assert.Equal(t, "SAMEORIGIN", h.Get("X-Frame-Options"), p)
			}
			assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"), p)
			assert.Equal(t, "no-referrer", h.Get("Referrer-Policy"), p)
			assert.Equal(t, "same-origin", h.Get("Cross-Origin-Opener-Policy"), p)
			assert.NotEmpty(t, h.Get("Permissions-Policy"), p)
			assert.NotEmpty(t, h.Get("Cache-Control"), p)
		}
	}
}

func TestEveryPageOfTheTable(t *testing.T) {
	s := testSite(t)
	titles := map[string]bool{}
	for _, pg := range ui.Pages {
		rec := get(t, s, "GET", pg.Path)
		body := rec.Body.String()
		if pg.Path == ui.PathNotFound {
			assert.Equal(t, 404, rec.Code, "the not-found page is never a 200")
		} else {
			require.Equal(t, 200, rec.Code, pg.Path)
			assert.Equal(t, "text/html; charset=utf-8", rec.Header().Get("Content-Type"))
		}
		assert.Contains(t, body, `lang="zh-CN"`, pg.Path)
		assert.Regexp(t, "<title>"+regexp.QuoteMeta(pg.Title)+".* - "+ui.SiteName+"</title>", body, pg.Path)
		assert.False(t, titles[pg.Title], "%s repeats the title %s", pg.Path, pg.Title)
		titles[pg.Title] = true
		assert.Regexp(t, `<meta content="[^"]+" name="description">`, body, pg.Path)
		assert.Contains(t, body, `href="/`+testVersion+`/web/icon-maskable.png"`, "assets are versioned")
		assert.NotContains(t, body, "githubusercontent", "no icon from a foreign host")
		// the loader's hidden icon is the favicon, fetched anyway, not a PNG
		// competing with the first screen's scripts
		assert.Contains(t, body, `id="app-wasm-loader-icon" src="/`+testVersion+`/web/icon.svg"`, pg.Path)
		assert.Contains(t, body, `href="/`+testVersion+`/web/icon.svg" rel="icon"`, pg.Path)
		// what the first paint needs is in the page, in the head, before
		// go-app's scripts: style.css itself, the worker's text as data
		// (never run), then boot.js as a file, and no stylesheet to fetch
		// (not go-app's app.css either: style.css styles the loader whole)
		web := testWeb()
		style := `<style>` + string(web["style.css"].Data) + `</style>`
		worker := `<script type="text/plain" id="jifen-worker">` + string(web["wasm-worker.js"].Data) + `</script>`
		boot := `<script data-web="/` + testVersion + `/web/" src="/` + testVersion + `/web/boot.js"></script>`
		head := body[:strings.Index(body, "</head>")]
		order := []int{}
		for _, el := range []string{style, worker, boot, `<script defer src="/wasm_exec.js">`} {
			assert.Equal(t, 1, strings.Count(head, el), "%s: %s", pg.Path, el)
			order = append(order, strings.Index(head, el))
		}
		assert.IsIncreasing(t, order, pg.Path)
		assert.Equal(t, 4, strings.Count(body, "<script"), "%s: the worker's text, boot.js and go-app's two deferred scripts", pg.Path)
		assert.Equal(t, 1, strings.Count(body, "<style"), pg.Path)
		assert.NotContains(t, body, "stylesheet", pg.Path)
		// the page's policy allows exactly that style, and workers from
		// our files or made by boot.js (blob:), and no inline script
		csp := rec.Header().Get("Content-Security-Policy")
		sum := sha256.Sum256(web["style.css"].Data)
		assert.Contains(t, csp, "style-src 'self' 'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"';", pg.Path)
		assert.Contains(t, csp, "script-src 'self' 'wasm-unsafe-eval';", pg.Path)
		assert.Contains(t, csp, "worker-src 'self' blob:;", pg.Path)
		assert.Equal(t, 1, strings.Count(csp, "'sha256-"), "%s: the worker's text is data, not a script the page runs", pg.Path)
	}
	assert.Contains(t, get(t, s, "GET", "/").Body.String(), "您的出生年月是？")
	rules := get(t, s, "GET", "/rules").Body.String()
	for _, g := range []string{"basic", "bonus", "deduction", "veto"} {
		assert.Contains(t, rules, `data-testid="rules-`+g+`"`, "the rules are pre-rendered, in the regulation's groups")
	}
	assert.Equal(t, 1, strings.Count(rules, "以区人才服务中心核定为准"), "said once on the page")
}

func TestNotFoundPage(t *testing.T) {
	s := testSite(t)
	etag := get(t, s, "GET", "/calc").Header().Get("ETag")
	require.NotEmpty(t, etag)
	for _, p := range []string{"/nope", "/404", "/404.html", "/calc.html", "/index.html", "/calc/", "//calc", "/web/", "/web/nope.css",
		"/web/app.wasm", "/web/app.wasm.br", "/web/../server.go", "/" + testVersion + "/web/", "/" + testVersion + "/web/nope.css",
		"/" + testVersion + "/web/style.css.br", "/web/.hidden", "/sitemap.xml", "/app.wasm", "/_headers", "/_nginx.conf", "/calc.html.br",
		"/abc/web/style.css", "/0123456789ABCDEF/web/style.css"} {
		for _, hdr := range [][]string{nil, {"If-None-Match", etag}, {"If-None-Match", "*"}, {"Range", "bytes=0-9"}, {"Accept-Encoding", "br"}} {
			rec := get(t, s, "GET", p, hdr...)
			assert.Equal(t, 404, rec.Code, "%s %v", p, hdr)
			h := rec.Header()
			assert.Equal(t, "text/html; charset=utf-8", h.Get("Content-Type"), p)
			assert.Equal(t, "no-cache", h.Get("Cache-Control"), "%s: a 404 is never immutable", p)
			assert.Empty(t, h.Get("ETag"), p)
			body := rec.Body.Bytes()
			if h.Get("Content-Encoding") == "br" {
				b, err := io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
				require.NoError(t, err)
				body = b
			}
			assert.Contains(t, string(body), "找不到这个页面", p)
			assert.Contains(t, string(body), `href="/"`, "a link home")
			assert.Contains(t, string(body), `href="/calc"`, "a link to the calculator")
		}
	}
	rec := get(t, s, "HEAD", "/nope")
	assert.Equal(t, 404, rec.Code)
	assert.Empty(t, rec.Body.Bytes())
	assert.NotEmpty(t, rec.Header().Get("Content-Length"))
}

func TestQueryHostAndURIChangeNothing(t *testing.T) {
	s := testSite(t)
	for _, p := range pagePaths() {
		plain := get(t, s, "GET", p)
		for _, target := range []string{p + "?birth=1990-06&education=master", p + "?" + strings.Repeat("k=v&", 16000), p + "?%ff%fe=%c3%28"} {
			rec := get(t, s, "GET", target)
			assert.Equal(t, plain.Code, rec.Code, target[:min(len(target), 40)])
			assert.Equal(t, plain.Header().Get("ETag"), rec.Header().Get("ETag"), p)
			assert.Equal(t, plain.Body.String(), rec.Body.String(), p)
		}
		req := httptest.NewRequest("GET", "http://evil.example"+p+"?x=1", nil)
		req.Host = "evil.example"
		req.Header.Set("X-Forwarded-Host", "evil2.example")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		assert.Equal(t, plain.Body.String(), rec.Body.String(), p)
		assert.NotContains(t, rec.Body.String(), "evil", p)
		assert.NotContains(t, rec.Body.String(), "example.com", p)
	}
}

func TestCharsetOnEveryTextType(t *testing.T) {
	s := testSite(t)
	for _, p := range s.Paths() {
		ct := get(t, s, "HEAD", p).Header().Get("Content-Type")
		require.NotEmpty(t, ct, p)
		if ct != "application/wasm" && ct != "image/png" {
			assert.True(t, strings.HasSuffix(ct, "; charset=utf-8"), "%s: %s", p, ct)
		}
	}
}

func TestNegotiate(t *testing.T) {
	for ae, want := range map[string]string{
		"": "", "br": "br", "gzip": "gzip", "gzip, br": "br", "GZIP": "gzip", "Br;Q=1": "br",
		"br;q=0, gzip": "gzip", "gzip;q=0.5, br;q=0.4": "gzip", "br;q=0.1, gzip;q=0.9": "gzip",
		"br;q=0.05, gzip;q=0.049": "br", "br;q=0.05, gzip;q=0.051": "gzip", "br;q=0.5, gzip;q=0.5": "br",
		"*": "br", "*;q=0": "", "gzip;q=0, *": "br", "br;q=0, *;q=0.5": "gzip", "deflate, *;q=0": "",
		"identity": "", "br;q=0.000": "", "br;q=1.000": "br", "br;q=1.5, gzip": "gzip", "br;q=2": "",
		"br;q=nan, gzip;q=-1, *;q=0": "", "br;q=0.1234": "", "br ; q=0.5": "br", "br;q =0.5": "",
		"br;level=1, gzip": "gzip", " \tbr\t ": "br", "x-br, x-gzip": "", "br;q=0.5, br": "br",
		"br;q=0, br": "", "br gzip": "", ",,,br,,,": "br", "br;q=0.": "", "gzip;q=1.": "gzip",
	} {
		assert.Equal(t, want, negotiate(ae), "%q", ae)
	}
}

func TestEveryCompressibleFileIsPreCompressed(t *testing.T) {
	s := testSite(t)
	for _, p := range s.Paths() {
		f := s.files[p]
		ct := f.header.Get("Content-Type")
		if ct == "image/png" {
			assert.Len(t, f.reps, 1, p)
			assert.Empty(t, f.header.Get("Vary"), p)
			continue
		}
		require.Len(t, f.reps, 3, p)
		assert.Equal(t, "Accept-Encoding", f.header.Get("Vary"), p)
		identity := f.reps[0].body
		for _, c := range []struct{ accept, enc string }{{"br", "br"}, {"gzip", "gzip"}, {"", ""}, {"gzip;q=0.5, br;q=0.4", "gzip"}, {"br;q=0, gzip;q=0", ""}} {
			rec := get(t, s, "GET", p, "Accept-Encoding", c.accept)
			require.Equal(t, 200, rec.Code, p)
			assert.Equal(t, c.enc, rec.Header().Get("Content-Encoding"), "%s %q", p, c.accept)
			assert.Equal(t, "Accept-Encoding", rec.Header().Get("Vary"), p)
			assert.Equal(t, ct, rec.Header().Get("Content-Type"), p)
			body := rec.Body.Bytes()
			switch c.enc {
			case "br":
				if ct == "application/wasm" {
					assert.Equal(t, "BROTLI-BYTES", string(body)) // the build's own file
					continue
				}
				b, err := io.ReadAll(brotli.NewReader(bytes.NewReader(body)))
				require.NoError(t, err, p)
				body = b
			case "gzip":
				zr, err := gzip.NewReader(bytes.NewReader(body))
				require.NoError(t, err, p)
				body, err = io.ReadAll(zr)
				require.NoError(t, err, p)
			}
			assert.True(t, bytes.Equal(identity, body), "%s %s decodes to the file", p, c.enc)
		}
	}
	wasm := get(t, s, "GET", "/"+testVersion+"/web/app.wasm")
	assert.Equal(t, fakeWasm, wasm.Body.Bytes(), "identity from memory")
	assert.Equal(t, "15000", s.handler.WasmContentLength, "the progress bar knows the real size")
}

func TestETagsRangesAndHEAD(t *testing.T) {
	s := testSite(t)
	etags := map[string][]byte{} // a strong ETag names one sequence of bytes
	for _, p := range s.Paths() {
		for _, enc := range []string{"", "br", "gzip"} {
			rec := get(t, s, "GET", p, "Accept-Encoding", enc)
			require.Equal(t, 200, rec.Code, p)
			etag := rec.Header().Get("ETag")
			require.Regexp(t, `^"[0-9a-f]{20}"$`, etag, "%s: a strong ETag", p)
			if prev, ok := etags[etag]; ok && !bytes.Equal(prev, rec.Body.Bytes()) {
				t.Errorf("%s %s: the ETag of other bytes", p, enc)
			}
			etags[etag] = rec.Body.Bytes()
			for _, inm := range []string{etag, "W/" + etag, `"nope", ` + etag, `W/"x",W/` + etag, "*"} {
				rec := get(t, s, "GET", p, "Accept-Encoding", enc, "If-None-Match", inm)
				assert.Equal(t, 304, rec.Code, "%s %s %s", p, enc, inm)
				assert.Empty(t, rec.Body.Bytes())
				assert.Equal(t, etag, rec.Header().Get("ETag"))
			}
			assert.Equal(t, 200, get(t, s, "GET", p, "Accept-Encoding", enc, "If-None-Match", `"other"`).Code, p)
			head := get(t, s, "HEAD", p, "Accept-Encoding", enc)
			assert.Equal(t, 200, head.Code)
			assert.Empty(t, head.Body.Bytes())
			assert.Equal(t, rec.Header().Get("Content-Length"), head.Header().Get("Content-Length"), p)
			assert.Equal(t, rec.Header().Get("Content-Encoding"), head.Header().Get("Content-Encoding"), p)
		}
	}
	// ETags differ by encoding, and identity and brotli of one file differ
	wasm := "/" + testVersion + "/web/app.wasm"
	br := get(t, s, "GET", wasm, "Accept-Encoding", "br").Header().Get("ETag")
	id := get(t, s, "GET", wasm).Header().Get("ETag")
	assert.NotEqual(t, br, id)
	assert.Equal(t, 200, get(t, s, "GET", wasm, "If-None-Match", br).Code, "the brotli ETag does not match identity")

	// a range without If-Range is of the uncompressed file (as from nginx,
	// which cannot take Content-Encoding back from its 416); with
	// If-Range, of the representation it names
	for _, c := range []struct {
		accept, rng, ifRange string
		code                 int
		enc                  string
		body                 []byte
	}{
		{"br", "bytes=0-5", "", 206, "", fakeWasm[:6]},
		{"br", "bytes=0-5", br, 206, "br", []byte("BROTLI")},
		{"br", "bytes=-5", br, 206, "br", []byte("BYTES")},
		{"br", "bytes=-5", `"other"`, 200, "br", []byte("BROTLI-BYTES")},
		{"", "bytes=1-4", "", 206, "", fakeWasm[1:5]},
		{"", "bytes=14995-", id, 206, "", fakeWasm[14995:]},
		{"br", "bytes=999999999-", "", 416, "", nil},
		{"br", "bytes=999999999-", br, 416, "", nil},
	} {
		what := c.rng + " If-Range " + c.ifRange
		rec := get(t, s, "GET", wasm, "Accept-Encoding", c.accept, "Range", c.rng, "If-Range", c.ifRange)
		assert.Equal(t, c.code, rec.Code, what)
		assert.Equal(t, c.enc, rec.Header().Get("Content-Encoding"), what)
		switch c.code {
		case 206:
			assert.Equal(t, c.body, rec.Body.Bytes(), what)
			assert.NotEmpty(t, rec.Header().Get("Content-Range"))
		case 200:
			assert.Equal(t, c.body, rec.Body.Bytes(), what)
		default:
			assert.Empty(t, rec.Header().Get("Cache-Control"), "an error is not cached for a year")
		}
	}
	// no file has a modification date: If-Unmodified-Since cannot hold
	// (nginx cannot ignore it); a 404 ignores preconditions
	for _, ius := range []string{"Mon, 01 Jan 2001 00:00:00 GMT", "Fri, 01 Jan 2100 00:00:00 GMT", "garbage"} {
		for _, m := range []string{"GET", "HEAD"} {
			rec := get(t, s, m, wasm, "Accept-Encoding", "br", "If-Unmodified-Since", ius, "Range", "bytes=0-5")
			assert.Equal(t, 412, rec.Code, ius)
			assert.Empty(t, rec.Header().Get("Content-Encoding"), ius)
			assert.Empty(t, rec.Body.Bytes())
			assert.Equal(t, 404, get(t, s, m, "/nope", "If-Unmodified-Since", ius).Code, ius)
		}
	}
	rec := get(t, s, "GET", "/", "Range", "bytes=0-14")
	assert.Equal(t, 206, rec.Code)
	assert.Equal(t, "<!doctype html>", rec.Body.String())
	rec = get(t, s, "GET", "/", "Range", "bytes=0-0,5-5")
	assert.Equal(t, 206, rec.Code)
	assert.Contains(t, rec.Header().Get("Content-Type"), "multipart/byteranges")
}

func TestCaching(t *testing.T) {
	s := testSite(t)
	for _, p := range s.Paths() {
		cc := get(t, s, "HEAD", p).Header().Get("Cache-Control")
		if strings.HasPrefix(p, "/"+testVersion+"/web/") {
			assert.Equal(t, cacheImmutable, cc, p)
		} else {
			assert.Equal(t, cacheRevalid, cc, p)
		}
	}
	assert.Equal(t, "*", get(t, s, "HEAD", "/"+testVersion+"/web/app.wasm").Header().Get("Access-Control-Allow-Origin"))
}

// TestOldVersionAssets: a page still open from before an upgrade asks for
// its assets under its own version and gets the current ones,
// revalidated.
func TestOldVersionAssets(t *testing.T) {
	s := testSite(t)
	for _, name := range []string{"style.css", "app.wasm", "icon-192.png", "boot.js"} {
		cur := get(t, s, "GET", "/"+testVersion+"/web/"+name, "Accept-Encoding", "br")
		old := get(t, s, "GET", "/fedcba9876543210/web/"+name, "Accept-Encoding", "br")
		require.Equal(t, 200, old.Code, name)
		assert.Equal(t, cur.Body.Bytes(), old.Body.Bytes(), name)
		assert.Equal(t, cur.Header().Get("Content-Type"), old.Header().Get("Content-Type"), name)
		assert.Equal(t, cur.Header().Get("ETag"), old.Header().Get("ETag"), name)
		assert.Equal(t, cacheRevalid, old.Header().Get("Cache-Control"), name)
		assert.Equal(t, cacheImmutable, cur.Header().Get("Cache-Control"), name)
		assert.Equal(t, cacheRevalid, s.Headers("/fedcba9876543210/web/"+name).Get("Cache-Control"))
	}
}

func TestMethodNotAllowed(t *testing.T) {
	s := testSite(t)
	for _, m := range []string{"POST", "PUT", "DELETE", "OPTIONS", "PATCH", "PROPFIND", "TRACE"} {
		for _, p := range []string{"/", "/nope", "/" + testVersion + "/web/app.wasm"} {
			rec := get(t, s, m, p)
			assert.Equal(t, 405, rec.Code, m)
			assert.Equal(t, "GET, HEAD", rec.Header().Get("Allow"), m)
			assert.Equal(t, "text/plain; charset=utf-8", rec.Header().Get("Content-Type"))
		}
	}
}

func TestServiceWorkerAndManifest(t *testing.T) {
	s := testSite(t)
	sw := get(t, s, "GET", "/app-worker.js").Body.String()
	assert.Contains(t, sw, "ignoreSearch", "old share links work offline")
	for _, p := range pagePaths() {
		assert.Contains(t, sw, `"`+p+`"`, "every page of the table is cached for offline use")
	}
	assert.NotContains(t, sw, `"/404"`, "the not-found page is a 404: cache.addAll would fail")
	for _, want := range []string{`"/` + testVersion + `/web/app.wasm"`, `"/` + testVersion + `/web/embed.js"`, `"/` + testVersion + `/web/icon-192.png"`} {
		assert.Contains(t, sw, want)
	}
	assert.NotContains(t, sw, "/web/style.css", "every page carries it: not downloaded again")
	for _, name := range []string{"boot.js", "wasm-worker.js"} {
		assert.Contains(t, sw, `"/`+testVersion+`/web/`+name+`"`, "a repeat visit runs the files, offline too")
	}
	// every cached URL is a 200
	list := regexp.MustCompile(`"(/[^"]*)"`).FindAllStringSubmatch(sw[strings.Index(sw, "const cacheName"):], -1)
	require.NotEmpty(t, list)
	for _, m := range list {
		if strings.HasPrefix(m[1], "/") && !strings.Contains(m[1], " ") {
			assert.Equal(t, 200, get(t, s, "HEAD", m[1]).Code, m[1])
		}
	}
	m := get(t, s, "GET", "/manifest.webmanifest").Body.String()
	assert.Contains(t, m, `"name":"上海居住证积分计算器"`)
	assert.Contains(t, m, `"short_name":"积分计算"`)
	assert.Contains(t, m, `maskable`)
	assert.NotContains(t, m, "http")
}

func TestServiceWorkerRegisteredAfterTheWasm(t *testing.T) {
	js := get(t, testSite(t), "GET", "/app.js").Body.String()
	i := strings.Index(js, "goappInitServiceWorker();")
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, 1, strings.Count(js, "goappInitServiceWorker();"), "registered once")
	assert.Greater(t, i, strings.Index(js, "go.run(wasm.instance);"), "after the wasm starts")
}

// TestWasmExecIsTheToolchains checks that /wasm_exec.js is the Go
// toolchain's own file, not go-app's copy.
func TestWasmExecIsTheToolchains(t *testing.T) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	require.NoError(t, err)
	want, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "lib", "wasm", "wasm_exec.js"))
	require.NoError(t, err)
	rec := get(t, testSite(t), "GET", "/wasm_exec.js")
	require.Equal(t, 200, rec.Code)
	assert.True(t, bytes.Equal(want, rec.Body.Bytes()), "served wasm_exec.js differs from the toolchain's")
	assert.Equal(t, "text/javascript; charset=utf-8", rec.Header().Get("Content-Type"))
}

// TestInlineTextThatWouldEndItsElement: a style or script that would end
// its element in the page's head (or open an HTML comment there) stops
// the site at start, naming the file, rather than break every page.
func TestInlineTextThatWouldEndItsElement(t *testing.T) {
	for name, text := range map[string]string{
		"wasm-worker.js": `var s = "</SCRIPT>";`,
		"style.css":      `a::after{content:"</style >"}`,
	} {
		web := testWeb()
		web[name] = &fstest.MapFile{Data: []byte(text)}
		_, err := New(Config{Web: web, Version: testVersion, FrameAncestors: "*"})
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), "web/"+name, "names the file")
	}
	web := testWeb()
	web["wasm-worker.js"] = &fstest.MapFile{Data: []byte(`// <!-- a comment in a script`)}
	_, err := New(Config{Web: web, Version: testVersion, FrameAncestors: "*"})
	assert.ErrorContains(t, err, "web/wasm-worker.js")
	web = testWeb()
	web["boot.js"] = &fstest.MapFile{Data: []byte(`var s = "</script>";`)}
	_, err = New(Config{Web: web, Version: testVersion, FrameAncestors: "*"})
	assert.NoError(t, err, "boot.js is a file of its own: any text will do")
	for _, name := range []string{"boot.js", "wasm-worker.js", "style.css"} {
		web := testWeb()
		delete(web, name)
		_, err = New(Config{Web: web, Version: testVersion, FrameAncestors: "*"})
		assert.ErrorContains(t, err, name, "a missing head asset is named")
	}
}

func TestMissingWasmIsAClearError(t *testing.T) {
	_, err := New(Config{Web: fstest.MapFS{"style.css": {Data: []byte("")}}, FrameAncestors: "*"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "make build")
}

func TestVersion(t *testing.T) {
	web := testWeb()
	a, err := New(Config{Web: web, FrameAncestors: "*"})
	require.NoError(t, err)
	assert.Regexp(t, `^[0-9a-f]{16}$`, a.Version(), "the content hash")
	web["style.css"] = &fstest.MapFile{Data: []byte("body{}")}
	b, err := New(Config{Web: web, FrameAncestors: "*"})
	require.NoError(t, err)
	assert.NotEqual(t, a.Version(), b.Version(), "a changed asset is a new version")
	for _, bad := range []string{"v1", "0123456789ABCDEF", "0123456789abcdef0", "../../etc"} {
		_, err := New(Config{Web: web, FrameAncestors: "*", Version: bad})
		assert.Error(t, err, bad)
	}
}

// TestSameBytesEveryTime: go-app writes attributes in map order; the
// site is the same bytes at every start (same ETags, same export).
func TestSameBytesEveryTime(t *testing.T) {
	a, b := testSite(t), testSiteWith(t, Config{})
	for _, p := range a.Paths() {
		assert.Equal(t, a.files[p].reps[0].etag, b.files[p].reps[0].etag, p)
	}
	assert.Equal(t, a.notFound.reps[0].body, b.notFound.reps[0].body)
	assert.Equal(t, `<a class="x" href="/y" id="z">t</a><img alt="a b" aria-hidden src="/s"><br>`,
		sortAttributes(`<a id="z" href="/y" class="x">t</a><img src="/s" aria-hidden alt="a b"><br>`))
	assert.Equal(t, `<p>1 &lt; 2</p><x y="\"q\"" z>`, sortAttributes(`<p>1 &lt; 2</p><x z y="\"q\"">`))
}

func TestFramingPolicy(t *testing.T) {
	s := testSite(t)
	rec := get(t, s, "GET", "/embed?age=30")
	assert.Contains(t, rec.Header().Get("Content-Security-Policy"), "frame-ancestors 'self' *")
	assert.Empty(t, rec.Header().Get("X-Frame-Options"), "/embed may be framed")

	limited := testSiteWith(t, Config{FrameAncestors: "https://a.example https://b.example:8443"})
	csp := get(t, limited, "GET", "/embed").Header().Get("Content-Security-Policy")
	assert.True(t, strings.HasSuffix(csp, "frame-ancestors 'self' https://a.example https://b.example:8443"), csp)
	partners := get(t, limited, "GET", "/partners").Header().Get("Content-Security-Policy")
	assert.True(t, strings.HasSuffix(partners, "frame-ancestors 'self'"), "the /partners preview frames /embed from the site itself")

	for _, bad := range []string{"a.example", "https://a.example/x", "https://a.example;script-src *", "javascript:x", "'unsafe-inline'", "https://a.example?x"} {
		_, err := FrameAncestors(bad)
		assert.Error(t, err, bad)
	}
	for _, empty := range []string{"", "  "} {
		_, err := New(Config{Web: testWeb(), FrameAncestors: empty})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "-frame-ancestors is empty")
	}
	got, err := FrameAncestors("'self' https://a.example")
	require.NoError(t, err)
	assert.Equal(t, "'self' https://a.example", got)
}

func TestOrigin(t *testing.T) {
	s := testSiteWith(t, Config{Origin: "https://jifen.example/"})
	for _, p := range pagePaths() {
		body := get(t, s, "GET", p).Body.String()
		assert.Contains(t, body, `<link href="https://jifen.example`+p+`" rel="canonical">`, p)
		assert.Contains(t, body, `<meta content="https://jifen.example`+p+`" property="og:url">`, p)
		assert.Contains(t, body, `<meta content="https://jifen.example/web/icon-512.png" property="og:image">`, p)
		assert.Equal(t, 1, strings.Count(body, `rel="canonical"`), p)
	}
	nf := get(t, s, "GET", "/nope").Body.String()
	assert.NotContains(t, nf, "canonical", "a 404 has no canonical link")
	assert.Contains(t, get(t, s, "GET", "/app.js").Body.String(), `"JIFEN_ORIGIN":"https://jifen.example"`)

	plain := testSite(t)
	for _, p := range pagePaths() {
		body := get(t, plain, "GET", p).Body.String()
		assert.NotContains(t, body, "og:url", p)
		assert.NotContains(t, body, "og:image", p)
		assert.NotContains(t, body, "canonical", p)
		assert.NotContains(t, body, "https:///", p)
	}
	assert.NotContains(t, get(t, plain, "GET", "/app.js").Body.String(), "JIFEN_ORIGIN")

	for _, bad := range []string{"jifen.example", "https://jifen.example/x", "ftp://jifen.example", "https://", "https://a b"} {
		_, err := New(Config{Web: testWeb(), FrameAncestors: "*", Origin: bad})
		assert.Error(t, err, bad)
	}
}

func TestWasmLoadedThroughBoot(t *testing.T) {
	js := get(t, testSite(t), "GET", "/app.js").Body.String()
	assert.Contains(t, js, `window.jifenWasm("/`+testVersion+`/web/app.wasm", showProgress, go.importObject, goappWasmContentLength, mainThread)`, "compiled in boot.js's worker")
	assert.Contains(t, js, `const mainThread = () => instantiateStreaming(fetchWithProgress("/`+testVersion+`/web/app.wasm", showProgress), go.importObject);`, "go-app's own load as the fallback")
	assert.Less(t, strings.Index(js, "window.jifenWasm("), strings.Index(js, "go.run(wasm.instance);"))
	// the loader goes once the app has drawn (or Go has exited), not at the
	// first yield of Go's start
	wait := strings.Index(js, "await Promise.race([window.jifenStarted || Promise.resolve(), exited]);")
	require.Greater(t, wait, strings.Index(js, "const exited = go.run(wasm.instance);"))
	assert.Less(t, wait, strings.Index(js, "loader.remove();\n    goappInitServiceWorker();"))
}
