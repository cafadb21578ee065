//go:build !wasm

package server

import (
	"fmt"
	"net/http"
	"net/url"
	"path"
	"strings"

	ui "jifen/app"
)

// Caching: versioned assets never change; everything else is revalidated.
const (
	cacheImmutable = "public, max-age=31536000, immutable"
	cacheRevalid   = "no-cache"
)

// allowedMethods is the Allow header of a 405.
const allowedMethods = "GET, HEAD"

// contentTypes maps a file extension to its Content-Type: every text type
// has its charset. A file with another extension is an error at start.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".webmanifest": "application/manifest+json; charset=utf-8",
	".svg":         "image/svg+xml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".wasm":        "application/wasm",
	".png":         "image/png",
}

// compressible says which types get a brotli and a gzip form.
func compressible(contentType string) bool {
	return !strings.HasPrefix(contentType, "image/png")
}

// FrameAncestors checks the -frame-ancestors list, "*" or origins
// (https://host[:port]) separated by spaces, and returns the CSP source
// list for /embed: 'self' always comes first, so that the site's own
// /partners preview can frame it.
func FrameAncestors(list string) (string, error) {
	fields := strings.Fields(list)
	if len(fields) == 0 {
		return "", fmt.Errorf(`-frame-ancestors is empty: give * (any site may frame /embed) or origins such as "https://a.example https://b.example"`)
	}
	out := []string{"'self'"}
	for _, f := range fields {
		if f == "'self'" {
			continue
		}
		if f != "*" {
			if _, err := parseOrigin(f); err != nil {
				return "", fmt.Errorf("-frame-ancestors: %q is not an origin such as https://partner.example", f)
			}
		}
		out = append(out, f)
	}
	return strings.Join(out, " "), nil
}

// parseOrigin checks that s is an origin, scheme://host[:port] with
// scheme http or https and nothing else, and returns it without a final
// slash.
func parseOrigin(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
		(u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || u.User != nil ||
		strings.ContainsAny(s, ";,'\" \t\\") {
		return "", fmt.Errorf("%q is not an origin such as https://jifen.example", s)
	}
	return strings.TrimSuffix(s, "/"), nil
}

// contentSecurityPolicy allows only our own origin, plus compiling
// WebAssembly, the page head's own style (inline.go), by its hash, and
// boot.js's worker made from the head's text (a blob: URL); frame is the
// frame-ancestors source list.
func contentSecurityPolicy(in inlined, frame string) string {
	return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' " + in.styleSource + "; img-src 'self' data:; " +
		"connect-src 'self'; manifest-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; " +
		"form-action 'self'; frame-ancestors " + frame
}

// headersFor is the one source of the headers of an answer: the server,
// the _headers file and the nginx include of the export all come from it.
// p is the URL path, name the file it is served from (its extension gives
// the type), immutable says that p is under the current version's
// /VERSION/web/. Headers of one representation (ETag, Content-Encoding,
// Content-Length) are not included; Vary is, for every file that has
// compressed forms.
func (s *Site) headersFor(p, name string, immutable bool) (http.Header, error) {
	ct, ok := contentTypes[path.Ext(name)]
	if !ok {
		return nil, fmt.Errorf("%s: no content type for %q files (add it to contentTypes)", name, path.Ext(name))
	}
	h := s.securityHeaders(p == ui.PathEmbed)
	h.Set("Content-Type", ct)
	if immutable {
		h.Set("Cache-Control", cacheImmutable)
	} else {
		h.Set("Cache-Control", cacheRevalid)
	}
	if compressible(ct) {
		h.Set("Vary", "Accept-Encoding")
	}
	if ct == "application/wasm" {
		h.Set("Access-Control-Allow-Origin", "*") // sandboxed iframes have an opaque origin
	}
	return h, nil
}

// securityHeaders go with every answer, 404 and 405 included. Only /embed
// may be framed by other sites.
func (s *Site) securityHeaders(embed bool) http.Header {
	h := http.Header{}
	if embed {
		h.Set("Content-Security-Policy", contentSecurityPolicy(s.inline, s.frame))
	} else {
		h.Set("Content-Security-Policy", contentSecurityPolicy(s.inline, "'self'"))
		h.Set("X-Frame-Options", "SAMEORIGIN")
	}
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	return h
}

// methodNotAllowedHeaders are the headers of a 405.
func (s *Site) methodNotAllowedHeaders() http.Header {
	h := s.securityHeaders(false)
	h.Set("Allow", allowedMethods)
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Cache-Control", cacheRevalid)
	return h
}

// Headers returns the headers of the answer for the URL path p, from the
// one source: a file of the site, a file asked for under another version,
// or, for any other path, the not-found page. Headers of one
// representation (ETag, Content-Encoding, Content-Length) are not
// included.
func (s *Site) Headers(p string) http.Header {
	f := s.lookup(p)
	if f == nil {
		f = s.notFound
	}
	return f.header.Clone()
}
