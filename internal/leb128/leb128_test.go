package leb128

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoundTrip(t *testing.T) {
	for _, c := range []struct {
		v    uint64
		want []byte
	}{
		{0, []byte{0}},
		{127, []byte{0x7f}},
		{128, []byte{0x80, 0x01}},
		{624485, []byte{0xe5, 0x8e, 0x26}}, // the example of the format's description
		{1<<64 - 1, []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}},
	} {
		b := AppendUnsigned([]byte{9}, c.v)
		require.Equal(t, append([]byte{9}, c.want...), b, "%d", c.v)
		v, n, err := Unsigned(append(b[1:], 0x55))
		require.NoError(t, err)
		assert.Equal(t, c.v, v)
		assert.Equal(t, len(c.want), n, "only the number's bytes are taken")
	}
}

func TestBad(t *testing.T) {
	for _, b := range [][]byte{nil, {0x80}, {0xff, 0xff}, {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01}} {
		_, _, err := Unsigned(b)
		assert.ErrorIs(t, err, ErrBad, "% x", b)
	}
}

func TestSignedRoundTrip(t *testing.T) {
	for _, v := range []int64{0, 1, -1, 63, 64, -64, -65, 1<<31 - 1, -1 << 31} {
		b := AppendSigned(nil, v)
		got, n, err := Signed32(append(b, 0x55))
		require.NoError(t, err)
		assert.Equal(t, v, got)
		assert.Equal(t, len(b), n)
	}
	_, _, err := Signed32([]byte{0x80, 0x80, 0x80, 0x80, 0x80, 0x01})
	assert.ErrorIs(t, err, ErrBad, "more than 5 bytes")
}
