package score

import "strconv"

// Money writes an amount in fen (0.01 yuan) for a reader: yuan with
// thousands separators and at most two decimals, without trailing zeros:
// "12,434", "9,947.2", "1,000,000". It is the one money formatter of the
// product; a text appends " 元".
func Money(fen int64) string {
	b := make([]byte, 0, 24)
	if fen < 0 {
		b = append(b, '-')
		fen = -fen
	}
	s := strconv.FormatInt(fen/100, 10)
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	if c := fen % 100; c != 0 {
		b = append(b, '.', byte('0'+c/10))
		if c%10 != 0 {
			b = append(b, byte('0'+c%10))
		}
	}
	return string(b)
}

// plainFen writes fen as yuan without separators, for links and JSON
// ("9947.2"); "" for zero.
func plainFen(fen int64) string {
	if fen == 0 {
		return ""
	}
	s := strconv.FormatInt(fen/100, 10)
	if c := fen % 100; c != 0 {
		s += "." + strconv.FormatInt(c/10, 10)
		if c%10 != 0 {
			s += strconv.FormatInt(c%10, 10)
		}
	}
	return s
}
