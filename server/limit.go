//go:build !wasm

package server

import (
	"container/list"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// limitListener caps the number of open connections. At the cap, a new
// connection closes the oldest one that is not in the middle of a request
// (connected but silent, half-way through its headers, or idle between
// requests), so that a flood of idle or half-open connections cannot lock
// real visitors out: their request arrives within a round trip and is
// served. When every connection is in the middle of a request, it closes
// the one that has made no progress (no byte of its answer taken by the
// client, no byte of a request received) for longest, if that is at least
// stallTimeout: a download nobody reads cannot hold its slot for its
// whole write timeout, while a client that keeps reading, at slow-4G
// speed or well below, is not chosen. Otherwise Accept waits for a
// connection to finish or to stall (the kernel queues the newcomers).
type limitListener struct {
	net.Listener
	max          int
	stallTimeout time.Duration

	mu      sync.Mutex
	conns   list.List // *trackedConn, oldest first
	freed   chan struct{}
	closed  chan struct{}
	once    sync.Once
	evicted atomic.Int64 // idle or half-open connections closed at the cap
	stalled atomic.Int64 // stalled requests closed at the cap
}

// stallTimeout is how long a connection in the middle of a request must
// have made no progress before the cap may close it. The kernel takes an
// answer about 16 kB at a time as the client reads it (see notSentLowat):
// every 0.1 s at slow-4G speed (200 kB/s), within 2 s down to 8 kB/s. (On
// loopback, whose 64 kB segments make the client open its window in
// coarser steps, a slow-4G reader showed progress at least every 0.7 s.)
const stallTimeout = 2 * time.Second

func newLimitListener(ln net.Listener, max int) *limitListener {
	return &limitListener{Listener: ln, max: max, stallTimeout: stallTimeout, freed: make(chan struct{}, 1), closed: make(chan struct{})}
}

// trackedConn is a connection with the state the HTTP server gives it.
type trackedConn struct {
	net.Conn
	l     *limitListener
	elem  *list.Element
	state atomic.Int32 // http.ConnState; 0 is StateNew
	once  sync.Once
	// progress is when a byte of a request last arrived or a slice of an
	// answer was last taken by the kernel (Unix nanoseconds).
	progress atomic.Int64

	strip   queryStripper
	buf     *[skipBufSize]byte // from skipPool, while pending is not empty
	pending []byte             // read and stripped, not yet returned
}

// Read reads the request bytes without their query (queryStripper).
// Inside a long query it reads 64 kB at a time into a pooled buffer (one
// system call instead of sixteen of net/http's 4 kB), kept only while
// what follows the query waits to be read.
func (c *trackedConn) Read(p []byte) (int, error) {
	if len(c.pending) > 0 {
		n := copy(p, c.pending)
		c.pending = c.pending[n:]
		if len(c.pending) == 0 {
			skipPool.Put(c.buf)
			c.buf, c.pending = nil, nil
		}
		return n, nil
	}
	for {
		if c.strip.state == stSkip && len(p) < skipBufSize {
			buf := skipPool.Get().(*[skipBufSize]byte)
			n, err := c.Conn.Read(buf[:])
			if n > 0 {
				c.progressed()
			}
			m := c.strip.strip(buf[:n])
			k := copy(p, buf[:m])
			if k < m {
				c.buf, c.pending = buf, buf[k:m]
			} else {
				skipPool.Put(buf)
			}
			if k > 0 || n == 0 || err != nil {
				return k, err
			}
			continue
		}
		n, err := c.Conn.Read(p)
		if n > 0 {
			c.progressed()
		}
		if m := c.strip.strip(p[:n]); m > 0 || n == 0 || err != nil {
			return m, err
		}
		// all of it was query: read on
	}
}

// Write writes p a slice at a time, noting the progress after each: a
// large answer (app.wasm is several MB) is one Write, and the cap must
// tell a client that reads it slowly from one that stopped.
func (c *trackedConn) Write(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		k, err := c.Conn.Write(p[n:min(len(p), n+writeSlice)])
		n += k
		if k > 0 {
			c.progressed()
		}
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// writeSlice is the progress granularity of a Write.
const writeSlice = 16 << 10

func (c *trackedConn) progressed() { c.progress.Store(time.Now().UnixNano()) }

// stalledFor is how long the connection has made no progress.
func (c *trackedConn) stalledFor(now time.Time) time.Duration {
	return now.Sub(time.Unix(0, c.progress.Load()))
}

const skipBufSize = 64 << 10

var skipPool = sync.Pool{New: func() any { return new([skipBufSize]byte) }}

// CloseWrite half-closes the connection, which net/http does before
// closing after an error so that the client reads the answer.
func (c *trackedConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

func (c *trackedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() { c.l.remove(c) })
	return err
}

func (l *limitListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	limitNotSent(c)
	var timer *time.Timer
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for {
		l.mu.Lock()
		if l.conns.Len() < l.max {
			tc := &trackedConn{Conn: c, l: l}
			tc.progressed()
			tc.elem = l.conns.PushBack(tc)
			l.mu.Unlock()
			return tc, nil
		}
		victim, stalled, wait := l.victimLocked(time.Now())
		l.mu.Unlock()
		if victim != nil {
			if stalled {
				l.stalled.Add(1)
			} else {
				l.evicted.Add(1)
			}
			victim.Close()
			continue
		}
		// every connection is busy and progressing: wait for one to
		// finish, or until the first could have stalled
		if timer == nil {
			timer = time.NewTimer(wait)
		} else {
			timer.Reset(wait)
		}
		select {
		case <-l.freed:
		case <-timer.C:
		case <-l.closed:
			c.Close()
			return nil, net.ErrClosed
		}
	}
}

// victimLocked chooses the connection to close at the cap: the oldest
// that is not serving a request, else the one in a request that has made
// no progress for longest, if for at least stallTimeout (stalled is then
// true). With no victim, wait is how long until there could be one.
func (l *limitListener) victimLocked(now time.Time) (victim *trackedConn, stalled bool, wait time.Duration) {
	var slowest *trackedConn
	var longest time.Duration
	for e := l.conns.Front(); e != nil; e = e.Next() {
		c := e.Value.(*trackedConn)
		if st := http.ConnState(c.state.Load()); st == http.StateNew || st == http.StateIdle {
			return c, false, 0
		}
		if d := c.stalledFor(now); slowest == nil || d > longest {
			slowest, longest = c, d
		}
	}
	if slowest != nil && longest >= l.stallTimeout {
		return slowest, true, 0
	}
	// at least a millisecond: a connection that keeps progressing moves
	// the time on; nothing to spin for
	return nil, false, max(l.stallTimeout-longest, time.Millisecond)
}

func (l *limitListener) remove(c *trackedConn) {
	l.mu.Lock()
	l.conns.Remove(c.elem)
	l.mu.Unlock()
	select {
	case l.freed <- struct{}{}:
	default:
	}
}

func (l *limitListener) Close() error {
	l.once.Do(func() { close(l.closed) })
	return l.Listener.Close()
}

// connState is the http.Server's ConnState hook.
func (l *limitListener) connState(c net.Conn, st http.ConnState) {
	tc, ok := c.(*trackedConn)
	if !ok {
		return
	}
	tc.state.Store(int32(st))
	if st == http.StateClosed || st == http.StateHijacked {
		tc.once.Do(func() { l.remove(tc) })
	}
}

// busy counts the connections in the middle of a request.
func (l *limitListener) busy() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for e := l.conns.Front(); e != nil; e = e.Next() {
		if http.ConnState(e.Value.(*trackedConn).state.Load()) == http.StateActive {
			n++
		}
	}
	return n
}

// Connection cap: the open-file limit less a reserve for the listener,
// the standard files and the runtime, at most maxConnsCap (each
// connection can hold up to maxHeaderBytes of headers being read).
const (
	fdReserve   = 64
	maxConnsCap = 4096
	minConns    = 16
)

// connCap sizes the connection cap from the open-file limit (which the Go
// runtime has already raised to the hard limit).
func connCap() (limit, fileLimit int) {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
		return 1024 - fdReserve, 0
	}
	fileLimit = int(min(rl.Cur, 1<<30))
	return max(minConns, min(fileLimit-fdReserve, maxConnsCap)), fileLimit
}
