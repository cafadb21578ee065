package app

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jifen/score"
)

func TestParseTheme(t *testing.T) {
	good := map[string]string{"#0f6b5c": "#0f6b5c", "0F6B5C": "#0f6b5c", "#abc": "#aabbcc", "c0392b": "#c0392b"}
	for in, want := range good {
		got, ok := ParseTheme(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "red", "#12", "#12345", "#1234567", "#ggg", "#0f6b5c;x", "url(x)", "#0f6b5c\n"} {
		_, ok := ParseTheme(bad)
		assert.False(t, ok, bad)
	}
}

func TestParseParent(t *testing.T) {
	for in, want := range map[string]string{"https://partner.example": "https://partner.example", "http://localhost:8080": "http://localhost:8080"} {
		got, ok := ParseParent(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got)
	}
	for _, bad := range []string{"", "*", "partner.example", "javascript:alert(1)", "https://a.example/path", "https://a.example?x=1", "https://u:p@a.example", "ftp://a.example"} {
		_, ok := ParseParent(bad)
		assert.False(t, ok, bad)
	}
}

func TestDarker(t *testing.T) {
	assert.Equal(t, "#cccccc", darker("#ffffff"))
	assert.Equal(t, "#000000", darker("#000000"))
	assert.Equal(t, "#0c5549", darker("#0f6b5c"))
}

func TestSafePercent(t *testing.T) {
	for in, want := range map[string]string{"a=1": "a=1", "%0X&00": "%250X&00", "a=%e5%ad%a6": "a=%e5%ad%a6", "x%": "x%25", "x%4": "x%254", "%%41": "%25%41"} {
		assert.Equal(t, want, safePercent(in), in)
	}
}

func TestParseParentNormalizes(t *testing.T) {
	for in, want := range map[string]string{
		"https://Partner.Example":      "https://partner.example",
		"https://partner.example:443":  "https://partner.example",
		"http://partner.example:80":    "http://partner.example",
		"https://partner.example:8443": "https://partner.example:8443",
	} {
		got, ok := ParseParent(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, "as the browser writes the origin: %s", in)
	}
	_, ok := ParseParent("https://partner.example?")
	assert.False(t, ok)
}

func TestParseCTAURL(t *testing.T) {
	for _, good := range []string{"https://partner.example/contact", "https://partner.example/预约?from=jifen#form", "https://a.example:8443/x"} {
		_, ok := parseCTAURL(good)
		assert.True(t, ok, good)
	}
	for _, bad := range []string{"", "http://partner.example/contact", "javascript:alert(1)", "//partner.example/x", "/contact",
		"https://u:p@partner.example/", "https:partner.example", "https://", "https://a.example/a b", "data:text/html,x", "https://a.example/" + strings.Repeat("x", maxCTAURL)} {
		_, ok := parseCTAURL(bad)
		assert.False(t, ok, bad)
	}
}

func TestParseLabel(t *testing.T) {
	got, ok := parseLabel("  示例咨询 ", maxPartnerName)
	assert.True(t, ok)
	assert.Equal(t, "示例咨询", got, "trimmed")
	_, ok = parseLabel(strings.Repeat("字", maxCTAText), maxCTAText)
	assert.True(t, ok, "the limit counts characters, not bytes")
	for _, bad := range []string{"", "   ", strings.Repeat("字", maxCTAText+1), "a\nb", "咨询\u202e询咨", "a\u200bb", "\x00"} {
		_, ok := parseLabel(bad, maxCTAText)
		assert.False(t, ok, "%q", bad)
	}
}

func TestContrastWithWhite(t *testing.T) {
	// WCAG 2: white on black 21:1, on white 1:1; #767676 is the lightest
	// grey with 4.5:1
	assert.InDelta(t, 21, contrastWithWhite("#000000"), 0.01)
	assert.InDelta(t, 1, contrastWithWhite("#ffffff"), 0.01)
	assert.GreaterOrEqual(t, contrastWithWhite("#767676"), minContrast)
	assert.Less(t, contrastWithWhite("#777777"), minContrast)
	assert.GreaterOrEqual(t, contrastWithWhite(ourAccent), minContrast, "our own accent passes")
	assert.GreaterOrEqual(t, contrastWithWhite("#c0392b"), minContrast)
	assert.Less(t, contrastWithWhite("#ffe066"), minContrast)
	assert.Equal(t, "4.5:1", ratioText(4.54))
	assert.Equal(t, "4.4:1", ratioText(4.49), "rounded down: a ratio shown as passing passes")
}

func TestTint(t *testing.T) {
	assert.Equal(t, "#ffffff", tint("#ffffff"))
	assert.Equal(t, "#e0e0e0", tint("#000000"))
	// the ink stays readable on the tint of any theme that passes
	for _, c := range []string{"#000000", ourAccent, "#c0392b", "#767676", "#1d4ed8"} {
		assert.Greater(t, contrastWithWhite(tint(c)), 0.0)
		assert.Less(t, contrastWithWhite(tint(c)), 1.4, "%s: a light tint", c)
	}
}

func TestLead(t *testing.T) {
	asOf := score.Date{Year: 2026, Month: 12, Day: 7}
	for _, q := range []string{
		"birth=1990-06&education=bachelor&insurance_years=3",        // below, reached later
		"birth=1992-03&education=bachelor_degree&insurance_years=2", // meets
		"birth=1970-01&education=college",                           // not reached before 60
		"birth=1990-06&education=master&serious_crime=1",            // vetoed
	} {
		p, probs := score.ParseQuery(q)
		require.Empty(t, probs, q)
		p.AsOf = asOf
		r, err := score.Evaluate(p)
		require.NoError(t, err, q)
		pl, err := score.PlanFrom(p, r)
		require.NoError(t, err, q)
		l := leadOf(&r, &pl)
		m := l.message()
		// the four fields and the type, nothing else
		assert.Len(t, m, 5, q)
		assert.Equal(t, "jifen:lead", m["type"])
		assert.Equal(t, r.Total, m["total"], q)
		assert.Equal(t, r.MeetsStandard, m["meets"], q)
		assert.Equal(t, r.Gap, m["gap"], q)
		text := strings.ReplaceAll(l.text(), "\u00a0", " ")
		assert.True(t, strings.HasPrefix(text, "总分 "+strconv.Itoa(r.Total)+" 分，"), text)
		switch {
		case pl.ReachDate == nil || r.Vetoed || r.Retired:
			assert.Nil(t, m["reach"], q)
			assert.Contains(t, text, "没有预计达到的月份")
		default:
			want := fmt.Sprintf("%04d-%02d", pl.ReachDate.Year, int(pl.ReachDate.Month))
			assert.Equal(t, want, m["reach"], q)
			if r.MeetsStandard {
				assert.Equal(t, "总分 "+strconv.Itoa(r.Total)+" 分，已达到 "+strconv.Itoa(r.Standard)+" 分", text)
			} else {
				assert.Equal(t, fmt.Sprintf("总分 %d 分，还差 %d 分，预计 %d 年 %d 月达到 %d 分", r.Total, r.Gap, pl.ReachDate.Year, int(pl.ReachDate.Month), r.Standard), text)
			}
		}
	}
}

func TestRecipient(t *testing.T) {
	o := embedOptions{parent: "https://www.partner.example", partner: "示例咨询", ctaURL: "https://book.partner.example/a?b#c"}
	assert.Equal(t, "示例咨询（www.partner.example）", o.recipient())
	assert.Equal(t, "book.partner.example", o.ctaHost())
	assert.Equal(t, defaultCTA, o.ctaText())
	assert.True(t, o.hasCTA())
	o.partner, o.cta = "", "预约免费咨询"
	assert.Equal(t, "本页网站（www.partner.example）", o.recipient())
	assert.Equal(t, "预约免费咨询", o.ctaText())
	o.parent = ""
	assert.False(t, o.hasCTA(), "no parent, no one to send to")
}
