package e2e

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// backend starts a copy of the site: bin/server, or the static export
// served by nginx with the server block from deploy/.
type backend struct {
	name  string
	start func(testing.TB) *server
}

func backends(t *testing.T) []backend {
	bs := []backend{{"server", startServer}}
	if nginxPath != "" && distDir != "" {
		bs = append(bs, backend{"nginx", startNginx})
	} else {
		t.Log("static export not tested: no nginx or JIFEN_DIST")
	}
	return bs
}

// startNginx serves the export in distDir with deploy/nginx.conf.
func startNginx(t testing.TB) *server {
	t.Helper()
	return startNginxOn(t, distDir, 1)
}

// startNginxOn serves the export in root with deploy/nginx.conf and this
// many worker processes, on a loopback port that nginx has bound itself:
// a port that someone else takes first makes nginx exit, and it is
// started again on another one.
func startNginxOn(t testing.TB, root string, workers int) *server {
	t.Helper()
	if nginxPath == "" || root == "" {
		t.Skip("no nginx or no export")
	}
	block, err := os.ReadFile(filepath.Join("..", "deploy", "nginx.conf"))
	require.NoError(t, err)
	for attempt := 1; ; attempt++ {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		port := ln.Addr().(*net.TCPAddr).Port
		ln.Close() // nginx binds it: if another process is quicker, nginx says so and exits
		conf := string(block)
		for old, repl := range map[string]string{
			"listen 8080;":       fmt.Sprintf("listen 127.0.0.1:%d;", port),
			"/srv/jifen/dist;":   root + ";",
			"/srv/jifen/dist/_n": root + "/_n",
		} {
			require.Contains(t, conf, old, "deploy/nginx.conf changed: update the test")
			conf = strings.ReplaceAll(conf, old, repl)
		}
		dir := t.TempDir()
		head := ""
		if os.Geteuid() == 0 {
			head = "user root;\n" // the export may sit in a folder only root can read
		}
		if workers > 1 {
			head += fmt.Sprintf("master_process on;\nworker_processes %d;\n", workers)
		} else {
			head += "master_process off;\nworker_processes 1;\n"
		}
		pid := filepath.Join(dir, "nginx.pid")
		main := head + `daemon off;
error_log stderr warn;
pid ` + pid + `;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path ` + dir + `/body;
    proxy_temp_path ` + dir + `/proxy;
    fastcgi_temp_path ` + dir + `/fastcgi;
    uwsgi_temp_path ` + dir + `/uwsgi;
    scgi_temp_path ` + dir + `/scgi;
    include ` + dir + `/server.conf;
}
`
		require.NoError(t, os.WriteFile(filepath.Join(dir, "server.conf"), []byte(conf), 0o644))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "nginx.conf"), []byte(main), 0o644))
		cmd := exec.Command(nginxPath, "-c", filepath.Join(dir, "nginx.conf"), "-p", dir)
		s := &server{URL: fmt.Sprintf("http://127.0.0.1:%d", port), cmd: cmd, out: &syncBuffer{}, exited: make(chan struct{})}
		cmd.Stdout, cmd.Stderr = s.out, s.out
		require.NoError(t, cmd.Start())
		go func() {
			s.err = cmd.Wait()
			close(s.exited)
		}()
		// nginx writes its pid file once its socket is bound and listening
		if waitUntil(10*time.Second, s.exited, func() bool { _, err := os.Stat(pid); return err == nil }) {
			t.Cleanup(func() {
				s.stop()
				if t.Failed() {
					t.Logf("nginx said:\n%s", s.out.String())
				}
			})
			return s
		}
		s.stop()
		if !strings.Contains(s.out.String(), "Address already in use") || attempt == 5 {
			t.Fatalf("nginx did not start:\n%s", s.out.String())
		}
	}
}

// waitUntil polls cond every 10 ms until it holds (true), or until done
// is closed or the timeout passes (false).
func waitUntil(timeout time.Duration, done <-chan struct{}, cond func() bool) bool {
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(timeout)
	for !cond() {
		select {
		case <-done:
			return cond()
		case <-deadline:
			return false
		case <-tick.C:
		}
	}
	return true
}

// exportedPaths lists the URL path of every file of the export, from its
// _headers (which has a block for each).
func exportedPaths(t *testing.T, dir string) []string {
	f, err := os.Open(filepath.Join(dir, "_headers"))
	require.NoError(t, err)
	defer f.Close()
	var paths []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); strings.HasPrefix(l, "/") && l != "/*" {
			paths = append(paths, l)
		}
	}
	require.NoError(t, sc.Err())
	require.Greater(t, len(paths), 20)
	sort.Strings(paths)
	return paths
}

// answer is what a test compares of an HTTP answer.
type answer struct {
	code   int
	header http.Header
	body   []byte
}

func fetch(t *testing.T, method, url string, hdr ...string) answer {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	require.NoError(t, err)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := rawTransport.RoundTrip(req)
	require.NoError(t, err, url)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err, url)
	return answer{res.StatusCode, res.Header, body}
}

// rawTransport neither compresses nor follows anything: the answer as
// sent.
var rawTransport = &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 16}

// securityHeaders are sent with every answer by both.
var securityHeaders = []string{"Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy"}

// fileHeaders are compared on a 200, 206 or 404.
var fileHeaders = append([]string{"Content-Type", "Cache-Control", "Content-Encoding", "Vary", "Access-Control-Allow-Origin", "Content-Length", "Content-Range"}, securityHeaders...)

// negotiation: Accept-Encoding → the encoding both must choose.
var negotiation = map[string]string{
	"": "", "br": "br", "gzip": "gzip", "gzip, deflate, br, zstd": "br", "GZIP": "gzip", "Br;Q=1": "br",
	"br;q=0, gzip": "gzip", "gzip;q=0.5, br;q=0.4": "gzip", "br;q=0.1, gzip;q=0.9": "gzip",
	"br;q=0.05, gzip;q=0.049": "br", "br;q=0.05, gzip;q=0.051": "gzip", "br;q=0.5, gzip;q=0.5": "br",
	"*": "br", "*;q=0": "", "gzip;q=0, *": "br", "br;q=0, *;q=0.5": "gzip", "deflate, *;q=0": "",
	"identity": "", "br;q=0.000": "", "br;q=1.000": "br", "br;q=1.5, gzip": "gzip",
	"br;q=nan, gzip;q=-1, *;q=0": "", "br ; q=0.5": "br", "br;q=0, br": "", "x-br, x-gzip": "",
	"br;level=1, gzip": "gzip", ",,,br,,,": "br", "gzip;q=1.": "gzip", "br;q=0.999, gzip;q=1": "gzip",
}

// TestServerAndNginxAnswerAlike runs the same requests against bin/server
// and nginx serving the export with deploy/nginx.conf: every file with
// every encoding, ETags and 304, Range, HEAD, the q-value cases, unknown
// paths, a previous version's assets and other methods. Both must answer
// with the same status, headers and bytes.
func TestServerAndNginxAnswerAlike(t *testing.T) {
	if serverPath == "" || nginxPath == "" || distDir == "" {
		t.Skip("needs bin/server, nginx and the export (make e2e)")
	}
	srv, ngx := startServer(t), startNginx(t)
	paths := exportedPaths(t, distDir)
	var wasm string
	for _, p := range paths {
		if strings.HasSuffix(p, "/web/app.wasm") {
			wasm = p
		}
	}
	require.NotEmpty(t, wasm)
	compare := func(what string, a, b answer, headers []string, body bool) {
		t.Helper()
		if !assert.Equal(t, a.code, b.code, "%s: status", what) {
			return
		}
		for _, h := range headers {
			assert.Equal(t, a.header.Values(h), b.header.Values(h), "%s: %s", what, h)
		}
		if body {
			assert.True(t, string(a.body) == string(b.body), "%s: the same bytes (%d and %d)", what, len(a.body), len(b.body))
		}
	}
	both := func(method, path string, hdr ...string) (answer, answer) {
		t.Helper()
		return fetch(t, method, srv.URL+path, hdr...), fetch(t, method, ngx.URL+path, hdr...)
	}

	for _, p := range paths {
		for _, enc := range []string{"", "br", "gzip"} {
			a, b := both("GET", p, "Accept-Encoding", enc)
			what := p + " " + enc
			require.Equal(t, 200, a.code, what)
			compare(what, a, b, fileHeaders, true)
			ct := a.header.Get("Content-Type")
			if ct != "application/wasm" && ct != "image/png" {
				assert.True(t, strings.HasSuffix(ct, "; charset=utf-8"), "%s: %s", what, ct)
			}
			for name, ans := range map[string]answer{"server": a, "nginx": b} {
				etag := ans.header.Get("ETag")
				require.Regexp(t, `^"[^"]+"$`, etag, "%s %s: a strong ETag", name, what)
				url := map[string]string{"server": srv.URL, "nginx": ngx.URL}[name] + p
				for _, inm := range []string{etag, "W/" + etag, `"nope", ` + etag} {
					assert.Equal(t, 304, fetch(t, "GET", url, "Accept-Encoding", enc, "If-None-Match", inm).code, "%s %s If-None-Match: %s", name, what, inm)
				}
			}
			a, b = both("HEAD", p, "Accept-Encoding", enc)
			compare("HEAD "+what, a, b, fileHeaders, true)
			assert.Empty(t, a.body)
		}
	}
	// q-values, on a page and on the wasm
	for ae, want := range negotiation {
		for _, p := range []string{"/calc", wasm} {
			a, b := both("HEAD", p, "Accept-Encoding", ae)
			assert.Equal(t, want, a.header.Get("Content-Encoding"), "server: %q", ae)
			assert.Equal(t, want, b.header.Get("Content-Encoding"), "nginx: %q", ae)
			compare(p+" "+ae, a, b, fileHeaders, false)
		}
	}
	// ranges, the wasm included
	for _, c := range []struct{ path, enc, rng string }{
		{wasm, "br", "bytes=0-99"}, {wasm, "", "bytes=1000-1999"}, {wasm, "gzip", "bytes=-10"}, {"/", "", "bytes=0-14"},
		{"/calc", "br", "bytes=5-"},
	} {
		a, b := both("GET", c.path, "Accept-Encoding", c.enc, "Range", c.rng)
		assert.Equal(t, 206, a.code, c.rng)
		compare(c.path+" "+c.rng, a, b, fileHeaders, true)
	}
	// an unsatisfiable range: nginx's own 416 page, with each header once
	// and no Content-Encoding (more in TestHardeningNginxErrorPages)
	a, b := both("GET", wasm, "Accept-Encoding", "br", "Range", "bytes=999999999-")
	assert.Equal(t, 416, a.code)
	assert.Equal(t, 416, b.code)
	for _, h := range append([]string{"Content-Encoding", "Content-Range"}, securityHeaders...) {
		assert.Equal(t, a.header.Values(h), b.header.Values(h), "unsatisfiable range: %s", h)
	}

	// unknown paths: the Chinese not-found page, 404, never cached for a
	// year, also when If-None-Match matches a file's ETag
	etag := fetch(t, "GET", srv.URL+"/").header.Get("ETag")
	nginxETag := fetch(t, "GET", ngx.URL+"/").header.Get("ETag")
	version := strings.Split(wasm, "/")[1]
	for _, p := range []string{"/nope", "/404", "/404.html", "/index.html", "/calc.html", "/calc/", "/_headers", "/_nginx.conf",
		"/calc.html.br", "/web/app.wasm", "/" + version + "/web/app.wasm.br", "/" + version + "/web/nope.css", "/web/nope.css",
		"/" + version + "/web/", "/web/", "/WEB/style.css"} {
		for _, enc := range []string{"", "br", "gzip"} {
			a := fetch(t, "GET", srv.URL+p, "Accept-Encoding", enc, "If-None-Match", etag)
			b := fetch(t, "GET", ngx.URL+p, "Accept-Encoding", enc, "If-None-Match", nginxETag)
			compare(p+" "+enc, a, b, fileHeaders, true)
			assert.Equal(t, 404, a.code, p)
			assert.Equal(t, "no-cache", a.header.Get("Cache-Control"), p)
		}
		a := fetch(t, "GET", srv.URL+p)
		assert.Contains(t, string(a.body), "找不到这个页面", p)
		assert.Contains(t, string(a.body), `href="/"`, p)
	}
	// a page still open from the previous version gets its assets
	for _, p := range []string{"/0000000000000000/web/style.css", "/0000000000000000/web/app.wasm"} {
		a, b := both("GET", p, "Accept-Encoding", "br")
		compare(p, a, b, fileHeaders, true)
		assert.Equal(t, 200, a.code, p)
		assert.Equal(t, "no-cache", a.header.Get("Cache-Control"), p)
	}
	// a query changes nothing
	for _, p := range []string{"/result", "/calc"} {
		plain := fetch(t, "GET", srv.URL+p, "Accept-Encoding", "br")
		for name, url := range map[string]string{"server": srv.URL, "nginx": ngx.URL} {
			q := fetch(t, "GET", url+p+"?birth=1990-06&education=master", "Accept-Encoding", "br")
			assert.Equal(t, 200, q.code, name)
			assert.Equal(t, plain.body, q.body, "%s: %s with a query", name, p)
		}
	}
	// other methods
	for _, m := range []string{"POST", "PUT", "DELETE", "OPTIONS", "PATCH"} {
		a, b := both(m, "/")
		compare(m, a, b, append([]string{"Allow"}, securityHeaders...), false)
		assert.Equal(t, 405, a.code, m)
		assert.Equal(t, "GET, HEAD", a.header.Get("Allow"), m)
	}
}

// TestNginxServesAnyExport: the same server block serves another export,
// with its own framing list; and exporting over the previous one keeps
// its assets, which pages still open from it get (their own bytes, never
// cached for a year).
func TestNginxServesAnyExport(t *testing.T) {
	if serverPath == "" || nginxPath == "" {
		t.Skip("needs bin/server and nginx")
	}
	dir := t.TempDir()
	run := func(args ...string) string {
		out, err := exec.Command(serverPath, args...).CombinedOutput()
		require.NoError(t, err, string(out))
		return string(out)
	}
	run("-export", dir, "-version", "1111111111111111", "-frame-ancestors", "https://a.example")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "1111111111111111", "web", "style.css"), []byte("/* old */"), 0o644))
	require.NoError(t, os.Remove(filepath.Join(dir, "1111111111111111", "web", "style.css.br")))
	require.NoError(t, os.Remove(filepath.Join(dir, "1111111111111111", "web", "style.css.gz")))
	out := run("-export", dir, "-version", "2222222222222222", "-frame-ancestors", "https://b.example https://c.example", "-origin", "https://jifen.example")
	assert.Contains(t, out, "1111111111111111", "the previous version's assets are kept")
	ngx := startNginxOn(t, dir, 1)

	embed := fetch(t, "GET", ngx.URL+"/embed")
	assert.True(t, strings.HasSuffix(embed.header.Get("Content-Security-Policy"), "frame-ancestors 'self' https://b.example https://c.example"), embed.header.Get("Content-Security-Policy"))
	assert.Contains(t, string(fetch(t, "GET", ngx.URL+"/calc").body), `<link href="https://jifen.example/calc" rel="canonical">`)
	partners := fetch(t, "GET", ngx.URL+"/partners")
	assert.Equal(t, "SAMEORIGIN", partners.header.Get("X-Frame-Options"))

	old := fetch(t, "GET", ngx.URL+"/1111111111111111/web/style.css")
	assert.Equal(t, 200, old.code)
	assert.Equal(t, "/* old */", string(old.body), "the previous version's own file")
	assert.Equal(t, "no-cache", old.header.Get("Cache-Control"))
	cur := fetch(t, "GET", ngx.URL+"/2222222222222222/web/style.css")
	assert.Equal(t, "public, max-age=31536000, immutable", cur.header.Get("Cache-Control"))
	for _, enc := range []string{"br", "gzip", ""} {
		w := fetch(t, "HEAD", ngx.URL+"/1111111111111111/web/app.wasm", "Accept-Encoding", enc)
		assert.Equal(t, 200, w.code, enc)
		assert.Equal(t, enc, w.header.Get("Content-Encoding"))
		assert.Equal(t, "application/wasm", w.header.Get("Content-Type"))
	}
	// the old style.css has no .br: asked with br, the current file comes
	// (never the identity bytes labelled br)
	oldBr := fetch(t, "GET", ngx.URL+"/1111111111111111/web/style.css", "Accept-Encoding", "br")
	assert.Equal(t, "br", oldBr.header.Get("Content-Encoding"))
	assert.Equal(t, fetch(t, "GET", ngx.URL+"/2222222222222222/web/style.css", "Accept-Encoding", "br").body, oldBr.body)
}
