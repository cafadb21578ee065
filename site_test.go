//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	wasmexec "jifen/wasm_exec"
)

var fakeWasm = bytes.Repeat([]byte("\x00asm fake wasm "), 1000)

func testSite(t *testing.T) *site {
	t.Helper()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(fakeWasm)
	zw.Close()
	web := fstest.MapFS{
		"app.wasm.br":       {Data: []byte("BROTLI-BYTES")},
		"app.wasm.gz":       {Data: gz.Bytes()},
		"style.css":         {Data: []byte("body{}")},
		"boot.js":           {Data: []byte("// boot")},
		"icon.svg":          {Data: []byte("<svg></svg>")},
		"icon-192.png":      {Data: []byte("png")},
		"icon-512.png":      {Data: []byte("png")},
		"icon-maskable.png": {Data: []byte("png")},
	}
	s, err := newSite(siteConfig{Web: web, Version: "v123"})
	require.NoError(t, err)
	return s
}

func get(t *testing.T, h http.Handler, method, target string, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestSecurityHeadersEverywhere(t *testing.T) {
	s := testSite(t)
	for _, p := range []string{"/", "/result?age=30", "/web/style.css", "/v123/web/app.wasm", "/wasm_exec.js", "/nope", "/app.js", "/manifest.webmanifest"} {
		rec := get(t, s, "GET", p, nil)
		csp := rec.Header().Get("Content-Security-Policy")
		assert.Contains(t, csp, "default-src 'self'", p)
		assert.Contains(t, csp, "'wasm-unsafe-eval'", p)
		assert.Contains(t, csp, "frame-ancestors 'self'", p)
		assert.NotContains(t, csp, "unsafe-inline", p)
		assert.NotContains(t, csp, "http", p, "no other host is allowed")
		assert.Equal(t, "nosniff", rec.Header().Get("X-Content-Type-Options"), p)
		assert.Equal(t, "no-referrer", rec.Header().Get("Referrer-Policy"), p)
	}
}

func TestPagesArePreRendered(t *testing.T) {
	s := testSite(t)
	rec := get(t, s, "GET", "/result?age=35&education=master", nil)
	require.Equal(t, 200, rec.Code)
	body := rec.Body.String()
	assert.Regexp(t, `<span[^>]*data-testid="total"[^>]*>130</span>`, body)
	assert.Contains(t, body, `lang="zh-CN"`)
	assert.Contains(t, body, "/v123/web/style.css", "assets are versioned")
	assert.NotContains(t, body, "githubusercontent", "no icon from a foreign host")

	rec = get(t, s, "GET", "/", nil)
	assert.Contains(t, rec.Body.String(), "您的出生年月是？")
}

func TestWasmCompressionNegotiation(t *testing.T) {
	s := testSite(t)
	cases := []struct {
		accept, enc string
	}{
		{"gzip, deflate, br", "br"},
		{"br;q=0, gzip", "gzip"},
		{"gzip;q=0.5, br;q=0.4", "gzip"},
		{"gzip", "gzip"},
		{"identity", ""},
		{"", ""},
		{"br;q=0, gzip;q=0", ""},
	}
	for _, c := range cases {
		rec := get(t, s, "GET", "/v123/web/app.wasm", map[string]string{"Accept-Encoding": c.accept})
		require.Equal(t, 200, rec.Code, c.accept)
		h := rec.Header()
		assert.Equal(t, "application/wasm", h.Get("Content-Type"), c.accept)
		assert.Equal(t, "Accept-Encoding", h.Get("Vary"), c.accept)
		assert.Equal(t, c.enc, h.Get("Content-Encoding"), c.accept)
		assert.Equal(t, cacheImmutable, h.Get("Cache-Control"), c.accept)
		switch c.enc {
		case "br":
			assert.Equal(t, "BROTLI-BYTES", rec.Body.String())
		case "gzip":
			zr, err := gzip.NewReader(rec.Body)
			require.NoError(t, err)
			b, _ := io.ReadAll(zr)
			assert.Equal(t, fakeWasm, b)
		default:
			assert.Equal(t, fakeWasm, rec.Body.Bytes())
		}
	}
	// the progress bar knows the real size
	assert.Equal(t, "15000", s.goapp.WasmContentLength)
}

func TestHEADAndCaching(t *testing.T) {
	s := testSite(t)
	rec := get(t, s, "HEAD", "/v123/web/app.wasm", map[string]string{"Accept-Encoding": "br"})
	assert.Equal(t, 200, rec.Code)
	assert.Empty(t, rec.Body.String())
	assert.Equal(t, "12", rec.Header().Get("Content-Length"))

	rec = get(t, s, "HEAD", "/", nil)
	assert.Equal(t, 200, rec.Code)

	rec = get(t, s, "GET", "/web/style.css", nil)
	assert.Equal(t, cacheRevalid, rec.Header().Get("Cache-Control"), "unversioned assets revalidate")
	rec = get(t, s, "GET", "/v123/web/style.css", nil)
	assert.Equal(t, cacheImmutable, rec.Header().Get("Cache-Control"))
	assert.Equal(t, "body{}", rec.Body.String())
	rec = get(t, s, "GET", "/old/web/style.css", nil)
	assert.Equal(t, 200, rec.Code, "an older page still gets the file")
	assert.Equal(t, cacheRevalid, rec.Header().Get("Cache-Control"))

	rec = get(t, s, "GET", "/v123/web/app.wasm", map[string]string{"Accept-Encoding": "br", "If-None-Match": `"v123-br"`})
	assert.Equal(t, http.StatusNotModified, rec.Code)
}

func TestUnknownPathsAndMethods(t *testing.T) {
	s := testSite(t)
	for _, p := range []string{"/nope", "/web/", "/web/nope.css", "/web/app.wasm.br", "/web/../site.go", "/v123/web/", "/web/.hidden", "/sitemap.xml", "/app.wasm"} {
		rec := get(t, s, "GET", p, nil)
		assert.Equal(t, 404, rec.Code, p)
	}
	rec := get(t, s, "POST", "/", nil)
	assert.Equal(t, 405, rec.Code)
	assert.Equal(t, "GET, HEAD", rec.Header().Get("Allow"))
	rec = get(t, s, "GET", "/robots.txt", nil)
	assert.Equal(t, 200, rec.Code)
}

func TestServiceWorkerAndManifest(t *testing.T) {
	s := testSite(t)
	sw := get(t, s, "GET", "/app-worker.js", nil).Body.String()
	assert.Contains(t, sw, "ignoreSearch", "share links work offline")
	for _, want := range []string{`"/"`, `"/result"`, `"/v123/web/app.wasm"`, `"/v123/web/style.css"`, `"/v123/web/icon-192.png"`} {
		assert.Contains(t, sw, want)
	}
	m := get(t, s, "GET", "/manifest.webmanifest", nil).Body.String()
	assert.Contains(t, m, `"name":"上海居住证积分计算器"`)
	assert.Contains(t, m, `"short_name":"积分计算"`)
	assert.Contains(t, m, `maskable`)
	assert.NotContains(t, m, "http")
}

// TestWasmExecIsTheToolchains checks that /wasm_exec.js is the Go
// toolchain's own file, not go-app's copy.
func TestWasmExecIsTheToolchains(t *testing.T) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	require.NoError(t, err)
	want, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "lib", "wasm", "wasm_exec.js"))
	require.NoError(t, err)
	rec := get(t, testSite(t), "GET", "/wasm_exec.js", nil)
	require.Equal(t, 200, rec.Code)
	assert.True(t, bytes.Equal(want, rec.Body.Bytes()), "served wasm_exec.js differs from the toolchain's")
	assert.Contains(t, rec.Header().Get("Content-Type"), "javascript")
}

func TestNegotiate(t *testing.T) {
	assert.Equal(t, "br", negotiate("br"))
	assert.Equal(t, "br", negotiate("gzip, br"))
	assert.Equal(t, "gzip", negotiate("GZIP"))
	assert.Equal(t, "", negotiate("deflate, *;q=0"))
	assert.Equal(t, "gzip", negotiate("br;q=0.1, gzip;q=0.9"))
}

func TestMissingWasmIsAClearError(t *testing.T) {
	_, err := newSite(siteConfig{Web: fstest.MapFS{"style.css": {Data: []byte("")}}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "make build")
}

func TestEveryPageIsPreRenderedWithItsOwnTitle(t *testing.T) {
	s := testSite(t)
	titles := map[string]bool{}
	for _, p := range []string{"/", "/result", "/calc", "/plan", "/guide", "/rules"} {
		rec := get(t, s, "GET", p, nil)
		require.Equal(t, 200, rec.Code, p)
		body := rec.Body.String()
		i, j := strings.Index(body, "<title>"), strings.Index(body, "</title>")
		require.True(t, i >= 0 && j > i, p)
		title := body[i:j]
		assert.False(t, titles[title], "%s repeats the title %s", p, title)
		titles[title] = true
		assert.Regexp(t, `<meta[^>]*name="description"`, body, p)
	}
	rules := get(t, s, "GET", "/rules", nil).Body.String()
	assert.Contains(t, rules, `data-testid="rules-table"`)
	for _, want := range []string{"本科+学士学位 90", "高级职称 140", "12,434 元", "2025-07", "尚无定论的问题", "以区人才服务中心核定为准", "中：有争议"} {
		assert.Contains(t, rules, want)
	}
	guide := get(t, s, "GET", "/guide?title=senior&title_base_ok=1", nil).Body.String()
	assert.Contains(t, guide, "职称证书")
	assert.NotContains(t, guide, "结婚证")
}

func TestFramingPolicy(t *testing.T) {
	s := testSite(t)
	rec := get(t, s, "GET", "/embed?age=30", nil)
	assert.Contains(t, rec.Header().Get("Content-Security-Policy"), "frame-ancestors *")
	assert.Empty(t, rec.Header().Get("X-Frame-Options"), "/embed may be framed")
	for _, p := range []string{"/", "/result", "/calc", "/partners", "/embed/x"} {
		rec := get(t, s, "GET", p, nil)
		assert.Contains(t, rec.Header().Get("Content-Security-Policy"), "frame-ancestors 'self'", p)
		assert.Equal(t, "SAMEORIGIN", rec.Header().Get("X-Frame-Options"), p)
	}

	web := s.web
	limited, err := newSite(siteConfig{Web: web, Version: "v1", FrameAncestors: "https://a.example https://b.example:8443"})
	require.NoError(t, err)
	csp := get(t, limited, "GET", "/embed", nil).Header().Get("Content-Security-Policy")
	assert.Contains(t, csp, "frame-ancestors https://a.example https://b.example:8443")
	assert.NotContains(t, csp, "frame-ancestors *")

	for _, bad := range []string{"a.example", "https://a.example/x", "https://a.example;script-src *", "javascript:x", "'unsafe-inline'"} {
		_, err := FrameAncestors(bad)
		assert.Error(t, err, bad)
	}
	got, err := FrameAncestors("")
	require.NoError(t, err)
	assert.Equal(t, "*", got)
}

func TestExport(t *testing.T) {
	s := testSite(t)
	dir := t.TempDir()
	require.NoError(t, s.export(dir))
	for _, f := range []string{"index.html", "result.html", "calc.html", "plan.html", "guide.html", "rules.html", "embed.html", "partners.html",
		"app.js", "app-worker.js", "manifest.webmanifest", "app.css", "wasm_exec.js", "robots.txt", "_headers",
		"web/style.css", "v123/web/style.css", "v123/web/app.wasm", "v123/web/app.wasm.br", "v123/web/app.wasm.gz"} {
		_, err := os.Stat(filepath.Join(dir, f))
		assert.NoError(t, err, f)
	}
	wasm, err := os.ReadFile(filepath.Join(dir, "v123/web/app.wasm"))
	require.NoError(t, err)
	assert.Equal(t, fakeWasm, wasm, "the raw wasm beside the compressed ones")
	calc, _ := os.ReadFile(filepath.Join(dir, "calc.html"))
	assert.Contains(t, string(calc), "完整计算器")
	h, _ := os.ReadFile(filepath.Join(dir, "_headers"))
	headers := string(h)
	assert.Contains(t, headers, "/embed\n  Content-Security-Policy: ")
	assert.Contains(t, headers, "frame-ancestors *")
	assert.Contains(t, headers, "/v123/web/app.wasm\n  Content-Type: application/wasm")
	assert.Contains(t, headers, "/v123/web/*\n  Cache-Control: public, max-age=31536000, immutable")
	assert.Equal(t, 1, strings.Count(headers, "frame-ancestors *"))
	ws, _ := os.ReadFile(filepath.Join(dir, "wasm_exec.js"))
	assert.True(t, bytes.Equal(ws, wasmexec.JS), "the toolchain's wasm_exec.js")
}

func TestServiceWorkerRegisteredAfterTheWasm(t *testing.T) {
	js := get(t, testSite(t), "GET", "/app.js", nil).Body.String()
	i := strings.Index(js, "goappInitServiceWorker();")
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, 1, strings.Count(js, "goappInitServiceWorker();"), "registered once")
	assert.Greater(t, i, strings.Index(js, "go.run(wasm.instance);"), "after the wasm starts")
}
