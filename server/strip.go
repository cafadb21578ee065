//go:build !wasm

package server

import "bytes"

// queryStripper removes the query from the request line of each request
// as the bytes arrive, before net/http parses them. No answer depends on
// the query, and a long one (an attacker's 64 kB of junk keys) would
// otherwise be copied, checked and parsed: with it gone, such a request
// costs about what a plain one does. A path longer than maxPath is cut
// there (no file has such a path: the answer is the same 404).
//
// It follows HTTP/1.1 framing as the server sees it: a request line,
// header lines up to an empty line, then the next request. A request with
// a body is answered with Connection: close (ServeHTTP), so the bytes of
// a body never reach another request's parsing.
type queryStripper struct {
	state   int
	pathLen int // bytes of the path so far
	lineLen int // bytes but CR of the current header line so far
}

const (
	stStart  = iota // before a request line (empty lines pass)
	stMethod        // in the method
	stPath          // in the request target, before any '?'
	stSkip          // dropping the query, or the end of an over-long path
	stHeader        // in the rest of the request line or the headers
)

const maxPath = 1024

// strip rewrites b in place and returns the length kept.
func (q *queryStripper) strip(b []byte) int {
	w := 0
	emit := func(c byte) {
		b[w] = c
		w++
	}
	for i := 0; i < len(b); {
		switch q.state {
		case stStart:
			if c := b[i]; c == '\r' || c == '\n' {
				emit(c)
				i++
				continue
			}
			q.state = stMethod
		case stMethod:
			c := b[i]
			emit(c)
			i++
			switch c {
			case ' ':
				q.state, q.pathLen = stPath, 0
			case '\n':
				q.state, q.lineLen = stHeader, 0
			}
		case stPath:
			c := b[i]
			i++
			switch {
			case c == '?':
				q.state = stSkip
			case c == ' ':
				emit(c)
				q.state, q.lineLen = stHeader, 1
			case c == '\n':
				emit(c)
				q.state, q.lineLen = stHeader, 0
			case q.pathLen == maxPath:
				q.state = stSkip
			default:
				emit(c)
				q.pathLen++
			}
		case stSkip:
			rest := b[i:]
			k := bytes.IndexByte(rest, ' ')
			if k < 0 {
				k = bytes.IndexByte(rest, '\n')
			} else if lf := bytes.IndexByte(rest[:k], '\n'); lf >= 0 {
				k = lf
			}
			if k < 0 {
				i = len(b)
				continue
			}
			i += k
			q.state = stPath // which emits the space or the LF
		case stHeader:
			rest := b[i:]
			k := bytes.IndexByte(rest, '\n')
			if k < 0 {
				q.lineLen += len(rest) - bytes.Count(rest, []byte{'\r'})
				w += copy(b[w:], rest)
				i = len(b)
				continue
			}
			q.lineLen += k - bytes.Count(rest[:k], []byte{'\r'})
			w += copy(b[w:], rest[:k+1])
			i += k + 1
			if q.lineLen == 0 {
				q.state = stStart // the empty line: the next request follows
			}
			q.lineLen = 0
		}
	}
	return w
}
