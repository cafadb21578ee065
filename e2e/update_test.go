package e2e

import (
	cdppage "github.com/chromedp/cdproto/page"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUpdateNotice deploys a new version under a returning visitor: the
// page offers 新版本可用，点击更新, and the click loads the new version.
func TestUpdateNotice(t *testing.T) {
	old := startServerWith(t, "-addr", "127.0.0.1:0", "-version", "1111111111111111")
	addr := strings.TrimPrefix(old.URL, "http://")
	p := newPage(t, old.URL)
	p.open(t, "/")
	_, err := run(p, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	p.open(t, "/")
	assert.Contains(t, p.eval(t, `document.documentElement.outerHTML`), "/1111111111111111/web/")
	old.stop()

	startServerWith(t, "-addr", addr, "-version", "2222222222222222")
	p.open(t, "/") // served by the old worker, which finds the new one
	p.do(t, chromedp.WaitVisible(chromedp.CSS(`.site-header .notice button`)))
	assert.Equal(t, "新版本可用，点击更新", p.text(t, `.site-header .notice button`))
	p.do(t, chromedp.Click(chromedp.CSS(`.site-header .notice button`)))
	p.waitAcrossReload(t, `document.documentElement.outerHTML.includes("/2222222222222222/web/") && !document.getElementById("app-wasm-loader")`)
	p.check(t)
}

// clsNow is the layout shift so far, once the browser has painted twice
// more: the shifts delivered and those still queued (takeRecords).
const clsNow = `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(() => { window.__clsAdd(window.__clsObs.takeRecords()); r(window.__cls); }))))`

// TestNoLayoutJump checks that the page does not move when the wasm takes
// over the pre-rendered page: the cumulative layout shift stays near 0.
func TestNoLayoutJump(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	// every page adds up its layout shifts from its first script on
	_, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: `
		window.__cls = 0;
		window.__clsAdd = es => { for (const e of es) window.__cls += e.value; }; // no input here: every shift counts
		window.__clsObs = new PerformanceObserver(l => window.__clsAdd(l.getEntries()));
		window.__clsObs.observe({type: "layout-shift", buffered: true});`})
	require.NoError(t, err)
	for _, path := range []string{"/", "/result#age=35&education=master&insurance_years=3", "/calc#age=35", "/guide#title=senior", "/rules", "/plan#age=35"} {
		p.open(t, path)
		// read once the app has drawn the page and the browser has
		// painted twice more
		v, err := run(p, chromedp.Evaluate[float64](clsNow, chromedp.EvalAwaitPromise))
		require.NoError(t, err)
		t.Logf("layout shift on %s: %.4f", path, v)
		assert.Less(t, v, 0.05, "layout shift on %s", path)
	}
	// the measure itself sees a shift: push the page down by 200 px
	v, err := run(p, chromedp.Evaluate[float64](`(() => { const d = document.createElement("div"); d.style.height = "200px"; document.querySelector("main").prepend(d); })(), `+clsNow, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	assert.Greater(t, v, 0.05, "a real jump is measured")
	p.check(t)
}
