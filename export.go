//go:build !wasm

package main

import (
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	ui "jifen/app"
)

// export writes the whole site into dir as static files, for any static
// host or CDN: every route's pre-rendered page (/ as index.html, /calc as
// calc.html…), go-app's scripts, the toolchain's wasm_exec.js, the assets
// under web/ and VERSION/web/ (app.wasm with .br and .gz beside it), and a
// _headers file with the headers the server would send.
func (s *site) export(dir string) error {
	files := map[string]string{} // URL path → file name under dir
	for _, pg := range ui.Pages {
		if pg.Path != ui.PathNotFound {
			files[pg.Path] = pg.File
		}
	}
	for _, p := range []string{"/app.js", "/app-worker.js", "/manifest.webmanifest", "/app.css", "/wasm_exec.js", "/robots.txt"} {
		files[p] = p[1:]
	}
	err := fs.WalkDir(s.web, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(p, "app.wasm.") {
			return err
		}
		files["/web/"+p] = "web/" + p
		files["/"+s.version+"/web/"+p] = s.version + "/web/" + p
		return nil
	})
	if err != nil {
		return fmt.Errorf("listing the assets: %w", err)
	}
	files["/"+s.version+"/web/app.wasm"] = s.version + "/web/app.wasm"
	for path, name := range files {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			return fmt.Errorf("exporting %s: status %d", path, rec.Code)
		}
		if err := writeFile(filepath.Join(dir, name), rec.Body.Bytes()); err != nil {
			return err
		}
	}
	wasmDir := filepath.Join(dir, s.version, "web")
	if err := writeFile(filepath.Join(wasmDir, "app.wasm.br"), s.wasmBr); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(wasmDir, "app.wasm.gz"), s.wasmGz); err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, "_headers"), []byte(s.headersFile()))
}

func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("exporting: %w", err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		return fmt.Errorf("exporting: %w", err)
	}
	return nil
}

// headersFile is the _headers file read by static hosts such as Netlify
// and Cloudflare Pages: the same security, framing and caching headers as
// the server.
func (s *site) headersFile() string {
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	w("# Headers for static hosts that read _headers (Netlify, Cloudflare Pages).\n")
	w("/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()\n")
	for _, pg := range ui.Pages {
		r := pg.Path
		csp, xfo := s.csp, "\n  X-Frame-Options: SAMEORIGIN"
		if r == ui.PathEmbed {
			csp, xfo = s.embedCSP, ""
		}
		w("%s\n  Content-Security-Policy: %s%s\n  Cross-Origin-Opener-Policy: same-origin\n  Cache-Control: no-cache\n", r, csp, xfo)
	}
	for _, p := range []string{"/app.js", "/app-worker.js", "/app.css", "/wasm_exec.js", "/web/*"} {
		w("%s\n  Cache-Control: no-cache\n", p)
	}
	w("/%s/web/*\n  Cache-Control: public, max-age=31536000, immutable\n", s.version)
	w("/%s/web/app.wasm\n  Content-Type: application/wasm\n  Access-Control-Allow-Origin: *\n", s.version)
	w("/manifest.webmanifest\n  Content-Type: application/manifest+json\n  Cache-Control: no-cache\n")
	return b.String()
}
