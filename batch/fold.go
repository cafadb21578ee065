package batch

import (
	"strings"
	"unicode/utf8"
)

// fold makes a header or a cell comparable: full-width letters, digits and
// punctuation become their ASCII forms (１２，５７７ is 12,577), dashes and
// slashes of other forms become - and /, white space of any kind is
// dropped and ASCII letters are lower-cased. Text that needs none of it is
// returned as it is, without allocating.
func fold(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c <= ' ' || c >= 'A' && c <= 'Z' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			r -= 0xFF01 - '!'
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
		case r == 0xFFE5: // ￥
			r = '¥'
		case r == 0x2010, r == 0x2011, r == 0x2012, r == 0x2013, r == 0x2014, r == 0x2212:
			r = '-'
		case r == 0x2215, r == 0x29F8:
			r = '/'
		case space(r):
			continue
		case r == utf8.RuneError:
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// space reports white space of any kind, including the ideographic space
// and the no-break spaces spreadsheets write.
func space(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return r >= 0x2000 && r <= 0x200B
}

// trim removes white space of any kind around s.
func trim(s string) string {
	return strings.TrimFunc(s, space)
}

// stripNote removes a note in brackets at the end of a folded text:
// "社保年限(年)" is "社保年限", "技能三级(高级工)" is "技能三级". It returns
// "" when there is none.
func stripNote(s string) string {
	if !strings.HasSuffix(s, ")") {
		return ""
	}
	i := strings.LastIndexByte(s, '(')
	if i <= 0 {
		return ""
	}
	return s[:i]
}
