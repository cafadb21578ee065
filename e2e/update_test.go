package e2e

import (
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
	_, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise))
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

// TestNoLayoutJump checks that the page does not move when the wasm takes
// over the pre-rendered page: the cumulative layout shift stays near 0.
func TestNoLayoutJump(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	for _, path := range []string{"/", "/result?age=35&education=master&insurance_years=3", "/calc?age=35", "/guide?title=senior", "/rules"} {
		p.open(t, path)
		v, err := chromedp.Run(p.ctx, chromedp.Evaluate[float64](`new Promise(r => { let s = 0; new PerformanceObserver(l => { for (const e of l.getEntries()) if (!e.hadRecentInput) s += e.value; }).observe({type: "layout-shift", buffered: true}); setTimeout(() => r(s), 300); })`, chromedp.EvalAwaitPromise))
		require.NoError(t, err)
		t.Logf("layout shift on %s: %.4f", path, v)
		assert.Less(t, v, 0.05, "layout shift on %s", path)
	}
	p.check(t)
}
