package e2e

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jifen/app/qrsvg"
	"jifen/score"
)

// A profile of 192 points on 2026-11-28: 36 years old (30), 本科+学士
// (90, below the title), 中级职称 with the base condition (100), 4 years
// (12), 1× base (50).
const profile192 = "birth=1990-06&education=bachelor_degree&title=intermediate&title_base_ok=1&insurance_years=4&base_tier=1&as_of=2026-11-28"

func TestScoreBoxShowsTheDistanceTo120(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	require.Equal(t, 192, totalAt(t, profile192, score.Date{}))
	p.open(t, "/result#"+profile192)
	assert.Equal(t, "192", p.text(t, `[data-testid=total]`))
	assert.Equal(t, "标准 120 分 · 已超出 72 分", p.text(t, `[data-testid=gap]`))
	assert.Equal(t, "1", p.eval(t, `String(document.querySelectorAll("[data-testid=mark-120]").length)`))
	// the 120 mark sits at 120 on the bar's own scale: the bar of 192 is
	// longer than the mark
	mark := p.eval(t, `String(document.querySelector("[data-testid=mark-120]").getAttribute("x1"))`)
	fill := p.eval(t, `String(document.querySelector(".hero-bar .bar-fg").getAttribute("width"))`)
	m, _ := strconv.Atoi(mark)
	f, _ := strconv.Atoi(fill)
	assert.Greater(t, f, m, "192 reaches past the 120 mark")

	low := "age=30&education=college&insurance_years=2&as_of=2026-11-28"
	p.open(t, "/result#"+low)
	assert.Equal(t, "标准 120 分 · 还差 34 分", p.text(t, `[data-testid=gap]`))
	fill = p.eval(t, `String(document.querySelector(".hero-bar .bar-fg").getAttribute("width"))`)
	f, _ = strconv.Atoi(fill)
	assert.Less(t, f, m, "86 stays short of the 120 mark")

	// each item's bar is scaled to that item's own maximum: a full age
	// score (30 of 30) fills its bar
	age := p.eval(t, `String(document.querySelector("[data-id=age] .bar-fg").getAttribute("width"))`)
	assert.Equal(t, "100", age)
	p.check(t)
}

func TestGuideAgreesWithTheResult(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/result#"+profile192)
	status := p.text(t, `.hero-status`)
	assert.Equal(t, "积分已够 120 分，申请前再确认 6 项", status)
	p.open(t, "/guide#"+profile192)
	verdict := p.text(t, `[data-testid=verdict]`)
	assert.Contains(t, verdict, status, "the guide says what the result says")
	assert.NotContains(t, verdict, "还差")
	assert.NotContains(t, verdict, "不能申请")
	// confirming every condition turns both into "can apply"
	for i := 0; i < 6; i++ {
		p.do(t, chromedp.Click(chromedp.CSS(`.conds input[type=checkbox]:not(:checked)`)))
	}
	p.waitFor(t, `document.querySelector("[data-testid=verdict]").textContent.includes("可以请单位申请")`)
	p.open(t, "/result#"+profile192)
	assert.Contains(t, p.text(t, `.hero-status`), "可以请单位申请")
	p.check(t)
}

func TestFollowUpQuestionIsAskedNotAssumed(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/")
	p.do(t, choose("#birth-year", "1990"), choose("#birth-month", "6"), chromedp.Click(chromedp.CSS("#next")))
	p.waitQuestion(t, 2)
	p.do(t, chromedp.Click(chromedp.CSS(`input[name=education][value=bachelor_degree]`)), chromedp.Click(chromedp.CSS("#next")))
	p.waitQuestion(t, 3)
	p.do(t, chromedp.Click(chromedp.CSS(`input[name=title][value=intermediate]`)))
	p.waitFor(t, `!!document.querySelector("input[name=title_base_ok]")`)
	assert.Equal(t, "0", p.eval(t, `String(document.querySelectorAll("input[name=title_base_ok]:checked").length)`), "nothing preselected")
	for _, v := range []string{"是", "否", "不清楚"} {
		assert.Contains(t, p.text(t, "#base-followup"), v)
	}
	// it scrolls into view and takes the focus
	p.waitFor(t, `document.activeElement && document.activeElement.id === "title_base_ok-legend"`)
	p.waitFor(t, `(r => r.top >= 0 && r.bottom <= innerHeight)(document.getElementById("title_base_ok-legend").getBoundingClientRect())`)
	// 下一题 waits for the answer (clicks land where things are once the
	// smooth scroll to the question has ended)
	p.waitScrollStill(t)
	p.do(t, chromedp.Click(chromedp.CSS("#next")))
	p.waitFor(t, `!!document.querySelector("#base-followup [role=alert]")`)
	assert.Contains(t, p.text(t, ".quiz-count"), "第 3 / 6 题")
	// 不清楚 leaves the key out
	p.waitScrollStill(t)
	p.do(t, chromedp.Click(chromedp.CSS(`input[name=title_base_ok][value=unknown]`)))
	p.waitFor(t, `!location.hash.includes("title_base_ok")`)
	// the message goes once answered, and 下一题 moves up with it: the
	// click waits for that (the address changes before the page is drawn)
	p.waitFor(t, `!document.querySelector("#base-followup [role=alert]")`)
	p.waitScrollStill(t)
	p.do(t, chromedp.Click(chromedp.CSS("#next")))
	p.waitQuestion(t, 4)
	p.check(t)
}

func TestCalculatorErrorsBlankTheTotal(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/calc#birth=1990-06&education=master&insurance_years=4&base_tier=1&as_of=2026-11-28")
	p.waitFor(t, `document.querySelector("[data-testid=total]").textContent === "192"`)
	tierPoints := p.text(t, `[data-key=base_tier] .field-points strong`)
	p.do(t, typeInto("#f-insurance_years", "-3"))
	p.waitFor(t, `document.querySelector("[data-testid=total]").textContent === "—"`)
	assert.Contains(t, p.text(t, `[data-testid=total-status]`), "社保年限", "the sticky total names the field to fix")
	assert.Contains(t, p.text(t, "#f-insurance_years-err"), "0 到 45")
	assert.NotContains(t, p.text(t, "#f-insurance_years-err"), "insurance_years", "no parser words")
	assert.Equal(t, tierPoints, p.text(t, `[data-key=base_tier] .field-points strong`), "a wrong field never changes another item's points")
	p.do(t, typeInto("#f-insurance_years", "4"))
	p.waitFor(t, `document.querySelector("[data-testid=total]").textContent === "192"`)

	// every option of every select has a value
	empty := p.eval(t, `String([...document.querySelectorAll("select option")].filter(o => !o.getAttribute("value")).length)`)
	assert.Equal(t, "0", empty)
	// choosing "估算" for the tier is no error
	p.do(t, choose("#f-base_tier", "unset"))
	p.waitFor(t, `!document.querySelector(".field-error") && document.querySelector("[data-testid=total]").textContent === "142"`)
	p.check(t)
}

// TestTapTargets: every control on every page is at least 44 px tall, and
// no cell of the rules page is narrower than 44 px.
func TestTapTargets(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	for _, path := range []string{"/", "/result#" + profile192, "/calc#" + profile192, "/plan#" + profile192, "/guide#" + profile192, "/rules"} {
		p.open(t, path)
		small := p.eval(t, `JSON.stringify([...document.querySelectorAll("main a, main button, main select, main input:not([type=checkbox]):not([type=radio]), main summary, main label")]
			.filter(e => e.offsetParent !== null)
			.filter(e => e.tagName !== "LABEL" || (e.control && /checkbox|radio/.test(e.control.type)))
			.filter(e => e.getBoundingClientRect().height < 43.5)
			.map(e => e.tagName + " " + e.textContent.trim().slice(0, 20)))`)
		assert.Equal(t, "[]", small, "controls under 44 px on %s", path)
	}
	p.open(t, "/rules")
	narrow := p.eval(t, `String([...document.querySelectorAll("main td, main th")].filter(c => c.offsetParent !== null && c.getBoundingClientRect().width < 44).length)`)
	assert.Equal(t, "0", narrow, "table cells narrower than 44 px on /rules")
	p.check(t)
}

func TestNotFoundPage(t *testing.T) {
	srv := startServer(t)
	res, err := http.Get(srv.URL + "/no-such-page")
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, 404, res.StatusCode)
	p := newPage(t, srv.URL)
	p.notFound = []string{"/no-such-page"} // the browser logs the page's own 404: the point here
	p.open(t, "/no-such-page")
	assert.Contains(t, p.text(t, "main"), "找不到这个页面")
	assert.Equal(t, "1", p.eval(t, `String(document.querySelectorAll('main a[href="/"]').length)`))
	assert.Equal(t, "1", p.eval(t, `String(document.querySelectorAll('main a[href="/calc"]').length)`))
	p.check(t)
}

// TestShareSheet: the QR code is the one of the page's link, and the
// poster is a PNG that shows no birth date.
func TestShareSheet(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/result#"+profile192)
	p.do(t, chromedp.Click(chromedp.CSS("#share")), chromedp.WaitVisible(chromedp.CSS(`[data-testid=share-qr] svg`)))
	link := p.eval(t, `document.querySelector("#share-url").value`)
	prof, _ := score.ParseQuery(profile192)
	assert.Equal(t, srv.URL+"/result#"+prof.Encode(), link)
	want, err := qrsvg.Encode(link)
	require.NoError(t, err)
	d := regexp.MustCompile(` d="([^"]+)"`).FindStringSubmatch(want.SVG())
	require.NotNil(t, d)
	assert.Equal(t, d[1], p.eval(t, `document.querySelector("[data-testid=share-qr] path").getAttribute("d")`), "the QR code encodes the link")

	p.still(t)
	p.do(t, chromedp.Click(chromedp.CSS(`[data-testid=share-poster]`)), chromedp.WaitVisible(chromedp.CSS(`[data-testid=poster-img]`)))
	src := p.eval(t, `document.querySelector("[data-testid=poster-img]").src`)
	b64, ok := strings.CutPrefix(src, "data:image/png;base64,")
	require.True(t, ok, "a PNG")
	raw, err := base64.StdEncoding.DecodeString(b64)
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(raw))
	require.NoError(t, err)
	assert.Equal(t, 750, img.Bounds().Dx())
	assert.Equal(t, 1100, img.Bounds().Dy())
	assert.Greater(t, len(raw), 10_000, "something is drawn")
	lines := p.eval(t, `document.querySelector("[data-testid=poster-img]").dataset.lines`)
	assert.Contains(t, lines, "192 分")
	assert.Contains(t, lines, "已超出 72 分")
	for _, secret := range []string{"1990", "06", "出生", "周岁"} {
		assert.NotContains(t, lines, secret, "the poster shows no birth date")
	}
	p.check(t)
}

func TestGuideSectionsAndOfficialLinks(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/guide#"+profile192+"&spouse_years=2")
	for _, sel := range []string{`[data-testid=self-check]`, `[data-testid=after]`, `[data-testid=official]`} {
		assert.NotEmpty(t, p.text(t, sel), sel)
	}
	assert.Contains(t, p.text(t, `[data-testid=after]`), "退工单")
	assert.Contains(t, p.text(t, `[data-testid=materials]`), "结婚证")
	bad := p.eval(t, `JSON.stringify([...document.querySelectorAll("a[href^='http']")].filter(a => a.target !== "_blank" || a.rel !== "noopener noreferrer").map(a => a.href))`)
	assert.Equal(t, "[]", bad, "outbound links open in a new tab and tell nothing")
	n := p.eval(t, `String(document.querySelectorAll("[data-testid=official] a[href^='https://']").length)`)
	assert.NotEqual(t, "0", n)

	// a question decides an item: children coming along
	assert.NotContains(t, p.text(t, `[data-testid=materials]`), "出生医学证明")
	p.do(t, chromedp.Click(chromedp.CSS(`#q-children`)))
	p.waitFor(t, `document.querySelector("[data-testid=materials]").textContent.includes("出生医学证明")`)
	p.check(t) // no request to those hosts
}

func TestCalendarFile(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	dir := t.TempDir()
	_, err := chromedp.Call(p.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir})
	require.NoError(t, err)
	// below 120 today, 120 reached in a few years (whatever the date: an
	// age grows from today)
	p.open(t, "/guide#age=30&education=college&insurance_years=10")
	today := p.browserToday(t)
	expiry := today.AddMonths(5)
	p.do(t, setValue("#permit-expiry", expiry.String(), "change"))
	p.waitFor(t, `document.querySelector(".reminders").textContent.includes("居住证到期")`)
	p.do(t, chromedp.WaitVisible(chromedp.CSS(`[data-testid=ics]`)), chromedp.Click(chromedp.CSS(`[data-testid=ics]`)))
	var data []byte
	require.Eventually(t, func() bool {
		files, _ := filepath.Glob(filepath.Join(dir, "*.ics"))
		if len(files) == 0 {
			return false
		}
		data, _ = os.ReadFile(files[0])
		return bytes.HasSuffix(data, []byte("END:VCALENDAR\r\n"))
	}, stepTimeout, 50*time.Millisecond, "the .ics file is downloaded")
	cal := string(data)
	assert.True(t, strings.HasPrefix(cal, "BEGIN:VCALENDAR\r\n"))
	assert.Contains(t, cal, "DTSTART;VALUE=DATE:"+strings.ReplaceAll(expiry.String(), "-", ""), "the expiry day")
	assert.Contains(t, cal, "DTSTART;VALUE=DATE:"+strings.ReplaceAll(expiry.AddMonths(-1).String(), "-", ""), "the renewal window opens a month before")
	assert.Equal(t, 3, strings.Count(cal, "BEGIN:VEVENT"), "120 reached, renewal window, expiry")
	p.check(t)
}

// TestCannotApplyIsSaidAtTheTop: past the statutory retirement date, or
// with a veto, the score box says so first and draws no bar past 120.
func TestCannotApplyIsSaidAtTheTop(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	for link, want := range map[string]string{
		"birth=1970-03&education=master&insurance_years=5&retire_group=female50&as_of=2026-11-28": "法定退休年龄",
		"age=35&education=master&serious_crime=1&as_of=2026-11-28":                                "一票否决",
	} {
		p.open(t, "/result#"+link)
		assert.Contains(t, p.text(t, `.hero-status`), want, link)
		assert.NotContains(t, p.text(t, `[data-testid=gap]`), "已超出", link)
		assert.Equal(t, "0", p.eval(t, `String(document.querySelectorAll("[data-testid=mark-120]").length)`), link)
		p.open(t, "/guide#"+link)
		assert.Contains(t, p.text(t, `[data-testid=verdict]`), want, link)
	}
	p.check(t)
}
