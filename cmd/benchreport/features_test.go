package main

import (
	"jifen/internal/leb128"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// module is a wasm module with one imported function and three bodies,
// named in its name section.
func module() []byte {
	sec := func(id byte, body []byte) []byte {
		return append(leb128.AppendUnsigned([]byte{id}, uint64(len(body))), body...)
	}
	str := func(s string) []byte { return append(leb128.AppendUnsigned(nil, uint64(len(s))), s...) }
	b := []byte("\x00asm\x01\x00\x00\x00")
	imp := append([]byte{1}, str("go")...)
	imp = append(append(imp, str("debug")...), 0, 0)
	b = append(b, sec(2, imp)...)
	code := []byte{3}
	for _, body := range [][]byte{{0, 0x0b}, {0, 0x01, 0x01, 0x01, 0x0b}, {0, 0x01, 0x0b}} {
		code = append(append(code, byte(len(body))), body...)
	}
	b = append(b, sec(10, code)...)
	names := []byte{3}
	for i, n := range []string{"jifen_app.keep", "jifen_app.__batchPage_.Render", "jifen_app.__batchPage_.Render.func1"} {
		names = append(append(names, byte(i+1)), str(n)...)
	}
	b = append(b, sec(0, append(append(str("name"), 1), append(leb128.AppendUnsigned(nil, uint64(len(names))), names...)...))...)
	return b
}

func TestReadWasmAndWithout(t *testing.T) {
	w, err := readWasm(module())
	require.NoError(t, err)
	assert.Equal(t, []string{"jifen_app.keep", "jifen_app.__batchPage_.Render", "jifen_app.__batchPage_.Render.func1"}, w.names, "names by body, after the import")
	assert.Equal(t, []int{2, 5, 3}, []int{w.bodies[0].size, w.bodies[1].size, w.bodies[2].size})

	v, err := readWasm(w.without([]int{1, 2}))
	require.NoError(t, err, "what is left is a module")
	assert.Equal(t, w.names, v.names)
	assert.Equal(t, []int{2, 3, 3}, []int{v.bodies[0].size, v.bodies[1].size, v.bodies[2].size}, "dropped bodies are emptied")

	_, err = readWasm([]byte("\x00asm\x01\x00\x00\x00"))
	assert.Error(t, err, "no names")
}

func TestOwner(t *testing.T) {
	keys := map[string]bool{mangle("jifen/app.(*batchPage).Render"): true, mangle("jifen/app.embedOptions.ctaText"): true, mangle("jifen/score.checkChildren"): true}
	for name, want := range map[string]string{
		"jifen_app.__batchPage_.Render":         "jifen_app.__batchPage_.Render",
		"jifen_app.__batchPage_.Render.func2.1": "jifen_app.__batchPage_.Render",
		"jifen_app.__batchPage_.Render_fm":      "jifen_app.__batchPage_.Render",
		"jifen_app.__embedOptions_.ctaText":     "jifen_app.embedOptions.ctaText",
		"jifen_score.checkChildren":             "jifen_score.checkChildren",
		"jifen_score.checkChildrenToo":          "",
		"jifen_app.__batchPage_.Renders":        "",
	} {
		assert.Equal(t, want, owner(name, keys), name)
	}
}
