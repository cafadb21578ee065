// Package leb128 reads and writes the LEB128 numbers of the WebAssembly
// binary format (section sizes, counts, indices), for the tools that
// take app.wasm apart: cmd/wasmdata and cmd/benchreport.
package leb128

import "errors"

// ErrBad is the error of a number that runs past its input or its size.
var ErrBad = errors.New("bad LEB128 number")

// AppendUnsigned appends v in unsigned LEB128.
func AppendUnsigned(b []byte, v uint64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// Unsigned reads an unsigned LEB128 number of at most 64 bits from the
// start of b and returns it with the count of bytes it took.
func Unsigned(b []byte) (v uint64, n int, err error) {
	var shift uint
	for n < len(b) && n < 10 {
		c := b[n]
		n++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v, n, nil
		}
		shift += 7
	}
	return 0, 0, ErrBad
}
