//go:build !linux && !wasm

package server

import "net"

// limitNotSent is a no-op where TCP_NOTSENT_LOWAT is not set: progress is
// then seen when the kernel's send buffer drains, more coarsely.
func limitNotSent(net.Conn) {}
