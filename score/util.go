package score

import (
	"strconv"
	"strings"
	"unsafe"
)

func itoa(i int) string { return strconv.Itoa(i) }

// monthsText writes a lead time for a reader: "6 个月", "1 年",
// "2.5 年", "1.5 年".
func monthsText(m int) string {
	switch {
	case m%12 == 0:
		return itoa(m/12) + " 年"
	case m%6 == 0 && m > 12:
		return itoa(m/12) + ".5 年"
	}
	return itoa(m) + " 个月"
}

// Span writes a number of months for a reader: "20 个月" under two
// years, "8 年 4 个月" or "3 年" from two years on.
func Span(m int) string {
	if m < 24 {
		return itoa(m) + " 个月"
	}
	s := itoa(m/12) + " 年"
	if m%12 != 0 {
		s += " " + itoa(m%12) + " 个月"
	}
	return s
}

// multText writes a multiple given in per cent: 80 → "0.8", 300 → "3".
func multText(pct int) string {
	s := itoa(pct / 100)
	if c := pct % 100; c != 0 {
		if c%10 == 0 {
			s += "." + itoa(c/10)
		} else {
			s += "." + itoa(c/10) + itoa(c%10)
		}
	}
	return s
}

// space is the space between a name and a number: none after a closing
// bracket ("大专（高职）50 分").
func space(name string) string {
	if len(name) >= 3 && name[len(name)-3:] == "）" {
		return ""
	}
	return " "
}

// named joins a name and a number of points: "本科+学士学位 90 分", but
// "大专（高职）50 分" (no space after a closing bracket).
func named(name string, pts int) string {
	if len(name) >= 3 && name[len(name)-3:] == "）" {
		return name + itoa(pts) + " 分"
	}
	return name + " " + itoa(pts) + " 分"
}

// cat joins two pieces of a sentence with a space between a digit and a
// Chinese character, as conventions.md wants ("平均工资的 0.8 倍" but
// "平均工资的不到 0.8 倍").
func cat(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	x, y := a[len(a)-1], b[0]
	if (isDigit(x) && y >= 0x80) || (x >= 0x80 && isDigit(y)) {
		return a + " " + b
	}
	return a + b
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// f writes a sentence from a template: {0}…{9} are the numbers given,
// {param.id} is the param's value in force at r.d (read like r.n, so an
// item's confidence and dispute follow). After a colon, a number is
// written as a multiple given in per cent (m: 80 → "0.8"), a lead time in
// months (y: 30 → "2.5 年"), whole yuan (Y: 12434 → "12,434") or fen
// (F: 994720 → "9,947.2") or tenths (t: 15 → "1.5"); by default as a whole number, negative with a
// true minus sign. Templates keep sentences as data rather than code.
func (r *reader) f(s string, nums ...int) string { return r.fs(s, nil, nums...) }

// fs is f with strings too: {a}…{e} are strs[0]…strs[4].
func (r *reader) fs(s string, strs []string, nums ...int) string {
	// a sentence is written into the rest of r.text when there is one
	// (then it needs no copy), else into a buffer on the stack, copied
	// once into its string
	var buf [320]byte
	b := buf[:0]
	if free := r.text[len(r.text):]; cap(free) >= len(buf) {
		b = free
	}
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		b = append(b, s[:i]...)
		s = s[i+1:]
		j := 1
		for s[j] != '}' {
			j++
		}
		key, spec := s[:j], byte(0)
		s = s[j+1:]
		if k := len(key) - 2; k > 0 && key[k] == ':' {
			key, spec = key[:k], key[k+1]
		}
		switch c := key[0]; {
		case len(key) == 1 && c >= 'a':
			b = append(b, strs[c-'a']...)
		case len(key) == 1:
			b = appendNum(b, int64(nums[c-'0']), spec)
		default:
			p := paramByID[key]
			if p == nil {
				panic("score: no param " + key)
			}
			b = appendNum(b, r.nAt(p, r.d), spec)
		}
	}
	b = append(b, s...)
	return r.keep(b)
}

// keep returns b, written by fs, as a string: in place when b is the
// rest of r.text and has not outgrown it, else copied into a string of its
// own.
func (r *reader) keep(b []byte) string {
	n := len(r.text)
	if len(b) == 0 || cap(r.text) == n || unsafe.SliceData(b) != unsafe.SliceData(r.text[n:n+1]) {
		return string(b)
	}
	// those bytes are never written again: r.text only grows (see
	// reader.text)
	r.text = r.text[:n+len(b)]
	return unsafe.String(&r.text[n], len(b))
}

func appendNum(b []byte, n int64, spec byte) []byte {
	switch spec {
	case 'm':
		return append(b, multText(int(n))...)
	case 'y':
		return append(b, monthsText(int(n))...)
	case 'Y':
		return append(b, Money(n*100)...)
	case 'F':
		return append(b, Money(n)...)
	case 't': // tenths: 15 → "1.5"
		return append(b, multText(int(n)*10)...)
	}
	if n < 0 {
		b, n = append(b, "−"...), -n
	}
	return strconv.AppendInt(b, n, 10)
}

// paramByID finds every registered param by its ID, for templates.
var paramByID = map[string]*param{}

// registerParams makes params known to templates (register does it for
// an indicator's params).
func registerParams(ps ...*param) {
	for _, p := range ps {
		if q := paramByID[p.ID]; q != nil && q != p {
			panic("score: two params " + p.ID)
		}
		paramByID[p.ID] = p
	}
}
