package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// articlePage is a partner's article with the snippet in its middle, as
// a consultancy would publish it.
func articlePage(ourOrigin, cta string) string {
	return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>2026 年上海居住证积分怎么算？- 示例人才咨询</title>
<style>body { font: 17px/1.6 sans-serif; margin: 0; color: #222; } header { background: #8e44ad; color: #fff; padding: 12px 16px; font-weight: 700; }
main { padding: 0 16px; } h1 { font-size: 22px; }</style></head>
<body><header>示例人才咨询</header><main>
<h1>2026 年上海居住证积分怎么算？</h1>
<p>居住证积分达到 120 分，子女可以在上海参加中高考，还能享受多项公共服务。先用下面的自测算一算自己现在有多少分。</p>
` + recorder + `
<div id="jifen" data-jifen-embed data-partner="示例人才咨询" data-cta="预约免费咨询" data-cta-url="` + cta + `" data-theme="#8e44ad"></div>
<h2>积分不够怎么办？</h2><p>常见的办法有提高社保缴费基数、取得职称或技能证书、提升学历……</p>
<script src="` + ourOrigin + `/web/embed.js" async></script>
</main></body></html>`
}

type rect struct{ Left, Top, Width, Height float64 }

// tap presses an element inside the embed where a visitor's finger would:
// the partner's page is scrolled to bring it to the middle of the screen,
// and a touch lands at its centre on the page (the browser routes it
// into the frame), never through a script. (A mouse click at the same
// point does not reach a frame of another process under phone emulation.)
func (p *page) tap(t *testing.T, f frame, sel string) {
	t.Helper()
	x, y := p.reveal(t, f, sel)
	p.do(t, chromedp.TapXY(x, y))
}

// reveal scrolls the partner's page to bring an element of the embed to
// the middle of the screen and returns its centre on the screen.
func (p *page) reveal(t *testing.T, f frame, sel string) (x, y float64) {
	t.Helper()
	f.poll(fmt.Sprintf(`document.querySelector(%q)`, sel))
	var in rect
	require.NoError(t, json.Unmarshal([]byte(f.eval(fmt.Sprintf(`(() => { const r = document.querySelector(%q).getBoundingClientRect(); return JSON.stringify({left: r.left, top: r.top, width: r.width, height: r.height}) })()`, sel))), &in))
	// the frame has grown to show it
	p.waitFor(t, fmt.Sprintf(`parseFloat(document.querySelector("#jifen iframe").style.height) >= %f`, in.Top+in.Height))
	var fr rect
	require.NoError(t, json.Unmarshal([]byte(p.eval(t, fmt.Sprintf(`(() => {
		const f = document.querySelector("#jifen iframe");
		scrollBy(0, f.getBoundingClientRect().top + %f - innerHeight / 2);
		const r = f.getBoundingClientRect();
		return JSON.stringify({left: r.left, top: r.top, width: r.width, height: r.height}) })()`, in.Top+in.Height/2))), &fr))
	x, y = fr.Left+in.Left+in.Width/2, fr.Top+in.Top+in.Height/2
	require.True(t, y > 0 && y < 844, "%s on screen: %v", sel, y)
	return x, y
}

// axeSourceOrEmpty is axe-core, or "" when not installed (the
// accessibility test says so).
func axeSourceOrEmpty() string {
	b, err := os.ReadFile(filepath.Join("axe", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		return ""
	}
	return string(b)
}

// axeFrame checks the document in a frame with axe-core, as axeRun does
// a page.
func axeFrame(t *testing.T, f frame, src string) []violation {
	t.Helper()
	f.eval(src + `;""`)
	ctx, cancel := context.WithTimeout(f.ctx, stepTimeout)
	defer cancel()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(
		r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => ({
			id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(" "))}))))`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	var vs []violation
	require.NoError(t, json.Unmarshal([]byte(out), &vs))
	return vs
}

// shot saves what the visitor sees, when JIFEN_SHOTS names a folder.
func (p *page) shot(t *testing.T, name string) {
	dir := os.Getenv("JIFEN_SHOTS")
	if dir == "" {
		return
	}
	b, err := run(p, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644))
}

// TestPartnerVisitor drives a partner's article as a visitor on a phone:
// taps on the embed inside it (real presses on the page, routed into the
// frame), answers, reads the result and the consent step, sends, and the
// contact page opens in a new tab. The partner's page gets the events in
// order and the lead of these answers, computed natively.
func TestPartnerVisitor(t *testing.T) {
	srv := startServer(t)
	cta := refusedHTTPS(t, "/yuyue")
	partner := serveHTML(t, func(string) string { return articlePage(srv.URL, cta) })
	p := newPage(t, partner)
	p.allowed = []string{srv.URL}
	p.do(t, chromedp.Navigate(partner+"/"))
	p.waitFor(t, `got.some(e => e.type === "jifen:ready")`)
	f := attachFrame(t, p, "yuyue")
	f.poll(`window.jifenLoads > 0 && window.jifenReady === window.jifenLoads && document.querySelector("#birth-year")`)
	p.reveal(t, f, "#birth-year")
	p.shot(t, "partner-1-question")
	// a select's list is the phone's own: picking from it is a change
	f.eval(`(() => { for (const [id, v] of [["birth-year", "1990"], ["birth-month", "6"]]) { const s = document.getElementById(id); s.value = v; s.dispatchEvent(new Event("change", {bubbles: true})); } return "" })()`)
	next := func(to int) { // 下一题, and the next question is on screen
		p.tap(t, f, "#next")
		f.poll(fmt.Sprintf(`document.querySelector(".quiz-count").textContent === "第 %d / 6 题"`, to))
	}
	next(2)
	p.tap(t, f, `label:has(input[name=education][value=bachelor])`)
	f.poll(`document.querySelector("input[name=education][value=bachelor]").checked`)
	next(3)
	next(4) // no title
	for i := 1; i <= 3; i++ {
		p.tap(t, f, `button[aria-label^="增加"]`)
		f.poll(fmt.Sprintf(`document.querySelector("#insurance_years").value === "%d"`, i))
	}
	next(5)
	next(6)              // base tier: none
	p.tap(t, f, "#next") // spouse: no; 查看结果
	f.poll(`document.querySelector("[data-testid=total]")`)
	p.waitFor(t, `got.some(e => e.type === "jifen:complete")`)
	assert.Equal(t, stepEvents(), p.partnerEvents(t, "jifen"))

	fields, sentence := expectedLead(t, "birth=1990-06&education=bachelor&insurance_years=3", p.browserToday(t))
	assert.Equal(t, fmt.Sprint(fields["total"]), f.text("[data-testid=total]"))
	assert.Contains(t, f.text("[data-testid=embed-reach]"), "预计")
	assert.Contains(t, f.text("[data-testid=embed-path]"), "最快的办法：")
	p.reveal(t, f, "[data-testid=total]")
	p.shot(t, "partner-2-result")

	// by keyboard: Enter on the button opens the consent step with the
	// focus on its heading; Tab, Tab, Enter on 不用了 closes it and gives
	// the focus back to the button; nothing is sent
	p.eval(t, `document.querySelector("#jifen iframe").focus(), ""`) // keys go to the frame
	f.eval(`document.getElementById("partner-cta").focus(), ""`)
	f.poll(`document.hasFocus() && document.activeElement.id === "partner-cta"`)
	p.press(t, kb.Enter)
	f.poll(`document.activeElement && document.activeElement.id === "consent-title"`)
	p.press(t, kb.Tab)
	f.poll(`document.activeElement.dataset.testid === "partner-send"`)
	p.press(t, kb.Tab)
	f.poll(`document.activeElement.dataset.testid === "partner-cancel"`)
	p.press(t, kb.Enter)
	f.poll(`!document.querySelector("[data-testid=partner-consent]") && document.activeElement.id === "partner-cta"`)
	assert.Equal(t, stepEvents(), p.partnerEvents(t, "jifen"), "nothing sent")
	if src := axeSourceOrEmpty(); src != "" {
		assert.Empty(t, axeFrame(t, f, src), "the result with the call to action")
	}

	p.tap(t, f, "[data-testid=partner-cta]")
	p.shot(t, "partner-3-result-cta")
	f.poll(`document.querySelector("[data-testid=partner-consent]")`)
	assert.Equal(t, sentence, f.text("[data-testid=consent-what]"))
	assert.Contains(t, f.text("[data-testid=partner-consent]"), "示例人才咨询（"+strings.TrimPrefix(partner, "http://")+"）")
	assert.Equal(t, stepEvents(), p.partnerEvents(t, "jifen"), "reading the consent sends nothing")
	p.reveal(t, f, "[data-testid=consent-what]")
	p.shot(t, "partner-4-consent")
	if src := axeSourceOrEmpty(); src != "" {
		assert.Empty(t, axeFrame(t, f, src), "the consent step")
	}
	p.tap(t, f, "[data-testid=partner-send]")
	waitPopup(t, p, cta)
	p.waitBehind(t, `got.some(e => e.type === "jifen:lead")`)
	var lead map[string]any
	require.NoError(t, json.Unmarshal([]byte(p.eval(t, `JSON.stringify(got.find(e => e.type === "jifen:lead").detail)`)), &lead))
	want, _ := json.Marshal(fields)
	gotJSON, _ := json.Marshal(lead)
	assert.JSONEq(t, string(want), string(gotJSON))
	_, err := chromedp.Call(p.ctx, cdppage.BringToFront, cdp.Empty{})
	require.NoError(t, err)
	p.reveal(t, f, "[data-testid=partner-sent]")
	assert.Contains(t, f.text("[data-testid=partner-sent]"), "已发送给示例人才咨询")
	p.shot(t, "partner-5-sent")
	p.check(t)
}

// TestPartnersPageShots saves /partners as a visitor scrolls it, when
// JIFEN_SHOTS names a folder.
func TestPartnersPageShots(t *testing.T) {
	if os.Getenv("JIFEN_SHOTS") == "" {
		t.Skip("JIFEN_SHOTS not set")
	}
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/partners")
	p.do(t, typeInto("#cfg-partner", "示例人才咨询"), typeInto("#cfg-cta", "预约免费咨询"), typeInto("#cfg-cta-url", "https://www.example.com/contact"))
	p.waitFor(t, `document.querySelector("#preview iframe") && document.querySelector("#preview iframe").src.includes("cta_url")`)
	p.waitFor(t, `document.querySelector("#preview iframe").contentWindow.jifenReady > 0`)
	h := p.eval(t, `String(document.documentElement.scrollHeight)`)
	var height float64
	fmt.Sscan(h, &height)
	for i := 0; i < int(math.Ceil(height/800)) && i < 12; i++ {
		p.eval(t, fmt.Sprintf(`scrollTo(0, %d), ""`, i*800))
		p.shot(t, fmt.Sprintf("partners-%02d", i))
	}
}
