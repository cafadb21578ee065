package score

import (
	"fmt"
	"strconv"
	"time"
)

// Date is a civil date in Shanghai, without time of day.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// shanghai is China Standard Time; a fixed zone needs no tzdata in wasm.
var shanghai = time.FixedZone("CST", 8*3600)

// Today returns today's date in Shanghai.
func Today() Date { return DateOf(now()) }

// now is the clock (tests move it).
var now = time.Now

// DateOf returns the Shanghai date of t.
func DateOf(t time.Time) Date {
	y, m, d := t.In(shanghai).Date()
	return Date{y, m, d}
}

// IsZero reports whether d is the zero Date (not given).
func (d Date) IsZero() bool { return d == Date{} }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.cmp(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.cmp(e) > 0 }

func (d Date) cmp(e Date) int {
	switch {
	case d.Year != e.Year:
		return d.Year - e.Year
	case d.Month != e.Month:
		return int(d.Month) - int(e.Month)
	}
	return d.Day - e.Day
}

// AddYears returns the same day n years later; 29 February becomes
// 28 February in a common year.
func (d Date) AddYears(n int) Date {
	r := Date{d.Year + n, d.Month, d.Day}
	if r.Month == time.February && r.Day == 29 && !isLeap(r.Year) {
		r.Day = 28
	}
	return r
}

// AddMonths returns the date n months later, clamped to the month's end.
func (d Date) AddMonths(n int) Date {
	m := int(d.Month) - 1 + n
	y := d.Year + m/12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	r := Date{y, time.Month(m + 1), d.Day}
	if last := daysIn(r.Year, r.Month); r.Day > last {
		r.Day = last
	}
	return r
}

// YearsTo returns the full years from d to e (周岁 when d is a
// birth date); negative when e is before d.
func (d Date) YearsTo(e Date) int { return fullYears(d, e) }

// fullYears returns the full years from a to b.
func fullYears(a, b Date) int {
	n := b.Year - a.Year
	if b.Month < a.Month || (b.Month == a.Month && b.Day < a.Day) {
		n--
	}
	return n
}

// String formats d as YYYY-MM-DD.
func (d Date) String() string {
	b := make([]byte, 0, 10)
	b = appendPadded(b, d.Year, 4)
	b = append(b, '-')
	b = appendPadded(b, int(d.Month), 2)
	b = append(b, '-')
	b = appendPadded(b, d.Day, 2)
	return string(b)
}

// Chinese formats d as a day for a reader: "2026 年 11 月 28 日".
func (d Date) Chinese() string {
	var b [32]byte
	return string(strconv.AppendInt(append(d.appendMonth(b[:0]), ' '), int64(d.Day), 10)) + " 日"
}

// MonthChinese formats the month of d: "2027 年 11 月". Projected dates
// are shown this way, to the month only.
func (d Date) MonthChinese() string {
	var b [32]byte
	return string(d.appendMonth(b[:0]))
}

func (d Date) appendMonth(b []byte) []byte {
	b = append(strconv.AppendInt(b, int64(d.Year), 10), " 年 "...)
	return append(strconv.AppendInt(b, int64(d.Month), 10), " 月"...)
}

// monthIndex counts months from year 0, so that differences of two are
// whole months.
func (d Date) monthIndex() int { return d.Year*12 + int(d.Month) - 1 }

// prevDay is the day before d.
func (d Date) prevDay() Date {
	if d.Day > 1 {
		return Date{d.Year, d.Month, d.Day - 1}
	}
	m := d.AddMonths(-1)
	m.Day = daysIn(m.Year, m.Month)
	return m
}

// nextDay is the day after d.
func (d Date) nextDay() Date {
	if d.Day < daysIn(d.Year, d.Month) {
		return Date{d.Year, d.Month, d.Day + 1}
	}
	m := d.AddMonths(1)
	m.Day = 1
	return m
}

func appendPadded(b []byte, v, width int) []byte {
	s := strconv.Itoa(v)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// MarshalText writes YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// ParseDate reads YYYY-MM-DD, or YYYY-MM when allowMonth is set (taken as
// the 1st of that month). It checks that the date exists.
func ParseDate(s string, allowMonth bool) (Date, error) {
	var y, m, d int
	var ok bool
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, ok = digits(s[0:4])
		if ok {
			m, ok = digits(s[5:7])
		}
		if ok {
			d, ok = digits(s[8:10])
		}
	case allowMonth && len(s) == 7 && s[4] == '-':
		y, ok = digits(s[0:4])
		if ok {
			m, ok = digits(s[5:7])
		}
		d = 1
	}
	if !ok {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return Date{}, fmt.Errorf("date %q does not exist", s)
	}
	return Date{y, time.Month(m), d}, nil
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}
