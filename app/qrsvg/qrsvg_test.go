package qrsvg

import (
	"errors"
	"image"
	"image/color"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// modulesOfSVG reads the dark modules back from the SVG's path, with the
// quiet zone: it checks the SVG's shape on the way.
func modulesOfSVG(t *testing.T, svg string) [][]bool {
	t.Helper()
	head, rest, ok := strings.Cut(svg, `viewBox="0 0 `)
	require.True(t, ok, "viewBox")
	require.Equal(t, `<svg xmlns="http://www.w3.org/2000/svg" `, head)
	dims, _, _ := strings.Cut(rest, `"`)
	w, h, _ := strings.Cut(dims, " ")
	n, err := strconv.Atoi(w)
	require.NoError(t, err)
	require.Equal(t, w, h, "square")
	assert.NotContains(t, svg, "style", "the CSP forbids inline styles")
	assert.Contains(t, svg, `shape-rendering="crispEdges"`)
	assert.Equal(t, 1, strings.Count(svg, "<path"), "one path")
	_, d, ok := strings.Cut(svg, `<path fill="#000" d="`)
	require.True(t, ok)
	d, tail, ok := strings.Cut(d, `"`)
	require.True(t, ok)
	require.Equal(t, "/></svg>", tail)

	grid := make([][]bool, n)
	for i := range grid {
		grid[i] = make([]bool, n)
	}
	for _, run := range strings.Split(strings.TrimSuffix(d, "z"), "z") {
		var x, y, l1, l2 int
		// each run is "M{x} {y}h{len}v1h-{len}"
		_, err := sscan(run, &x, &y, &l1, &l2)
		require.NoError(t, err, run)
		require.Equal(t, l1, l2, run)
		require.True(t, y >= Quiet && y < n-Quiet && x >= Quiet && x+l1 <= n-Quiet, "run %q outside the code", run)
		for i := x; i < x+l1; i++ {
			require.False(t, grid[y][i], "module %d,%d drawn twice", i, y)
			grid[y][i] = true
		}
	}
	return grid
}

// sscan parses "M{x} {y}h{a}v1h-{b}".
func sscan(s string, x, y, a, b *int) (int, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == 'M' || r == ' ' || r == 'h' || r == 'v' || r == '-' })
	if len(fields) != 5 || fields[3] != "1" || !strings.Contains(s, "v1h-") {
		return 0, errors.New("bad run " + s)
	}
	for i, p := range []*int{x, y, a, b} {
		f := fields[i]
		if i == 3 {
			f = fields[4]
		}
		v, err := strconv.Atoi(f)
		if err != nil {
			return i, err
		}
		*p = v
	}
	return 4, nil
}

// decode renders the modules at scale pixels a module and reads them with
// gozxing's QR reader (its detector, not the pure-barcode shortcut).
func decode(t *testing.T, grid [][]bool, scale int) (string, string) {
	t.Helper()
	n := len(grid)
	img := image.NewGray(image.Rect(0, 0, n*scale, n*scale))
	for y := range n * scale {
		for x := range n * scale {
			c := color.Gray{255}
			if grid[y/scale][x/scale] {
				c = color.Gray{0}
			}
			img.SetGray(x, y, c)
		}
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	require.NoError(t, err)
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
	require.NoError(t, err)
	level, _ := res.GetResultMetadata()[gozxing.ResultMetadataType_ERROR_CORRECTION_LEVEL].(string)
	return res.GetText(), level
}

func TestSVGDecodesToTheLink(t *testing.T) {
	link := "https://jifen.example/result?age=35&education=master&full_time=1&title=intermediate&insurance_years=6&base_tier=1&spouse_years=3&as_of=2026-11-28"
	svg, err := SVG(link)
	require.NoError(t, err)
	grid := modulesOfSVG(t, svg)
	c, err := Encode(link)
	require.NoError(t, err)
	require.Len(t, grid, c.Size+2*Quiet)
	for y := range c.Size {
		for x := range c.Size {
			require.Equal(t, c.Dark(x, y), grid[y+Quiet][x+Quiet], "module %d,%d", x, y)
		}
	}
	text, level := decode(t, grid, 4)
	assert.Equal(t, link, text)
	assert.Equal(t, "M", level)
	assert.Less(t, len(svg), 12000, "compact")
}

// TestEveryVersion decodes a text of the largest length each version holds,
// so that every version's blocks, alignment patterns and version
// information are checked against an independent reader.
func TestEveryVersion(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%"
	masks := map[int]bool{}
	for v := 1; v <= 40; v++ {
		n := (8*dataCodewords(v) - 4 - countBits(v)) / 8
		b := make([]byte, n)
		for i := range b {
			b[i] = chars[rng.IntN(len(chars))]
		}
		text := string(b)
		c, err := Encode(text)
		require.NoError(t, err)
		require.Equal(t, v, c.Version, "%d bytes fill version %d", n, v)
		masks[c.Mask] = true
		c2, err := Encode(text + "x")
		if v < 40 {
			require.NoError(t, err)
			assert.Equal(t, v+1, c2.Version, "one byte more needs the next version")
		} else {
			assert.ErrorIs(t, err, ErrTooLong)
		}
		got, level := decode(t, modulesOfSVG(t, c.SVG()), 2)
		require.Equal(t, text, got, "version %d", v)
		require.Equal(t, "M", level)
	}
	assert.Greater(t, len(masks), 3, "the penalty picks different masks")
}

func TestShortAndUTF8(t *testing.T) {
	for _, text := range []string{"", "a", "上海居住证积分", strings.Repeat("9", 1500)} {
		c, err := Encode(text)
		require.NoError(t, err)
		got, _ := decode(t, modulesOfSVG(t, c.SVG()), 3)
		assert.Equal(t, text, got)
	}
}

func TestTooLong(t *testing.T) {
	_, err := SVG(strings.Repeat("a", 2332))
	assert.ErrorIs(t, err, ErrTooLong)
	_, err = SVG(strings.Repeat("a", 2331))
	assert.NoError(t, err)
}

// TestAlignmentPositions checks the formula against rows of the standard's
// table (Annex E).
func TestAlignmentPositions(t *testing.T) {
	for v, want := range map[int][]int{
		1: nil, 2: {6, 18}, 6: {6, 34}, 7: {6, 22, 38}, 14: {6, 26, 46, 66}, 15: {6, 26, 48, 70},
		22: {6, 26, 50, 74, 98}, 32: {6, 34, 60, 86, 112, 138}, 36: {6, 24, 50, 76, 102, 128, 154},
		40: {6, 30, 58, 86, 114, 142, 170},
	} {
		assert.Equal(t, want, alignmentPositions(v), "version %d", v)
	}
}
