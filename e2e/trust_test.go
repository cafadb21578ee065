package e2e

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"

	"jifen/score"
)

// sender is a profile whose link, cut, loses the insurance years (issue
// 23).
const sender = "as_of=2026-11-28&age=35&education=bachelor_degree&insurance_years=9&spouse_years=2"

// TestCutLinkShowsNoNumber: a cut or garbled link gives no confident
// number: the problems are named in Chinese (never a raw key), the
// sender is asked to resend, and the visitor may go on with what could be
// read; on /calc a bad value is a field's error and the total waits.
func TestCutLinkShowsNoNumber(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	cut := strings.Replace(sender, "insurance_years=9", "insurance_ye", 1)
	for _, path := range []string{"/result", "/plan", "/guide"} {
		p.open(t, path+"#"+cut)
		held := p.text(t, "[data-testid=link-held]")
		assert.Contains(t, held, "链接可能不完整，请让对方重新发送", path)
		assert.Contains(t, held, "链接里有一项内容无法识别", path)
		body := p.eval(t, `document.body.innerText`)
		assert.NotContains(t, body, "insurance_ye", "%s: no raw key", path)
		assert.Equal(t, "0", p.eval(t, `String(document.querySelectorAll("[data-testid=total], [data-testid=reach], [data-testid=verdict]").length)`), "%s: no figure", path)
	}
	// going on with what could be read
	p.open(t, "/result#"+cut)
	p.do(t, chromedp.Click(chromedp.CSS("#accept-link")))
	p.waitFor(t, `!!document.querySelector("[data-testid=total]")`)
	readable := strings.Replace(cut, "&insurance_ye", "", 1)
	assert.Equal(t, fmt.Sprint(totalAt(t, readable, p.browserToday(t))), p.text(t, "[data-testid=total]"))

	// a bad value: named by its label, the value shown back, no number
	p.open(t, "/result#as_of=2026-11-28&birth=1997-13&education=master")
	held := p.text(t, "[data-testid=link-held]")
	assert.Contains(t, held, "出生年月请按 YYYY-MM 填写")
	assert.Contains(t, held, "“1997-13”")
	// control and bidi characters are not shown back
	p.open(t, "/result#as_of=2026-11-28&education=%E2%80%AEmaster%00x")
	held = p.eval(t, `document.querySelector("[data-testid=link-held]").textContent`)
	assert.NotContains(t, held, "\u202e")
	assert.NotContains(t, held, "\x00")
	assert.Contains(t, held, "学历请从列表中选择")

	// /calc: the field with its error, the total "—" until it is fixed
	p.open(t, "/calc#as_of=2026-11-28&age=35&insurance_years=-3")
	p.waitFor(t, `!!document.querySelector("#f-insurance_years-err")`)
	assert.Equal(t, "社保年限请填 0 到 45 之间的整数", p.text(t, "#f-insurance_years-err"))
	assert.Equal(t, "-3", p.eval(t, `document.querySelector("#f-insurance_years").value`))
	assert.Equal(t, "—", p.text(t, "[data-testid=total]"))
	p.do(t, typeInto("#f-insurance_years", "3"))
	p.waitFor(t, `document.querySelector("[data-testid=total]").textContent === "39"`)
	// a cut key on /calc holds the total until the visitor goes on (only
	// the fragment changes: the same page load, already marked ready,
	// draws again, so wait for it to have done so)
	p.open(t, "/calc#"+cut)
	p.waitFor(t, `!!document.querySelector("#accept-link")`)
	assert.Equal(t, "—", p.text(t, "[data-testid=total]"))
	assert.NotContains(t, p.eval(t, `document.body.innerText`), "insurance_ye")
	p.do(t, chromedp.Click(chromedp.CSS("#accept-link")))
	p.waitFor(t, fmt.Sprintf(`document.querySelector("[data-testid=total]").textContent === "%d"`, totalAt(t, readable, p.browserToday(t))))
	p.check(t)
}

// TestCalcDateThatDoesNotExist: 02/30/2026 typed into the calculation
// date is said to be invalid, not replaced by today.
func TestCalcDateThatDoesNotExist(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/calc#age=35&as_of=2026-11-28")
	// typed over the date the field holds, segment by segment, then left
	p.do(t, chromedp.Focus(chromedp.CSS("#f-as_of")),
		chromedp.SendKeys(chromedp.CSS("#f-as_of"), "02302026"),
		chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`))
	p.waitFor(t, `!!document.querySelector("#f-as_of-err")`)
	assert.Equal(t, "计算日期不是有效的日期，请重新填写", p.text(t, "#f-as_of-err"))
	assert.Equal(t, "—", p.text(t, "[data-testid=total]"))
	// the sticky total keeps 总分 on one line and the field above it
	assert.Equal(t, "1", p.eval(t, `String(Math.round(document.querySelector(".calc-total-label").getBoundingClientRect().height / parseFloat(getComputedStyle(document.querySelector(".calc-total-label")).lineHeight)))`))
	assert.Equal(t, "true", p.eval(t, `String(document.querySelector("#f-as_of-err").getBoundingClientRect().bottom <= document.querySelector(".calc-total").getBoundingClientRect().top)`))
	p.check(t)
}

// TestSelfTestNumbersAndSpouseZero: a number the self-test cannot take is
// said inline, in the calculator's words, and focused; married less than
// a year is 0 years ("不满 1 年，不加分").
func TestSelfTestNumbersAndSpouseZero(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/#birth=1990-06&education=master")
	for i := 1; i <= 3; i++ {
		p.waitQuestion(t, i)
		p.do(t, chromedp.Click(chromedp.CSS("#next")))
	}
	p.waitQuestion(t, 4)
	for _, bad := range []string{"-3", "99"} {
		p.do(t, typeInto("#insurance_years", bad))
		p.waitFor(t, `!!document.querySelector("#insurance_years-err")`)
		assert.Equal(t, "社保年限请填 0 到 45 之间的整数", p.text(t, "#insurance_years-err"))
		p.do(t, chromedp.Click(chromedp.CSS("#next")))
		p.waitFor(t, `document.activeElement && document.activeElement.id === "insurance_years"`)
		assert.Contains(t, p.text(t, ".quiz-count"), "第 4 / 6 题", "下一题 waits for a number it can use")
	}
	p.do(t, typeInto("#insurance_years", "4"))
	p.waitFor(t, `!document.querySelector("#insurance_years-err")`)
	p.do(t, chromedp.Click(chromedp.CSS("#next")))
	p.waitQuestion(t, 5)
	p.do(t, chromedp.Click(chromedp.CSS("#next")))
	p.waitQuestion(t, 6)
	p.do(t, chromedp.Click(chromedp.CSS(`input[name=spouse][value="1"]`)))
	p.waitFor(t, `!!document.querySelector("#spouse_years")`)
	assert.Equal(t, "0", p.eval(t, `document.querySelector("#spouse_years").value`), "married less than a year: 0")
	assert.Equal(t, "不满 1 年，不加分。", p.text(t, "[data-testid=spouse-zero]"))
	assert.Contains(t, p.text(t, `label[for=spouse_years]`), "与上海户籍配偶的婚龄")
	p.do(t, chromedp.Click(chromedp.CSS("#next")))
	p.waitFor(t, `location.pathname === "/result" && !!document.querySelector("[data-testid=total]")`)
	q := "birth=1990-06&education=master&insurance_years=4"
	assert.Equal(t, fmt.Sprint(totalAt(t, q, p.browserToday(t))), p.text(t, "[data-testid=total]"))
	assert.Equal(t, q, p.hash(t))
	p.check(t)
}

// TestNewTestStartsEmpty: 重新测试 starts a new person's test empty, with
// the last answers one press away.
func TestNewTestStartsEmpty(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	a := "birth=1990-06&education=master&insurance_years=5"
	p.open(t, "/#"+a)
	p.throughSelfTest(t)
	p.do(t, chromedp.Click(chromedp.CSS(`a.btn-ghost[href="/"]`)))
	p.waitFor(t, `location.pathname === "/" && !!document.querySelector("[data-testid=last-answers]")`)
	assert.Equal(t, "0", p.eval(t, `String(document.querySelector("#birth-year").selectedIndex)`), "employee B starts empty")
	assert.Equal(t, "", p.hash(t))
	p.do(t, chromedp.Click(chromedp.CSS("#from-last")))
	p.waitFor(t, `document.querySelector("#birth-year").value === "1990"`)
	p.check(t)
}

// TestClearDataConfirmsAndUndoes: 清除我的数据 asks first, removes every
// key the app writes (listed from storage), says so, and can be undone.
func TestClearDataConfirmsAndUndoes(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/guide#age=35&education=master&insurance_years=4")
	p.do(t, chromedp.Click(chromedp.CSS("#adopt")))
	p.do(t, chromedp.Click(chromedp.CSS("#cond-permit")), chromedp.Click(chromedp.CSS("#m-permit")), chromedp.Click(chromedp.CSS("#q-children")))
	p.do(t, setValue("#permit-expiry", "2027-03-31", "change"))
	keys := `Object.keys(localStorage).filter(k => k.startsWith("jifen.")).sort().join()`
	p.waitFor(t, keys+` === "jifen.answers,jifen.conditions,jifen.permit_expiry,jifen.profile,jifen.ticks"`)
	before := p.eval(t, `JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith("jifen.")).sort())`)

	p.do(t, chromedp.Click(chromedp.CSS("#clear-data")))
	p.waitFor(t, `!!document.querySelector("#clear-yes")`)
	assert.Contains(t, p.text(t, "#clear-q"), "确定清除")
	p.do(t, chromedp.Click(chromedp.CSS("#clear-no")))
	p.waitFor(t, `!!document.querySelector("#clear-data")`)
	assert.Equal(t, "jifen.answers,jifen.conditions,jifen.permit_expiry,jifen.profile,jifen.ticks", p.eval(t, keys), "cancel removes nothing")

	p.do(t, chromedp.Click(chromedp.CSS("#clear-data")), chromedp.Click(chromedp.CSS("#clear-yes")))
	p.waitFor(t, `!!document.querySelector("[data-testid=cleared]")`)
	assert.Equal(t, "", p.eval(t, keys), "every key the app writes is gone")
	assert.Contains(t, p.text(t, "[data-testid=cleared]"), "已清除")
	p.waitFor(t, `document.body.innerText.includes("还没有答案")`)

	p.do(t, chromedp.Click(chromedp.CSS("#clear-undo")))
	p.waitFor(t, keys+` !== ""`)
	assert.Equal(t, before, p.eval(t, `JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith("jifen.")).sort())`))
	p.waitFor(t, `!!document.querySelector("[data-testid=verdict]")`)
	p.check(t)
}

// TestGuideWithoutAnswers: no figure that is not the person's own, and
// the sections numbered from 1.
func TestGuideWithoutAnswers(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/guide")
	body := p.eval(t, `document.body.innerText`)
	assert.Contains(t, body, "还没有答案")
	assert.NotContains(t, body, "预计积分达到")
	first := p.eval(t, `[...document.querySelectorAll("main h2")].map(h => h.textContent).filter(t => /^\d+\. /.test(t))[0]`)
	assert.True(t, strings.HasPrefix(first, "1. "), first)
	assert.Contains(t, p.text(t, "[data-testid=employer-first]"), "单位首次办理")
	p.open(t, "/guide#age=35&education=master")
	assert.Contains(t, p.eval(t, `document.querySelector(".print-header").textContent`), "申请人姓名")
	p.check(t)
}

// TestMineMarkerIsNotTrusted: mine=1 in any link saves nothing: the page
// asks "用这些答案继续" like for any shared result (issue 24).
func TestMineMarkerIsNotTrusted(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/result#age=35&education=master&serious_crime=1&mine=1")
	assert.Contains(t, p.text(t, "[data-testid=shared]"), "这是分享给您的结果")
	assert.Equal(t, "", p.saved(t), "nothing planted into storage")
	assert.NotContains(t, p.hash(t), "mine=1")
	p.do(t, chromedp.Click(chromedp.CSS("#adopt")))
	p.waitFor(t, `document.querySelector("[data-testid=shared]").textContent.includes("已把这些答案保存")`)
	assert.Equal(t, "age=35&education=master&serious_crime=1", p.saved(t))
	p.check(t)
}

// TestDamagedStorage: null or wrong-shape saved data is treated as empty
// and removed, the page says so, and ticking on /guide works (it used to
// end the Go program); a saved profile with one bad value is said.
func TestDamagedStorage(t *testing.T) {
	srv := startServer(t)
	for _, bad := range []string{`null`, `[1,2]`, `"x"`, `{"permit":3}`, `{`} {
		t.Run(bad, func(t *testing.T) {
			p := newPage(t, srv.URL)
			p.open(t, "/")
			p.eval(t, fmt.Sprintf(`["jifen.conditions","jifen.ticks","jifen.answers"].forEach(k => localStorage.setItem(k, %q)), localStorage.setItem("jifen.permit_expiry", "null"), localStorage.setItem("jifen.profile", JSON.stringify("age=35&education=master")), ""`, bad))
			for _, path := range []string{"/guide", "/result", "/calc", "/plan", "/"} {
				p.open(t, path)
			}
			p.open(t, "/guide")
			p.do(t, chromedp.Click(chromedp.CSS("#cond-permit")), chromedp.Click(chromedp.CSS("#m-permit")), chromedp.Click(chromedp.CSS("#q-children")))
			p.waitFor(t, `JSON.parse(localStorage.getItem("jifen.ticks")).permit === true && JSON.parse(localStorage.getItem("jifen.conditions")).permit === true`)
			// the app still answers
			p.do(t, chromedp.Click(chromedp.CSS(`.site-nav a[href="/calc"]`)))
			p.waitFor(t, `location.pathname === "/calc" && document.querySelector("[data-testid=total]").textContent !== ""`)
			p.check(t)
		})
	}
	p := newPage(t, srv.URL)
	p.open(t, "/")
	p.eval(t, `localStorage.setItem("jifen.conditions", "null"), ""`)
	p.open(t, "/guide")
	assert.Contains(t, p.text(t, "[data-testid=saved-damaged]"), "无法读取，已忽略")
	p.eval(t, `localStorage.setItem("jifen.profile", JSON.stringify("age=35&education=master&insurance_years=99")), ""`)
	p.open(t, "/result")
	assert.Contains(t, p.text(t, "[data-testid=saved-damaged]"), "本机保存的答案有 1 处无法读取，已忽略")
	assert.Equal(t, fmt.Sprint(totalAt(t, "age=35&education=master", p.browserToday(t))), p.text(t, "[data-testid=total]"))
	assert.Equal(t, "age=35&education=master", p.saved(t), "the bad part is dropped")
	p.check(t)
}

// TestNoInsuranceSaid: a total of 120 with 0 years of insurance says, by
// the total, that the application needs insurance first.
func TestNoInsuranceSaid(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/result#age=35&education=doctor")
	p.waitFor(t, `!!document.querySelector("[data-testid=no-insurance]")`)
	d := score.Today()
	assert.Contains(t, p.text(t, "[data-testid=no-insurance]"), "近 "+strconv.Itoa(score.N(d, "apply.insured_window"))+" 个月中至少 "+strconv.Itoa(score.N(d, "apply.insured_months"))+" 个月")
	p.open(t, "/result#age=35&education=doctor&insurance_years=1")
	assert.Equal(t, "0", p.eval(t, `String(document.querySelectorAll("[data-testid=no-insurance]").length)`))
	p.check(t)
}
