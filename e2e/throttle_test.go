package e2e

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A throttling TCP proxy for the slow-4G benchmarks. Chromium's own
// throttling (CDP Network.emulateNetworkConditions) applies to the page's
// requests but not to those of a dedicated worker, and app.wasm is fetched
// by one (web/wasm-worker.js): throttled in the browser, a first visit
// over "slow 4G" downloaded the 1.2 MB of app.wasm at loopback speed. A
// proxy between the browser and bin/server throttles every byte alike,
// whoever asks for it: page, boot.js, worker, service worker.

// linkProfile is a network link: its round trip and its bandwidth in
// each direction, in bits per second.
type linkProfile struct {
	rtt      time.Duration
	down, up float64
}

// slow4G as the budgets define it: 150 ms round trip, 1.6 Mbit/s down,
// 750 kbit/s up (Lighthouse's and Chromium's "slow 4G").
var slow4G = linkProfile{rtt: 150 * time.Millisecond, down: 1.6e6, up: 750e3}

// proxyChunk is the most the proxy reads, paces and writes at once: at
// 1.6 Mbit/s 4 KiB take 20 ms of the link, so a small answer waits at
// most that long behind another connection's large one.
const proxyChunk = 4 << 10

// throttleProxy listens on a loopback port and forwards each connection
// to a target (bin/server), as one phone's link would carry it:
//
//   - each chunk, either way, arrives half a round trip after it has
//     left, so a request and its answer cost at least one round trip;
//   - a new connection costs a round trip more before the client's first
//     byte leaves (TCP's SYN and SYN-ACK);
//   - each direction has one bandwidth, shared by all connections (one
//     link, not one per connection): a chunk leaves once the link has
//     sent the chunks before it, whichever connection they were on, and
//     the time it takes is its size over the bandwidth.
//
// The delay and the bandwidth are separate, as on a real link: chunks in
// flight do not hold the next ones back, so a long download runs at the
// full bandwidth. Each connection buffers a bounded number of chunks;
// beyond that the proxy stops reading and TCP holds the sender back.
//
// Throttling can be turned off (setThrottled) and on again, e.g. for the
// visits that install the service worker before a throttled repeat visit
// of the same origin. The proxy counts the bytes it delivers either way.
type throttleProxy struct {
	URL string // http://127.0.0.1:port, the browser's origin

	target    string // host:port
	prof      linkProfile
	ln        net.Listener
	down, up  link
	throttled atomic.Bool
	delivered atomic.Int64 // bytes written to the browser
	sent      atomic.Int64 // bytes written to the target
	accepted  atomic.Int64 // connections

	mu     sync.Mutex
	conns  map[*proxyConn]struct{}
	closed bool
	errs   []string // dial and accept errors, logged at the end
	wg     sync.WaitGroup
}

// startThrottleProxy starts a proxy in front of targetURL (http://host:port),
// throttled as prof. It is closed when the test ends.
func startThrottleProxy(t testing.TB, targetURL string, prof linkProfile) *throttleProxy {
	t.Helper()
	target := strings.TrimPrefix(strings.TrimRight(targetURL, "/"), "http://")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("throttling proxy: %v", err)
	}
	p := &throttleProxy{
		URL:    "http://" + ln.Addr().String(),
		target: target,
		prof:   prof,
		ln:     ln,
		down:   link{bytesPerSecond: prof.down / 8},
		up:     link{bytesPerSecond: prof.up / 8},
		conns:  map[*proxyConn]struct{}{},
	}
	p.throttled.Store(true)
	p.wg.Add(1)
	go p.serve()
	t.Cleanup(func() {
		p.Close()
		p.mu.Lock()
		defer p.mu.Unlock()
		for _, e := range p.errs {
			t.Logf("throttling proxy: %s", e)
		}
	})
	return p
}

// setThrottled turns the throttling on or off, from the next chunk on.
func (p *throttleProxy) setThrottled(on bool) { p.throttled.Store(on) }

// bytesDelivered is the count of bytes the proxy has written to the
// browser: every answer's headers and body as they went on the wire.
func (p *throttleProxy) bytesDelivered() int64 { return p.delivered.Load() }

// Close stops listening, cuts every connection and waits for all of the
// proxy's goroutines. It may be called more than once.
func (p *throttleProxy) Close() {
	p.mu.Lock()
	p.closed = true
	conns := make([]*proxyConn, 0, len(p.conns))
	for c := range p.conns {
		conns = append(conns, c)
	}
	p.mu.Unlock()
	p.ln.Close()
	for _, c := range conns {
		c.kill()
	}
	p.wg.Wait()
}

func (p *throttleProxy) logError(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.errs) < 20 {
		p.errs = append(p.errs, fmt.Sprintf(format, args...))
	}
}

func (p *throttleProxy) serve() {
	defer p.wg.Done()
	for {
		c, err := p.ln.Accept()
		if err != nil {
			if !errors.Is(err, net.ErrClosed) {
				p.logError("accept: %v", err)
			}
			return
		}
		p.accepted.Add(1)
		p.wg.Add(1)
		go p.handle(c)
	}
}

// handle carries one connection, both ways, until both have ended or one
// fails.
func (p *throttleProxy) handle(client net.Conn) {
	defer p.wg.Done()
	// The client's first byte leaves once the handshake's round trip is
	// over. (The dial to the target, on loopback, costs nothing.)
	var handshake time.Time
	if p.throttled.Load() {
		handshake = time.Now().Add(p.prof.rtt)
	}
	server, err := net.DialTimeout("tcp", p.target, 5*time.Second)
	if err != nil {
		// the target is gone (a test stopped it): the browser sees the
		// connection closed, as it would see it refused
		client.Close()
		p.logError("dial %s: %v", p.target, err)
		return
	}
	c := &proxyConn{client: client, server: server, dead: make(chan struct{})}
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		c.kill()
		return
	}
	p.conns[c] = struct{}{}
	p.mu.Unlock()
	defer func() {
		c.kill()
		p.mu.Lock()
		delete(p.conns, c)
		p.mu.Unlock()
	}()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); p.pipe(c, client, server, &p.up, handshake, &p.sent) }()
	go func() { defer wg.Done(); p.pipe(c, server, client, &p.down, time.Time{}, &p.delivered) }()
	wg.Wait()
}

// proxyChunkAt is a chunk and when it arrives at the other end.
type proxyChunkAt struct {
	b  []byte
	at time.Time
}

// pipe copies src to dst through l: it reads a chunk, waits for its turn
// on the link, and hands it to a writer that delivers it half a round
// trip after it has gone through the link. At src's end it half-closes
// dst once all is delivered; on an error it cuts the connection.
func (p *throttleProxy) pipe(c *proxyConn, src, dst net.Conn, l *link, notBefore time.Time, count *atomic.Int64) {
	queue := make(chan proxyChunkAt, 16)
	written := make(chan struct{})
	go func() {
		defer close(written)
		for ch := range queue {
			if !c.sleepUntil(ch.at) {
				return
			}
			if _, err := dst.Write(ch.b); err != nil {
				c.kill()
				return
			}
			count.Add(int64(len(ch.b)))
		}
		if cw, ok := dst.(interface{ CloseWrite() error }); !ok || cw.CloseWrite() != nil {
			c.kill()
		}
	}()
	defer func() {
		close(queue)
		<-written
	}()
	if !notBefore.IsZero() && !c.sleepUntil(notBefore) {
		return
	}
	for {
		buf := make([]byte, proxyChunk)
		n, err := src.Read(buf)
		if n > 0 {
			at := time.Now()
			if p.throttled.Load() {
				start, end := l.reserve(n, at)
				// wait for the link to start on this chunk before reading
				// the next: a connection is at most one chunk ahead
				if !c.sleepUntil(start) {
					return
				}
				at = end.Add(p.prof.rtt / 2)
			}
			select {
			case queue <- proxyChunkAt{buf[:n], at}:
			case <-c.dead:
				return
			}
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				c.kill() // reset, or cut by kill
			}
			return
		}
	}
}

// link is one direction's bandwidth: the time its last reserved chunk
// has gone through.
type link struct {
	bytesPerSecond float64

	mu   sync.Mutex
	free time.Time
}

// reserve books n bytes on the link, after the bytes booked before them,
// and returns when they start and finish going through.
func (l *link) reserve(n int, now time.Time) (start, end time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	start = l.free
	if start.Before(now) {
		start = now
	}
	end = start.Add(time.Duration(float64(n) / l.bytesPerSecond * float64(time.Second)))
	l.free = end
	return start, end
}

// proxyConn is a browser's connection and the proxy's own to the target.
type proxyConn struct {
	client, server net.Conn
	dead           chan struct{} // closed by kill
	once           sync.Once
}

// kill cuts both connections and wakes whatever waits on them.
func (c *proxyConn) kill() {
	c.once.Do(func() {
		close(c.dead)
		c.client.Close()
		c.server.Close()
	})
}

// sleepUntil waits until t and says whether the connection is still alive.
func (c *proxyConn) sleepUntil(t time.Time) bool {
	d := time.Until(t)
	if d <= 0 {
		select {
		case <-c.dead:
			return false
		default:
			return true
		}
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-c.dead:
		return false
	}
}

// TestThrottleProxy checks the proxy's round trips, bandwidths and count
// against a small server of its own (no browser): a round trip on a new
// connection costs the handshake and the request's round trip, two
// downloads at once share the 1.6 Mbit/s, an upload goes at 750 kbit/s,
// every byte is counted, and nothing is left running. About 2.5 s. The
// lower bounds follow from the proxy's sleeps and hold on any machine;
// the upper ones leave room for a loaded one.
func TestThrottleProxy(t *testing.T) {
	goroutines := runtime.NumGoroutine()
	target := startByteServer(t)
	px := startThrottleProxy(t, "http://"+target.addr, slow4G)
	dial := func() net.Conn {
		c, err := net.Dial("tcp", strings.TrimPrefix(px.URL, "http://"))
		require.NoError(t, err)
		require.NoError(t, c.SetDeadline(time.Now().Add(10*time.Second)))
		return c
	}
	// get asks for n bytes and reads them
	get := func(c net.Conn, n int) {
		_, err := fmt.Fprintf(c, "GET %d\n", n)
		require.NoError(t, err)
		_, err = io.ReadFull(c, make([]byte, n))
		require.NoError(t, err)
	}
	timed := func(f func()) time.Duration { t0 := time.Now(); f(); return time.Since(t0) }

	var a, b net.Conn
	fresh := timed(func() { a = dial(); get(a, 1) })
	again := timed(func() { get(a, 1) })
	t.Logf("a byte on a new connection: %v, then on the same: %v", fresh, again)
	assert.GreaterOrEqual(t, fresh, 2*slow4G.rtt, "handshake and round trip")
	assert.Less(t, fresh, 700*time.Millisecond)
	assert.GreaterOrEqual(t, again, slow4G.rtt, "a round trip")
	assert.Less(t, again, 500*time.Millisecond)

	// 2 × 100 kB at once over one 1.6 Mbit/s link: 1 s, plus the round trip
	b = dial()
	get(b, 1)
	var each [2]time.Duration
	both := timed(func() {
		var wg sync.WaitGroup
		for i, c := range []net.Conn{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				t0 := time.Now()
				if _, err := fmt.Fprintf(c, "GET %d\n", 100_000); err != nil {
					return // ReadFull below fails too, in the test's goroutine
				}
				io.ReadFull(c, make([]byte, 100_000))
				each[i] = time.Since(t0)
			}()
		}
		wg.Wait()
	})
	t.Logf("2 × 100 kB at once: %v (each %v)", both, each)
	assert.GreaterOrEqual(t, both, time.Second, "200 kB at 1.6 Mbit/s")
	assert.Less(t, both, 1600*time.Millisecond)
	for _, d := range each {
		assert.GreaterOrEqual(t, d, 900*time.Millisecond, "the link is shared: alone, 100 kB would take 0.5 s")
	}

	// 40 kB up at 750 kbit/s: 0.43 s, plus the round trip
	up := timed(func() {
		_, err := fmt.Fprintf(a, "PUT %d\n%s", 40_000, strings.Repeat("x", 40_000))
		require.NoError(t, err)
		_, err = io.ReadFull(a, make([]byte, 3))
		require.NoError(t, err)
	})
	t.Logf("40 kB up: %v", up)
	assert.GreaterOrEqual(t, up, 550*time.Millisecond, "40 kB at 750 kbit/s and a round trip")
	assert.Less(t, up, 1100*time.Millisecond)

	// unthrottled: 100 kB at once (throttled: 0.65 s)
	px.setThrottled(false)
	off := timed(func() { get(b, 100_000) })
	t.Logf("100 kB unthrottled: %v", off)
	assert.Less(t, off, 400*time.Millisecond)

	// closing the proxy cuts its connections and ends its goroutines
	// (the count is final once they have: a chunk is counted once written)
	px.Close()
	assert.Equal(t, int64(1+1+1+100_000+100_000+3+100_000), px.bytesDelivered(), "every byte the server sent is counted")
	assert.Equal(t, int64(2), px.accepted.Load())
	_, err := a.Read(make([]byte, 1))
	assert.Error(t, err, "the proxy cut the connection")
	a.Close()
	b.Close()
	target.close()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > goroutines && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	assert.LessOrEqual(t, runtime.NumGoroutine(), goroutines, "goroutines left running")
}

// byteServer answers "GET n\n" with n bytes and "PUT n\n" followed by n
// bytes with "ok\n", on loopback, for TestThrottleProxy.
type byteServer struct {
	addr string
	ln   net.Listener
	wg   sync.WaitGroup

	mu    sync.Mutex
	conns []net.Conn
}

func startByteServer(t *testing.T) *byteServer {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	s := &byteServer{addr: ln.Addr().String(), ln: ln}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s.mu.Lock()
			s.conns = append(s.conns, c)
			s.mu.Unlock()
			s.wg.Add(1)
			go func() {
				defer s.wg.Done()
				defer c.Close()
				r := bufio.NewReader(c)
				for {
					var verb string
					var n int
					if _, err := fmt.Fscanf(r, "%s %d\n", &verb, &n); err != nil {
						return
					}
					var err error
					switch verb {
					case "GET":
						_, err = c.Write(make([]byte, n))
					case "PUT":
						if _, err = io.CopyN(io.Discard, r, int64(n)); err == nil {
							_, err = c.Write([]byte("ok\n"))
						}
					}
					if err != nil {
						return
					}
				}
			}()
		}
	}()
	t.Cleanup(s.close)
	return s
}

// close stops the server and waits for its goroutines.
func (s *byteServer) close() {
	s.ln.Close()
	s.mu.Lock()
	for _, c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
}
