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

// AppendSigned appends v in signed LEB128.
func AppendSigned(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

// Signed32 reads a signed LEB128 number of at most 32 bits (5 bytes, as
// an i32.const holds) from the start of b and returns it with the count
// of bytes it took.
func Signed32(b []byte) (v int64, n int, err error) {
	var shift uint
	for n < len(b) && n < 5 {
		c := b[n]
		n++
		v |= int64(c&0x7f) << shift
		shift += 7
		if c < 0x80 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return v, n, nil
		}
	}
	return 0, 0, ErrBad
}
