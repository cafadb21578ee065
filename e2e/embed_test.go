package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// partnerPage serves a partner's page on another origin (localhost and
// another port, so another site) that embeds the self-test twice: plainly
// and in a sandboxed iframe.
func partnerPage(t *testing.T, ourOrigin string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := ln.Addr().(*net.TCPAddr).Port
	html := `<!doctype html><html><head><meta charset="utf-8"><title>partner</title></head><body>
<h1>Partner</h1>
<script>window.heights = []; addEventListener("message", e => { if (e.data && e.data.type === "jifen:resize") heights.push([e.origin, e.data.height]); });</script>
<div id="plain" data-jifen-embed data-theme="#c0392b" data-profile="age=35&education=master"></div>
<div id="boxed" data-jifen-embed data-sandbox data-profile="age=45&education=college&insurance_years=10"></div>
<script src="` + ourOrigin + `/web/embed.js" async></script>
</body></html>`
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, html)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return fmt.Sprintf("http://localhost:%d", port)
}

// frameContext attaches to the out-of-process iframe whose URL contains s,
// recording its console errors and requests into p.
func frameContext(t *testing.T, p *page, s string) context.Context {
	ctx := p.ctx
	t.Helper()
	var id string
	require.Eventually(t, func() bool {
		targets, err := chromedp.Targets(ctx)
		require.NoError(t, err)
		for _, tg := range targets {
			if tg.Type == "iframe" && strings.Contains(tg.URL, s) {
				id = string(tg.TargetID)
				return true
			}
		}
		return false
	}, 20*time.Second, 100*time.Millisecond, "no iframe target with %s", s)
	// detach on cancel: closing an iframe's target would close its tab
	fctx, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(target.ID(id)), chromedp.WithListener(p.listen), chromedp.WithDetachOnCancel())
	t.Cleanup(cancel)
	return fctx
}

// runIn runs one action in a frame's context within stepTimeout.
func runIn[T any](f context.Context, a chromedp.Action[T]) (T, error) {
	ctx, cancel := context.WithTimeout(f, stepTimeout)
	defer cancel()
	return chromedp.Run(ctx, a)
}

func TestEmbedInPartnerPage(t *testing.T) {
	srv := startServer(t)
	partner := partnerPage(t, srv.URL)
	p := newPage(t, partner)
	p.allowed = []string{srv.URL}
	p.do(t, chromedp.Navigate(partner+"/"))
	p.do(t, chromedp.WaitVisible(chromedp.CSS("#plain iframe")), chromedp.WaitVisible(chromedp.CSS("#boxed iframe")))
	// height messages arrive from both frames and size them
	p.waitFor(t, `heights.length >= 2 && new Set(heights.map(h => h[0])).size === 2`)
	p.waitFor(t, `document.querySelector("#plain iframe").style.height !== "560px" && document.querySelector("#boxed iframe").style.height !== "560px"`)
	origins := p.eval(t, `JSON.stringify([...new Set(heights.map(h => h[0]))].sort())`)
	assert.Equal(t, `["`+srv.URL+`","null"]`, origins, "the plain frame has our origin, the sandboxed one none")

	for _, c := range []struct {
		frame, query string
	}{
		{"age=35", "age=35&education=master"},
		{"age=45", "age=45&education=college&insurance_years=10"},
	} {
		f := frameContext(t, p, c.frame)
		// load the frame again while listening, so that its console is
		// seen; the old document is marked, so the wait is for the new one
		// (the reload can cut the evaluation's answer: it gets a few
		// seconds, and the wait below tells whether the new page came)
		// (the first Run on f attaches to the frame and must have f itself:
		// a context of its own would detach it when cancelled)
		_, err := chromedp.Run(f, chromedp.Evaluate[bool](`true`))
		require.NoError(t, err)
		ctx, cancel := context.WithTimeout(f, 5*time.Second)
		_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__old = true, location.reload(), true`))
		cancel()
		deadline := time.Now().Add(stepTimeout)
		for time.Now().Before(deadline) {
			// short tries: a poll that the reload cuts may never answer
			ctx, cancel := context.WithTimeout(f, 5*time.Second)
			_, err = chromedp.Run(ctx, chromedp.Poll[bool](`!window.__old && `+appReady))
			cancel()
			if err == nil {
				break // else a poll cut by the reload itself: try again
			}
		}
		require.NoError(t, err, "the app starts in the frame")
		// DOM queries do not reach into another process's frame; the
		// clicks go through its own page script.
		for i := 1; i <= 6; i++ {
			_, err := runIn(f, chromedp.Poll[bool](fmt.Sprintf(`(document.querySelector(".quiz-count") || {}).textContent === "第 %d / 6 题" && (document.querySelector("#next").click(), true)`, i)))
			if err != nil {
				txt, _ := runIn(f, chromedp.Evaluate[string](`location.href + " | " + document.body.innerText.slice(0, 300)`))
				t.Fatalf("question %d of %s: %v; the frame shows %s", i, c.frame, err, txt)
			}
		}
		total, err := runIn(f, chromedp.Poll[string](`(document.querySelector("[data-testid=total]") || {}).textContent`))
		require.NoError(t, err)
		assert.Equal(t, fmt.Sprint(p.nativeTotal(t, c.query)), strings.TrimSpace(total), c.query)
		// no install prompt inside a frame
		n, err := runIn(f, chromedp.Evaluate[int](`document.querySelectorAll(".site-header, .install").length`))
		require.NoError(t, err)
		assert.Zero(t, n)
	}
	p.check(t)
}

func TestEmbedThemeAndParent(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/embed?theme=%23c0392b&age=30")
	assert.Equal(t, "#c0392b", strings.TrimSpace(p.eval(t, `getComputedStyle(document.documentElement).getPropertyValue("--accent")`)))
	p.check(t)
	// a bad theme is ignored with a console warning, never an error page
	p.open(t, "/embed?theme=red;x&parent=javascript:alert(1)&age=30")
	assert.Equal(t, "#0f6b5c", strings.TrimSpace(p.eval(t, `getComputedStyle(document.documentElement).getPropertyValue("--accent")`)))
	assert.Contains(t, p.text(t, ".quiz-count"), "第 1 / 6 题")
	assert.NotContains(t, p.text(t, "main"), "theme", "embed parameters are not profile keys")
	p.check(t)
}
