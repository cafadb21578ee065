package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	ui "jifen/app"
	"jifen/score"
)

// browserToday is the date in the browser (Shanghai), which the app
// scores at when a profile has no as_of: expected totals of self-test
// answers are computed natively at that same date.
func (p *page) browserToday(t *testing.T) score.Date {
	t.Helper()
	s := p.eval(t, `new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10)`)
	d, err := score.ParseDate(s, false)
	require.NoError(t, err)
	return d
}

// totalAt is the native total of a profile in link form at a date.
func totalAt(t *testing.T, link string, d score.Date) int {
	t.Helper()
	p, probs := score.ParseQuery(link)
	require.Empty(t, probs, link)
	if p.AsOf.IsZero() {
		p.AsOf = d
	}
	r, err := score.Evaluate(p)
	require.NoError(t, err, link)
	return r.Total
}

// hash is the page's fragment, without "#".
func (p *page) hash(t *testing.T) string {
	return p.eval(t, `location.hash.slice(1)`)
}

func (p *page) saved(t *testing.T) string {
	return p.eval(t, `JSON.parse(localStorage.getItem("jifen.profile") || '""')`)
}

func TestFragmentAndOldQueryLinks(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			srv := b.start(t)
			p := newPage(t, srv.URL)
			q := "age=35&education=master&spouse_years=2&as_of=2026-11-28"
			want := fmt.Sprint(totalAt(t, q, score.Date{}))

			p.open(t, "/result#"+q)
			assert.Equal(t, want, p.text(t, `[data-testid=total]`), "a fragment link")

			// an older link with the answers in the query: same total, and
			// the answers move into the fragment
			p.open(t, "/result?"+q)
			assert.Equal(t, want, p.text(t, `[data-testid=total]`), "a query link")
			assert.Equal(t, "", p.eval(t, `location.search`), "no answers left in the query")
			prof, _ := score.ParseQuery(q)
			assert.Equal(t, prof.Encode(), p.hash(t), "the answers, in canonical order, after #")

			// what WeChat and campaign links append is no problem
			for _, link := range []string{
				"/result?from=singlemessage&isappinstalled=0#" + q,
				"/result?" + q + "&from=singlemessage&isappinstalled=0&utm_source=wx&utm_medium=share",
				"/result#" + q + "&from=timeline&scene=1&share_token=x",
			} {
				p.open(t, link)
				assert.Equal(t, want, p.text(t, `[data-testid=total]`), link)
				assert.Equal(t, "0", p.eval(t, `String(document.querySelectorAll("[data-testid=link-problems]").length)`), "no problem notice for %s", link)
			}
			// another unknown key: the link may be cut, so no number until
			// the visitor goes on with what could be read; the key itself is
			// never shown
			p.open(t, "/result#"+q+"&foo=1")
			assert.Contains(t, p.text(t, "[data-testid=link-held]"), "链接可能不完整")
			assert.NotContains(t, p.eval(t, `document.body.innerText`), "foo")
			p.do(t, chromedp.Click(chromedp.CSS("#accept-link")))
			p.waitFor(t, `document.querySelector("[data-testid=total]").textContent === `+jsString(want))
			assert.Equal(t, "0", p.eval(t, `String(document.querySelectorAll("[role=alert]").length)`), "then quietly")
			p.check(t)
		})
	}
}

func TestPreRenderedPagesShowNoNumber(t *testing.T) {
	srv := startServer(t)
	total := regexp.MustCompile(`data-testid="total"[^>]*>([^<]*)<`)
	for _, pg := range ui.Pages {
		if !pg.Profile {
			continue
		}
		res, err := http.Get(srv.URL + pg.Path + "?age=35&education=master")
		require.NoError(t, err)
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		html := string(body)
		if pg.Path == ui.PathEmbed {
			assert.NotContains(t, html, `data-testid="total"`, "the embed starts with its questions")
			continue
		}
		m := total.FindStringSubmatch(html)
		require.NotNil(t, m, "%s has a total", pg.Path)
		assert.NotRegexp(t, `\d`, m[1], "%s is pre-rendered without a number", pg.Path)
		assert.Contains(t, m[1], "正在计算", pg.Path)
	}
}

// TestSharedStaysShared: a friend's link shows the friend's answers, says
// so, and never replaces the visitor's own.
func TestSharedStaysShared(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	own := "birth=1990-06&education=master&insurance_years=5"
	p.open(t, "/#"+own)
	p.throughSelfTest(t)
	today := p.browserToday(t)
	mine := p.saved(t)
	require.Contains(t, mine, "education=master", "the visitor's own answers are saved")
	ownTotal := fmt.Sprint(totalAt(t, mine, today))
	assert.Equal(t, ownTotal, p.text(t, `[data-testid=total]`))

	friend := "age=45&education=college&insurance_years=10"
	p.open(t, "/result#"+friend)
	assert.Contains(t, p.text(t, `[data-testid=shared]`), "这是分享给您的结果")
	assert.Equal(t, fmt.Sprint(totalAt(t, friend, today)), p.text(t, `[data-testid=total]`))
	assert.Equal(t, mine, p.saved(t), "a friend's link saves nothing")

	// the navigation leads to the visitor's own answers
	p.do(t, chromedp.Click(chromedp.CSS(`.site-nav a[href="/calc"]`)))
	p.waitFor(t, `location.pathname === "/calc" && document.querySelector("[data-testid=total]").textContent === `+jsString(ownTotal))
	p.open(t, "/")
	assert.Contains(t, p.text(t, "[data-testid=last-answers]"), "这台设备上有上次的答案")
	assert.Equal(t, mine, p.saved(t))

	// a link that cannot be scored is shown, never saved
	p.open(t, "/calc#birth=2030-01")
	p.waitFor(t, `!!document.querySelector("#f-birth-err")`)
	assert.Equal(t, mine, p.saved(t))
	p.open(t, "/result")
	assert.Equal(t, ownTotal, p.text(t, `[data-testid=total]`))

	// "用这些答案继续" makes the friend's answers the visitor's, saying so
	p.open(t, "/result#"+friend)
	p.do(t, chromedp.Click(chromedp.CSS("#adopt")))
	p.waitFor(t, `document.querySelector("[data-testid=shared]").textContent.includes("已用这些答案替换")`)
	assert.Equal(t, friend, p.saved(t))
	p.check(t)
}

// TestNoRequestCarriesAnAnswer drives a whole journey and checks every
// request the browser made: none carries a profile key or value.
func TestNoRequestCarriesAnAnswer(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, srv.URL)
	p.open(t, "/")
	p.do(t, choose("#birth-year", "1987"), choose("#birth-month", "5"), chromedp.Click(chromedp.CSS("#next")))
	p.waitQuestion(t, 2)
	p.do(t, chromedp.Click(chromedp.CSS(`input[name=education][value=doctor]`)))
	p.waitFor(t, `location.hash.includes("education=doctor")`)
	for i := 2; i <= 6; i++ {
		p.waitQuestion(t, i)
		p.do(t, chromedp.Click(chromedp.CSS("#next")))
	}
	p.waitFor(t, `location.pathname === "/result" && !!document.querySelector("[data-testid=total]")`)
	p.do(t, chromedp.Click(chromedp.CSS("#share")), chromedp.WaitVisible(chromedp.CSS("#share-url")))
	link := p.eval(t, `document.querySelector("#share-url").value`)
	assert.Contains(t, link, "/result#birth=1987-05")
	total := p.text(t, `[data-testid=total]`)
	for _, path := range []string{"/calc", "/plan", "/guide", "/result"} {
		p.do(t, chromedp.Click(chromedp.CSS(`.site-nav a[href="`+path+`"]`)))
		p.waitFor(t, `location.pathname === `+jsString(path)+` && window.jifenLoads > 0 && window.jifenReady === window.jifenLoads`)
		before := p.eval(t, `String(window.jifenLoads)`)
		p.do(t, chromedp.Reload())
		p.waitFor(t, `String(window.jifenLoads) !== `+jsString(before)+` && `+appReady)
		assert.Contains(t, p.text(t, "main"), total, "%s shows the visitor's own total after a reload", path)
	}
	p.mu.Lock()
	reqs := append([]string(nil), p.requestDetails...)
	p.mu.Unlock()
	require.NotEmpty(t, reqs)
	for _, r := range reqs {
		for _, secret := range []string{"birth", "1987-05", "education", "doctor", "insurance_years", "base_tier"} {
			assert.NotContains(t, r, secret, "a request carries an answer")
		}
	}
	p.check(t)
}

// pressWhileLoading opens / over slow 4G (p's origin is a throttling
// proxy's, so that app.wasm takes as long as on a phone), picks a birth
// year and presses 下一题 on the pre-rendered page before the app runs. It
// returns how long after the app started the second question was shown
// (negative: before).
func pressWhileLoading(t testing.TB, p *page) time.Duration {
	// record, from the first script of the page on, when the go-app loader
	// goes and when question 2 appears
	_, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: `
		window.__t = {};
		new MutationObserver(() => {
			if (!window.__t.loaderGone && document.body && !document.getElementById("app-wasm-loader") && window.__t.seenLoader) window.__t.loaderGone = performance.now();
			if (document.getElementById("app-wasm-loader")) window.__t.seenLoader = true;
			const c = document.querySelector(".quiz-count");
			if (!window.__t.q2 && c && c.textContent.includes("第 2 / 6 题")) window.__t.q2 = performance.now();
		}).observe(document, {childList: true, subtree: true, characterData: true});`})
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(p.ctx, 60*time.Second)
	defer cancel()
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(p.origin+"/")))
	year := fmt.Sprint(time.Now().Year() - 38)
	require.NoError(t, chromedp.Do(ctx, choose("#birth-year", year), choose("#birth-month", "4"), chromedp.Click(chromedp.CSS("#next"))))
	loading, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.getElementById("app-wasm-loader")`))
	require.NoError(t, err)
	require.True(t, loading, "the press happened before the app ran")
	label, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#next")))
	require.NoError(t, err)
	assert.Contains(t, label, "正在加载", "the pressed button says it waits")
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](appReady))
	require.NoError(t, err)
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`!!window.__t.q2 && !!window.__t.loaderGone`))
	require.NoError(t, err)
	count, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".quiz-count")))
	require.NoError(t, err)
	assert.Contains(t, count, "第 2 / 6 题", "the press was carried out")
	hash, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.hash`))
	require.NoError(t, err)
	assert.Contains(t, hash, "birth="+year+"-", "the year picked while loading is kept")
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(window.__t)`))
	require.NoError(t, err)
	var times struct{ LoaderGone, Q2 float64 }
	require.NoError(t, json.Unmarshal([]byte(strings.NewReplacer("loaderGone", "LoaderGone", "q2", "Q2").Replace(raw)), &times))
	return time.Duration((times.Q2 - times.LoaderGone) * float64(time.Millisecond))
}

func TestPressWhileLoading(t *testing.T) {
	srv := startServer(t)
	p := newPage(t, startThrottleProxy(t, srv.URL, slow4G).URL)
	d := pressWhileLoading(t, p)
	t.Logf("question 2 shown %v after the app started", d)
	assert.LessOrEqual(t, d, 300*time.Millisecond)
	p.check(t)
}

// BenchmarkPressWhileLoading: the time from the app's start to the second
// question, for a press of 下一题 made while app.wasm loaded over slow 4G.
func BenchmarkPressWhileLoading(b *testing.B) {
	if browserPath == "" {
		b.Skip("no Chromium")
	}
	srv := startServer(b)
	var total time.Duration
	for i := 0; i < b.N; i++ {
		p := newPage(b, startThrottleProxy(b, srv.URL, slow4G).URL)
		total += pressWhileLoading(b, p)
	}
	b.ReportMetric(float64(total.Milliseconds())/float64(b.N), "ms-press-to-question")
}
