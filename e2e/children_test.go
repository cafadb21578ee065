package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jifen/score"
)

// nativePlan is the plan the score package makes for a query.
func nativePlan(t *testing.T, query string) score.PlanResult {
	t.Helper()
	p, probs := score.ParseQuery(query)
	require.Empty(t, probs, query)
	pl, err := score.Plan(p)
	require.NoError(t, err)
	return pl
}

// TestPlanWithTwoChildren: a parent of 29 adds two children on /plan at
// 390×844; each gets its sentences (the same as the score package's), the
// chart marks their registrations, the result page has a line each, and
// a month more than a year ahead is named at the field.
func TestPlanWithTwoChildren(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	const base = "as_of=2026-12-06&age=29&education=college&insurance_years=10"
	p.open(t, "/plan#"+base)
	assert.Equal(t, "0", p.eval(t, `String(document.querySelectorAll("[data-testid=child]").length)`))
	assert.Contains(t, p.text(t, "[data-testid=children]"), "孩子的出生年月")

	p.do(t, choose("#plan-kid", "2018-03"))
	p.waitFor(t, `document.querySelectorAll("[data-testid=child]").length === 1`)
	p.do(t, chromedp.Click(chromedp.CSS("[data-testid=add-child]")))
	p.do(t, choose("#plan-kid-2", "2016-03"))
	p.waitFor(t, `document.querySelectorAll("[data-testid=child]").length === 2`)

	want := nativePlan(t, base+"&children=2018-03,2016-03")
	require.Len(t, want.Children, 2)
	zk := p.eval(t, `[...document.querySelectorAll("[data-testid=exam-zhongkao]")].map(e => e.textContent).join("\n")`)
	for _, ch := range want.Children {
		assert.Contains(t, nbsp(zk), ch.Zhongkao.Sentence(&want))
		assert.Contains(t, nbsp(zk), ch.Zhongkao.PathSentence(want.AsOf))
	}
	assert.Equal(t, "in_time,late", p.eval(t, `[...document.querySelectorAll("[data-testid=exam-zhongkao]")].map(e => e.dataset.verdict).join()`))
	assert.Contains(t, p.text(t, "[data-testid=children]"), "以当年市教委、市教育考试院通知为准")
	// the chart marks each registration within its years
	lines := p.eval(t, `[...document.querySelectorAll("svg [data-testid=child-deadline]")].map(e => e.dataset.exam).join()`)
	assert.Equal(t, 2, strings.Count(lines, "zhongkao"), lines)
	assert.Contains(t, p.eval(t, `document.querySelector("[data-testid=plan-chart]").textContent`), "孩子 1 中考报名")
	assert.Contains(t, p.hash(t), "children=2018-03,2016-03")

	// the result page: one line per child, the 中考 verdict
	p.open(t, "/result#"+base+"&children=2018-03,2016-03")
	p.waitFor(t, `document.querySelectorAll("[data-testid=result-child]").length === 2`)
	res := nbsp(p.text(t, "[data-testid=result-children]"))
	assert.Contains(t, res, want.Children[0].Zhongkao.Short())
	assert.Contains(t, res, want.Children[1].Zhongkao.Short())

	// a month more than a year ahead: named at the field, the plan without it
	p.open(t, "/plan#"+base+"&children=2018-03,2030-01")
	p.waitFor(t, `!!document.querySelector("[data-testid=children-error]")`)
	assert.Equal(t, "孩子的出生年月 2030 年 1 月晚于计算日期一年以上，请检查", p.text(t, "[data-testid=children-error]"))
	assert.Equal(t, "1", p.eval(t, `String(document.querySelectorAll("[data-testid=child]").length)`))
	p.check(t)
}

// nbsp reads the page's no-break spaces (numbers kept with their units)
// as spaces.
func nbsp(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }
