package e2e

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The hardening issue, against the real bin/server and nginx serving the
// export: nginx's own error pages say what bin/server says.

// bothBackends starts bin/server and nginx on the export, or skips.
func bothBackends(t *testing.T) map[string]*server {
	if serverPath == "" || nginxPath == "" || distDir == "" {
		t.Skip("needs bin/server, nginx and the export (make e2e)")
	}
	return map[string]*server{"server": startServer(t), "nginx": startNginx(t)}
}

// assertEachHeaderOnce: no header line twice (nginx used to send every
// header of a file twice on its 416 page).
func assertEachHeaderOnce(t *testing.T, a answer, what string) {
	t.Helper()
	for k, vs := range a.header {
		assert.Len(t, vs, 1, "%s: %s sent %d times", what, k, len(vs))
	}
}

// TestHardeningNginxErrorPages: nginx's own 416 and 412 pages (and a 304)
// carry no Content-Encoding and each header once, with the same security
// headers as bin/server's; and the ranges behind that rule: a Range
// without If-Range is of the uncompressed file on both, a resumed
// download (If-Range) keeps its encoding.
func TestHardeningNginxErrorPages(t *testing.T) {
	backends := bothBackends(t)
	version := siteVersion(t, backends["server"].URL)
	paths := []string{"/" + version + "/web/app.wasm", "/calc", "/embed", "/" + version + "/web/style.css", "/0000000000000000/web/app.wasm"}
	for _, p := range paths {
		etag := map[string]string{}
		for name, b := range backends {
			etag[name] = fetch(t, "HEAD", b.URL+p, "Accept-Encoding", "br").header.Get("ETag")
			require.NotEmpty(t, etag[name], "%s %s", name, p)
		}
		cases := []struct {
			code int
			hdr  func(name string) []string
		}{
			{416, func(string) []string { return []string{"Range", "bytes=999999999-"} }},
			{416, func(string) []string { return []string{"Range", "bytes=999999998-999999999, 999999999-"} }},
			{416, func(string) []string { return []string{"Range", "bytes=abc"} }},
			{412, func(string) []string { return []string{"If-Match", `"nope"`} }},
			{412, func(string) []string { return []string{"If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"} }},
			{304, func(name string) []string { return []string{"If-None-Match", etag[name]} }},
		}
		for _, c := range cases {
			got := map[string]answer{}
			for name, b := range backends {
				hdr := append([]string{"Accept-Encoding", "br"}, c.hdr(name)...)
				what := name + " " + p + " " + strings.Join(hdr, ": ")
				a := fetch(t, "GET", b.URL+p, hdr...)
				got[name] = a
				require.Equal(t, c.code, a.code, what)
				assert.Empty(t, a.header.Values("Content-Encoding"), "%s: no Content-Encoding", what)
				assertEachHeaderOnce(t, a, what)
			}
			for _, h := range append([]string{"Vary", "Access-Control-Allow-Origin"}, securityHeaders...) {
				assert.Equal(t, got["server"].header.Values(h), got["nginx"].header.Values(h), "%s %d: %s", p, c.code, h)
			}
		}

		// the ranges: without If-Range, of the uncompressed file; with
		// If-Range naming the brotli form, of the brotli form
		body := map[string][]byte{}
		for name, b := range backends {
			whole := fetch(t, "GET", b.URL+p)
			require.Equal(t, 200, whole.code)
			a := fetch(t, "GET", b.URL+p, "Accept-Encoding", "br", "Range", "bytes=0-9")
			require.Equal(t, 206, a.code, "%s %s", name, p)
			assert.Empty(t, a.header.Get("Content-Encoding"), "%s %s: a range without If-Range", name, p)
			assert.Equal(t, whole.body[:10], a.body, "%s %s: the uncompressed bytes", name, p)
			a = fetch(t, "GET", b.URL+p, "Accept-Encoding", "br", "Range", "bytes=0-9", "If-Range", etag[name])
			require.Equal(t, 206, a.code, "%s %s", name, p)
			assert.Equal(t, "br", a.header.Get("Content-Encoding"), "%s %s: a download resumed with If-Range", name, p)
			body[name] = a.body
		}
		assert.Equal(t, body["server"], body["nginx"], "%s: the same brotli bytes", p)
	}
}

// TestHardeningIfUnmodifiedSince: bin/server and nginx answer
// If-Unmodified-Since alike: no file has a modification date (neither
// sends Last-Modified), so any date, past, present, future or garbage,
// gets 412 on a file, and is ignored on a 404, GET and HEAD alike.
func TestHardeningIfUnmodifiedSince(t *testing.T) {
	backends := bothBackends(t)
	version := siteVersion(t, backends["server"].URL)
	files := []string{"/" + version + "/web/app.wasm", "/calc", "/", "/0000000000000000/web/style.css"}
	for name, b := range backends {
		for _, p := range files {
			assert.Empty(t, fetch(t, "GET", b.URL+p, "Accept-Encoding", "br").header.Values("Last-Modified"), "%s %s", name, p)
		}
	}
	for _, ius := range []string{"Mon, 01 Jan 2001 00:00:00 GMT", time.Now().UTC().Format(http.TimeFormat),
		"Fri, 01 Jan 2100 00:00:00 GMT", "garbage"} {
		for _, method := range []string{"GET", "HEAD"} {
			for _, p := range append(files, "/nope", "/"+version+"/web/nope.css") {
				want := 412
				if strings.Contains(p, "nope") {
					want = 404
				}
				got := map[string]answer{}
				for name, b := range backends {
					a := fetch(t, method, b.URL+p, "Accept-Encoding", "br", "If-Unmodified-Since", ius, "Range", "bytes=0-9")
					what := name + " " + method + " " + p + " If-Unmodified-Since: " + ius
					got[name] = a
					assert.Equal(t, want, a.code, what)
					if want == 412 {
						assert.Empty(t, a.header.Values("Content-Encoding"), what)
					}
					assertEachHeaderOnce(t, a, what)
				}
				for _, h := range securityHeaders {
					assert.Equal(t, got["server"].header.Values(h), got["nginx"].header.Values(h), "%s %s %s: %s", method, p, ius, h)
				}
			}
		}
	}
}
