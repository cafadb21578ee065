// Package ics writes iCalendar files (RFC 5545) of all-day events, for the
// guide's "添加到日历" reminders. The file is made in the browser and
// downloaded; nothing is sent anywhere. It needs no time-zone data: events
// are whole days (DTSTART;VALUE=DATE), which a calendar shows on that day
// wherever it is.
package ics

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ProdID names the program that made the file (PRODID).
const ProdID = "-//jifen//Shanghai residence permit points//ZH"

// Date is a calendar day.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// AddDays returns the date n days later.
func (d Date) AddDays(n int) Date {
	y, m, dd := time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC).Date()
	return Date{y, m, dd}
}

// Event is one all-day event.
type Event struct {
	// UID identifies the event: importing a file again updates the event
	// with the same UID instead of adding a copy.
	UID string
	// Start is the first day; End the last day (inclusive). A zero End is
	// a one-day event.
	Start, End  Date
	Summary     string
	Description string
	// AlarmDays, when above 0, adds a reminder that many days before Start.
	AlarmDays int
}

// Calendar writes the events as one VCALENDAR, with DTSTAMP set to stamp
// (the time the file is made). Lines end in CRLF and are folded at 75
// octets, never inside a UTF-8 character.
func Calendar(events []Event, stamp time.Time) []byte {
	// written with "\n" line ends, which escaped values never contain,
	// then folded
	ts := stampText(stamp)
	s := "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:" + ProdID + "\nCALSCALE:GREGORIAN\n"
	for _, e := range events {
		end := e.End
		if end == (Date{}) || end.before(e.Start) {
			end = e.Start
		}
		s += "BEGIN:VEVENT\nUID:" + Escape(e.UID) + "\nDTSTAMP:" + ts +
			"\nDTSTART;VALUE=DATE:" + dateText(e.Start) +
			"\nDTEND;VALUE=DATE:" + dateText(end.AddDays(1)) + // DTEND is exclusive
			"\nSUMMARY:" + Escape(e.Summary) + "\n"
		if e.Description != "" {
			s += "DESCRIPTION:" + Escape(e.Description) + "\n"
		}
		s += "TRANSP:TRANSPARENT\n" // a reminder, not busy time
		if e.AlarmDays > 0 {
			s += "BEGIN:VALARM\nACTION:DISPLAY\nDESCRIPTION:" + Escape(e.Summary) +
				"\nTRIGGER:-P" + strconv.Itoa(e.AlarmDays) + "D\nEND:VALARM\n"
		}
		s += "END:VEVENT\n"
	}
	return fold(s + "END:VCALENDAR\n")
}

func (d Date) before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

// Escape escapes a TEXT value: backslash, semicolon, comma and newline.
func Escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func pad(b []byte, v, width int) []byte {
	s := strconv.Itoa(v)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func dateText(d Date) string {
	b := make([]byte, 0, 8)
	b = pad(b, d.Year, 4)
	b = pad(b, int(d.Month), 2)
	return string(pad(b, d.Day, 2))
}

// stampText writes t in UTC as 20261128T093000Z.
func stampText(t time.Time) string {
	t = t.UTC()
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	b := []byte(dateText(Date{y, m, d}) + "T")
	b = pad(b, h, 2)
	b = pad(b, mi, 2)
	b = pad(b, s, 2)
	return string(append(b, 'Z'))
}

// fold ends each "\n"-ended line of s in CRLF, folded so that no physical
// line is longer than 75 octets; a continuation line starts with a space.
func fold(s string) []byte {
	b := make([]byte, 0, len(s)+len(s)/32)
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n')
		line := s[:i]
		s = s[i+1:]
		for limit := 75; len(line) > limit; limit = 74 { // the space counts
			cut := limit
			for cut > 1 && !utf8.RuneStart(line[cut]) {
				cut--
			}
			b = append(append(b, line[:cut]...), "\r\n "...)
			line = line[cut:]
		}
		b = append(append(b, line...), "\r\n"...)
	}
	return b
}
