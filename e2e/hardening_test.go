package e2e

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The hardening issue, against the real bin/server and nginx serving the
// export: connections whose bodies never come and downloads nobody reads
// do not lock visitors out, and nginx's own error pages say what
// bin/server says.

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

// dialSmall connects with a small receive buffer (smallReceiveBuffer);
// closed at the end of the test.
func dialSmall(t *testing.T, addr string) net.Conn {
	t.Helper()
	d := net.Dialer{Timeout: 5 * time.Second, Control: smallReceiveBuffer}
	c, err := d.Dial("tcp", addr)
	require.NoError(t, err)
	t.Cleanup(func() { c.Close() })
	return c
}

// TestHardeningServerUnderAttack: bin/server -max-conns 20, its cap full
// of downloads of the identity app.wasm that nobody reads, then 60
// connections that announce a body and never send it. Visitors are
// answered within a couple of seconds throughout (before: never, for
// minutes), and the server counts the stalled downloads it closed.
func TestHardeningServerUnderAttack(t *testing.T) {
	if serverPath == "" {
		t.Skip("no server")
	}
	srv := startServerWith(t, "-addr", "127.0.0.1:0", "-max-conns", "20", "-grace", "2s")
	srv.waitOutput(t, "at most 20 connections")
	addr := strings.TrimPrefix(srv.URL, "http://")
	wasm := "/" + siteVersion(t, srv.URL) + "/web/app.wasm"
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	visit := func(when string) {
		t.Helper()
		start := time.Now()
		res, err := client.Get(srv.URL + "/calc")
		require.NoError(t, err, "a visitor %s", when)
		_, err = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		require.NoError(t, err)
		took := time.Since(start)
		t.Logf("a visitor %s: answered in %v", when, took)
		assert.Equal(t, 200, res.StatusCode)
		assert.Less(t, took, 5*time.Second, "a visitor %s is served within a couple of seconds", when)
	}

	for i := 0; i < 20; i++ {
		c := dialSmall(t, addr)
		c.SetDeadline(time.Now().Add(30 * time.Second))
		_, err := io.WriteString(c, "GET "+wasm+" HTTP/1.1\r\nHost: x\r\nAccept-Encoding: identity\r\n\r\n")
		require.NoError(t, err)
		res, err := http.ReadResponse(bufio.NewReader(c), nil) // the headers, then nothing more is read
		require.NoError(t, err, "download %d", i)
		require.Greater(t, res.ContentLength, int64(4<<20), "the identity app.wasm")
	}
	visit("when the cap is full of stalled downloads")

	bodies := []string{
		"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n",
		"GET /calc HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n",
		"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
	}
	for i := 0; i < 60; i++ {
		_, err := io.WriteString(dialSmall(t, addr), bodies[i%len(bodies)])
		require.NoError(t, err)
	}
	visit("among connections whose bodies never come")
	visit("after them")

	srv.stop()
	assert.NoError(t, srv.err)
	srv.waitOutput(t, "stalled at the cap")
	for _, line := range strings.Split(srv.out.String(), "\n") {
		if i := strings.Index(line, " stalled at the cap"); i >= 0 {
			f := strings.Fields(line)
			n, err := strconv.Atoi(f[2])
			require.NoError(t, err, line)
			assert.GreaterOrEqual(t, n, 1, line)
		}
	}
}
