//go:build !wasm

package server

import (
	"container/list"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"syscall"
)

// limitListener caps the number of open connections. At the cap, a new
// connection closes the oldest one that is not in the middle of a request
// (connected but silent, half-way through its headers, or idle between
// requests), so that a flood of idle or half-open connections cannot lock
// real visitors out: their request arrives within a round trip and is
// served. When every connection is busy with a request, Accept waits for
// one to finish (the kernel queues the newcomers).
type limitListener struct {
	net.Listener
	max int

	mu      sync.Mutex
	conns   list.List // *trackedConn, oldest first
	freed   chan struct{}
	closed  chan struct{}
	once    sync.Once
	evicted atomic.Int64
}

func newLimitListener(ln net.Listener, max int) *limitListener {
	return &limitListener{Listener: ln, max: max, freed: make(chan struct{}, 1), closed: make(chan struct{})}
}

// trackedConn is a connection with the state the HTTP server gives it.
type trackedConn struct {
	net.Conn
	l     *limitListener
	elem  *list.Element
	state atomic.Int32 // http.ConnState; 0 is StateNew
	once  sync.Once

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
		if m := c.strip.strip(p[:n]); m > 0 || n == 0 || err != nil {
			return m, err
		}
		// all of it was query: read on
	}
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
	for {
		l.mu.Lock()
		if l.conns.Len() < l.max {
			tc := &trackedConn{Conn: c, l: l}
			tc.elem = l.conns.PushBack(tc)
			l.mu.Unlock()
			return tc, nil
		}
		victim := l.victimLocked()
		l.mu.Unlock()
		if victim != nil {
			l.evicted.Add(1)
			victim.Close()
			continue
		}
		select {
		case <-l.freed:
		case <-l.closed:
			c.Close()
			return nil, net.ErrClosed
		}
	}
}

// victimLocked is the oldest connection not serving a request.
func (l *limitListener) victimLocked() *trackedConn {
	for e := l.conns.Front(); e != nil; e = e.Next() {
		c := e.Value.(*trackedConn)
		if st := http.ConnState(c.state.Load()); st == http.StateNew || st == http.StateIdle {
			return c
		}
	}
	return nil
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
