//go:build !wasm

package server

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The connection-level attacks of the hardening issue, against Serve on a
// loopback listener with a cap of 20 connections.

const hardeningCap = 20

// lockedBuffer is a log the server writes while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// serveCapped serves s on a loopback port with a cap of hardeningCap
// connections. shutdown stops it and returns its log; it also runs at
// the end of the test.
func serveCapped(t *testing.T, s *Site) (addr string, shutdown func() string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	logs := &lockedBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, ln, s, Options{MaxConns: hardeningCap, Grace: time.Second, Log: log.New(logs, "", 0)})
	}()
	var once sync.Once
	shutdown = func() string {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				assert.NoError(t, err)
			case <-time.After(15 * time.Second):
				t.Error("the server did not shut down")
			}
		})
		return logs.String()
	}
	t.Cleanup(func() { shutdown() })
	return ln.Addr().String(), shutdown
}

// dialSmall connects with a 32 kB receive buffer, so that an answer the
// client does not read stays in the server (the kernel's buffers on
// loopback would otherwise take megabytes of it). The connection is
// closed at the end of the test.
func dialSmall(t *testing.T, addr string) net.Conn {
	t.Helper()
	d := net.Dialer{Timeout: 5 * time.Second, Control: func(_, _ string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) { syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 32<<10) })
	}}
	c, err := d.Dial("tcp", addr)
	require.NoError(t, err)
	t.Cleanup(func() { c.Close() })
	return c
}

// visit is a real visitor asking for /calc on a new connection; it
// returns how long the answer took.
func visit(t *testing.T, addr string) time.Duration {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	defer client.CloseIdleConnections()
	start := time.Now()
	res, err := client.Get("http://" + addr + "/calc")
	require.NoError(t, err, "a visitor gets no answer")
	_, err = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	require.NoError(t, err)
	assert.Equal(t, 200, res.StatusCode)
	return time.Since(start)
}

// TestHardeningBodiesThatNeverArrive: connections that announce a body
// (Content-Length, chunked, Expect: 100-continue; POST or GET) and never
// send it get their answer and are closed at once. Three times the cap of
// them cannot lock a visitor out. (Before: net/http waited for each body
// with no deadline, the connections stayed busy, the cap never closed
// them, and the visitor waited for minutes.)
func TestHardeningBodiesThatNeverArrive(t *testing.T) {
	addr, _ := serveCapped(t, testSite(t))
	requests := []string{
		"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n",
		"GET /calc HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n",
		"POST /calc HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
		"GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel",
		"PUT / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n",
	}
	attackers := make([]net.Conn, 3*hardeningCap)
	for i := range attackers {
		attackers[i] = dialSmall(t, addr)
		_, err := io.WriteString(attackers[i], requests[i%len(requests)])
		require.NoError(t, err)
	}
	took := visit(t, addr)
	t.Logf("a visitor among %d connections whose bodies never come: answered in %v", len(attackers), took)
	assert.Less(t, took, 3*time.Second, "the visitor is served at once")

	// each is closed by the server: after its answer, or before it at the
	// cap (closing a connection whose request is not read yet resets it)
	for i, c := range attackers {
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		all, err := io.ReadAll(c)
		if err != nil {
			require.ErrorIs(t, err, syscall.ECONNRESET, "attacker %d (%q): the server closes the connection", i, requests[i%len(requests)])
		}
		if len(all) > 0 {
			assert.Regexp(t, `^HTTP/1\.1 (200|405) `, string(all), "attacker %d: its answer", i)
			assert.Contains(t, string(all), "\r\nConnection: close\r\n", "attacker %d", i)
		}
	}
}

// hardeningWasm is the identity app.wasm of bigSite: several MB, like the
// real one, so that a download outlasts the kernel's buffers.
var hardeningWasm = bytes.Repeat([]byte("\x00asm a large fake wasm, "), 8<<20/24)

var (
	bigOnce sync.Once
	big     *Site
	bigErr  error
)

// bigSite is the test site with hardeningWasm, built once.
func bigSite(t *testing.T) *Site {
	t.Helper()
	bigOnce.Do(func() {
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestSpeed)
		zw.Write(hardeningWasm)
		zw.Close()
		web := testWeb()
		web["app.wasm.gz"].Data = gz.Bytes()
		big, bigErr = New(Config{Web: web, Version: testVersion, FrameAncestors: "*"})
	})
	require.NoError(t, bigErr)
	return big
}

// TestHardeningStalledDownloads: at the cap, downloads of the identity
// app.wasm that the client stopped reading are closed (the one stalled
// for longest first), so that visitors and new downloads get in within a
// couple of seconds; a client that keeps reading, at slow-4G speed, is
// never chosen and gets the whole file. (Before: the stalled downloads
// held their slots for their whole write timeout, 5 minutes.)
func TestHardeningStalledDownloads(t *testing.T) {
	addr, shutdown := serveCapped(t, bigSite(t))
	get := "GET /" + testVersion + "/web/app.wasm HTTP/1.1\r\nHost: x\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n"
	// download starts one and reads its status line and headers only
	download := func() (*http.Response, error) {
		c := dialSmall(t, addr)
		c.SetDeadline(time.Now().Add(30 * time.Second))
		if _, err := io.WriteString(c, get); err != nil {
			return nil, err
		}
		res, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err == nil && res.ContentLength != int64(len(hardeningWasm)) {
			t.Fatalf("app.wasm: %d bytes, want %d", res.ContentLength, len(hardeningWasm))
		}
		return res, err
	}

	// the slow client: 20 kB every 100 ms (slow 4G, 1.6 Mbit/s) until the
	// attack is over, then the rest at once
	slow, err := download()
	require.NoError(t, err)
	attackOver := make(chan struct{})
	var slowRead atomic.Int64
	slowDone := make(chan error, 1)
	go func() {
		buf := make([]byte, 20<<10)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-attackOver:
				m, err := io.Copy(io.Discard, slow.Body)
				slowRead.Add(m)
				slowDone <- err
				return
			case <-tick.C:
			}
			m, err := io.ReadFull(slow.Body, buf)
			slowRead.Add(int64(m))
			if err != nil {
				slowDone <- err
				return
			}
		}
	}()

	// the rest of the cap: downloads that stop reading after the headers
	for i := 1; i < hardeningCap; i++ {
		_, err := download()
		require.NoError(t, err, "download %d, below the cap", i)
	}
	took := visit(t, addr)
	t.Logf("a visitor when the cap is full of stalled downloads: answered in %v", took)
	assert.Less(t, took, stallTimeout+3*time.Second, "the visitor is served within a couple of seconds")
	// more stalled downloads: each gets in by closing a stalled one
	const more = 5
	for i := 0; i < more; i++ {
		start := time.Now()
		_, err := download()
		require.NoError(t, err, "download %d beyond the cap", i)
		assert.Less(t, time.Since(start), stallTimeout+3*time.Second, "download %d beyond the cap starts", i)
	}
	took = visit(t, addr)
	t.Logf("a visitor after %d more stalled downloads: answered in %v", more, took)
	assert.Less(t, took, stallTimeout+3*time.Second, "the visitor is served within a couple of seconds")
	// the slow client is still reading at its pace: 1 MB, 5 s of it
	require.Eventually(t, func() bool { return slowRead.Load() >= 1<<20 }, 20*time.Second, 10*time.Millisecond,
		"the slow client keeps reading (%d bytes)", slowRead.Load())
	close(attackOver)
	select {
	case err := <-slowDone:
		require.NoError(t, err)
		assert.Equal(t, int64(len(hardeningWasm)), slowRead.Load(), "the slow client got the whole app.wasm")
	case <-time.After(20 * time.Second):
		t.Fatal("the slow client did not finish")
	}

	logs := shutdown()
	m := regexp.MustCompile(`closed (\d+) requests? stalled at the cap`).FindStringSubmatch(logs)
	require.NotNil(t, m, "the server counts the stalled downloads it closed:\n%s", logs)
	n, _ := strconv.Atoi(m[1])
	// the first download beyond the cap may take the slot of the visitor
	// before it; every other one, and both visitors, close a stalled one
	assert.GreaterOrEqual(t, n, more+1, logs)
}
