//go:build !wasm

package server

import (
	"bytes"
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"sync"
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
