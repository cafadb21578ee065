// Package qrsvg makes the QR code (ISO/IEC 18004) of a text, such as the
// page's link, and draws it as a small SVG. It is a minimal encoder written
// for app.wasm: byte mode only, error-correction level M, versions 1 to 40,
// and of the eight masks the one with the lowest penalty. It imports no
// image package; measured in app.wasm it weighs less than any QR library
// tried (rsc.io/qr, github.com/skip2/go-qrcode, github.com/piglig/go-qr).
//
// Level M restores about 15% of the code: a link shared as a screenshot or
// a poster is scaled and recompressed by chat apps, and M is what readers
// expect; for a link of a few hundred bytes it costs one or two versions
// (4 to 8 modules a side) over level L.
package qrsvg

import (
	"errors"
	"strconv"
	"strings"
)

// Quiet is the width of the light border around the code, in modules.
const Quiet = 4

// eccPerBlock and numBlocks are the error-correction codewords per block and
// the number of blocks of each version (index 1-40) at level M.
var (
	eccPerBlock = [41]uint8{0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28}
	numBlocks   = [41]uint8{0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49}
)

// ErrTooLong is returned for a text longer than a QR code holds (2,331
// bytes at level M).
var ErrTooLong = errors.New("qrsvg: text too long for a QR code at level M")

// Code is a QR code: Size × Size modules, without the quiet zone.
type Code struct {
	Size    int
	Version int
	Mask    int
	dark    []bool // row-major
	fn      []bool // function modules (finders, timing, format...)
}

// Dark reports whether the module at column x, row y is dark.
func (c *Code) Dark(x, y int) bool { return c.dark[y*c.Size+x] }

// rawModules is the number of modules of version v that hold codewords.
func rawModules(v int) int {
	r := (16*v+128)*v + 64
	if v >= 2 {
		n := v/7 + 2 // alignment patterns per row
		r -= (25*n-10)*n - 55
		if v >= 7 {
			r -= 36 // the two version-information areas
		}
	}
	return r
}

// dataCodewords is the number of data codewords of version v at level M.
func dataCodewords(v int) int {
	return rawModules(v)/8 - int(eccPerBlock[v])*int(numBlocks[v])
}

// countBits is the length of the byte-mode character count.
func countBits(v int) int {
	if v <= 9 {
		return 8
	}
	return 16
}

// Encode makes the QR code of text (its bytes, in byte mode: a URL, which is
// ASCII, reads the same in every reader) in the smallest version that holds it.
func Encode(text string) (*Code, error) {
	v := 1
	for ; v <= 40; v++ {
		if 4+countBits(v)+8*len(text) <= 8*dataCodewords(v) {
			break
		}
	}
	if v > 40 {
		return nil, ErrTooLong
	}
	c := &Code{Size: 4*v + 17, Version: v}
	c.dark = make([]bool, c.Size*c.Size)
	c.fn = make([]bool, c.Size*c.Size)
	c.drawFunctionPatterns()
	c.drawCodewords(codewords(v, text))
	best := -1
	for m := 0; m < 8; m++ {
		c.applyMask(m)
		c.drawFormat(m)
		if p := c.penalty(); best < 0 || p < best {
			best, c.Mask = p, m
		}
		c.applyMask(m) // undo
	}
	c.applyMask(c.Mask)
	c.drawFormat(c.Mask)
	return c, nil
}

// bitWriter appends bits, most significant first.
type bitWriter struct {
	b []byte
	n int
}

func (w *bitWriter) put(v, n int) {
	for i := n - 1; i >= 0; i-- {
		if w.n%8 == 0 {
			w.b = append(w.b, 0)
		}
		if v>>i&1 != 0 {
			w.b[w.n/8] |= 0x80 >> (w.n % 8)
		}
		w.n++
	}
}

// codewords are the data and error-correction codewords of text in
// version v, interleaved in transmission order.
func codewords(v int, text string) []byte {
	nData := dataCodewords(v)
	w := bitWriter{b: make([]byte, 0, nData)}
	w.put(0b0100, 4) // byte mode
	w.put(len(text), countBits(v))
	for i := 0; i < len(text); i++ {
		w.put(int(text[i]), 8)
	}
	w.put(0, min(4, 8*nData-w.n)) // terminator
	w.n = len(w.b) * 8            // pad to a whole byte
	for pad := byte(0xEC); len(w.b) < nData; pad ^= 0xEC ^ 0x11 {
		w.b = append(w.b, pad)
	}

	nBlocks, ecc := int(numBlocks[v]), int(eccPerBlock[v])
	total := rawModules(v) / 8
	short := nBlocks - total%nBlocks // blocks with one data codeword fewer
	shortData := total/nBlocks - ecc
	gen := generator(ecc)
	// block b holds data codewords [start(b), start(b+1)) and check
	// codewords checks[b*ecc:(b+1)*ecc]
	start := func(b int) int { return b*shortData + max(0, b-short) }
	checks := make([]byte, 0, nBlocks*ecc)
	for b := 0; b < nBlocks; b++ {
		checks = append(checks, remainder(w.b[start(b):start(b+1)], gen)...)
	}
	out := make([]byte, 0, total)
	for i := 0; i <= shortData; i++ {
		for b := 0; b < nBlocks; b++ {
			if k := start(b) + i; k < start(b+1) {
				out = append(out, w.b[k])
			}
		}
	}
	for i := 0; i < ecc; i++ {
		for b := 0; b < nBlocks; b++ {
			out = append(out, checks[b*ecc+i])
		}
	}
	return out
}

// gfMul multiplies in GF(2^8) modulo x^8+x^4+x^3+x^2+1.
func gfMul(x, y byte) byte {
	var z byte
	for i := 7; i >= 0; i-- {
		z = z<<1 ^ (z>>7)*0x1D
		if y>>i&1 != 0 {
			z ^= x
		}
	}
	return z
}

// generator returns the Reed-Solomon generator polynomial of degree d,
// (x-α^0)(x-α^1)…(x-α^(d-1)), without its leading 1, highest degree first.
func generator(d int) []byte {
	p := []byte{1}
	a := byte(1)
	for i := 0; i < d; i++ {
		q := make([]byte, len(p)+1)
		for j, c := range p {
			q[j] ^= c
			q[j+1] ^= gfMul(c, a)
		}
		p, a = q, gfMul(a, 2)
	}
	return p[1:]
}

// remainder is data·x^d modulo the generator: the check codewords.
func remainder(data, gen []byte) []byte {
	rem := make([]byte, len(gen))
	for _, b := range data {
		f := b ^ rem[0]
		copy(rem, rem[1:])
		rem[len(rem)-1] = 0
		for i, g := range gen {
			rem[i] ^= gfMul(g, f)
		}
	}
	return rem
}

func (c *Code) set(x, y int, dark bool) {
	c.dark[y*c.Size+x] = dark
	c.fn[y*c.Size+x] = true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// drawFunctionPatterns draws the timing patterns, the finders with their
// separators, the alignment patterns, the dark module and the version
// information, and reserves the format areas.
func (c *Code) drawFunctionPatterns() {
	s := c.Size
	for i := 0; i < s; i++ {
		c.set(6, i, i%2 == 0)
		c.set(i, 6, i%2 == 0)
	}
	for _, f := range [][2]int{{3, 3}, {s - 4, 3}, {3, s - 4}} {
		for dy := -4; dy <= 4; dy++ {
			for dx := -4; dx <= 4; dx++ {
				x, y := f[0]+dx, f[1]+dy
				if x >= 0 && x < s && y >= 0 && y < s {
					d := max(abs(dx), abs(dy))
					c.set(x, y, d != 2 && d != 4)
				}
			}
		}
	}
	pos := alignmentPositions(c.Version)
	last := len(pos) - 1
	for i, cy := range pos {
		for j, cx := range pos {
			if i == 0 && j == 0 || i == 0 && j == last || i == last && j == 0 {
				continue // a finder is there
			}
			for dy := -2; dy <= 2; dy++ {
				for dx := -2; dx <= 2; dx++ {
					c.set(cx+dx, cy+dy, max(abs(dx), abs(dy)) != 1)
				}
			}
		}
	}
	c.drawFormat(0) // reserves the areas; drawn again with the mask chosen
	if c.Version >= 7 {
		rem := c.Version // BCH(18,6): the version times x^12 modulo 0x1F25
		for i := 0; i < 12; i++ {
			rem = rem<<1 ^ (rem>>11)*0x1F25
		}
		bits := c.Version<<12 | rem
		for i := 0; i < 18; i++ {
			a, b, dark := s-11+i%3, i/3, bits>>i&1 != 0
			c.set(a, b, dark)
			c.set(b, a, dark)
		}
	}
}

// alignmentPositions are the centre rows (and columns) of the alignment
// patterns of version v.
func alignmentPositions(v int) []int {
	if v == 1 {
		return nil
	}
	n := v/7 + 2
	step := 26
	if v != 32 {
		step = (v*4 + n*2 + 1) / (n*2 - 2) * 2
	}
	pos := make([]int, n)
	pos[0] = 6
	for i, p := n-1, 4*v+10; i > 0; i, p = i-1, p-step {
		pos[i] = p
	}
	return pos
}

// drawFormat draws both copies of the format information (level M and the
// mask) and the dark module.
func (c *Code) drawFormat(mask int) {
	data := 0b00<<3 | mask // 00 is level M
	rem := data << 10
	for i := 14; i >= 10; i-- {
		if rem>>i&1 != 0 {
			rem ^= 0x537 << (i - 10)
		}
	}
	bits := (data<<10 | rem) ^ 0x5412
	s := c.Size
	for i := 0; i < 15; i++ {
		dark := bits>>i&1 != 0
		// the copy around the top-left finder, skipping the timing pattern
		x, y := 8, i
		switch {
		case i == 6 || i == 7:
			y = i + 1
		case i == 8:
			x, y = 7, 8
		case i > 8:
			x, y = 14-i, 8
		}
		c.set(x, y, dark)
		// the copy split between the other two finders
		if i < 8 {
			c.set(s-1-i, 8, dark)
		} else {
			c.set(8, s-15+i, dark)
		}
	}
	c.set(8, s-8, true) // the dark module
}

// drawCodewords places the codewords in the zigzag order, two columns at a
// time from the right, skipping the vertical timing pattern; the remainder
// bits stay light.
func (c *Code) drawCodewords(cw []byte) {
	s, i := c.Size, 0
	for right := s - 1; right >= 1; right -= 2 {
		if right == 6 {
			right = 5
		}
		up := (right+1)&2 == 0
		for vert := 0; vert < s; vert++ {
			y := vert
			if up {
				y = s - 1 - vert
			}
			for x := right; x >= right-1; x-- {
				if !c.fn[y*s+x] && i < len(cw)*8 {
					c.dark[y*s+x] = cw[i>>3]>>(7-i&7)&1 != 0
					i++
				}
			}
		}
	}
}

// applyMask inverts the data modules selected by mask m; twice undoes it.
func (c *Code) applyMask(m int) {
	s := c.Size
	for y := 0; y < s; y++ {
		for x := 0; x < s; x++ {
			var inv bool
			switch m {
			case 0:
				inv = (x+y)%2 == 0
			case 1:
				inv = y%2 == 0
			case 2:
				inv = x%3 == 0
			case 3:
				inv = (x+y)%3 == 0
			case 4:
				inv = (x/3+y/2)%2 == 0
			case 5:
				inv = x*y%2+x*y%3 == 0
			case 6:
				inv = (x*y%2+x*y%3)%2 == 0
			default:
				inv = ((x+y)%2+x*y%3)%2 == 0
			}
			if inv && !c.fn[y*s+x] {
				c.dark[y*s+x] = !c.dark[y*s+x]
			}
		}
	}
}

// penalty scores the look of the code by the four rules of the standard:
// long runs, 2×2 blocks, finder-like patterns, and an unbalanced share of
// dark modules. The mask with the lowest score is used.
func (c *Code) penalty() int {
	s, p := c.Size, 0
	at := func(x, y int, transpose bool) bool {
		if transpose {
			x, y = y, x
		}
		if x < 0 || x >= s || y < 0 || y >= s {
			return false // the quiet zone is light
		}
		return c.dark[y*s+x]
	}
	// a finder-like pattern: dark light dark dark dark light dark, with
	// four light modules on one side
	finder := [11]bool{true, false, true, true, true, false, true}
	for _, t := range []bool{false, true} {
		for y := 0; y < s; y++ {
			run := 0
			for x := 0; x < s; x++ {
				if x > 0 && at(x, y, t) == at(x-1, y, t) {
					run++
				} else {
					run = 1
				}
				if run == 5 {
					p += 3
				} else if run > 5 {
					p++
				}
			}
			for x := -4; x < s; x++ {
				fwd, back := true, true
				for k := 0; k < 11 && (fwd || back); k++ {
					fwd = fwd && at(x+k, y, t) == finder[k]
					back = back && at(x+k, y, t) == finder[10-k]
				}
				if fwd {
					p += 40
				}
				if back {
					p += 40
				}
			}
		}
	}
	dark := 0
	for y := 0; y < s; y++ {
		for x := 0; x < s; x++ {
			d := c.dark[y*s+x]
			if d {
				dark++
			}
			if x+1 < s && y+1 < s && d == c.dark[y*s+x+1] && d == c.dark[(y+1)*s+x] && d == c.dark[(y+1)*s+x+1] {
				p += 3
			}
		}
	}
	return p + abs(dark*100/(s*s)-50)/5*10
}

// SVG draws the code with a light quiet zone of Quiet modules: one white
// rectangle and one path of the dark modules, a row's run of dark modules
// being one rectangle. Colours are attributes (no style attribute), so the
// SVG passes a Content-Security-Policy without 'unsafe-inline' styles; the
// viewBox is in modules, and the SVG scales to the size its element is given.
func (c *Code) SVG() string {
	n := strconv.Itoa(c.Size + 2*Quiet)
	var b strings.Builder
	b.Grow(3 * c.Size * c.Size)
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + n + " " + n + `" shape-rendering="crispEdges"><rect width="` + n + `" height="` + n + `" fill="#fff"/><path fill="#000" d="`)
	for y := 0; y < c.Size; y++ {
		for x := 0; x < c.Size; {
			run := 0
			for x+run < c.Size && c.Dark(x+run, y) {
				run++
			}
			if run == 0 {
				x++
				continue
			}
			r := strconv.Itoa(run)
			b.WriteString("M" + strconv.Itoa(x+Quiet) + " " + strconv.Itoa(y+Quiet) + "h" + r + "v1h-" + r + "z")
			x += run
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String()
}

// SVG returns the QR code of text as an SVG (see Code.SVG).
func SVG(text string) (string, error) {
	c, err := Encode(text)
	if err != nil {
		return "", err
	}
	return c.SVG(), nil
}
