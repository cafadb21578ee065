//go:build !wasm

package server

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"time"
)

// ServeHTTP answers GET and HEAD with a file of the site, or the
// not-found page with 404; other methods get 405. Only the path is read:
// the query, the Host and an absolute request-URI change nothing.
// http.ServeContent gives strong ETags with 304 (weak and list forms of
// If-None-Match too), Range (206), HEAD and If-Match. A file has no
// modification date: If-Unmodified-Since gets 412, as from nginx on the
// export (which cannot ignore it).
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength != 0 || len(r.TransferEncoding) > 0 {
		refuseBody(w)
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		s.methodNotAllowed(w)
		return
	}
	f := s.lookup(r.URL.Path)
	if f == nil {
		s.serveNotFound(w, r)
		return
	}
	rp := f.pick(acceptEncoding(r.Header))
	h := w.Header()
	setWriteDeadline(w, len(rp.body))
	if _, ok := r.Header["If-Unmodified-Since"]; ok {
		for k, v := range rp.header {
			h[k] = v
		}
		w.WriteHeader(http.StatusPreconditionFailed)
		return
	}
	if !conditional(r.Header) {
		// the common answer, a whole 200, written directly
		for k, v := range rp.full {
			h[k] = v
		}
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			w.Write(rp.body)
		}
		return
	}
	for k, v := range rp.header {
		h[k] = v
	}
	if rp.enc != "" {
		w = &encodingWriter{ResponseWriter: w, enc: rp.enc}
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(rp.body))
}

// acceptEncoding is the Accept-Encoding that chooses the representation:
// none (identity) for a Range without If-Range, as nginx on the export,
// which adds Content-Encoding before it finds whether the range can be
// satisfied (and could not take it back from its 416). A client resuming
// a download with If-Range gets the encoding it has.
func acceptEncoding(h http.Header) string {
	if h.Get("Range") != "" && h.Get("If-Range") == "" {
		return ""
	}
	return h.Get("Accept-Encoding")
}

// conditional says whether a request has a header that http.ServeContent
// must look at: a range or a precondition.
func conditional(h http.Header) bool {
	for _, k := range [...]string{"Range", "If-None-Match", "If-Match", "If-Modified-Since", "If-Unmodified-Since"} {
		if _, ok := h[k]; ok {
			return true
		}
	}
	return false
}

// serveNotFound answers with the Chinese not-found page and 404, also when
// If-None-Match or Range would apply to a file.
func (s *Site) serveNotFound(w http.ResponseWriter, r *http.Request) {
	rp := s.notFound.pick(acceptEncoding(r.Header))
	h := w.Header()
	for k, v := range rp.full {
		h[k] = v
	}
	setWriteDeadline(w, len(rp.body))
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(rp.body)
	}
}

// refuseBody ends the connection with the answer to a request that has
// a body (GET or POST alike): a static site takes none, so it is never
// read (queryStripper relies on it). net/http would otherwise read up to
// 256 kB of it after the answer, with no deadline: a client that
// announces a body and never sends it would hold its connection, busy,
// for ever. The read deadline in the past makes that read fail at once
// (what arrived with the headers is still taken), and the connection
// closes as soon as the answer is written.
func refuseBody(w http.ResponseWriter) {
	w.Header().Set("Connection", "close")
	// an httptest recorder has no deadline: nothing to do
	_ = http.NewResponseController(w).SetReadDeadline(time.Unix(1, 0))
}

func (s *Site) methodNotAllowed(w http.ResponseWriter) {
	h := w.Header()
	for k, v := range s.notAllowed {
		h[k] = v
	}
	h.Set("Connection", "close") // a connection that sends other methods is not kept
	setWriteDeadline(w, 0)
	w.WriteHeader(http.StatusMethodNotAllowed)
	io.WriteString(w, "405 method not allowed: this site answers GET and HEAD\n")
}

// pick chooses the representation for an Accept-Encoding header.
func (f *file) pick(acceptEncoding string) *rep {
	if len(f.reps) == 1 {
		return f.reps[0]
	}
	enc := negotiate(acceptEncoding)
	for _, r := range f.reps {
		if r.enc == enc {
			return r
		}
	}
	return f.reps[0]
}

// encodingWriter adds Content-Encoding to a 200 or 206 only: set before
// http.ServeContent, it would stop it from sending Content-Length, and a
// 304 or 416 has no encoded body.
type encodingWriter struct {
	http.ResponseWriter
	enc string
}

func (e *encodingWriter) WriteHeader(code int) {
	if code == http.StatusOK || code == http.StatusPartialContent {
		e.Header().Set("Content-Encoding", e.enc)
	}
	e.ResponseWriter.WriteHeader(code)
}

func (e *encodingWriter) Unwrap() http.ResponseWriter { return e.ResponseWriter }

// The write timeout of an answer grows with its size: 10 s, plus the time
// to send it at an eighth of slow 4G (1.6 Mbit/s), so that a slow phone
// always gets app.wasm (1.5 MB brotli: 69 s), while a client that stops
// reading cannot hold a connection for ever.
const (
	slow4GBytesPerSec = 200_000
	minBytesPerSec    = slow4GBytesPerSec / 8
	writeBase         = 10 * time.Second
)

func writeTimeout(size int) time.Duration {
	return writeBase + time.Duration(size)*time.Second/minBytesPerSec
}

func setWriteDeadline(w http.ResponseWriter, size int) {
	// an httptest recorder has no deadline: nothing to do
	_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(writeTimeout(size)))
}

// negotiate picks the encoding of a compressible file from an
// Accept-Encoding header: the higher q of br and gzip wins, brotli on a
// tie; a coding not named takes the q of "*"; q=0 refuses; names are
// case-insensitive; a member that is not `coding[;q=qvalue]` is ignored,
// and the first valid member of a coding counts. "" is identity.
// deploy/nginx.conf does the same with its maps; a test runs the same
// cases against both.
func negotiate(acceptEncoding string) string {
	qbr, qgz, qstar := -1, -1, -1
	for rest := acceptEncoding; rest != ""; {
		var m string
		m, rest, _ = strings.Cut(rest, ",")
		name, q, ok := parseCoding(m)
		switch {
		case !ok:
		case strings.EqualFold(name, "br"):
			if qbr < 0 {
				qbr = q
			}
		case strings.EqualFold(name, "gzip"):
			if qgz < 0 {
				qgz = q
			}
		case name == "*":
			if qstar < 0 {
				qstar = q
			}
		}
	}
	if qbr < 0 {
		qbr = max(qstar, 0)
	}
	if qgz < 0 {
		qgz = max(qstar, 0)
	}
	switch {
	case qbr == 0 && qgz == 0:
		return ""
	case qgz > qbr:
		return "gzip"
	}
	return "br"
}

// parseCoding reads one member of Accept-Encoding, `coding[;q=qvalue]`
// with optional spaces or tabs around the coding and after ";". It
// returns q in thousandths.
func parseCoding(m string) (name string, q int, ok bool) {
	m = strings.Trim(m, " \t")
	name, param, hasParam := strings.Cut(m, ";")
	name = strings.TrimRight(name, " \t")
	if name == "" || strings.ContainsAny(name, " \t") {
		return "", 0, false
	}
	if !hasParam {
		return name, 1000, true
	}
	param = strings.TrimLeft(param, " \t")
	if len(param) < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=' {
		return "", 0, false
	}
	q, ok = qvalue(param[2:])
	return name, q, ok
}

// qvalue parses "0", "0.5", "0.125", "1", "1.000" (RFC 9110) into
// thousandths.
func qvalue(v string) (int, bool) {
	if v == "" || len(v) > 5 || (v[0] != '0' && v[0] != '1') {
		return 0, false
	}
	q := int(v[0]-'0') * 1000
	if len(v) == 1 {
		return q, true
	}
	if v[1] != '.' {
		return 0, false
	}
	scale := 100
	for _, c := range v[2:] {
		if c < '0' || c > '9' || (v[0] == '1' && c != '0') {
			return 0, false
		}
		q += int(c-'0') * scale
		scale /= 10
	}
	return q, true
}
