//go:build !wasm

package server

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ui "jifen/app"
	wasmexec "jifen/wasm_exec"
)

// TestExportIsTheServedSite: the export holds exactly the files the server
// serves, byte for byte, with their compressed forms beside them, and
// nothing else but _headers and _nginx.conf.
func TestExportIsTheServedSite(t *testing.T) {
	s := testSite(t)
	dir := t.TempDir()
	kept, err := s.Export(dir)
	require.NoError(t, err)
	assert.Empty(t, kept)
	want := map[string]bool{HeadersFile: true, NginxFile: true}
	check := func(target, name string, code int) {
		for _, enc := range []string{"", "br", "gzip"} {
			rec := get(t, s, "GET", target, "Accept-Encoding", enc)
			require.Equal(t, code, rec.Code, target)
			n := name
			switch rec.Header().Get("Content-Encoding") {
			case "br":
				n += ".br"
			case "gzip":
				n += ".gz"
			}
			want[n] = true
			b, err := os.ReadFile(filepath.Join(dir, n))
			require.NoError(t, err, n)
			assert.True(t, bytes.Equal(rec.Body.Bytes(), b), "%s is what %s serves", n, target)
		}
	}
	for _, p := range s.Paths() {
		check(p, s.files[p].name, 200)
	}
	check("/nope", "404.html", 404)
	var got []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return err
	})
	var wanted []string
	for n := range want {
		wanted = append(wanted, n)
	}
	sort.Strings(wanted)
	assert.Equal(t, wanted, got)
	for _, pg := range ui.Pages {
		assert.Contains(t, got, pg.File, "every page of the table is exported")
	}
	for _, f := range []string{"index.html", "calc.html", "404.html", "app.js.br", "wasm_exec.js.gz", "web/style.css.br",
		testVersion + "/web/style.css", testVersion + "/web/app.wasm", testVersion + "/web/app.wasm.br", testVersion + "/web/app.wasm.gz"} {
		assert.Contains(t, got, f)
	}
	assert.NotContains(t, got, "web/app.wasm")
	ws, _ := os.ReadFile(filepath.Join(dir, "wasm_exec.js"))
	assert.True(t, bytes.Equal(ws, wasmexec.JS), "the toolchain's wasm_exec.js")
}

// parseHeadersFile reads _headers: path → header → value.
func parseHeadersFile(t *testing.T, text string) map[string]http.Header {
	out := map[string]http.Header{}
	var cur http.Header
	for _, line := range strings.Split(text, "\n") {
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "  "):
			k, v, ok := strings.Cut(strings.TrimSpace(line), ": ")
			require.True(t, ok, line)
			require.NotNil(t, cur, line)
			cur.Add(k, v)
		default:
			cur = http.Header{}
			out[line] = cur
		}
	}
	return out
}

// TestHeadersFileIsTheOneSource: _headers gives every file the headers
// the server sends for it.
func TestHeadersFileIsTheOneSource(t *testing.T) {
	for _, cfg := range []Config{{}, {FrameAncestors: "https://a.example"}} {
		s := testSiteWith(t, cfg)
		blocks := parseHeadersFile(t, s.HeadersFile())
		common := blocks["/*"]
		require.NotEmpty(t, common)
		for _, p := range s.Paths() {
			got := common.Clone()
			for k, v := range blocks[p] {
				got[k] = append(got[k], v...)
			}
			assert.Equal(t, s.Headers(p), got, p)
		}
		assert.Len(t, blocks, len(s.Paths())+1)
		assert.Contains(t, blocks["/embed"].Get("Content-Security-Policy"), "frame-ancestors "+s.frame)
	}
}

// nginxLocation is one location block of _nginx.conf.
type nginxLocation struct {
	match    string
	header   http.Header
	internal bool
	try      string
	// answers If-Unmodified-Since with 412; sends no Last-Modified;
	// Content-Encoding from the map for a file's bytes only
	refusesIUS, noLastModified, encoding bool
}

func parseNginxInclude(t *testing.T, conf string) (server http.Header, locs []nginxLocation) {
	server = http.Header{}
	var cur *nginxLocation
	addRE := regexp.MustCompile(`^add_header (\S+) "([^"]*)"( always)?;$`)
	for _, line := range strings.Split(conf, "\n") {
		line = strings.TrimSpace(line)
		h := server
		if cur != nil {
			h = cur.header
		}
		switch {
		case strings.HasPrefix(line, "location "):
			cur = &nginxLocation{match: strings.TrimSuffix(strings.TrimPrefix(line, "location "), " {"), header: http.Header{}}
		case line == "}" && cur != nil:
			locs = append(locs, *cur)
			cur = nil
		case line == "internal;":
			cur.internal = true
		case strings.HasPrefix(line, "default_type "):
			h.Set("Content-Type", strings.Trim(strings.TrimSuffix(strings.TrimPrefix(line, "default_type "), ";"), `"`))
		case strings.HasPrefix(line, "try_files "):
			cur.try = strings.TrimSuffix(strings.TrimPrefix(line, "try_files "), ";")
		case line == "if ($http_if_unmodified_since) { return 412; }":
			cur.refusesIUS = true
		case line == `add_header Last-Modified "";`:
			cur.noLastModified = true
		case line == "add_header Content-Encoding $jifen_content_encoding always;":
			cur.encoding = true
		case line == `add_header Content-Encoding "";` && cur != nil && strings.HasPrefix(cur.match, "@"):
			// adds nothing: the 416 page keeps the headers nginx already added
		case strings.HasPrefix(line, "add_header "):
			m := addRE.FindStringSubmatch(line)
			require.NotNil(t, m, line)
			h.Add(m[1], m[2])
			if m[2] == cacheImmutable {
				assert.Empty(t, m[3], "immutable only on a 2xx or 304, never on a 404: %s", line)
			} else {
				assert.NotEmpty(t, m[3], "%s: always, so that errors have it too", line)
			}
		}
	}
	return server, locs
}

// TestNginxIncludeIsTheOneSource: _nginx.conf has a location for every
// file, with the headers the server sends for it, the not-found page for
// every other path and the 405's headers.
func TestNginxIncludeIsTheOneSource(t *testing.T) {
	s := testSiteWith(t, Config{FrameAncestors: "https://a.example https://b.example"})
	conf, err := s.NginxInclude()
	require.NoError(t, err)
	srv, locs := parseNginxInclude(t, conf)
	assert.Equal(t, s.notAllowed.Get("Allow"), srv.Get("Allow"))
	srv.Set("Content-Type", s.notAllowed.Get("Content-Type")) // nginx's own 405 page
	assert.Equal(t, s.notAllowed, srv, "the 405")
	assert.Contains(t, conf, "error_page 404 /404.html;")
	exact := map[string]nginxLocation{}
	for _, l := range locs {
		switch {
		case l.match == "/":
			// everything else: 404
		case l.match == "@jifen_416":
			assert.Empty(t, l.header, "the 416 page adds no header: nginx has added the file's")
			assert.Contains(t, conf, "error_page 416 @jifen_416;")
		case strings.HasPrefix(l.match, "= "):
			exact[strings.TrimPrefix(l.match, "= ")] = l
		case strings.HasPrefix(l.match, "~ "):
			re := regexp.MustCompile(strings.Trim(strings.TrimPrefix(l.match, "~ "), `"`))
			name := strings.TrimSuffix(strings.TrimPrefix(re.String(), "^/[0-9a-f]{16}/web/"), "$")
			name = strings.ReplaceAll(name, `\.`, ".")
			p := "/fedcba9876543210/web/" + name
			assert.True(t, re.MatchString(p), l.match)
			assert.Equal(t, s.Headers(p), l.header, l.match)
			f := s.lookup(p)
			require.NotNil(t, f, p)
			assert.True(t, strings.HasPrefix(l.try, "$uri"), "a previous version's own file first: %s", l.try)
			assert.True(t, l.refusesIUS && l.noLastModified, l.match)
			assert.Equal(t, len(f.reps) > 1, l.encoding, l.match)
		default:
			t.Errorf("unexpected location %s", l.match)
		}
	}
	nf := exact["/404.html"]
	assert.True(t, nf.internal)
	assert.Equal(t, s.notFound.header, nf.header)
	assert.Equal(t, "/404.html$jifen_ext =404", nf.try)
	assert.True(t, nf.encoding)
	assert.False(t, nf.refusesIUS || nf.noLastModified, "a 404 ignores preconditions")
	delete(exact, "/404.html")
	assert.Len(t, exact, len(s.Paths()))
	for _, p := range s.Paths() {
		l, ok := exact[p]
		require.True(t, ok, "no location for %s", p)
		assert.Equal(t, s.Headers(p), l.header, p)
		want := "/" + s.files[p].name
		if len(s.files[p].reps) > 1 {
			want += "$jifen_ext"
		}
		assert.Equal(t, want+" =404", l.try, p)
		assert.True(t, l.refusesIUS && l.noLastModified, p)
		assert.Equal(t, len(s.files[p].reps) > 1, l.encoding, p)
	}
	assert.Equal(t, 1, strings.Count(conf, "frame-ancestors 'self' https://a.example https://b.example"), "the export carries the framing list to nginx")
}

// TestExportKeepsThePreviousVersion: exporting over an earlier export
// replaces it but keeps the newest older version's assets; older ones and
// stray files go. A folder that is not an export is refused.
func TestExportKeepsThePreviousVersion(t *testing.T) {
	dir := t.TempDir()
	v1 := testSiteWith(t, Config{Version: "1111111111111111"})
	_, err := v1.Export(dir)
	require.NoError(t, err)
	v2 := testSiteWith(t, Config{Version: "2222222222222222"})
	kept, err := v2.Export(dir)
	require.NoError(t, err)
	assert.Equal(t, "1111111111111111", kept)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "stray.txt"), []byte("x"), 0o644))
	v3 := testSiteWith(t, Config{Version: "3333333333333333"})
	kept, err = v3.Export(dir)
	require.NoError(t, err)
	assert.Equal(t, "2222222222222222", kept)
	for f, exists := range map[string]bool{
		"3333333333333333/web/app.wasm.br": true, "2222222222222222/web/app.wasm.br": true, "2222222222222222/web/style.css.gz": true,
		"1111111111111111": false, "stray.txt": false, "index.html": true,
	} {
		_, err := os.Stat(filepath.Join(dir, f))
		assert.Equal(t, exists, err == nil, f)
	}
	// the same version again keeps the previous one
	kept, err = v3.Export(dir)
	require.NoError(t, err)
	assert.Equal(t, "2222222222222222", kept)

	other := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(other, "precious.txt"), []byte("x"), 0o644))
	_, err = v3.Export(other)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not empty")
	_, err = os.Stat(filepath.Join(other, "precious.txt"))
	assert.NoError(t, err, "nothing is deleted")
}
