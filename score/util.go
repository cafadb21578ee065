package score

import "strconv"

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
