//go:build !wasm

package server

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stripAll runs the stripper over in, cut into chunks at the given
// offsets.
func stripAll(in string, cuts ...int) string {
	var q queryStripper
	var out strings.Builder
	prev := 0
	for _, c := range append(cuts, len(in)) {
		b := []byte(in[prev:c])
		out.Write(b[:q.strip(b)])
		prev = c
	}
	return out.String()
}

func TestQueryStripper(t *testing.T) {
	long := strings.Repeat("a", maxPath+50)
	for in, want := range map[string]string{
		"GET / HTTP/1.1\r\nHost: x\r\n\r\n":                                "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET /result?birth=1990-06&x=1 HTTP/1.1\r\nHost: x\r\n\r\n":        "GET /result HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET /?a HTTP/1.1\r\nX: ?y z\r\n\r\nHEAD /calc?b HTTP/1.1\r\n\r\n": "GET / HTTP/1.1\r\nX: ?y z\r\n\r\nHEAD /calc HTTP/1.1\r\n\r\n",
		"GET http://h.example/p?q=1 HTTP/1.1\r\n\r\n":                      "GET http://h.example/p HTTP/1.1\r\n\r\n",
		"GET /?" + strings.Repeat("k=v&", 20000) + " HTTP/1.1\r\n\r\n":     "GET / HTTP/1.1\r\n\r\n",
		"GET /" + long + "?q HTTP/1.1\r\n\r\n":                             "GET /" + long[:maxPath-1] + " HTTP/1.1\r\n\r\n",
		"GET /?x\n\n":                                                      "GET /\n\n",
		"\r\nGET /?x HTTP/1.1\n\nGET /b?c HTTP/1.1\r\n\r\n":                "\r\nGET / HTTP/1.1\n\nGET /b HTTP/1.1\r\n\r\n",
		"GET /a? HTTP/1.1\r\nA: b\r\nC: d?e\r\n\r\n":                       "GET /a HTTP/1.1\r\nA: b\r\nC: d?e\r\n\r\n",
		"GARBAGE\r\nX: y?z\r\n\r\nGET /?q HTTP/1.1\r\n\r\n":                "GARBAGE\r\nX: y?z\r\n\r\nGET / HTTP/1.1\r\n\r\n",
	} {
		assert.Equal(t, want, stripAll(in), "%.60q", in)
		for cut := 1; cut < len(in) && cut < 300; cut++ {
			assert.Equal(t, want, stripAll(in, cut), "%.60q cut at %d", in, cut)
			if cut+7 < len(in) {
				assert.Equal(t, want, stripAll(in, cut, cut+7), "%.60q cut at %d and %d", in, cut, cut+7)
			}
		}
	}
	// byte by byte
	in := "GET /x?y HTTP/1.1\r\nA: b\r\n\r\nGET /?z HTTP/1.1\r\n\r\n"
	cuts := make([]int, 0, len(in))
	for i := 1; i < len(in); i++ {
		cuts = append(cuts, i)
	}
	assert.Equal(t, "GET /x HTTP/1.1\r\nA: b\r\n\r\nGET / HTTP/1.1\r\n\r\n", stripAll(in, cuts...))
}

// TestServeThroughTheStripper sends pipelined and odd requests to a real
// server: the answers are the right ones, in order.
func TestServeThroughTheStripper(t *testing.T) {
	s := testSite(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, s, Options{Grace: time.Second}) }()
	defer func() {
		cancel()
		require.NoError(t, <-done)
	}()
	send := func(req string) []*http.Response {
		c, err := net.Dial("tcp", ln.Addr().String())
		require.NoError(t, err)
		defer c.Close()
		c.SetDeadline(time.Now().Add(10 * time.Second))
		go io.WriteString(c, req)
		r := bufio.NewReader(c)
		var out []*http.Response
		for {
			res, err := http.ReadResponse(r, nil)
			if err != nil {
				return out
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			out = append(out, res)
		}
	}
	calcETag := get(t, s, "GET", "/calc").Header().Get("ETag")
	res := send("GET /calc?birth=1990-06 HTTP/1.1\r\nHost: a\r\n\r\n" +
		"GET /nope?x=/calc HTTP/1.1\r\nHost: a\r\n\r\n" +
		"GET /?" + strings.Repeat("k=v&", 16000) + " HTTP/1.1\r\nHost: a\r\n\r\n" +
		"HEAD /calc?q HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
	require.Len(t, res, 4)
	assert.Equal(t, []int{200, 404, 200, 200}, []int{res[0].StatusCode, res[1].StatusCode, res[2].StatusCode, res[3].StatusCode})
	assert.Equal(t, calcETag, res[0].Header.Get("ETag"))
	assert.Equal(t, calcETag, res[3].Header.Get("ETag"))

	// a body ends the connection: its bytes are never read as a request
	res = send("GET /calc HTTP/1.1\r\nHost: a\r\nContent-Length: 31\r\n\r\nGET /nope HTTP/1.1\r\nHost: a\r\n\r\n" +
		"GET / HTTP/1.1\r\nHost: a\r\n\r\n")
	require.Len(t, res, 1)
	assert.Equal(t, 200, res[0].StatusCode)
	assert.True(t, res[0].Close)
	res = send("POST /calc?x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n")
	require.Len(t, res, 1)
	assert.Equal(t, 405, res[0].StatusCode)

	// a long path is cut: still a 404
	res = send("GET /" + strings.Repeat("a", 5000) + "?q HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
	require.Len(t, res, 1)
	assert.Equal(t, 404, res[0].StatusCode)
}

func BenchmarkQueryStripper(b *testing.B) {
	req := []byte("GET / HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nUser-Agent: Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36\r\nAccept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\nAccept-Encoding: gzip, deflate, br, zstd\r\nAccept-Language: zh-CN,zh;q=0.9\r\n\r\n")
	buf := make([]byte, len(req))
	var q queryStripper
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		copy(buf, req)
		q.strip(buf)
	}
}
