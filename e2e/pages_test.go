package e2e

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jifen/score"
)

func TestCalculatorFieldByField(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	const asOf = "as_of=2026-11-28"
	p.open(t, "/calc?"+asOf)
	wantTotal := func(q string) {
		t.Helper()
		p.waitFor(t, fmt.Sprintf(`document.querySelector("[data-testid=total]").textContent === "%d"`, p.nativeTotal(t, asOf+q)))
	}
	assert.Equal(t, "0", p.text(t, `[data-testid=total]`))
	p.do(t, typeInto("#f-birth", "1990-06"))
	wantTotal("&birth=1990-06")
	p.do(t, choose("#f-education", "bachelor_degree"))
	wantTotal("&birth=1990-06&education=bachelor_degree")
	p.do(t, typeInto("#f-insurance_years", "4"))
	q := "&birth=1990-06&education=bachelor_degree&insurance_years=4"
	wantTotal(q)
	// 1× the wage in use on the calculation date: the 1× tier, with 4 years
	d, _ := score.ParseDate("2026-11-28", false)
	oneX := strconv.FormatInt(score.WageAt(d).Yuan, 10)
	p.do(t, typeInto("#f-base_monthly", oneX))
	q += "&base_monthly=" + oneX
	wantTotal(q)
	require.Equal(t, score.Tier1, score.TierOfMonthly(score.WageAt(d).Yuan*100, d))
	assert.Contains(t, strings.ReplaceAll(p.text(t, `[data-key=base_monthly]`), "\u00a0", " "), "1 倍至 2 倍")
	assert.Contains(t, p.text(t, `[data-key=education]`), "+90 分")
	// an impossible value: an inline error naming the field, the total keeps the rest
	p.do(t, typeInto("#f-insurance_years", "99"))
	p.waitFor(t, `!!document.querySelector("#f-insurance_years-err")`)
	assert.Contains(t, p.text(t, "#f-insurance_years-err"), "社保年限")
	p.do(t, typeInto("#f-insurance_years", "4"))
	p.waitFor(t, `!document.querySelector("#f-insurance_years-err")`)
	// a folded rare item
	p.do(t, chromedp.Click(chromedp.CSS(`details.fold summary`)), choose("#f-award", "city"))
	wantTotal(q + "&award=city")
	loc, err := run(p, chromedp.Location())
	assert.NoError(t, err)
	assert.Contains(t, loc, "award=city")
	p.check(t)
}

func TestCalculatorShareLink(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	q := "age=35&education=master&spouse_years=2&as_of=2026-11-28"
	p.open(t, "/calc?"+q)
	assert.Equal(t, fmt.Sprint(p.nativeTotal(t, q)), p.text(t, `[data-testid=total]`))
	assert.Equal(t, "master", p.eval(t, `document.querySelector("#f-education").value`))
	p.check(t)
}

func TestGuideChecklist(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/guide?age=40&education=bachelor_degree&title=intermediate&title_base_ok=1")
	list := p.text(t, `[data-testid=materials]`)
	assert.Contains(t, list, "职称证书")
	assert.Contains(t, list, "学信网")
	assert.NotContains(t, list, "结婚证", "no spouse entry")
	assert.Contains(t, p.text(t, `[data-testid=verdict]`), "积分已够 120 分，申请前再确认 6 项")

	// ticks survive a reload
	p.do(t, chromedp.Click(chromedp.CSS(`#m-title_cert`)), chromedp.Click(chromedp.CSS(`#cond-permit`)))
	p.waitFor(t, `localStorage.getItem("jifen.ticks") !== null`)
	p.do(t, chromedp.Reload(), chromedp.WaitNotPresent(chromedp.CSS("#app-wasm-loader")))
	p.waitFor(t, `!!(document.querySelector("#m-title_cert")?.checked && document.querySelector("#cond-permit")?.checked)`)
	assert.Equal(t, "false", p.eval(t, `String(document.querySelector("#m-diploma").checked)`))

	p.open(t, "/guide?age=40&education=master&spouse_years=2")
	assert.Contains(t, p.text(t, `[data-testid=materials]`), "结婚证")
	assert.NotContains(t, p.text(t, `[data-testid=materials]`), "职称证书")
	p.check(t)
}

func TestPlanChart(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/plan?birth=1985-06&education=college&insurance_years=10&as_of=2026-11-28")
	p.do(t, chromedp.WaitVisible(chromedp.CSS(`[data-testid=plan-chart]`)))
	assert.Equal(t, "1", p.eval(t, `String(document.querySelectorAll("[data-testid=line-120]").length)`))
	assert.Contains(t, p.text(t, `[data-testid=reach]`), "2031 年 11 月")
	assert.Contains(t, p.text(t, `.chart-box`), "120 分")
	p.check(t)
}

func TestReturningVisitorContinuesOrClears(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/?age=40&education=master&insurance_years=7")
	p.do(t, chromedp.Click(chromedp.CSS("#next")))
	p.waitFor(t, `(localStorage.getItem("jifen.profile") || "").includes("education=master")`)
	// a new test starts empty, the last answers one press away
	p.open(t, "/")
	p.do(t, chromedp.WaitVisible(chromedp.CSS(`[data-testid=last-answers]`)))
	assert.Contains(t, p.text(t, "[data-testid=last-answers]"), "这台设备上有上次的答案")
	p.do(t, chromedp.Click(chromedp.CSS("#from-last")))
	p.waitFor(t, `document.querySelector(".notice-info").textContent.includes("已载入您上次在这台设备上的答案")`)
	p.do(t, chromedp.Click(chromedp.CSS("#next")))
	p.waitFor(t, `document.querySelector("input[name=education]:checked").value === "master"`)

	// 清除我的数据, confirmed
	p.open(t, "/")
	p.do(t, chromedp.Click(chromedp.CSS(`#clear-data`)), chromedp.Click(chromedp.CSS(`#clear-yes`)))
	p.waitFor(t, `localStorage.getItem("jifen.profile") === null && !document.querySelector("[data-testid=last-answers]")`)
	p.open(t, "/result")
	assert.Contains(t, p.text(t, "main"), "还没有答案")
	p.check(t)
}

// TestChecklistPrintsOnOneA4Page prints the longest checklist (every
// claim, every question answered yes) on A4 paper, under a header with the
// date, the total and the items claimed.
func TestChecklistPrintsOnOneA4Page(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/guide#education=master&full_time=1&title=senior&title_base_ok=1&insurance_years=5&base_tier=1&shortage_major=1&invest_tax_avg=300000&invest_hires_avg=20&public_service_years=6&key_area=lingang&key_area_years=4&fresh_graduate=1&award=national&spouse_years=2&startup_talent=1&tech_transfer_talent=1&as_of=2026-11-28")
	n := p.eval(t, `String(document.querySelectorAll(".questions input").length)`)
	count, _ := strconv.Atoi(n)
	require.Greater(t, count, 2, "questions to answer")
	for i := 0; i < count; i++ {
		p.do(t, chromedp.Click(chromedp.CSS(`.questions input:not(:checked)`)))
	}
	p.waitFor(t, `document.querySelectorAll(".questions input:checked").length === `+n)
	list := p.text(t, `[data-testid=materials]`)
	for _, want := range []string{"获奖证书", "出生医学证明", "推荐函"} {
		assert.Contains(t, list, want)
	}
	header := p.eval(t, `document.querySelector(".print-header").textContent`)
	frag := p.hash(t)
	assert.Contains(t, header, "总分 "+strconv.Itoa(totalAt(t, frag, score.Date{}))+" 分")
	assert.Contains(t, header, "职称/技能等级 140 分")
	pdf, err := run(p, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
	require.NoError(t, err)
	pages := regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1)
	assert.Len(t, pages, 1, "the checklist fits one A4 page")
	p.check(t)
}
