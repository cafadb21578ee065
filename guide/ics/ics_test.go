package ics

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// prop is one parsed content line.
type prop struct {
	name, params, value string
}

// component is a parsed BEGIN/END block.
type component struct {
	name  string
	props []prop
	subs  []*component
}

func (c *component) get(name string) (prop, bool) {
	for _, p := range c.props {
		if p.name == name {
			return p, true
		}
	}
	return prop{}, false
}

// parse is a strict reader of RFC 5545: CRLF only, physical lines of at
// most 75 octets, folding by CRLF + space, valid UTF-8 after unfolding,
// NAME[;PARAMS]:VALUE lines, matching BEGIN/END.
func parse(data []byte) (*component, error) {
	s := string(data)
	if !strings.HasSuffix(s, "\r\n") {
		return nil, errors.New("does not end in CRLF")
	}
	physical := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	var logical []string
	for i, l := range physical {
		if strings.ContainsAny(l, "\r\n") {
			return nil, fmt.Errorf("line %d: bare CR or LF", i+1)
		}
		if len(l) > 75 {
			return nil, fmt.Errorf("line %d: %d octets", i+1, len(l))
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(logical) == 0 {
				return nil, errors.New("continuation first")
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	root := &component{}
	stack := []*component{root}
	for _, l := range logical {
		if !utf8.ValidString(l) {
			return nil, fmt.Errorf("invalid UTF-8 in %q", l)
		}
		head, value, ok := strings.Cut(l, ":")
		if !ok {
			return nil, fmt.Errorf("no colon in %q", l)
		}
		name, params, _ := strings.Cut(head, ";")
		if name == "" || strings.ToUpper(name) != name {
			return nil, fmt.Errorf("bad name in %q", l)
		}
		top := stack[len(stack)-1]
		switch name {
		case "BEGIN":
			c := &component{name: value}
			top.subs = append(top.subs, c)
			stack = append(stack, c)
		case "END":
			if top.name != value || len(stack) == 1 {
				return nil, fmt.Errorf("END:%s closes %s", value, top.name)
			}
			stack = stack[:len(stack)-1]
		default:
			top.props = append(top.props, prop{name, params, value})
		}
	}
	if len(stack) != 1 || len(root.subs) != 1 || root.subs[0].name != "VCALENDAR" {
		return nil, errors.New("want one VCALENDAR, closed")
	}
	return root.subs[0], nil
}

// unescape reverses TEXT escaping, strictly.
func unescape(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ';' || c == ',' {
			return "", fmt.Errorf("unescaped %c in %q", c, s)
		}
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i == len(s) {
			return "", errors.New("trailing backslash")
		}
		switch s[i] {
		case '\\', ';', ',':
			b.WriteByte(s[i])
		case 'n', 'N':
			b.WriteByte('\n')
		default:
			return "", fmt.Errorf("bad escape \\%c", s[i])
		}
	}
	return b.String(), nil
}

func TestCalendarParses(t *testing.T) {
	long := strings.Repeat("居住证签注，积分确认；", 12) + "a\\b\nnext line"
	events := []Event{
		{UID: "reach-120-2027-11@jifen", Start: Date{2027, 11, 1}, Summary: "预计积分达到 120 分（估算）", Description: long},
		{UID: "window@jifen", Start: Date{2027, 2, 15}, End: Date{2027, 3, 15}, Summary: "签注, 积分确认; 到期", AlarmDays: 7},
	}
	stamp := time.Date(2026, 11, 28, 1, 2, 3, 0, time.FixedZone("CST", 8*3600))
	data := Calendar(events, stamp)
	cal, err := parse(data)
	require.NoError(t, err, "%s", data)

	for _, name := range []string{"VERSION", "PRODID"} {
		_, ok := cal.get(name)
		assert.True(t, ok, name)
	}
	v, _ := cal.get("VERSION")
	assert.Equal(t, "2.0", v.value)
	require.Len(t, cal.subs, 2)

	want := []struct{ start, end, summary, desc string }{
		{"20271101", "20271102", events[0].Summary, long},
		{"20270215", "20270316", events[1].Summary, ""},
	}
	for i, ev := range cal.subs {
		assert.Equal(t, "VEVENT", ev.name)
		uid, ok := ev.get("UID")
		assert.True(t, ok)
		assert.Equal(t, events[i].UID, uid.value)
		st, _ := ev.get("DTSTAMP")
		assert.Equal(t, "20261127T170203Z", st.value, "DTSTAMP in UTC")
		ds, _ := ev.get("DTSTART")
		assert.Equal(t, "VALUE=DATE", ds.params)
		assert.Equal(t, want[i].start, ds.value)
		de, _ := ev.get("DTEND")
		assert.Equal(t, "VALUE=DATE", de.params)
		assert.Equal(t, want[i].end, de.value, "DTEND is the day after the last day")
		sum, _ := ev.get("SUMMARY")
		got, err := unescape(sum.value)
		require.NoError(t, err)
		assert.Equal(t, want[i].summary, got)
		d, ok := ev.get("DESCRIPTION")
		assert.Equal(t, want[i].desc != "", ok)
		if ok {
			got, err := unescape(d.value)
			require.NoError(t, err)
			assert.Equal(t, want[i].desc, got, "folding and escaping round-trip")
		}
	}
	assert.Empty(t, cal.subs[0].subs, "no alarm asked")
	require.Len(t, cal.subs[1].subs, 1)
	alarm := cal.subs[1].subs[0]
	assert.Equal(t, "VALARM", alarm.name)
	tr, _ := alarm.get("TRIGGER")
	assert.Equal(t, "-P7D", tr.value)
	act, _ := alarm.get("ACTION")
	assert.Equal(t, "DISPLAY", act.value)

	assert.Contains(t, string(data), "\r\n ", "the long description is folded")
	assert.Contains(t, string(data), `签注\, 积分确认\; 到期`)
}

func TestFoldNeverSplitsACharacter(t *testing.T) {
	for n := 60; n < 80; n++ {
		out := fold(strings.Repeat("a", n%3) + strings.Repeat("积", n) + "\n")
		for _, l := range strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n") {
			assert.LessOrEqual(t, len(l), 75)
			assert.True(t, utf8.ValidString(l), "line %q", l)
		}
	}
}

func TestAddDays(t *testing.T) {
	assert.Equal(t, Date{2028, 3, 1}, Date{2028, 2, 29}.AddDays(1))
	assert.Equal(t, Date{2027, 1, 1}, Date{2026, 12, 31}.AddDays(1))
	assert.Equal(t, Date{2027, 2, 28}, Date{2027, 3, 1}.AddDays(-1))
}

func TestEmptyCalendar(t *testing.T) {
	cal, err := parse(Calendar(nil, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)))
	require.NoError(t, err)
	assert.Empty(t, cal.subs)
}
