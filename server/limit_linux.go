//go:build linux

package server

import (
	"net"
	"syscall"
)

// tcpNotSentLowat is TCP_NOTSENT_LOWAT (linux/tcp.h), which package
// syscall does not name.
const tcpNotSentLowat = 25

// notSentLowat bounds the bytes of an answer that the kernel holds unsent
// for a connection. Without it, a send buffer that has grown to megabytes
// takes a third of itself in one go, so that a Write to a slow reader
// returns only every few seconds and the cap could not tell it from a
// reader that stopped; with it, the kernel takes more of the answer each
// time half of this has gone out (16 kB), and a stalled download pins
// 32 kB of unsent answer in the kernel, not megabytes. Bytes sent and not
// yet acknowledged are not counted: fast clients are not slowed down.
const notSentLowat = 32 << 10

// limitNotSent sets TCP_NOTSENT_LOWAT on a TCP connection; other
// connections are left alone (a failure only makes progress coarser).
func limitNotSent(c net.Conn) {
	tc, ok := c.(*net.TCPConn)
	if !ok {
		return
	}
	rc, err := tc.SyscallConn()
	if err != nil {
		return
	}
	rc.Control(func(fd uintptr) {
		syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, tcpNotSentLowat, notSentLowat)
	})
}
