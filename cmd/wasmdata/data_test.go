package main

import (
	"bytes"
	"jifen/internal/leb128"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// module builds a WebAssembly module of a custom section and a data
// section holding segs, each written as Go's linker writes them.
func module(segs []segment) []byte {
	m := append([]byte(nil), wasmMagic...)
	custom := append(leb128.AppendUnsigned(nil, 4), "name"...)
	custom = append(custom, 1, 2, 3)
	m = append(m, 0)
	m = leb128.AppendUnsigned(m, uint64(len(custom)))
	m = append(m, custom...)
	body := writeSegments(segs)
	m = append(m, dataSection)
	m = leb128.AppendUnsigned(m, uint64(len(body)))
	return append(m, body...)
}

// memory is the memory image the segments of a module's data section
// write.
func memory(t *testing.T, m []byte) []byte {
	t.Helper()
	var img []byte
	for i := len(wasmMagic); i < len(m); {
		size, n, err := leb128.Unsigned(m[i+1:])
		require.NoError(t, err)
		start, end := i+1+n, i+1+n+int(size)
		if m[i] == dataSection {
			segs, err := readSegments(m[start:end])
			require.NoError(t, err)
			for _, s := range segs {
				for int(s.offset)+len(s.data) > len(img) {
					img = append(img, 0)
				}
				copy(img[s.offset:], s.data)
			}
		}
		i = end
	}
	return img
}

func TestMergeDataKeepsMemory(t *testing.T) {
	segs := []segment{
		{offset: 4096, data: []byte("go")},
		{offset: 4100, data: []byte("wasm")}, // 2 bytes after the first
		{offset: 8000, data: []byte("far")},  // 3,896 after the second
		{offset: 70000, data: []byte("end")}, // beyond the gap
		{offset: 1000, data: []byte("first")},
	}
	in := module(segs)
	out, before, after, err := MergeData(in, 4096)
	require.NoError(t, err)
	require.Equal(t, 5, before)
	require.Equal(t, 2, after, "1000…8003 are one segment, 70000 another")
	require.Equal(t, memory(t, in), memory(t, out), "the memory the module starts with")
	require.True(t, bytes.HasPrefix(out, in[:len(wasmMagic)+7+3]), "the sections before the data section are unchanged")

	out, _, after, err = MergeData(in, 1)
	require.NoError(t, err)
	require.Equal(t, 5, after, "a gap of 1 merges only touching segments")
	require.Equal(t, memory(t, in), memory(t, out))
}

func TestMergeDataRefuses(t *testing.T) {
	good := module([]segment{{offset: 8, data: []byte("x")}})
	passive := append([]byte(nil), good...)
	passive[len(passive)-6] = 1 // the segment's flags: passive
	for name, tc := range map[string]struct {
		in   []byte
		want string
	}{
		"not wasm":     {[]byte("\x00asm\x02\x00\x00\x00"), "not a WebAssembly module"},
		"no data":      {wasmMagic, "no data section"},
		"passive":      {passive, "not an active segment"},
		"cut":          {good[:len(good)-1], "runs past the end"},
		"two sections": {append(append([]byte(nil), good...), good[len(wasmMagic)+7+3:]...), "two data sections"},
		"section size": {append(append([]byte(nil), wasmMagic...), 11, 0xff), "section at byte 8"},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, _, err := MergeData(tc.in, 4096)
			require.Error(t, err)
			require.True(t, strings.Contains(err.Error(), tc.want), "%v", err)
		})
	}
}
