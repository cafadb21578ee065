package e2e

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The hostile suite: bad requests, a junk query's cost, a connection
// flood, and downloads across a shutdown, against the real bin/server.

// siteVersion reads the assets' version from the site's first page.
func siteVersion(t *testing.T, url string) string {
	t.Helper()
	m := regexp.MustCompile(`/([0-9a-f]{16})/web/`).FindStringSubmatch(string(fetch(t, "GET", url+"/").body))
	require.NotNil(t, m, "no versioned asset in /")
	return m[1]
}

// rawRequest sends bytes on a new connection and returns the status code
// and the whole answer (code 0 when the server closed without one). It
// never waits more than 10 s.
func rawRequest(t *testing.T, addr, req string) (int, string) {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	require.NoError(t, err)
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, req); err != nil {
		return 0, "" // the server may stop reading a huge request early
	}
	all, err := io.ReadAll(bufio.NewReader(c))
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("no answer within 10 s to %.80q", req)
	}
	line, _, _ := strings.Cut(string(all), "\n")
	f := strings.Fields(line)
	if len(f) < 2 {
		return 0, string(all)
	}
	code, err := strconv.Atoi(f[1])
	require.NoError(t, err, "status line %q", line)
	return code, string(all)
}

// junkQuery is 64 kB of unknown keys, k0=0&k1=1&…
func junkQuery() string {
	var b strings.Builder
	for i := 0; b.Len() < 64<<10; i++ {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString("k" + strconv.Itoa(i) + "=" + strconv.Itoa(i))
	}
	return b.String()[:64<<10]
}

func TestHostileRequests(t *testing.T) {
	if serverPath == "" {
		t.Skip("no server")
	}
	srv := startServer(t)
	addr := strings.TrimPrefix(srv.URL, "http://")
	wasm := "/" + siteVersion(t, srv.URL) + "/web/app.wasm"
	get := func(target string, headers ...string) string {
		return "GET " + target + " HTTP/1.1\r\nHost: " + addr + "\r\n" + strings.Join(headers, "") + "Connection: close\r\n\r\n"
	}
	many := make([]string, 3000)
	for i := range many {
		many[i] = "k" + strconv.Itoa(i) + "=" + strconv.Itoa(i)
	}
	cases := map[string]string{
		"traversal":             get("/../../etc/passwd"),
		"traversal in web":      get("/web/../site.go"),
		"encoded traversal":     get("/web/..%2f..%2fetc%2fpasswd"),
		"encoded dots":          get("/%2e%2e/%2e%2e/etc/passwd"),
		"versioned traversal":   get("/0123456789abcdef/web/%2e%2e/%2e%2e/server.go"),
		"double encoded":        get("/web/%252e%252e/site.go"),
		"backslashes":           get("/web/..\\..\\site.go"),
		"nul":                   get("/web/style.css%00.png"),
		"long url":              get("/result?age=" + strings.Repeat("9", 100000)),
		"long query value":      get("/result?education=" + strings.Repeat("x", 10000)),
		"thousands of params":   get("/result?" + strings.Join(many, "&")),
		"invalid utf-8":         get("/result?education=%ff%fe%80&%c3%28=1"),
		"invalid utf-8 in path": get("/%ff%fe"),
		"long header":           get("/", "X-Long: "+strings.Repeat("a", 200000)+"\r\n"),
		"many headers":          get("/", strings.Repeat("X-A: b\r\n", 2000)),
		"bad accept-encoding":   get(wasm, "Accept-Encoding: br;q=nan, gzip;q=-1, *;q=0\r\n"),
		"range past the end":    get(wasm, "Range: bytes=999999999-\r\n"),
		"many ranges":           get("/", "Range: bytes="+strings.Repeat("0-1,", 2000)+"0-1\r\n"),
		"propfind":              "PROPFIND / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
		"trace":                 "TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
		"unknown method":        "FROBNICATE /result HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
		"post with body":        "POST /result HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello",
		"garbage":               "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n",
		"http/0.9":              "GET /\r\n\r\n",
		"no host":               "GET / HTTP/1.1\r\nConnection: close\r\n\r\n",
		"absolute form":         "GET http://evil.example/partners HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
		"absolute form 404":     "GET http://evil.example/nope HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil2.example\r\nConnection: close\r\n\r\n",
	}
	for name, req := range cases {
		code, answer := rawRequest(t, addr, req)
		assert.True(t, code == 0 || code < 500, "%s: got %d", name, code)
		assert.NotContains(t, answer, "evil", "%s: nothing of the request's host comes back", name)
		if strings.Contains(name, "traversal") || strings.Contains(name, "encoded") || name == "backslashes" {
			assert.NotEqual(t, 200, code, "%s must not serve a file", name)
		}
	}
	// a page with a bad or huge query is the page
	plain := fetch(t, "GET", srv.URL+"/result")
	for _, target := range []string{"/result?education=" + strings.Repeat("x", 10000), "/result?" + strings.Join(many, "&"),
		"/result?education=%ff%fe%80", "/result?" + junkQuery()} {
		a := fetch(t, "GET", srv.URL+target)
		assert.Equal(t, 200, a.code)
		assert.Equal(t, plain.header.Get("ETag"), a.header.Get("ETag"), "%.60s", target)
		assert.Equal(t, plain.body, a.body)
	}
	// and the server keeps answering
	assert.Equal(t, 200, fetch(t, "GET", srv.URL+"/").code)
}

// procCPU is the CPU time a process has used, from /proc (clock ticks of
// 10 ms).
func procCPU(t testing.TB, pid int) time.Duration {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	require.NoError(t, err)
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
	utime, err1 := strconv.Atoi(f[11])
	stime, err2 := strconv.Atoi(f[12])
	require.NoError(t, errors.Join(err1, err2))
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

// procMemory returns VmRSS and VmHWM (the peak) of a process, in MB.
func procMemory(t testing.TB, pid int) (rss, peak float64) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	require.NoError(t, err)
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && (f[0] == "VmRSS:" || f[0] == "VmHWM:") {
			kb, err := strconv.ParseFloat(f[1], 64)
			require.NoError(t, err)
			if f[0] == "VmRSS:" {
				rss = kb / 1024
			} else {
				peak = kb / 1024
			}
		}
	}
	return rss, peak
}

// cpuPerRequest sends n GETs of target on 4 keep-alive connections and
// returns the server's CPU time per request.
func cpuPerRequest(t *testing.T, srv *server, target string, n int) time.Duration {
	client := &http.Client{Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 4, WriteBufferSize: 128 << 10}}
	defer client.CloseIdleConnections()
	before := procCPU(t, srv.cmd.Process.Pid)
	errc := make(chan error, 4)
	for w := 0; w < 4; w++ {
		go func() {
			for i := 0; i < n/4; i++ {
				req, _ := http.NewRequest("GET", target, nil)
				req.Header.Set("Accept-Encoding", "gzip, br")
				res, err := client.Do(req)
				if err != nil {
					errc <- err
					return
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != 200 {
					errc <- errors.New(res.Status)
					return
				}
			}
			errc <- nil
		}()
	}
	for w := 0; w < 4; w++ {
		require.NoError(t, <-errc)
	}
	return (procCPU(t, srv.cmd.Process.Pid) - before) / time.Duration(n)
}

// TestJunkQueryCost: a 64 kB query of unknown keys costs the server about
// what a plain request does (it cost 15-18 ms of CPU when pages were
// rendered from the query), and the server stays small.
func TestJunkQueryCost(t *testing.T) {
	if serverPath == "" {
		t.Skip("no server")
	}
	srv := startServer(t)
	const n = 2000
	plain := cpuPerRequest(t, srv, srv.URL+"/", n)
	junk := cpuPerRequest(t, srv, srv.URL+"/?"+junkQuery(), n)
	rss, peak := procMemory(t, srv.cmd.Process.Pid)
	t.Logf("server CPU per request: plain %v, 64 kB junk query %v; memory %.0f MB (peak %.0f MB)", plain, junk, rss, peak)
	assert.Less(t, junk, time.Millisecond, "a junk query is cheap")
	assert.LessOrEqual(t, junk, 3*plain+200*time.Microsecond, "a junk query costs about a plain request")
	assert.Less(t, peak, 200.0, "MB")
}

// TestConnectionFlood: with the open-file limit at 256 (a cap of 192
// connections), 600 connections that send nothing or half a request do
// not lock real visitors out.
func TestConnectionFlood(t *testing.T) {
	if serverPath == "" {
		t.Skip("no server")
	}
	srv := startServerCmd(t, exec.Command("sh", "-c", `ulimit -n 256 && exec "$0" "$@"`, serverPath, "-addr", "127.0.0.1:0"))
	srv.waitOutput(t, "at most 192 connections (open-file limit 256)")
	addr := strings.TrimPrefix(srv.URL, "http://")
	var flood []net.Conn
	t.Cleanup(func() {
		for _, c := range flood {
			c.Close()
		}
	})
	for i := 0; i < 600; i++ {
		c, err := net.DialTimeout("tcp", addr, 5*time.Second)
		require.NoError(t, err, "connection %d", i)
		if i%2 == 1 {
			io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ") // half a request, never finished
		}
		flood = append(flood, c)
	}
	client := &http.Client{Timeout: 3 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	for i := 0; i < 20; i++ {
		start := time.Now()
		res, err := client.Get(srv.URL + "/calc")
		require.NoError(t, err, "a real visitor during the flood (%d)", i)
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		assert.Equal(t, 200, res.StatusCode)
		assert.Less(t, time.Since(start), 2*time.Second, "served at once")
	}
	srv.stop()
	assert.NoError(t, srv.err)
	srv.waitOutput(t, "idle or half-open connections at the cap")
}

// slowClient downloads with a small receive buffer, so that the server
// really waits for it, reading 64 kB every 10 ms.
var slowClient = &http.Transport{
	DisableCompression: true,
	DialContext:        (&net.Dialer{Control: smallReceiveBuffer}).DialContext,
}

// smallReceiveBuffer is a net.Dialer's Control that gives the connection
// a 32 kB receive buffer, so that what the client does not read stays in
// the server.
func smallReceiveBuffer(_, _ string, c syscall.RawConn) error {
	return c.Control(func(fd uintptr) { syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 32<<10) })
}

// TestGracefulShutdownFinishesDownloads: a slow download of the identity
// app.wasm (8 MB, the largest answer) goes on across SIGTERM; the listener
// closes at once, the download completes, and the server exits 0 having
// cut nothing.
func TestGracefulShutdownFinishesDownloads(t *testing.T) {
	if serverPath == "" {
		t.Skip("no server")
	}
	srv := startServer(t)
	req, err := http.NewRequest("GET", srv.URL+"/"+siteVersion(t, srv.URL)+"/web/app.wasm", nil)
	require.NoError(t, err)
	req.Header.Set("Accept-Encoding", "identity")
	res, err := slowClient.RoundTrip(req)
	require.NoError(t, err)
	defer res.Body.Close()
	want, err := strconv.Atoi(res.Header.Get("Content-Length"))
	require.NoError(t, err)
	require.Greater(t, want, 4<<20, "the identity wasm")
	buf := make([]byte, 64<<10)
	n, err := io.ReadFull(res.Body, buf)
	require.NoError(t, err)

	require.NoError(t, srv.cmd.Process.Signal(syscall.SIGTERM))
	addr := strings.TrimPrefix(srv.URL, "http://")
	closed := waitUntil(10*time.Second, nil, func() bool {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
		}
		return err != nil
	})
	assert.True(t, closed, "the listener closes at once")
	// The server may finish once what is left fits in the kernel's
	// buffers (its send buffer, at most tcp_wmem's maximum, and ours).
	left := want - socketBufferMax(t) - 64<<10
	require.Greater(t, left, 1<<20, "the download outlasts the kernel's buffers")
	tick := time.NewTicker(10 * time.Millisecond) // a slow client: 6.4 MB/s
	defer tick.Stop()
	for {
		select {
		case <-srv.exited:
			require.GreaterOrEqual(t, n, left, "the server quit with %d of %d bytes read", n, want)
		default:
		}
		m, err := io.ReadFull(res.Body, buf)
		n += m
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		require.NoError(t, err)
		<-tick.C
	}
	assert.Equal(t, want, n, "the whole app.wasm arrived")
	select {
	case <-srv.exited:
		assert.NoError(t, srv.err, "exit status 0")
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit after the download")
	}
	srv.waitOutput(t, "shutdown: every request finished")
}

// socketBufferMax is the largest send buffer of a TCP socket.
func socketBufferMax(t *testing.T) int {
	b, err := os.ReadFile("/proc/sys/net/ipv4/tcp_wmem")
	require.NoError(t, err)
	f := strings.Fields(string(b))
	require.Len(t, f, 3)
	n, err := strconv.Atoi(f[2])
	require.NoError(t, err)
	return n
}

// TestShutdownCutsAfterTheGrace: a download that outlasts the grace
// period is cut, counted in the log, and the exit status is still 0.
func TestShutdownCutsAfterTheGrace(t *testing.T) {
	if serverPath == "" {
		t.Skip("no server")
	}
	srv := startServerWith(t, "-addr", "127.0.0.1:0", "-grace", "1s")
	srv.waitOutput(t, "shutdown grace 1s")
	req, err := http.NewRequestWithContext(context.Background(), "GET", srv.URL+"/"+siteVersion(t, srv.URL)+"/web/app.wasm", nil)
	require.NoError(t, err)
	req.Header.Set("Accept-Encoding", "identity")
	res, err := slowClient.RoundTrip(req)
	require.NoError(t, err)
	defer res.Body.Close()
	require.NoError(t, srv.cmd.Process.Signal(syscall.SIGTERM)) // and the client stops reading
	select {
	case <-srv.exited:
		assert.NoError(t, srv.err, "exit status 0")
	case <-time.After(20 * time.Second):
		t.Fatal("the server did not exit after its grace period")
	}
	srv.waitOutput(t, "shutdown: cut 1 request still running after 1s")
	_, err = io.ReadAll(res.Body)
	assert.Error(t, err, "the download was cut")
}
